"""The Wikinews argument gold set: its files, the selection rule, and how predictions are scored.

Kept apart from ``bench/arguments.py`` so the scoring can be tested on hand-made gold and
predictions without the spaCy model. The annotation standard is ``docs/annotation.md``.

Alignment (a predicted event is *aligned* to a gold event when either holds):

1. **trigger overlap** – its trigger overlaps one of the gold event's trigger spans (any
   predicted type: the type is scored as a slot);
2. **same sentence, compatible type** – its sentence contains the start of one of the gold
   event's triggers and its type is compatible: the same PLOVER type, or both violent (ASSAULT
   and FIGHT are interchangeable here, since whether the other side fought back is often
   unclear from one sentence).

A prediction aligns to one gold event at most: trigger overlap wins over a sentence match, then
the gold event whose trigger is nearest. A gold event may have several aligned predictions (one
per mention); none of them is a false positive.

Scores (all *micro*: pooled over every event of every article in the half, not averaged per
article or per type):

- **found**: share of the non-background gold events with at least one aligned prediction;
- **background flags**: a found background gold event is *flagged* when every prediction
  aligned to it has ``background`` set (none of its mentions reaches the default lists); a
  found non-background gold event is *wrongly flagged* when every prediction aligned to it is
  background (it drops out of the default lists);
- **event tuple** (type + actor1 + place): a predicted event is right when it is aligned and its
  type, actor1 and place are all right; precision = right predictions / counted predictions,
  recall = gold events (non-background) with a right aligned prediction / gold events;
  F1 their harmonic mean. Counted predictions: every prediction of a precision-scope type (the
  material conflict types of the guideline) plus any other prediction aligned to a gold event;
- **event tuple, as shown**: the same scores over what the default lists show, where events
  flagged background are hidden: precision over the counted predictions not flagged background,
  recall over gold events with a right prediction not flagged background (a hidden prediction is
  neither a false positive nor a find). A background gold event whose mention is shown still
  costs precision, as it should: the list shows a stale happening as news;
- **slots on found events**: for each found non-background gold event, the aligned prediction
  with most slots right stands for it; a slot is scored only where the gold has a value (date,
  actor1, actor2, place); type and modality always;
- a **null gold slot** in the tuple (no actor1 or no place in the text) is right only when the
  prediction leaves it empty too: inventing an actor or a place is an error.

Slot rules: an actor is right when one of the predicted entity's mentions overlaps one of the
gold actor's spans, or the entity's name or an alias equals (case-folded) the gold name or an
alias; the gold co-actors are accepted for actor1/actor2 alike. A place is right when the
predicted coordinates lie within 25 km of the gold ones; for a gold place without coordinates
(a region or a country) when a name matches, a mention overlaps, or both are the same country
at country precision. A date is right when the predicted [start, end] overlaps the gold one.
Modality: equal, with sitroom's ``conditional`` counted as ``hypothetical``.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sitroom.model import Entity, Event, Extraction, Place

GOLD_DIR = Path(__file__).resolve().parent / "gold" / "arguments"
WIKINEWS = (
    Path(__file__).resolve().parents[1].parent / "shared/eval-data/wikinews-2019-2020-vanatteveldt"
)
CSV_FILES = ("wikinews_2019.csv", "wikinews_2020.csv")

# Types whose unmatched predictions are false positives (guideline section 3).
PRECISION_TYPES = frozenset({"ASSAULT", "FIGHT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT"})
# Annotated (recall counts them) but never false positives.
RECALL_ONLY_TYPES = frozenset({"AGREE", "SANCTION"})
VIOLENT = frozenset({"ASSAULT", "FIGHT"})
PLACE_RADIUS_KM = 25.0

# The selection rule of docs/annotation.md, section 1 (reproduced by --check-selection).
TITLE_STEMS = re.compile(
    r"\b(attack|bomb|shoot|shot|stab|gunm[ae]n|kill|murder|assassin|protest|demonstrat|march"
    r"|rall(y|ies)|riot|storm|violence|arrest|troops?\b|military|missile|drone|invad|militan"
    r"|rebel|clash|seiz|hostage|abduct|kidnap|airstrike|downing)",
    re.IGNORECASE,
)
TITLE_EXCLUDED = re.compile(
    r"\b(crash|collapse|pileup|hurricane|typhoon|tropical|earthquake|lions?\b|sentenced|pleads"
    r"|court|convicted|bond\b|jails?\b)|(?<!opens )\bfire\b",
    re.IGNORECASE,
)
MAX_CHARS = 4500
MIN_TEXT_STEMS = 5  # stage 2: stem matches in the text of an article whose title has none

GoldSpan = tuple[int, int, str]


@dataclass(frozen=True)
class GoldActor:
    key: str
    name: str
    category: str
    aliases: tuple[str, ...]
    spans: tuple[GoldSpan, ...]


@dataclass(frozen=True)
class GoldPlace:
    key: str
    name: str
    country: str
    lat: float | None
    lon: float | None
    aliases: tuple[str, ...]
    spans: tuple[GoldSpan, ...]


@dataclass(frozen=True)
class GoldEvent:
    id: str
    triggers: tuple[GoldSpan, ...]
    plover: str
    background: bool
    actor1: GoldActor | None
    actor2: GoldActor | None
    co_actors1: tuple[GoldActor, ...]
    co_actors2: tuple[GoldActor, ...]
    place: GoldPlace | None
    place_precision: str | None
    date: tuple[dt.date, dt.date] | None
    modality: str
    acled: tuple[str, str] | None = None
    fatalities: int | None = None


@dataclass(frozen=True)
class GoldArticle:
    url: str
    date: dt.date
    split: str
    events: tuple[GoldEvent, ...]
    path: Path | None = None


@dataclass(frozen=True)
class SlotCounts:
    """Right / scored for one slot."""

    right: int = 0
    scored: int = 0


@dataclass(frozen=True)
class ArticleScore:
    """What one article contributes to the table; summed over a half by ``add``."""

    gold: int = 0  # non-background gold events
    found: int = 0
    background: int = 0
    background_found: int = 0
    tuple_right_gold: int = 0
    counted_predictions: int = 0
    tuple_right_predictions: int = 0
    unmatched_predictions: int = 0
    in_scope_predictions: int = 0
    words: int = 0
    slots: dict[str, SlotCounts] = field(default_factory=dict)
    # PLOVER type of the gold event -> (gold events, found, with a right tuple); non-background
    by_type: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    misses: tuple[str, ...] = ()
    background_flagged: int = 0  # found background gold events, every aligned prediction flagged
    main_flagged: int = 0  # found non-background gold events, every aligned prediction flagged
    foreground_predictions: int = 0  # in-scope predictions not flagged background
    # The same tuple scores over what an analyst's default list shows (background hidden):
    shown_counted: int = 0
    shown_right_predictions: int = 0
    shown_right_gold: int = 0

    def add(self, other: ArticleScore) -> ArticleScore:
        names = set(self.slots) | set(other.slots)
        slots = {
            n: SlotCounts(
                self.slots.get(n, SlotCounts()).right + other.slots.get(n, SlotCounts()).right,
                self.slots.get(n, SlotCounts()).scored + other.slots.get(n, SlotCounts()).scored,
            )
            for n in names
        }
        zero = (0, 0, 0)
        by_type = {
            t: _sum3(self.by_type.get(t, zero), other.by_type.get(t, zero))
            for t in set(self.by_type) | set(other.by_type)
        }
        return ArticleScore(
            self.gold + other.gold,
            self.found + other.found,
            self.background + other.background,
            self.background_found + other.background_found,
            self.tuple_right_gold + other.tuple_right_gold,
            self.counted_predictions + other.counted_predictions,
            self.tuple_right_predictions + other.tuple_right_predictions,
            self.unmatched_predictions + other.unmatched_predictions,
            self.in_scope_predictions + other.in_scope_predictions,
            self.words + other.words,
            slots,
            by_type,
            self.misses + other.misses,
            self.background_flagged + other.background_flagged,
            self.main_flagged + other.main_flagged,
            self.foreground_predictions + other.foreground_predictions,
            self.shown_counted + other.shown_counted,
            self.shown_right_predictions + other.shown_right_predictions,
            self.shown_right_gold + other.shown_right_gold,
        )


def _sum3(a: tuple[int, int, int], b: tuple[int, int, int]) -> tuple[int, int, int]:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


SLOTS = ("type", "actor1", "actor2", "place", "date", "modality")


# --- reading the gold files ---------------------------------------------------------------


def _span(raw: Sequence[object]) -> GoldSpan:
    start, end, surface = raw
    return (int(str(start)), int(str(end)), str(surface))


def _spans(raw: Iterable[Sequence[object]] | None) -> tuple[GoldSpan, ...]:
    return tuple(_span(s) for s in raw or [])


def _date(raw: object) -> dt.date:
    return raw if isinstance(raw, dt.date) else dt.date.fromisoformat(str(raw))


def parse_article(data: dict[str, Any], path: Path | None = None) -> GoldArticle:
    """One gold file's content as typed objects (actor and place keys resolved)."""
    actors: dict[str, GoldActor] = {}
    for key, a in (data.get("actors") or {}).items():
        actors[key] = GoldActor(
            key, a["name"], a["category"], tuple(a.get("aliases") or ()), _spans(a["spans"])
        )
    places: dict[str, GoldPlace] = {}
    for key, p in (data.get("places") or {}).items():
        places[key] = GoldPlace(
            key,
            p["name"],
            p["country"],
            p.get("lat"),
            p.get("lon"),
            tuple(p.get("aliases") or ()),
            _spans(p["spans"]),
        )
    events = []
    for e in data.get("events") or []:
        date = e.get("date")
        events.append(
            GoldEvent(
                id=e["id"],
                triggers=_spans(e["triggers"]),
                plover=e["plover"],
                background=bool(e.get("background")),
                actor1=actors[e["actor1"]] if e.get("actor1") else None,
                actor2=actors[e["actor2"]] if e.get("actor2") else None,
                co_actors1=tuple(actors[k] for k in e.get("co_actors1") or ()),
                co_actors2=tuple(actors[k] for k in e.get("co_actors2") or ()),
                place=places[e["place"]] if e.get("place") else None,
                place_precision=e.get("place_precision"),
                date=(_date(date["start"]), _date(date["end"])) if date else None,
                modality=e.get("modality") or "asserted",
                acled=tuple(e["acled"]) if e.get("acled") else None,
                fatalities=e.get("fatalities"),
            )
        )
    return GoldArticle(
        url=str(data["url"]),
        date=_date(data["date"]),
        split=str(data["split"]),
        events=tuple(events),
        path=path,
    )


