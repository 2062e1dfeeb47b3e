"""One gazetteer entry as a lookup returns it."""

from __future__ import annotations

import dataclasses
from typing import Literal

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


__all__ = ["Candidate", "Match", "Source"]
