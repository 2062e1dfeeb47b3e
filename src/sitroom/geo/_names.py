"""Name keys shared by the gazetteer build and its lookups.

Two keys per name, computed identically at build time and at query time:

* ``fold_key``: the name as a reader would consider "the same spelling" — transliterated to ASCII,
  lower-cased, apostrophes and dots dropped, other punctuation turned into single spaces, a leading
  "the" dropped and St./Mt./Ft. expanded. ``Kābūl``, ``KABUL`` and ``Kabul`` share one key.
* ``fuzzy_key``: a deliberately small set of transliteration rules on top of the fold key, so that
  variants of Arabic, Persian and Cyrillic names meet (Panjshir/Panjshayr/Panjsher, Kyiv/Kiev,
  Odesa/Odessa, Hasakah/Hasaka, Maidan Shahr/Maydanshakhr). It is only consulted when the fold
  key finds nothing.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

from anyascii import anyascii

from sitroom.lang.vocabulary.places import toponym_words

_DROP = str.maketrans("", "", "'`.")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_EXPAND = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_PLAIN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")
_ABBREVIATION = re.compile(r"\b(?:st|ste|mt|ft)\b")
# Arabic definite articles written as a separate word ("al-Hasakah", "El Fasher", "Ash Shihr").
_ARTICLES = toponym_words().name_articles  # data/toponyms.yaml
_DOUBLED = re.compile(r"(.)\1+")
_DOUBLED_PAIR = re.compile(r"([^aeiouy]{2})\1")  # "zhzh" in Zaporizhzhia
_VOWELS = re.compile(r"[aeiouy]+")
_FINAL_H = re.compile(r"(?<=[aeiouy])h$")

# Fuzzy keys shorter than this match too many unrelated names to be useful.
MIN_FUZZY = 5


def fold_key(name: str) -> str:
    if name.isascii() and name.isalpha():  # one plain word: by far the most common case
        text = name.lower()
        return _EXPAND.get(text, text)
    if _PLAIN.fullmatch(name):  # most names: letters and single spaces, nothing to fold
        text = name.lower()
        if not _ABBREVIATION.search(text) and not text.startswith("the "):
            return text
    if not name.isascii():
        name = anyascii(unicodedata.normalize("NFC", name))
    text = _NON_ALNUM.sub(" ", name.lower().replace("&", " and ").translate(_DROP)).strip()
    if text.startswith("the ") and len(text) > 4:
        text = text[4:]
    if _ABBREVIATION.search(text):
        text = _ABBREVIATION.sub(lambda m: _EXPAND[m.group()], text)
    return text


def without_article(folded: str) -> str | None:
    """The folded name without its leading Arabic article ("al dawr" -> "dawr"), or None: the
    article is written in many ways (al-, el-, ad-, ash-) or not at all."""
    tokens = folded.split()
    if len(tokens) > 1 and tokens[0] in _ARTICLES:
        return " ".join(tokens[1:])
    return None


@lru_cache(maxsize=200_000)
def fuzzy_key(folded: str) -> str:
    """The transliteration-tolerant key of an already folded name ('' when too short to trust)."""
    tokens = folded.split()
    if len(tokens) > 1 and tokens[0] in _ARTICLES:
        tokens = tokens[1:]
    text = "".join(tokens)
    if len(text) < MIN_FUZZY:
        return ""
    # "kh" is how Russian-style transliteration writes the h of Persian and Arabic names
    # (Maydanshakhr for Maidan Shahr, Khasavyurt/Hasavyurt): the two spellings meet.
    text = text.replace("ph", "f").replace("q", "k").replace("dj", "j").replace("kh", "h")
    text = _DOUBLED_PAIR.sub(r"\1", _DOUBLED.sub(r"\1", text))
    text = _FINAL_H.sub("", text)
    # The first letter stays as written: an initial vowel or "y" carries more identity.
    return text[0] + _VOWELS.sub("a", text[1:])


# A spelling of a name keeps most of its letters (Falluja, Fallujah: 0.93; Maydanshakhr, Maidan
# Shahr: 0.87); the fuzzy key, which reads every vowel alike, also joins names that share only
# their consonants (Mindanao, Mandeni: 0.53; Khurais, Heris: 0.67), and GeoNames lists names of
# other places among a town's alternate names ("Sloviansk" for Nikopol). difflib's ratio of the
# two folded names, without articles, spaces and hyphens, must reach this.
SPELLING_MIN_SIMILARITY = 0.75


def _letters(name: str) -> str:
    folded = fold_key(name)
    return (without_article(folded) or folded).replace(" ", "").replace("-", "")


def spelled_alike(name: str, text: str) -> bool:
    """Whether ``text`` writes ``name`` (the same letters, or a spelling of them), not another
    name with the same consonants."""
    a, b = _letters(name), _letters(text)
    return a == b or SequenceMatcher(None, a, b, autojunk=False).ratio() >= SPELLING_MIN_SIMILARITY


# Letters of scripts other than Latin (Greek, Cyrillic, Arabic, Indic, CJK, ...); general
# punctuation and the Latin extension blocks fall outside these ranges.
_NON_LATIN = re.compile(
    "[\u0370-\u1dff\u1f00-\u1fff\u2c00-\u2c5f\u2c80-\u2dff\u2e80-\ua6ff"
    "\ua800-\ud7ff\uf900-\ufaff\ufb13-\ufdff\ufe70-\ufeff\U00010000-\U0010ffff]"
)


def is_latin(name: str) -> bool:
    """True when the name has no letter of another script (Latin diacritics are fine)."""
    return name.isascii() or not _NON_LATIN.search(name)


__all__ = ["MIN_FUZZY", "fold_key", "fuzzy_key", "is_latin", "spelled_alike", "without_article"]