def load_gold(directory: Path = GOLD_DIR) -> list[GoldArticle]:
    return [
        parse_article(yaml.safe_load(path.read_text(encoding="utf-8")), path)
        for path in sorted(directory.glob("*.yaml"))
    ]


def all_spans(article: GoldArticle) -> Iterable[GoldSpan]:
    for event in article.events:
        yield from event.triggers
        for actor in (event.actor1, event.actor2, *event.co_actors1, *event.co_actors2):
            if actor is not None:
                yield from actor.spans
        if event.place is not None:
            yield from event.place.spans


def misaligned(article: GoldArticle, text: str) -> list[str]:
    """Spans whose surface is not the text at their offsets (a gold file out of step)."""
    return [
        f"{start}-{end}: gold {surface!r}, text {text[start:end]!r}"
        for start, end, surface in set(all_spans(article))
        if text[start:end] != surface
    ]


# --- the articles and the selection rule ---------------------------------------------------


def read_wikinews(directory: Path = WIKINEWS) -> list[dict[str, str]]:
    csv.field_size_limit(1 << 30)  # the interview articles are long
    rows: list[dict[str, str]] = []
    for name in CSV_FILES:
        with (directory / name).open(newline="", encoding="utf-8") as handle:
            rows.extend(csv.DictReader(handle))
    return rows


