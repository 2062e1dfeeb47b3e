"""A number that counts a whole of which the sentence speaks of a part.

"Nearly a third of the city's 600,000 residents have fled": what fled is a third of the
residents, about 200,000, not 600,000; "most of the 300 passengers were freed" says at most
300 were. The fraction words are ``numbers.yaml``'s ``fractions``; the vague parts are
``figure_nouns.yaml``'s ``part_words``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from sitroom.figures.numbers import FRACTIONS, QUALIFIER_CUES
from sitroom.model import Qualifier

# How a fraction's last word hangs on the count before it ("two-thirds", "three quarters").
_FRACTION_LINKS = frozenset({"quantmod", "compound", "nummod", "amod"})


@dataclass(frozen=True)
class Part:
    """The part a figure's sentence speaks of: a share of the whole (``fraction``), or an
    unknown share (``fraction`` None: the figure is then an upper bound)."""

    first: int  # the token opening the part phrase ("Nearly" in "Nearly a third of ...")
    fraction: float | None
    qualifier: Qualifier | None  # the hedge before the fraction ("nearly")


def part_of(noun: Token, number: Token, part_words: frozenset[str], harm: bool) -> Part | None:
    """The part of ``noun`` (the counted noun of ``number``) the sentence speaks of, when the
    number and its noun are the "of" object of a fraction or a part word; ``None`` otherwise.
    A whole that carries its own harm ("one of the 8 soldiers *wounded*", ``harm``) is counted
    whole."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i or harm:
        return None
    if number.i < prep.i:
        return None  # the part's own number ("*Two* of the 12 hostages")
    head = prep.head
    if head.i > noun.i:
        return None
    start = head.left_edge.i
    if head.dep_ in _FRACTION_LINKS and head.head.i < head.i:
        start = min(start, head.head.left_edge.i)  # "two-thirds": "thirds" hangs on "two"
    words = [t for t in head.doc[start : head.i + 1] if t.text != "-"]
    lowered = [t.lower_ for t in words]
    for cut in range(len(words)):
        phrase = " ".join(lowered[cut:])
        if phrase in FRACTIONS:
            hedge = " ".join(lowered[:cut])
            return Part(words[0].i, FRACTIONS[phrase], QUALIFIER_CUES.get(hedge))
    if head.like_num or head.lemma_.lower() in part_words or head.lower_ in part_words:
        return Part(head.i, None, None)  # "two of the 12 hostages", "most of the 300"
    return None


__all__ = ["Part", "part_of"]
