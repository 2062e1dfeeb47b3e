"""Builders for hand-made ``Extraction`` records over texts written in the tests.

Every span is found by searching the text it points into, so spans are exact by construction and
a phrase missing from the text fails at once (``str.index`` raises). Imported as ``builders``,
like ``handmade``: pytest's ``pythonpath`` puts ``tests`` on the path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Literal

from sitroom.ingest.text import make_document
from sitroom.model import (
    AcledType,
    ActorType,
    Claim,
    Contradiction,
    Entity,
    Event,
    EventDate,
    Extraction,
    Figure,
    Place,
    PlaceKind,
    PloverType,
    Quad,
    Quote,
    QuoteKind,
    Span,
    Stance,
    TimePrecision,
    TimeSpan,
)

Precision = Literal[1, 2, 3]

# The CAMEO root and quad class each PLOVER type is written with, so data names only the type.
PLOVER_CODES: dict[PloverType, tuple[str, Quad]] = {
    "ASSAULT": ("18", "material_conflict"),
    "FIGHT": ("19", "material_conflict"),
    "PROTEST": ("14", "verbal_conflict"),
    "THREATEN": ("13", "verbal_conflict"),
    "AID": ("07", "material_cooperation"),
    "CONSULT": ("04", "verbal_cooperation"),
}

ARMED_CLASH = AcledType(event_type="Battles", sub_event_type="Armed clash")
SHELLING = AcledType(
    event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack"
)


def span(text: str, phrase: str, after: int = 0) -> Span:
    start = text.index(phrase, after)
    return (start, start + len(phrase))


def spans(text: str, *phrases: str) -> list[Span]:
    """Mentions in reading order: a repeated phrase gives its next occurrence."""
    found: list[Span] = []
    for phrase in phrases:
        found.append(span(text, phrase, found[-1][1] if found else 0))
    return found


def sentence(text: str, phrase: str) -> Span:
    """The sentence holding ``phrase``."""
    return sentence_at(text, text.index(phrase))


def sentence_at(text: str, at: int) -> Span:
    """The sentence holding offset ``at``: from the last ". " before it to the next full stop."""
    start = text.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    return (start, text.index(".", at) + 1)


def one_day(day: dt.date) -> EventDate:
    return EventDate(start=day, end=day, precision="day")


def time_span(
    text: str,
    phrase: str,
    start: dt.date,
    end: dt.date | None = None,
    precision: TimePrecision = "day",
) -> TimeSpan:
    return TimeSpan(
        text=phrase, start=start, end=end or start, precision=precision, span=span(text, phrase)
    )


def entity(eid: str, name: str, actor_type: ActorType | None = None, **fields: Any) -> Entity:
    fields.setdefault("label", "PERSON" if actor_type == "person" else "ORG")
    return Entity(id=eid, name=name, actor_type=actor_type, **fields)


def place(
    pid: str,
    name: str,
    country: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
    *,
    kind: PlaceKind = "city",
    precision: Precision = 1,
    **fields: Any,
) -> Place:
    return Place(
        id=pid,
        name=name,
        kind=kind,
        country=country,
        lat=lat,
        lon=lon,
        precision=precision,
        **fields,
    )


def event(
    text: str,
    eid: str,
    kind: PloverType,
    trigger: str | Span,
    *,
    in_sentence: Span | None = None,
    cameo: str | None = None,
    date: EventDate | None = None,
    confidence: float = 0.8,
    **fields: Any,
) -> Event:
    """An event whose trigger is the first ``trigger`` in its sentence; by default the sentence
    is the one around the first ``trigger`` in the text.

    A ``trigger`` given as a span is kept as it is: some store tests write placeholder texts
    whose offsets mark no word, and only need the event to point somewhere inside them."""
    type_cameo, quad = PLOVER_CODES[kind]
    if isinstance(trigger, str):
        within = in_sentence or sentence(text, trigger)
        trigger_span = span(text, trigger, within[0])
    else:
        within = in_sentence or sentence_at(text, trigger[0])
        trigger_span = trigger
    return Event(
        id=eid,
        type=kind,
        cameo=cameo or type_cameo,
        quad=quad,
        date=date or EventDate(),
        trigger=trigger_span,
        sentence=within,
        confidence=confidence,
        **fields,
    )


def attack_at(at: int, **fields: Any) -> Event:
    """An attack (ASSAULT) told by the one character at ``at`` of some text, for rules that read
    only events' fields and offsets."""
    return Event(
        id=f"v{at}",
        type="ASSAULT",
        cameo="18",
        quad="material_conflict",
        date=EventDate(),
        trigger=(at, at + 1),
        sentence=(at, at + 1),
        confidence=0.5,
        **fields,
    )


def quote(text: str, qid: str, phrase: str, kind: QuoteKind, **fields: Any) -> Quote:
    return Quote(id=qid, text=phrase, span=span(text, phrase), kind=kind, **fields)


def claim(
    text: str,
    cid: str,
    stance: Stance,
    phrase: str,
    *,
    wording: str | None = None,
    **fields: Any,
) -> Claim:
    """A claim spanning ``phrase``, whose text is ``phrase`` unless ``wording`` says otherwise."""
    return Claim(id=cid, stance=stance, text=wording or phrase, span=span(text, phrase), **fields)


def figure(text: str, phrase: str, value: float, unit: str = "people", **fields: Any) -> Figure:
    return Figure(value=value, unit=unit, span=span(text, phrase), **fields)


def ledger(nlp: Any, text: str) -> tuple[list[Claim], list[Contradiction], dict[str, str]]:
    """The claims and contradictions the pipeline ``nlp`` finds in ``text``, with the names of
    its entities by id."""
    doc = nlp(text)
    names = {e.id: e.name for e in doc._.sitroom_entities}
    return list(doc._.sitroom_claims), list(doc._.sitroom_contradictions), names


def contradiction_pairs(nlp: Any, text: str) -> list[tuple[str, str]]:
    """The texts of the two claims of each contradiction the ledger finds in ``text``."""
    claims, found, _ = ledger(nlp, text)
    words = {c.id: c.text for c in claims}
    return [(words[k.claims[0]], words[k.claims[1]]) for k in found]


def extract_reports(
    extractor: Any, articles: Sequence[tuple[str, str, str]], source: str
) -> list[Extraction]:
    """Each ``(outlet, ISO day, text)`` of ``articles`` through ``extractor`` (a
    ``sitroom.service.Extractor``), as documents of sources ``{source}-0``, ``{source}-1``…"""
    return [
        extractor.extract(
            make_document(
                text,
                source=f"{source}-{n}",
                publisher=outlet,
                published=dt.date.fromisoformat(day),
            )
        )
        for n, (outlet, day, text) in enumerate(articles)
    ]
