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
    # Why ``fatalities`` is not a count of the period (a running toll, a past episode), if so.
    fatality_note: str | None = None
    # The article mentions it as background ("in 2006 …"), not as a development of its period.
    background: bool = False


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
    country_name: str | None = None  # the country's English name ("Afghanistan" for AF)
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: str | None = None
    # A claim about this event takes part in a contradiction.
    contested: bool = False
    # (stance, claimant) of the named sides of those contradictions: ("deny", "Northern Front").
    disputants: tuple[tuple[str, str], ...] = ()

    @property
    def sources(self) -> tuple[int, ...]:
        return tuple(sorted({m.source for m in self.mentions}))

    @property
    def background(self) -> bool:
        """Every article mentions it only as background."""
        return all(m.background for m in self.mentions)

    @property
    def happened(self) -> bool:
        """A source reports it as having happened: asserted, claimed or denied (not only
        planned, conditional, hypothetical or negated)."""
        return any(m.modality in _HAPPENED for m in self.mentions)

    @property
    def claimed_by(self) -> tuple[str, ...]:
        """Who claims it: the claimed reports' sources, then the asserting sides of disputes."""
        sides = (who for stance, who in self.disputants if stance != "deny")
        return tuple(dict.fromkeys((*_who(self.mentions, "claimed"), *sides)))

    @property
    def denied_by(self) -> tuple[str, ...]:
        sides = (who for stance, who in self.disputants if stance == "deny")
        return tuple(dict.fromkeys((*_who(self.mentions, "denied"), *sides)))

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


_HAPPENED = frozenset({"asserted", "claimed", "denied"})


def _who(mentions: tuple[Mention, ...], modality: str) -> tuple[str, ...]:
    return tuple(
        dict.fromkeys(
            m.attributed_to for m in mentions if m.modality == modality and m.attributed_to
        )
    )


@dataclasses.dataclass(frozen=True)
class FatalityTotal:
    """Reported fatalities summed over distinct asserted developments, highest report each."""

    total: int
    developments: int
    # Developments with a fatality figure left out of the total as not asserted.
    excluded: int
    # Developments whose asserted fatality figures all count outside the period.
    outside_period: int = 0
    # The sources of the counted developments.
    sources: tuple[int, ...] = ()


@dataclasses.dataclass(frozen=True)
class ReportedFigure:
    value: float
    qualifier: str
    unit: str
    what: str | None
    wording: str  # the characters the figure was read from
    sentence: str
    source: int
    category: str = "other"  # the figures box row (situation_report.yaml), "other" if none
    label: str = "Other people counted"
    date: dt.date | None = None  # the date of its event, else of its article
    period: str = "current"  # current, cumulative, historical or background (report.timing)
    why: str | None = None  # why it is not a figure of the period, for the others

    @property
    def current(self) -> bool:
        return self.period == "current"


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
class KeyMessage:
    """One plain sentence of the report's key messages, with the sources it rests on."""

    text: str
    sources: tuple[int, ...]


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
    figures: tuple[ReportedFigure, ...]  # people figures of the period: the figures box
    contests: tuple[Contest, ...]
    quotes: tuple[ReportedQuote, ...]
    # The country's name ("Afghanistan" for AF), None for a report of every country.
    country_name: str | None = None
    key_messages: tuple[KeyMessage, ...] = ()
    # People figures from outside the period (running tolls, past episodes), with the reason.
    context_figures: tuple[ReportedFigure, ...] = ()
    # Developments every article mentions only as background, left out of the report.
    background: int = 0
    # Amounts of money of the period (pledges, appeals, aid): the funding part of the response.
    money: tuple[ReportedFigure, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.developments

    @property
    def listed(self) -> tuple[Development, ...]:
        """The developments a source reports as having happened: what the report lists."""
        return tuple(d for d in self.developments if d.happened)

    def response(self, types: frozenset[str]) -> tuple[Development, ...]:
        """The listed developments of these PLOVER types (aid…): the response, newest first."""
        return tuple(
            sorted(
                (d for d in self.listed if d.type in types),
                key=lambda d: d.date_start or d.date_end or dt.date.min,
                reverse=True,
            )
        )

    @property
    def unrealised(self) -> int:
        """Developments only planned, conditional, hypothetical or negated: counted, not listed."""
        return len(self.developments) - len(self.listed)

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
    "KeyMessage",
    "Mention",
    "MergeMethod",
    "Report",
    "ReportedFigure",
    "ReportedQuote",
    "Source",
]
