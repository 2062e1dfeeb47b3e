"""Read a quantity expression: "more than 120,000", "$1.5 billion", "40 percent", "thousands".

Pure string logic, no spaCy. The extractor cuts the expression out of the sentence (hedge cue,
currency, number, percent or currency word) and hands it to :func:`parse_quantity`.

Vague plurals ("dozens", "hundreds", "thousands", "tens of thousands") give the smallest
value the word can mean (12, 100, 1,000, 10,000) with qualifier ``at_least``: that bound is
always true, and a conservative reading is the safe one for casualty counts. "several"
multiplies by 3 and "a few" by 2, also as lower bounds. A range ("10-15", "between 10 and 15")
gives its lower end, again ``at_least``. A ratio ("one in five", "nine out of 10") becomes a
percentage. Fractions ("half", "a third") are not figures here.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Mapping

from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.amounts import Numbers, number_words, qualifier_cues
from sitroom.model import Qualifier

QUALIFIER_CUES: Mapping[str, Qualifier] = qualifier_cues()
_NUMBERS = load_vocabulary(Numbers)  # data/numbers.yaml
_TRAILING_CUES: dict[str, Qualifier] = {"or more": "at_least", "or so": "about", "plus": "at_least"}

# Currency marks and words to ISO 4217. A bare "$" is read as US dollars, the usual wire default.
CURRENCY_PREFIXES: dict[str, str] = {
    "us$": "USD",
    "usd": "USD",
    "a$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "hk$": "HKD",
    "nz$": "NZD",
    "$": "USD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "rs": "INR",
}
CURRENCY_WORDS: dict[str, str] = dict(_NUMBERS.currency_words)
PERCENT_WORDS = ("percentage points", "percentage point", "per cent", "percent", "pct", "%")

_UNITS = {**number_words(), "a": 1, "an": 1}
# Words that multiply what came before ("two dozen", "18 million"); the short forms follow a digit.
MAGNITUDES: dict[str, int] = dict(_NUMBERS.magnitudes)
# Plural magnitudes and vague counts: lower bounds, so the figure becomes "at_least".
VAGUE: dict[str, int] = dict(_NUMBERS.vague_amounts)
_VAGUE_QUALIFIER: Qualifier = _NUMBERS.vague_qualifier
# Fractions of a magnitude ("half a million"); "a half" and "a quarter" as pairs.
FRACTIONS: dict[str, float] = dict(_NUMBERS.fractions)
_ARTICLES = ("a", "an")

_DIGITS = re.compile(r"^(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<suffix>[a-z]*)$")


@dataclasses.dataclass(frozen=True)
class Quantity:
    """What a quantity expression says: the value, the hedge, and a unit if the text names one.

    ``unit`` is "percent", an ISO 4217 code, or ``None`` when the expression itself names no
    unit (the counted noun decides between "people" and "other").
    """

    value: float
    qualifier: Qualifier = "exact"
    unit: str | None = None


def _clean(text: str) -> str:
    out = text.lower().replace("\u2013", "-").replace("\u2014", "-").replace("\u00a0", " ")
    out = re.sub(r"(?<=\d)\s*%", " %", out)
    out = re.sub(r"(?<=[$€£¥₹])(?=\d)", " ", out)
    return " ".join(out.replace("-", " - ").split())


# Cached: the figures stage asks it of every token of a document (can this word be part of a
# number?), and news repeats the same few thousand words; the result is immutable.
@functools.lru_cache(maxsize=65_536)
def parse_number(text: str) -> tuple[float, bool] | None:
    """Value of a number written in digits and/or words, and whether it is a vague lower bound.

    "18 million" → (18e6, False); "two dozen" → (24, False); "tens of thousands" → (1e4, True);
    "120,000" → (120000, False); "half a million" → (5e5, False); "half" → None.
    """
    words = _clean(text).replace(" - ", " ").split()
    if not words:
        return None
    total = 0.0
    current: float | None = None
    vague = False
    number_seen = fraction_seen = False
    index = 0
    while index < len(words):
        word = words[index]
        pair = " ".join(words[index : index + 2])
        if pair in VAGUE:  # "a few"
            word, index = pair, index + 1
        if pair in FRACTIONS or word in FRACTIONS:
            fraction = FRACTIONS[pair if pair in FRACTIONS else word]
            magnitude = _fraction_end(words, index + (2 if pair in FRACTIONS else 1))
            if magnitude is None:
                return None
            index = magnitude
            current = (current or 0.0) + fraction
            number_seen = fraction_seen = True
            continue
        index += 1
        if word in ("and", "of"):
            if not number_seen:
                return None
            continue
        if m := _DIGITS.match(word):
            if current is not None:
                return None  # two bare numbers in a row are not one number
            current = float(m["num"].replace(",", ""))
            if m["suffix"]:
                if m["suffix"] not in MAGNITUDES:
                    return None
                current *= MAGNITUDES[m["suffix"]]
        elif word in _UNITS:
            if word in ("a", "an") and index >= len(words):
                return None
            current = (current or 0) + _UNITS[word]
        elif word in MAGNITUDES and (len(word) > 2 or current is not None):
            size = MAGNITUDES[word]
            base = 1.0 if current is None else current
            if size >= 1_000:
                total += base * size
                current = None
            else:
                current = base * size
        elif word in VAGUE:
            vague = True
            size = VAGUE[word]
            if word in ("several", "a few", "few"):
                if current is not None:
                    return None
                current = float(size)
            elif size >= 1_000:
                total += (1.0 if current is None else current) * size
                current = None
            else:
                current = (1.0 if current is None else current) * size
        else:
            return None
        number_seen = True
    if not number_seen:
        return None
    value = total + (current or 0.0)
    return (float(round(value)) if fraction_seen else value), vague


def _fraction_end(words: list[str], index: int) -> int | None:
    """Where a fraction's magnitude starts: "half [a] million", "a quarter [of a] million";
    ``None`` when no magnitude follows ("half of the town" is no number)."""
    if words[index : index + 1] == ["of"]:
        index += 1
    if index < len(words) and words[index] in _ARTICLES:
        index += 1
    if index < len(words) and words[index] in MAGNITUDES and len(words[index]) > 2:
        return index
    return None


def _strip_prefix(text: str, keys: Iterable[str]) -> tuple[str, str | None]:
    """Remove the longest of ``keys`` that starts ``text``; return the rest and the key."""
    for key in sorted(keys, key=len, reverse=True):
        if text == key or text.startswith(key + " "):
            return text[len(key) :].strip(), key
    return text, None


def _strip_suffix(text: str, keys: Iterable[str]) -> tuple[str, str | None]:
    for key in sorted(keys, key=len, reverse=True):
        if text == key or text.endswith(" " + key):
            return text[: len(text) - len(key)].strip(), key
    return text, None


def parse_quantity(text: str) -> Quantity | None:
    """Parse a whole quantity expression, hedge and unit included; ``None`` if it is not one."""
    rest, cue = _strip_prefix(_clean(text), QUALIFIER_CUES)
    rest, trailing = _strip_suffix(rest, _TRAILING_CUES)
    rest, symbol = _strip_prefix(rest, CURRENCY_PREFIXES)
    unit = CURRENCY_PREFIXES[symbol] if symbol else None
    rest, percent = _strip_suffix(rest, PERCENT_WORDS)
    if percent:
        unit = "percent"
    else:
        rest, word = _strip_suffix(rest, CURRENCY_WORDS)
        unit = unit or (CURRENCY_WORDS[word] if word else None)
    ratio = _parse_ratio(rest) if unit is None else None
    if ratio is not None:
        rest, unit = "", "percent"
    parsed = ratio or parse_number(rest) or _parse_range(rest)
    if parsed is None:
        return None
    value, vague = parsed
    qualifier: Qualifier = _VAGUE_QUALIFIER if vague else "exact"
    if trailing:
        qualifier = _TRAILING_CUES[trailing]
    if cue:
        qualifier = QUALIFIER_CUES[cue]
    return Quantity(value=value, qualifier=qualifier, unit=unit)


def _parse_range(text: str) -> tuple[float, bool] | None:
    """Read a range ("10 - 15", "10 to 15", "between 10 and 15") as its lower end, a lower bound."""
    m = re.fullmatch(r"(?:between )?(?P<low>.+?) (?:-|to|and) (?P<high>.+)", text)
    if m is None or (" and " in m.group(0) and not text.startswith("between ")):
        return None
    low, high = parse_number(m["low"]), parse_number(m["high"])
    if low is None or high is None or low[0] > high[0]:
        return None
    return low[0], True


def _parse_ratio(text: str) -> tuple[float, bool] | None:
    """Read "one in five" or "nine out of 10" as a percentage (20, 90).

    Both sides must be small and the first the smaller, so "5 in 2016" is never a ratio.
    """
    m = re.fullmatch(r"(?P<part>.+?) (?:in|out of) (?P<whole>.+)", text)
    if m is None:
        return None
    part, whole = parse_number(m["part"]), parse_number(m["whole"])
    if part is None or whole is None or part[1] or whole[1]:
        return None
    if not 0 < part[0] < whole[0] <= 100:
        return None
    return round(100 * part[0] / whole[0], 2), False


def qualifier_cue(words: str) -> Qualifier | None:
    """The hedge that ``words`` (the text just before a number) ends with, if any."""
    text = " " + " ".join(words.lower().split())
    for cue in sorted(QUALIFIER_CUES, key=len, reverse=True):
        if text.endswith(" " + cue):
            return QUALIFIER_CUES[cue]
    return None


__all__ = [
    "CURRENCY_PREFIXES",
    "CURRENCY_WORDS",
    "FRACTIONS",
    "MAGNITUDES",
    "PERCENT_WORDS",
    "QUALIFIER_CUES",
    "VAGUE",
    "Quantity",
    "parse_number",
    "parse_quantity",
    "qualifier_cue",
]
