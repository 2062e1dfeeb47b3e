"""Why two mentions were linked, as data; rendered to text only where people read it.

The text (``render``) is what the ``event_links.reason`` column, the CLI, the API and the reports
show; the rules themselves only ever read the records' fields.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Literal

# How two places meet: the same GeoNames entry, the same name, one inside the other by its
# recorded first-level area, two points within the near distance, a place inside a country
# named on the other side; or no place on at least one side.
PlaceMatch = Literal["same_entry", "same_name", "within", "near", "in_country", "unknown"]
# What the shared place is worth: a place finer than a country, only a country, or none.
PlaceStrength = Literal["same", "country", "missing"]
# How the dates meet: no window on one side, an undated side taken to lie in the days before
# its publication, or two dated intervals that overlap (with the slack).
DateMatch = Literal["unknown", "publication", "overlap"]

DateWindow = tuple[dt.date, dt.date]


@dataclasses.dataclass(frozen=True)
class PlaceLink:
    """How the two mentions' places meet. ``first``/``second``: for ``within`` and
    ``in_country`` the inner and the outer place; else the places in the mentions' order."""

    match: PlaceMatch
    strength: PlaceStrength
    first: str | None = None
    second: str | None = None
    geonames_id: int | None = None
    km: float | None = None

    def render(self) -> str:
        match self.match:
            case "same_entry":
                return f"same place {self.first} (GeoNames {self.geonames_id})"
            case "same_name":
                return f"same place {self.first}"
            case "within" | "in_country":
                return f"{self.first} lies in {self.second}"
            case "near":
                return f"{self.first} and {self.second} are {self.km:.0f} km apart"
            case "unknown":
                return "place known on at most one side"


@dataclasses.dataclass(frozen=True)
class DateLink:
    """How the two mentions' dates meet; the windows only for ``overlap``."""

    match: DateMatch
    first: DateWindow | None = None
    second: DateWindow | None = None

    def render(self) -> str:
        match self.match:
            case "unknown":
                return "date unknown"
            case "publication":
                return "dates compatible with publication"
            case "overlap":
                assert self.first is not None and self.second is not None
                (a0, a1), (b0, b1) = self.first, self.second
                return f"dates overlap ({a0}..{a1} / {b0}..{b1})"


@dataclasses.dataclass(frozen=True)
class LinkReason:
    """Why two mentions report one happening: their types, whether they share an article,
    how their places and dates meet, and the actor they share, if any."""

    types: tuple[str, str]
    same_article: bool
    place: PlaceLink
    dates: DateLink
    actor: str | None = None

    def render(self) -> str:
        """The reason as stored and shown: "type FIGHT; same place Tawila; dates …; actor …"."""
        a, b = self.types
        where = self.place.render()
        if self.same_article:
            where = f"same article; {where}"
        parts = [f"type {a if a == b else f'{a}~{b}'}", where, self.dates.render()]
        if self.actor:
            parts.append(f"actor {self.actor}")
        return "; ".join(parts)


__all__ = [
    "DateLink",
    "DateMatch",
    "DateWindow",
    "LinkReason",
    "PlaceLink",
    "PlaceMatch",
    "PlaceStrength",
]
