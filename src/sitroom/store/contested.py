"""What the claims board shows beside each claim of a contradiction: the proposition, the side
the claimant speaks for, the outlet and day of its article, and the country it is about.

One row per claim that takes part in a contradiction, within one article or across two."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sitroom.store import schema as t


@dataclasses.dataclass(frozen=True)
class ContestedContext:
    document_id: str
    claim_id: str
    proposition: str | None  # the proposition in words, for a reader
    side: str | None  # the side's name, else the claimant's
    publisher: str | None
    published: dt.date | None
    date: dt.date | None  # the claim's event's day, else the proposition's
    place: str | None
    country: str | None


def _in_a_contradiction() -> sa.ColumnElement[bool]:
    c, k, x = t.claims, t.contradictions, t.cross_contradictions
    within = sa.exists().where(
        k.c.document_id == c.c.document_id, sa.or_(k.c.claim_a == c.c.id, k.c.claim_b == c.c.id)
    )
    across = sa.exists().where(
        sa.or_(
            sa.and_(x.c.document_a == c.c.document_id, x.c.claim_a == c.c.id),
            sa.and_(x.c.document_b == c.c.document_id, x.c.claim_b == c.c.id),
        )
    )
    return sa.or_(within, across)


def _context_select() -> sa.Select[Any]:
    c, d, e, p = t.claims, t.documents, t.events, t.places
    side, who = t.entities.alias("side_entity"), t.entities.alias("claimant_entity")
    joined = (
        c.join(d, d.c.id == c.c.document_id)
        .outerjoin(side, sa.and_(side.c.document_id == c.c.document_id, side.c.id == c.c.side))
        .outerjoin(who, sa.and_(who.c.document_id == c.c.document_id, who.c.id == c.c.claimant))
        .outerjoin(e, sa.and_(e.c.document_id == c.c.document_id, e.c.id == c.c.event))
        .outerjoin(p, sa.and_(p.c.document_id == e.c.document_id, p.c.id == e.c.place))
    )
    return (
        sa.select(
            c.c.document_id,
            c.c.id.label("claim_id"),
            c.c.proposition,
            side.c.name.label("side"),
            sa.func.coalesce(who.c.name, c.c.claimant, c.c.claimant_text).label("claimant"),
            d.c.publisher,
            d.c.published,
            e.c.date_start,
            p.c.name.label("event_place"),
            p.c.country.label("event_country"),
        )
        .select_from(joined)
        .where(_in_a_contradiction())
    )


def _place_countries(conn: Connection, documents: set[str]) -> dict[tuple[str, str], str]:
    """(document, case-folded place name) -> country, for a proposition that names a place."""
    p = t.places
    rows = conn.execute(
        sa.select(p.c.document_id, p.c.name, p.c.country).where(
            p.c.document_id.in_(sorted(documents)), p.c.country.is_not(None)
        )
    )
    return {(r.document_id, r.name.casefold()): r.country for r in rows}


def _pair_words(conn: Connection) -> dict[tuple[str, str], tuple[str | None, str | None]]:
    """(document, claim) -> the proposition and side name its within-article contradiction
    states, for claims whose own record leaves them out."""
    k = t.contradictions
    found: dict[tuple[str, str], tuple[str | None, str | None]] = {}
    for r in conn.execute(
        sa.select(
            k.c.document_id, k.c.claim_a, k.c.claim_b, k.c.proposition, k.c.side_a, k.c.side_b
        )
    ):
        found.setdefault((r.document_id, r.claim_a), (r.proposition, r.side_a))
        found.setdefault((r.document_id, r.claim_b), (r.proposition, r.side_b))
    return found


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


def contested_context(conn: Connection) -> list[ContestedContext]:
    rows = list(conn.execute(_context_select()))
    countries = _place_countries(conn, {r.document_id for r in rows}) if rows else {}
    pairs = _pair_words(conn) if rows else {}
    found: list[ContestedContext] = []
    for row in rows:
        prop: dict[str, Any] = row.proposition if isinstance(row.proposition, dict) else {}
        # The place the proposition names, else the place of the event the claim is about.
        place = prop.get("place") or row.event_place
        country = row.event_country
        if prop.get("place"):
            country = countries.get((row.document_id, str(prop["place"]).casefold()), country)
        pair_proposition, pair_side = pairs.get((row.document_id, row.claim_id), (None, None))
        found.append(
            ContestedContext(
                document_id=row.document_id,
                claim_id=row.claim_id,
                proposition=prop.get("text") or pair_proposition,
                # The side the claim speaks for, else the one its contradiction names, else
                # the claimant.
                side=row.side or pair_side or row.claimant,
                publisher=row.publisher,
                published=row.published,
                date=row.date_start or _date(prop.get("date")),
                place=place,
                country=country,
            )
        )
    return found


__all__ = ["ContestedContext", "contested_context"]
