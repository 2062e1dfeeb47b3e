"""One gazetteer entry as a lookup returns it."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Literal

from sitroom.geo._names import fold_key
from sitroom.model import Place, PlaceKind, Span

Source = Literal["geonames", "curated"]
Match = Literal["exact", "fuzzy"]


@dataclasses.dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may refer to.

    ``uid`` is stable across builds of the same data ("gn:1138958", "cc:AF", "us:TX",
    "cur:AF:panjshir") and is what resolution groups mentions by. ``population`` is 0 when unknown
    (curated entries, US states). ``match`` says whether the looked-up name met this entry through
    its spelling ("exact", after folding case, diacritics and punctuation) or only through the
    transliteration-tolerant key ("fuzzy").
    """

    uid: str
    name: str
    kind: PlaceKind
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    population: int
    feature: str
    source: Source
    precision: int | None = None
    match: Match = "exact"

    def to_place(
        self, place_id: str, precision: Literal[1, 2, 3], mentions: list[Span] | None = None
    ) -> Place:
        """The document place this entry resolves to, under the document's place id."""
        return Place(
            id=place_id,
            name=self.name,
            kind=self.kind,
            country=self.country,
            admin1=self.admin1,
            lat=self.lat,
            lon=self.lon,
            geonames_id=self.geonames_id,
            precision=precision,
            mentions=mentions if mentions is not None else [],
        )


def seat_town(candidate: Candidate, name: str, candidates: Iterable[Candidate]) -> bool:
    """Whether ``candidate`` is a town of the mention's very name inside a first-level area that
    the name also reads as ("Kherson" in Kherson Oblast, "Tillaberi" in Tillaberi Region): a
    bare name is then mostly the town, the area when the text says so ("Kherson region")."""
    if candidate.kind not in {"city", "locality"} or candidate.match != "exact":
        return False
    if fold_key(candidate.name) != fold_key(name) or candidate.admin1 is None:
        return False
    return any(
        c.kind == "admin1" and c.country == candidate.country and c.admin1 == candidate.admin1
        for c in candidates
    )


def qualified_by(candidate: Candidate, qualifier: Iterable[Candidate]) -> bool:
    """Whether one of the areas of ``qualifier`` (countries, first-level areas) contains it."""
    for q in qualifier:
        if q.uid == candidate.uid:
            continue
        if q.kind == "country" and q.country == candidate.country:
            return True
        if q.kind in {"admin1", "region"} and candidate.admin1 and q.admin1 == candidate.admin1:
            return True
    return False


__all__ = ["Candidate", "Match", "Source", "qualified_by", "seat_town"]