def _alternate(urls: Iterable[str]) -> dict[str, str]:
    """dev, test, dev, … over the URLs ranked by CRC-32 (UTF-8 bytes; ties by URL)."""
    ranked = sorted(urls, key=lambda url: (zlib.crc32(url.encode("utf-8")), url))
    return {url: ("dev" if n % 2 == 0 else "test") for n, url in enumerate(ranked)}


def selected(rows: Iterable[dict[str, str]]) -> dict[str, str]:
    """URL -> split by the rule of docs/annotation.md section 1: stage 1 reads the titles;
    stage 2 adds short articles whose text uses the conflict stems often. Each stage is split
    on its own, so adding stage 2 left the stage-1 split as it was."""
    candidates = [
        r for r in rows if not TITLE_EXCLUDED.search(r["title"]) and len(r["text"]) <= MAX_CHARS
    ]
    stage1 = [r["url"] for r in candidates if TITLE_STEMS.search(r["title"])]
    stage2 = [
        r["url"]
        for r in candidates
        if not TITLE_STEMS.search(r["title"])
        and sum(1 for _ in TITLE_STEMS.finditer(r["text"])) >= MIN_TEXT_STEMS
    ]
    return {**_alternate(stage1), **_alternate(stage2)}


# --- matching ---------------------------------------------------------------------------


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _fold(names: Iterable[str]) -> set[str]:
    return {n.casefold().strip() for n in names if n}


