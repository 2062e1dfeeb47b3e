"""The typed, frozen content of a situation report, built by ``build_report``.

Everything here is read from the store; the renderers only lay it out. Source numbers
(``Source.number``) are what every cited item refers to, starting at 1.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Literal

# How per-article events were merged into developments: by the store's corpus-level merge (the
# only method; the field says so in the report's JSON and text).
MergeMethod = Literal["corpus"]


@dataclasses.dataclass(frozen=True)
class Source:
    number: int
    document_id: str
    title: str | None
    publisher: str | None
    published: dt.date | None
    url: str | None
    license: str | None


@dataclasses.dataclass(frozen=True)
class Mention:
    """One article's report of a development: how it frames it and what it counts."""

    source: int
    modality: str
    attributed_to: str | None = None
    fatalities: int | None = None
    trigger: str | None = None


@dataclasses.dataclass(frozen=True)
class Development:
    """One happening, as reported by one or more sources."""

    type: str
    quad: str
    mentions: tuple[Mention, ...]
    mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    place: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: str | None = None
    # A claim about this event takes part in a contradiction.
    contested: bool = False

    @property
    def sources(self) -> tuple[int, ...]:
        return tuple(sorted({m.source for m in self.mentions}))

    @property
    def asserted(self) -> bool:
        return any(m.modality == "asserted" for m in self.mentions)

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None

    @property
    def triggers(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.trigger for m in self.mentions if m.trigger))

    @property
    def fatality_reports(self) -> tuple[tuple[int, int], ...]:
        """(source, reported fatalities) for each source that gives a number, once each."""
        return tuple(dict.fromkeys((m.source, m.fatalities) for m in self.mentions if m.fatalities))


@dataclasses.dataclass(frozen=True)
class FatalityTotal:
    """Reported fatalities summed over distinct asserted developments, highest report each."""

    total: int
    developments: int
    # Developments with a fatality figure left out of the total as not asserted.
    excluded: int


@dataclasses.dataclass(frozen=True)
class ReportedFigure:
    value: float
    qualifier: str
    unit: str
    what: str | None
    wording: str  # the characters the figure was read from
    sentence: str
    source: int


@dataclasses.dataclass(frozen=True)
class ClaimSide:
    claimant: str | None
    stance: str
    text: str
    source: int


@dataclasses.dataclass(frozen=True)
class Contest:
    """Claims that contradict each other: what is asserted, what is denied, and why."""

    asserting: tuple[ClaimSide, ...]
    denying: tuple[ClaimSide, ...]
    reasons: tuple[str, ...]
    across_articles: bool

    @property
    def sources(self) -> tuple[int, ...]:
        return tuple(sorted({c.source for c in (*self.asserting, *self.denying)}))


@dataclasses.dataclass(frozen=True)
class ReportedQuote:
    speaker: str | None
    text: str
    kind: str
    source: int


@dataclasses.dataclass(frozen=True)
class Count:
    label: str
    count: int
    sources: tuple[int, ...] = ()


@dataclasses.dataclass(frozen=True)
class Report:
    title: str
    country: str | None
    date_from: dt.date | None
    date_to: dt.date | None
    generated_at: dt.datetime
    sources: tuple[Source, ...]
    developments: tuple[Development, ...]  # date order, undated last
    event_mentions: int  # per-article events behind the developments
    merge: MergeMethod
    by_type: tuple[Count, ...]
    by_acled_type: tuple[Count, ...]
    fatalities: FatalityTotal | None
    figures: tuple[ReportedFigure, ...]
    contests: tuple[Contest, ...]
    quotes: tuple[ReportedQuote, ...]

    @property
    def empty(self) -> bool:
        return not self.developments

    @property
    def sources_cited(self) -> tuple[int, ...]:
        """The sources the developments rest on."""
        return tuple(sorted({s for d in self.developments for s in d.sources}))

    def source(self, number: int) -> Source:
        return self.sources[number - 1]


__all__ = [
    "ClaimSide",
    "Contest",
    "Count",
    "Development",
    "FatalityTotal",
    "Mention",
    "MergeMethod",
    "Report",
    "ReportedFigure",
    "ReportedQuote",
    "Source",
]
