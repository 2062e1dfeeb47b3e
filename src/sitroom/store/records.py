"""Mapping between contract records and table rows, in both directions.

Writing and reading live side by side so that a field added to the contract is visibly missing
from one half when it is added to the other; the round-trip test guards the pair.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

from sitroom.corpus.claims import count_measures, event_proposition, proposition_key
from sitroom.model import (
    AcledType,
    Claim,
    Contradiction,
    Document,
    Duration,
    Entity,
    Event,
    EventDate,
    Extraction,
    Figure,
    Place,
    Proposition,
    Quote,
    Span,
    TimeSpan,
)
from sitroom.store import schema as t

Row = dict[str, Any]

# Separates name and aliases inside entities.search_key; a control character cannot occur in
# a name, so a search string never matches across two of them.
SEARCH_SEPARATOR = "\x1f"


def search_key(entity: Entity) -> str:
    names = [entity.name, *entity.aliases]
    return SEARCH_SEPARATOR.join(name.casefold() for name in names)


def extraction_rows(extraction: Extraction, ingested_at: dt.datetime) -> dict[sa.Table, list[Row]]:
    """Every row that stores ``extraction``, by table, parents first."""
    doc = extraction.document
    key = doc.id
    rows: dict[sa.Table, list[Row]] = {
        t.documents: [
            {
                "id": key,
                "title": doc.title,
                "url": doc.url,
                "publisher": doc.publisher,
                "published": doc.published,
                "language": doc.language,
                "license": doc.license,
                "text": doc.text,
                "extraction_schema": extraction.schema_,
                "ingested_at": ingested_at,
            }
        ]
    }
    rows[t.entities] = [
        {
            "document_id": key,
            "id": e.id,
            "seq": seq,
            "name": e.name,
            "label": e.label,
            "actor_type": e.actor_type,
            "aliases": e.aliases,
            "country": e.country,
            "affiliation": e.affiliation,
            "role": e.role,
            "mentions": e.mentions,
            "search_key": search_key(e),
        }
        for seq, e in enumerate(extraction.entities)
    ]
    rows[t.places] = [
        {
            "document_id": key,
            "id": p.id,
            "seq": seq,
            "name": p.name,
            "kind": p.kind,
            "country": p.country,
            "admin1": p.admin1,
            "lat": p.lat,
            "lon": p.lon,
            "geonames_id": p.geonames_id,
            "precision": p.precision,
            "mentions": p.mentions,
        }
        for seq, p in enumerate(extraction.places)
    ]
    rows[t.times] = [
        {
            "document_id": key,
            "seq": seq,
            "text": ts.text,
            "date_start": ts.start,
            "date_end": ts.end,
            "precision": ts.precision,
            "span_start": ts.span[0],
            "span_end": ts.span[1],
        }
        for seq, ts in enumerate(extraction.times)
    ]
    rows[t.durations] = [
        {
            "document_id": key,
            "seq": seq,
            "text": d.text,
            "value": d.value,
            "amount": d.amount,
            "unit": d.unit,
            "qualifier": d.qualifier,
            "date_start": d.start,
            "date_end": d.end,
            "span_start": d.span[0],
            "span_end": d.span[1],
        }
        for seq, d in enumerate(extraction.durations)
    ]
    rows[t.events] = [_event_row(key, seq, ev) for seq, ev in enumerate(extraction.events)]
    rows[t.quotes] = [
        {
            "document_id": key,
            "id": q.id,
            "seq": seq,
            "text": q.text,
            "span_start": q.span[0],
            "span_end": q.span[1],
            "kind": q.kind,
            "speaker": q.speaker,
            "speaker_start": q.speaker_span[0] if q.speaker_span else None,
            "speaker_end": q.speaker_span[1] if q.speaker_span else None,
            "cue": q.cue,
        }
        for seq, q in enumerate(extraction.quotes)
    ]
    events = {e.id: e for e in extraction.events}
    places = {p.id: p for p in extraction.places}
    rows[t.claims] = [
        {
            "document_id": key,
            "id": c.id,
            "seq": seq,
            "claimant": c.claimant,
            "stance": c.stance,
            "text": c.text,
            "span_start": c.span[0],
            "span_end": c.span[1],
            "event": c.event,
            "hedges": c.hedges,
            "claimant_text": c.claimant_text,
            "claimant_start": c.claimant_span[0] if c.claimant_span else None,
            "claimant_end": c.claimant_span[1] if c.claimant_span else None,
            "side": c.side,
            "embedded_in": c.embedded_in,
            "proposition": (
                c.proposition.model_dump(mode="json") if c.proposition is not None else None
            ),
            "proposition_key": proposition_key(c.proposition or _linked(c, events, places)),
        }
        for seq, c in enumerate(extraction.claims)
    ]
    rows[t.claim_counts] = _count_rows(extraction, events, places)
    rows[t.contradictions] = [
        {
            "document_id": key,
            "seq": seq,
            "claim_a": c.claims[0],
            "claim_b": c.claims[1],
            "reason": c.reason,
            "proposition": c.proposition,
            "side_a": c.sides[0] if c.sides else None,
            "side_b": c.sides[1] if c.sides else None,
        }
        for seq, c in enumerate(extraction.contradictions)
    ]
    rows[t.figures] = [
        {
            "document_id": key,
            "seq": seq,
            "value": f.value,
            "unit": f.unit,
            "qualifier": f.qualifier,
            "what": f.what,
            "span_start": f.span[0],
            "span_end": f.span[1],
            "event": f.event,
            "period": f.period,
        }
        for seq, f in enumerate(extraction.figures)
    ]
    return rows


def _event_row(key: str, seq: int, ev: Event) -> Row:
    return {
        "document_id": key,
        "id": ev.id,
        "seq": seq,
        "type": ev.type,
        "mode": ev.mode,
        "cameo": ev.cameo,
        "acled_event_type": ev.acled.event_type if ev.acled else None,
        "acled_sub_event_type": ev.acled.sub_event_type if ev.acled else None,
        "quad": ev.quad,
        "actor1": ev.actor1,
        "actor2": ev.actor2,
        "place": ev.place,
        "place_basis": ev.place_basis,
        "inferred": ",".join(ev.inferred) or None,
        "co_actors1": ev.co_actors1 or None,
        "co_actors2": ev.co_actors2 or None,
        "date_start": ev.date.start,
        "date_end": ev.date.end,
        "date_precision": ev.date.precision,
        "modality": ev.modality,
        "attributed_to": ev.attributed_to,
        "fatalities": ev.fatalities,
        "trigger_start": ev.trigger[0],
        "trigger_end": ev.trigger[1],
        "sentence_start": ev.sentence[0],
        "sentence_end": ev.sentence[1],
        "confidence": ev.confidence,
        "background": ev.background,
    }


def _spans(value: Iterable[Iterable[int]]) -> list[Span]:
    # JSON has no tuples: spans come back as two-element lists.
    return [(int(a), int(b)) for a, b in value]


def _linked(claim: Claim, events: dict[str, Event], places: dict[str, Place]) -> Proposition | None:
    """A claim without a proposition is about its linked event, if any (``crossdoc``)."""
    event = events.get(claim.event or "")
    if event is None:
        return None
    place = places.get(event.place or "")
    return event_proposition(event.type, place.name if place else None, event.date.start)


def _count_rows(
    extraction: Extraction, events: dict[str, Event], places: dict[str, Place]
) -> list[Row]:
    """Each claim's counts by measure (``count_measures``), with its day (its proposition's, its
    linked event's, else the document's) and the places it is about, as (country, admin1,
    kind): those named inside it and its linked event's place, else the place the article
    names first (its dateline or lead: where the article is)."""
    out: list[Row] = []
    named = [(min(p.mentions), p) for p in extraction.places if p.mentions]
    lead = min(named, key=lambda x: x[0])[1] if named else None
    for c in extraction.claims:
        measures = count_measures(c.proposition)
        if not measures:
            continue
        event = events.get(c.event or "")
        about = [
            p
            for p in extraction.places
            if any(c.span[0] <= start and end <= c.span[1] for start, end in p.mentions)
        ]
        if event is not None and (at := places.get(event.place or "")) is not None:
            about.append(at)
        if not about and lead is not None:  # said nowhere: where the article is
            about.append(lead)
        keys = sorted({(p.country, p.admin1, p.kind) for p in about}, key=repr)
        day = (
            (c.proposition.date if c.proposition is not None else None)
            or (event.date.start if event is not None else None)
            or extraction.document.published
        )
        out.extend(
            {
                "document_id": extraction.document.id,
                "claim_id": c.id,
                "measure": measure,
                "day": day,
                "places": [list(k) for k in keys],
            }
            for measure in sorted(measures)
        )
    return out


def _children(connection: Connection, table: sa.Table, document_id: str) -> Sequence[RowMapping]:
    query = sa.select(table).where(table.c.document_id == document_id).order_by(table.c.seq)
    return connection.execute(query).mappings().all()


def load_extraction(connection: Connection, document_id: str) -> Extraction | None:
    """The extraction stored for ``document_id``, rebuilt exactly as it was added."""
    doc = connection.execute(sa.select(t.documents).where(t.documents.c.id == document_id)).first()
    if doc is None:
        return None

    def rows(table: sa.Table) -> Sequence[RowMapping]:
        return _children(connection, table, document_id)

    return Extraction(
        document=Document(
            id=doc.id,
            title=doc.title,
            url=doc.url,
            publisher=doc.publisher,
            published=doc.published,
            language=doc.language,
            license=doc.license,
            text=doc.text,
        ),
        entities=[
            Entity(
                id=r["id"],
                name=r["name"],
                label=r["label"],
                actor_type=r["actor_type"],
                aliases=r["aliases"],
                country=r["country"],
                affiliation=r["affiliation"],
                role=r["role"],
                mentions=_spans(r["mentions"]),
            )
            for r in rows(t.entities)
        ],
        places=[
            Place(
                id=r["id"],
                name=r["name"],
                kind=r["kind"],
                country=r["country"],
                admin1=r["admin1"],
                lat=r["lat"],
                lon=r["lon"],
                geonames_id=r["geonames_id"],
                precision=r["precision"],
                mentions=_spans(r["mentions"]),
            )
            for r in rows(t.places)
        ],
        times=[
            TimeSpan(
                text=r["text"],
                start=r["date_start"],
                end=r["date_end"],
                precision=r["precision"],
                span=(r["span_start"], r["span_end"]),
            )
            for r in rows(t.times)
        ],
        durations=[
            Duration(
                text=r["text"],
                value=r["value"],
                amount=r["amount"],
                unit=r["unit"],
                qualifier=r["qualifier"],
                start=r["date_start"],
                end=r["date_end"],
                span=(r["span_start"], r["span_end"]),
            )
            for r in rows(t.durations)
        ],
        events=[_event(r) for r in rows(t.events)],
        quotes=[
            Quote(
                id=r["id"],
                text=r["text"],
                span=(r["span_start"], r["span_end"]),
                kind=r["kind"],
                speaker=r["speaker"],
                speaker_span=(
                    None if r["speaker_start"] is None else (r["speaker_start"], r["speaker_end"])
                ),
                cue=r["cue"],
            )
            for r in rows(t.quotes)
        ],
        claims=[
            Claim(
                id=r["id"],
                claimant=r["claimant"],
                stance=r["stance"],
                text=r["text"],
                span=(r["span_start"], r["span_end"]),
                event=r["event"],
                hedges=r["hedges"],
                claimant_text=r["claimant_text"],
                claimant_span=(
                    None
                    if r["claimant_start"] is None
                    else (r["claimant_start"], r["claimant_end"])
                ),
                side=r["side"],
                embedded_in=r["embedded_in"],
                proposition=(None if r["proposition"] is None else Proposition(**r["proposition"])),
            )
            for r in rows(t.claims)
        ],
        contradictions=[
            Contradiction(
                claims=(r["claim_a"], r["claim_b"]),
                reason=r["reason"],
                proposition=r["proposition"],
                sides=None if r["side_a"] is None else (r["side_a"], r["side_b"]),
            )
            for r in rows(t.contradictions)
        ],
        figures=[
            Figure(
                value=r["value"],
                unit=r["unit"],
                qualifier=r["qualifier"],
                what=r["what"],
                span=(r["span_start"], r["span_end"]),
                event=r["event"],
                period=r["period"],
            )
            for r in rows(t.figures)
        ],
    )


def _event(r: RowMapping) -> Event:
    acled = None
    if r["acled_event_type"] is not None:
        acled = AcledType(
            event_type=r["acled_event_type"], sub_event_type=r["acled_sub_event_type"]
        )
    return Event(
        id=r["id"],
        type=r["type"],
        mode=r["mode"],
        cameo=r["cameo"],
        acled=acled,
        quad=r["quad"],
        actor1=r["actor1"],
        actor2=r["actor2"],
        place=r["place"],
        place_basis=r["place_basis"],
        date=EventDate(start=r["date_start"], end=r["date_end"], precision=r["date_precision"]),
        modality=r["modality"],
        attributed_to=r["attributed_to"],
        fatalities=r["fatalities"],
        co_actors1=r["co_actors1"] or [],
        co_actors2=r["co_actors2"] or [],
        inferred=r["inferred"].split(",") if r["inferred"] else [],
        trigger=(r["trigger_start"], r["trigger_end"]),
        sentence=(r["sentence_start"], r["sentence_end"]),
        confidence=r["confidence"],
        background=bool(r["background"]),
    )


__all__ = ["SEARCH_SEPARATOR", "extraction_rows", "load_extraction", "search_key"]