def actor_matches(entity: Entity | None, gold: GoldActor) -> bool:
    if entity is None:
        return False
    if any(_overlaps(m, (s[0], s[1])) for m in entity.mentions for s in gold.spans):
        return True
    return bool(_fold([entity.name, *entity.aliases]) & _fold([gold.name, *gold.aliases]))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def place_matches(place: Place | None, gold: GoldPlace, precision: str | None) -> bool:
    if place is None:
        return False
    if gold.lat is not None and gold.lon is not None:
        if place.lat is None or place.lon is None:
            return False
        return distance_km(place.lat, place.lon, gold.lat, gold.lon) <= PLACE_RADIUS_KM
    if _fold([place.name]) & _fold([gold.name, *gold.aliases]):
        return True
    if any(_overlaps(m, (s[0], s[1])) for m in place.mentions for s in gold.spans):
        return True
    return precision == "country" and place.kind == "country" and place.country == gold.country


def _modality(value: str) -> str:
    return "hypothetical" if value == "conditional" else value


class Prediction:
    """One predicted event with its arguments looked up in the extraction."""

    def __init__(self, event: Event, extraction: Extraction) -> None:
        entities = {e.id: e for e in extraction.entities}
        places = {p.id: p for p in extraction.places}
        self.event = event
        self.actor1 = entities.get(event.actor1) if event.actor1 else None
        self.actor2 = entities.get(event.actor2) if event.actor2 else None
        self.place = places.get(event.place) if event.place else None

    def slots(self, gold: GoldEvent) -> dict[str, bool | None]:
        """Each slot right (True), wrong (False) or not scored (None: no gold value)."""

        def actor(
            predicted: Entity | None, main: GoldActor | None, co: Sequence[GoldActor]
        ) -> bool:
            if main is None:
                return predicted is None
            return any(actor_matches(predicted, g) for g in (main, *co))

        date: bool | None = None
        if gold.date is not None:
            start, end = self.event.date.start, self.event.date.end or self.event.date.start
            date = bool(start and end and start <= gold.date[1] and gold.date[0] <= end)
        place = (
            self.place is None
            if gold.place is None
            else place_matches(self.place, gold.place, gold.place_precision)
        )
        return {
            "type": self.event.type == gold.plover,
            "actor1": actor(self.actor1, gold.actor1, gold.co_actors1),
            "actor2": (actor(self.actor2, gold.actor2, gold.co_actors2) if gold.actor2 else None),
            "place": place,
            "date": date,
            "modality": _modality(self.event.modality) == _modality(gold.modality),
        }

    def tuple_right(self, gold: GoldEvent) -> bool:
        s = self.slots(gold)
        return bool(s["type"] and s["actor1"] and s["place"])


def _compatible(predicted: str, gold: str) -> bool:
    return predicted == gold or (predicted in VIOLENT and gold in VIOLENT)


def align(events: Sequence[Event], gold: Sequence[GoldEvent]) -> dict[str, GoldEvent]:
    """Predicted event id -> the gold event it is aligned to (see the module docstring)."""
    aligned: dict[str, GoldEvent] = {}
    for event in events:
        best: tuple[int, int, GoldEvent] | None = None
        for g in gold:
            for start, end, _ in g.triggers:
                if _overlaps(event.trigger, (start, end)):
                    rank = (0, abs(event.trigger[0] - start))
                elif event.sentence[0] <= start < event.sentence[1] and _compatible(
                    event.type, g.plover
                ):
                    rank = (1, abs(event.trigger[0] - start))
                else:
                    continue
                if best is None or rank < best[:2]:
                    best = (*rank, g)
        if best is not None:
            aligned[event.id] = best[2]
    return aligned


