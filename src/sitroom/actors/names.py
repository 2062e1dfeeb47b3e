"""Person-name matching that tolerates transliteration variants and honorifics.

"Ahmad Massoud", "Ahmed Massoud", "Amir Saheb Ahmad Masoud" and "Massoud" should be one person:
names are reduced to a consonant skeleton (first letter kept, later vowels dropped, doubled letters
collapsed), which absorbs the usual romanisation differences of Arabic, Persian and Pashto names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from anyascii import anyascii

_NON_LETTERS = re.compile(r"[^a-z]")


def skeleton(word: str) -> str:
    ascii_word = _NON_LETTERS.sub("", anyascii(word).lower())
    if not ascii_word:
        return ""
    head, tail = ascii_word[0], ascii_word[1:]
    tail = re.sub(r"[aeiouy]", "", tail)
    out = head
    for ch in tail:
        if ch != out[-1]:
            out += ch
    return out


def name_tokens(name: str, honorifics: Iterable[str]) -> list[str]:
    """The words of a person's name without honorifics, titles or a possessive."""
    titles = set(honorifics)
    words = [w for w in re.split(r"\s+", name.replace("’", "'").strip()) if w]
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    words = [w for w in words if w.strip(".'")]
    kept = [w for w in words if w.lower().strip(".") not in titles]
    return kept or words


def same_person(a: list[str], b: list[str]) -> bool:
    """Whether two honorific-free names can denote one person.

    The last names must match by skeleton; when both have given names, the first given names must
    match too (so "Ahmad Shah Massoud" and "Ahmad Massoud" stay compatible, "Ali Ahmadi" and
    "Reza Ahmadi" do not).
    """
    if not a or not b:
        return False
    if skeleton(a[-1]) != skeleton(b[-1]):
        return False
    if len(a) > 1 and len(b) > 1:
        return skeleton(a[0]) == skeleton(b[0])
    return True


__all__ = ["name_tokens", "same_person", "skeleton"]
