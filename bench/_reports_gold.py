"""The multi-sentence report probe: its gold files and how a report's core events are scored.

Kept apart from ``bench/reports.py`` so the scoring can be tested on hand-made gold and
predictions without the spaCy model. The schema is in the gold files' headers
(``bench/gold/reports/dev.yaml`` and ``test.yaml``).

Each report is one document, read with its publication date. Each gold core event is aligned
with at most one predicted event, and a predicted event with at most one gold event:

1. a predicted event is a *candidate* for a gold event when its sentence (the sentence of its
   trigger) holds one of the gold event's cues: only the sentences that state the event count,
   so a background mention or another happening of the report is never taken for it;
2. the candidates of a gold event are ranked by: an acceptable type first, then most of actor1,
   actor2, place and date right, then the more confident;
3. over the whole report the best-ranked (gold, prediction) pairs are taken first, so two gold
   events of one sentence ("gunmen killed ..., and police arrested ...") each get their own
   prediction when there are two.

Scores, as shares of the gold core events of a half (an event not found is wrong in every slot):

- **found**: a prediction is aligned (of any type);
- **type**: its type is one of the acceptable ones;
- **actor1 / actor2 / place**: judged as ``bench/_probe_scores.py`` says (a null gold slot is
  right only when the prediction leaves it empty);
- **date**: the prediction's first and last day (the last is the first when open) are both
  acceptable days of the gold event: a week or a month around the right day is wrong;
- **all**: found, and type, actor1, actor2, place and date all right.

Over-coding: the predicted events per report that are not flagged background (what the default
lists show), beside the gold core events per report.

Mention score: a report tells a happening several times (a lede, a relative clause, a passive, a
quote, "the attack" in a recap), and each telling can come out as its own prediction; the
alignment above keeps only the best one, so a later mention that loses the actor or takes a
wrong place does not show there. Every predicted event whose sentence holds a cue of a gold core
event and whose type is one of that event's acceptable types is a *mention* of it (when it is a
mention of two, it is judged against the one it fits best, ranked as in the alignment); of the
mentions, the score gives the share whose actor1, actor2 and place are right, and whose three
are all right. The gold reports list as cues every sentence that tells their core events from
round 5 (ids 92-107) on, so the score means most there; it is shown for those reports apart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from _probe_scores import actor_right, alternatives, find, place_right
from sitroom.model import Event, Extraction

GOLD_DIR = Path(__file__).resolve().parent / "gold" / "reports"
GOLD_FILES = ("dev.yaml", "test.yaml")
SLOTS = ("type", "actor1", "actor2", "place", "date")
ROUND5_FIRST = 92  # the first id of the long reports that list every telling of their events


@dataclass(frozen=True)
class GoldEvent:
    cues: tuple[str, ...]
    types: tuple[str, ...]
    actor1: tuple[str, ...]  # alternatives; () when the report names no one
    actor2: tuple[str, ...]
    place: tuple[str, ...]
    dates: tuple[dt.date, ...]  # acceptable days


@dataclass(frozen=True)
class GoldReport:
    id: int
    split: str
    published: dt.date
    text: str
    events: tuple[GoldEvent, ...]

    @property
    def url(self) -> str:
        return f"https://probe.sitroom.invalid/reports/{self.id}"


def _dates(raw: object) -> tuple[dt.date, ...]:
    values = raw if isinstance(raw, list) else [raw]
    return tuple(v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v)) for v in values)


def parse_event(data: dict[str, Any]) -> GoldEvent:
    return GoldEvent(
        cues=alternatives(data["cue"]),
        types=tuple(str(t) for t in data["types"]),
        actor1=alternatives(data.get("actor1")),
        actor2=alternatives(data.get("actor2")),
        place=alternatives(data.get("place")),
        dates=_dates(data["date"]),
    )


def parse_report(data: dict[str, Any]) -> GoldReport:
    published = data["published"]
    return GoldReport(
        id=int(data["id"]),
        split=str(data["split"]),
        published=published
        if isinstance(published, dt.date)
        else dt.date.fromisoformat(str(published)),
        text=str(data["text"]),
        events=tuple(parse_event(e) for e in data["events"]),
    )


def load_reports(directory: Path = GOLD_DIR) -> list[GoldReport]:
    reports = []
    for name in GOLD_FILES:
        data = yaml.safe_load((directory / name).read_text(encoding="utf-8"))
        reports.extend(parse_report(d) for d in data["reports"])
    return sorted(reports, key=lambda r: r.id)


def problems(reports: Sequence[GoldReport]) -> list[str]:
    """Where the gold files break their schema (ids, the split rule, texts not in the report)."""
    found = []
    for n, r in enumerate(reports):
        # a gap is allowed (a round's test half is written and measured before its dev half)
        if n and r.id <= reports[n - 1].id:
            found.append(f"id {r.id} after id {reports[n - 1].id}")
        if r.split != ("dev" if r.id % 2 == 0 else "test"):
            found.append(f"{r.id}: split {r.split}, but even ids are dev and odd ones test")
        if not 1 <= len(r.events) <= 4:
            found.append(f"{r.id}: {len(r.events)} core events, not 1-4")
        for e in r.events:
            if not e.types or not e.cues or not e.dates:
                found.append(f"{r.id}: an event without a type, a cue or a date")
            for text in (*e.cues, *e.actor1, *e.actor2, *e.place[:1]):
                if find(r.text, text) is None:
                    found.append(f"{r.id}: {text!r} is not in the report")
    return found


# --- alignment and scoring ---------------------------------------------------------------


@dataclass(frozen=True)
class Judged:
    """One predicted event judged against one gold event."""

    event: Event | None
    type: bool = False
    actor1: bool = False
    actor2: bool = False
    place: bool = False
    date: bool = False
    actor1_name: str | None = None
    actor2_name: str | None = None
    place_name: str | None = None

    @property
    def found(self) -> bool:
        return self.event is not None

    @property
    def all_right(self) -> bool:
        return self.found and self.type and self.actor1 and self.actor2 and self.place and self.date

    def rank(self) -> tuple[bool, int, float]:
        slots = self.actor1 + self.actor2 + self.place + self.date
        return (self.type, slots, self.event.confidence if self.event else 0.0)


def date_right(event: Event, gold: GoldEvent) -> bool:
    start = event.date.start
    end = event.date.end or start
    return start is not None and start in gold.dates and end in gold.dates


def in_cue_sentence(event: Event, gold: GoldEvent, text: str) -> bool:
    start, end = event.sentence
    for cue in gold.cues:
        span = find(text, cue)
        if span is not None and start <= span[0] < end:
            return True
    return False


def judge(event: Event, gold: GoldEvent, extraction: Extraction) -> Judged:
    entities = {e.id: e for e in extraction.entities}
    places = {p.id: p for p in extraction.places}
    text = extraction.document.text
    a1 = entities.get(event.actor1) if event.actor1 else None
    a2 = entities.get(event.actor2) if event.actor2 else None
    place = places.get(event.place) if event.place else None
    return Judged(
        event,
        event.type in gold.types,
        actor_right(a1, gold.actor1, text),
        actor_right(a2, gold.actor2, text),
        place_right(place, gold.place, text),
        date_right(event, gold),
        a1.name if a1 else None,
        a2.name if a2 else None,
        place.name if place else None,
    )


def align(report: GoldReport, extraction: Extraction) -> list[Judged]:
    """For each gold event in order, its aligned prediction judged (``Judged(None)``: none)."""
    text = extraction.document.text
    pairs = [
        (judge(event, gold, extraction), n)
        for n, gold in enumerate(report.events)
        for event in extraction.events
        if in_cue_sentence(event, gold, text)
    ]
    pairs.sort(key=lambda pair: pair[0].rank(), reverse=True)
    chosen: dict[int, Judged] = {}
    used: set[str] = set()
    for judged, n in pairs:
        assert judged.event is not None
        if n in chosen or judged.event.id in used:
            continue
        chosen[n] = judged
        used.add(judged.event.id)
    return [chosen.get(n, Judged(None)) for n in range(len(report.events))]


@dataclass(frozen=True)
class HalfScore:
    reports: int = 0
    events: int = 0
    found: int = 0
    type: int = 0
    actor1: int = 0
    actor2: int = 0
    place: int = 0
    date: int = 0
    all_right: int = 0
    predicted: int = 0  # shown (not background) predicted events

    def add(self, judged: Sequence[Judged], predicted: int) -> HalfScore:
        return HalfScore(
            self.reports + 1,
            self.events + len(judged),
            self.found + sum(j.found for j in judged),
            self.type + sum(j.type for j in judged),
            self.actor1 + sum(j.actor1 for j in judged),
            self.actor2 + sum(j.actor2 for j in judged),
            self.place + sum(j.place for j in judged),
            self.date + sum(j.date for j in judged),
            self.all_right + sum(j.all_right for j in judged),
            self.predicted + predicted,
        )


def mentions(report: GoldReport, extraction: Extraction) -> list[Judged]:
    """Every predicted mention of a gold core event, judged against the event it fits best."""
    text = extraction.document.text
    found = []
    for event in extraction.events:
        candidates = [
            judge(event, gold, extraction)
            for gold in report.events
            if event.type in gold.types and in_cue_sentence(event, gold, text)
        ]
        if candidates:
            found.append(max(candidates, key=Judged.rank))
    return found


@dataclass(frozen=True)
class MentionScore:
    mentions: int = 0
    actor1: int = 0
    actor2: int = 0
    place: int = 0
    all_right: int = 0  # actor1, actor2 and place right

    def add(self, judged: Sequence[Judged]) -> MentionScore:
        return MentionScore(
            self.mentions + len(judged),
            self.actor1 + sum(j.actor1 for j in judged),
            self.actor2 + sum(j.actor2 for j in judged),
            self.place + sum(j.place for j in judged),
            self.all_right + sum(j.actor1 and j.actor2 and j.place for j in judged),
        )


def shown(extraction: Extraction) -> int:
    """The predicted events the default lists show (not flagged background)."""
    return sum(not e.background for e in extraction.events)


__all__ = [
    "GOLD_DIR",
    "ROUND5_FIRST",
    "SLOTS",
    "GoldEvent",
    "GoldReport",
    "HalfScore",
    "Judged",
    "MentionScore",
    "align",
    "date_right",
    "in_cue_sentence",
    "judge",
    "load_reports",
    "mentions",
    "parse_report",
    "problems",
    "shown",
]