def score_article(article: GoldArticle, extraction: Extraction, text: str) -> ArticleScore:
    predictions = {e.id: Prediction(e, extraction) for e in extraction.events}
    aligned = align(extraction.events, article.events)
    by_gold: dict[str, list[Prediction]] = {}
    for event_id, g in aligned.items():
        by_gold.setdefault(g.id, []).append(predictions[event_id])

    counted = [
        p for p in predictions.values() if p.event.type in PRECISION_TYPES or p.event.id in aligned
    ]
    right_predictions = sum(
        1 for p in counted if p.event.id in aligned and p.tuple_right(aligned[p.event.id])
    )
    shown = [p for p in counted if not p.event.background]
    shown_right = sum(
        1 for p in shown if p.event.id in aligned and p.tuple_right(aligned[p.event.id])
    )
    unmatched = [
        p
        for p in predictions.values()
        if p.event.type in PRECISION_TYPES and p.event.id not in aligned
    ]

    slots: dict[str, list[int]] = {s: [0, 0] for s in SLOTS}
    gold_count = found = background = background_found = tuple_right_gold = 0
    background_flagged = main_flagged = shown_right_gold = 0
    by_type: dict[str, list[int]] = {}
    misses: list[str] = []
    where = article.path.name if article.path else article.url
    for g in article.events:
        candidates = by_gold.get(g.id, [])
        all_flagged = bool(candidates) and all(p.event.background for p in candidates)
        if g.background:
            background += 1
            background_found += bool(candidates)
            background_flagged += all_flagged
            if candidates and not all_flagged:
                surface = g.triggers[0][2] if g.triggers else "?"
                misses.append(f"{where} {g.id} {g.plover} '{surface}': background not flagged")
            continue
        gold_count += 1
        counts = by_type.setdefault(g.plover, [0, 0, 0])
        counts[0] += 1
        surface = g.triggers[0][2] if g.triggers else "?"
        if not candidates:
            misses.append(f"{where} {g.id} {g.plover} '{surface}': not found")
            continue
        found += 1
        main_flagged += all_flagged
        if all_flagged:
            misses.append(f"{where} {g.id} {g.plover} '{surface}': flagged background")
        right = any(p.tuple_right(g) for p in candidates)
        tuple_right_gold += right
        shown_right_gold += any(p.tuple_right(g) for p in candidates if not p.event.background)
        counts[1] += 1
        counts[2] += right
        best = max(candidates, key=lambda p: sum(v is True for v in p.slots(g).values()))
        wrong = []
        for name, value in best.slots(g).items():
            if value is None:
                continue
            slots[name][1] += 1
            slots[name][0] += value
            if not value:
                wrong.append(name)
        if wrong:
            misses.append(
                f"{where} {g.id} {g.plover} '{surface}': wrong {', '.join(wrong)} "
                f"(got {best.event.type}, actor1 {_name(best.actor1)}, "
                f"actor2 {_name(best.actor2)}, place {best.place.name if best.place else None})"
            )
    for p in unmatched:
        start, end = p.event.trigger
        misses.append(f"{where} unmatched {p.event.type} '{text[start:end]}'")

    return ArticleScore(
        gold=gold_count,
        found=found,
        background=background,
        background_found=background_found,
        tuple_right_gold=tuple_right_gold,
        counted_predictions=len(counted),
        tuple_right_predictions=right_predictions,
        unmatched_predictions=len(unmatched),
        in_scope_predictions=sum(p.event.type in PRECISION_TYPES for p in predictions.values()),
        words=len(text.split()),
        slots={name: SlotCounts(r, n) for name, (r, n) in slots.items()},
        by_type={t: (c[0], c[1], c[2]) for t, c in by_type.items()},
        misses=tuple(misses),
        background_flagged=background_flagged,
        main_flagged=main_flagged,
        foreground_predictions=sum(
            p.event.type in PRECISION_TYPES and not p.event.background for p in predictions.values()
        ),
        shown_counted=len(shown),
        shown_right_predictions=shown_right,
        shown_right_gold=shown_right_gold,
    )


def _name(entity: Entity | None) -> str | None:
    return entity.name if entity is not None else None


__all__ = [
    "PRECISION_TYPES",
    "RECALL_ONLY_TYPES",
    "ArticleScore",
    "GoldArticle",
    "GoldEvent",
    "Prediction",
    "align",
    "load_gold",
    "misaligned",
    "parse_article",
    "read_wikinews",
    "score_article",
    "selected",
]
