"""A part of a country named as one name: "Northern Syria", "Central Mali", "Eastern Ukraine".

The NER often takes the word for the part into the name, and the gazetteer has no entry for the
whole. When it has none, the name is read as the country after the word (``area_part_words`` of
toponyms.yaml), never a town of that name ("Northern Kani" is no reading of the town Kani). A
name the gazetteer has whole ("North Darfur", "South Sudan") never gets here.
"""

from __future__ import annotations

from typing import Any

from sitroom.geo.candidate import Candidate
from sitroom.geo.gazetteer import Gazetteer
from sitroom.lang.vocabulary.places import toponym_words

_PART_WORDS = toponym_words().area_part_words
# The kinds of place a part of which is read as the whole: a country ("Northern Syria"). Not a
# continent, a region or a province, whose centre lies far from such a part ("Northern Europe"
# read as Europe was 1,500 km off in GeoVirus dev, "Southern California" as California 390 km
# in TR-News dev): those stay unread.
_AREA_KINDS = frozenset({"country"})

Doc = Any  # spaCy ships no type information


def area_part_readings(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> list[Candidate]:
    """The countries the name ``doc[start:end]`` names a part of, when it starts with words for
    a part ("Northern Syria": Syria), else none."""
    inner = start
    while inner < end - 1 and doc[inner].lower_ in _PART_WORDS:
        inner += 1
    if inner == start or not doc[inner].text[:1].isupper():
        return []
    return [
        c
        for c in gazetteer.lookup(doc[inner:end].text)
        if c.kind in _AREA_KINDS and c.match == "exact"
    ]


__all__ = ["area_part_readings"]
