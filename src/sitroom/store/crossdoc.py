"""Contradictions between articles: a claim in one document asserts what a claim in another
denies, about the same proposition (``sitroom.corpus.claims``), from different sides. Candidates
share an indexed proposition key; the corpus layer judges them. Pairs are stored assert side
first, so the result does not depend on the order in which the documents arrived."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sitroom.corpus.claims import (
    SLACK,
    SidedClaim,
    accusation_rejected,
    accused_keys,
    contradicts,
    event_proposition,
    proposition_key,
    reason,
    side_name,
)
from sitroom.model import Proposition
from sitroom.store import schema as t

_CHUNK = 500


@dataclasses.dataclass(frozen=True)
class CrossContradiction:
    assert_document: str
    assert_title: str | None
    assert_claim: str
    assert_claimant: str | None
    assert_text: str
    deny_document: str
    deny_title: str | None
    deny_claim: str
    deny_claimant: str | None
    deny_text: str
    reason: str


def _sided(where: Any) -> sa.Select[Any]:
    """Claims with a proposition key, each with the name of the side it speaks for (the side's
    entity, else the claimant's, else the claimant's words) and those words (``side_name``), its
    linked event and the corpus event (happening) that event belongs to."""
    c, e, p, m = t.claims, t.events, t.places, t.corpus_event_members
    side, who = t.entities.alias("side_entity"), t.entities.alias("claimant_entity")
    name = sa.func.coalesce(side.c.name, who.c.name, c.c.claimant, c.c.claimant_text)
    joined = (
        c.outerjoin(side, sa.and_(side.c.document_id == c.c.document_id, side.c.id == c.c.side))
        .outerjoin(who, sa.and_(who.c.document_id == c.c.document_id, who.c.id == c.c.claimant))
        .outerjoin(e, sa.and_(e.c.document_id == c.c.document_id, e.c.id == c.c.event))
        .outerjoin(p, sa.and_(p.c.document_id == e.c.document_id, p.c.id == e.c.place))
        .outerjoin(m, sa.and_(m.c.document_id == c.c.document_id, m.c.event_id == c.c.event))
    )
    return (
        sa.select(
            c.c.document_id,
            c.c.id,
            c.c.stance,
            c.c.proposition,
            c.c.proposition_key,
            name.label("side_name"),
            c.c.claimant_text,
            e.c.type.label("event_type"),
            e.c.date_start,
            p.c.name.label("place"),
            p.c.country.label("place_country"),
            p.c.admin1.label("place_admin1"),
            p.c.kind.label("place_kind"),
            m.c.corpus_event_id,
        )
        .select_from(joined)
        .where(c.c.proposition_key.is_not(None), where)
    )


def _claim(row: Any) -> SidedClaim:
    """A stored claim; one stored without a proposition is about its linked event."""
    if row.proposition is not None:
        proposition = Proposition(**row.proposition)
    else:
        proposition = event_proposition(row.event_type, row.place, row.date_start)
    side = side_name(row.side_name, row.claimant_text)
    where = None
    if row.place is not None and row.place == proposition.place:
        where = (row.place_country, row.place_admin1, row.place_kind)
    return SidedClaim(
        row.document_id, row.id, row.stance, side, proposition, row.corpus_event_id, where=where
    )


_PairKey = tuple[str, str, str, str]  # document_a, claim_a, document_b, claim_b


def _pair(mine: SidedClaim, other: SidedClaim, found: dict[_PairKey, str]) -> None:
    """Note one contradiction, assert side first (of two assertions, the earlier document's
    first), unless noted already: the first reason found for a pair is the one stored."""
    if mine.stance == other.stance:
        asserting, denying = sorted((mine, other), key=lambda c: (c.document, c.claim))
    else:
        asserting, denying = (mine, other) if mine.stance == "assert" else (other, mine)
    key = (asserting.document, asserting.claim, denying.document, denying.claim)
    if key not in found:
        found[key] = reason(asserting, denying)


def _store_pairs(conn: Connection, found: dict[_PairKey, str]) -> int:
    """Store the pairs not stored already, in one statement; how many were new. (One SELECT
    and one INSERT per pair cost a round trip each on PostgreSQL.)"""
    table = t.cross_contradictions
    columns = (table.c.document_a, table.c.claim_a, table.c.document_b, table.c.claim_b)
    keys = list(found)
    stored: set[_PairKey] = set()
    for start in range(0, len(keys), _CHUNK):
        part = keys[start : start + _CHUNK]
        rows = conn.execute(sa.select(*columns).where(sa.tuple_(*columns).in_(part)))
        stored.update((r.document_a, r.claim_a, r.document_b, r.claim_b) for r in rows)
    names = ("document_a", "claim_a", "document_b", "claim_b")
    new = [
        {**dict(zip(names, k, strict=True)), "reason": found[k]} for k in keys if k not in stored
    ]
    if new:
        conn.execute(table.insert(), new)
    return len(new)


def _counted(conn: Connection, where: Any) -> dict[tuple[str, str], tuple[Any, set[str]]]:
    """(document, claim) → (day, places) and measures, of the count rows ``where`` selects."""
    k = t.claim_counts
    found: dict[tuple[str, str], tuple[Any, set[str]]] = {}
    for row in conn.execute(sa.select(k).where(where)):
        places = tuple(tuple(p) for p in row.places)
        found.setdefault((row.document_id, row.claim_id), ((row.day, places), set()))[1].add(
            row.measure
        )
    return found


def _rival_count_candidates(
    conn: Connection, chunk: Sequence[str]
) -> tuple[list[SidedClaim], list[SidedClaim]]:
    """The claims with counts of these documents, and the claims of other documents with a
    count of one of their measures whose day (when both are known) lies within the week: the
    candidates for rival counts, found by the (measure, day) index rather than by proposition
    key, with the day and places each is about (``one_place``)."""
    k = t.claim_counts
    mine = _counted(conn, k.c.document_id.in_(chunk))
    wanted: set[tuple[str, str]] = set()
    for (document, _), ((day, _places), measures) in mine.items():
        near: Any = sa.true()
        if day is not None:
            near = sa.or_(k.c.day.is_(None), k.c.day.between(day - SLACK, day + SLACK))
        query = sa.select(k.c.document_id, k.c.claim_id).where(
            k.c.measure.in_(sorted(measures)), k.c.document_id != document, near
        )
        wanted.update((r.document_id, r.claim_id) for r in conn.execute(query))
    if not wanted:
        return [], []
    others = _counted(conn, sa.tuple_(k.c.document_id, k.c.claim_id).in_(sorted(wanted)))
    counted = {**others, **mine}
    keys = sorted(set(mine) | wanted)
    claims = []
    for start in range(0, len(keys), _CHUNK):
        part = keys[start : start + _CHUNK]
        rows = conn.execute(_sided(sa.tuple_(t.claims.c.document_id, t.claims.c.id).in_(part)))
        for row in rows:
            (day, places), _ = counted[(row.document_id, row.id)]
            claims.append(dataclasses.replace(_claim(row), day=day, places=places))
    return [c for c in claims if (c.document, c.claim) in mine], claims


def _near(claims: Sequence[SidedClaim]) -> Any:
    """Claims of documents published (when known) within the week of these claims' days, when
    all of these are known: the claims of every family a rejection of accusations may answer
    are many, and only those of its week can (``contradicts``)."""
    days = [c.proposition.date for c in claims]
    if any(day is None for day in days):
        return sa.true()
    known = [day for day in days if day is not None]
    d = t.documents
    published = sa.select(d.c.id).where(
        sa.or_(
            d.c.published.is_(None),
            d.c.published.between(min(known) - SLACK, max(known) + SLACK),
        )
    )
    return t.claims.c.document_id.in_(published)


def link_cross_contradictions(conn: Connection, document_ids: Sequence[str]) -> int:
    """Find and store the cross-document contradictions of these documents; returns new pairs.
    Candidates share a proposition key, or count one measure (rival counts)."""
    added = 0
    for start in range(0, len(document_ids), _CHUNK):
        chunk = list(document_ids[start : start + _CHUNK])
        found: dict[_PairKey, str] = {}  # the pairs of this chunk, in the order found
        new = [_claim(r) for r in conn.execute(_sided(t.claims.c.document_id.in_(chunk)))]
        keys = {k for c in new if (k := proposition_key(c.proposition)) is not None}
        # A rejection of accusations meets the claims that name its party as a doer; those
        # claims, the rejections of the parties they name (``accusation_rejected``).
        keys |= {k for c in new for k in accused_keys(c.proposition)}
        column = t.claims.c.proposition_key
        wanted: Any = column.in_(sorted(keys))
        rejections = [c for c in new if accusation_rejected(c.proposition)]
        if rejections:
            wanted = sa.or_(wanted, sa.and_(column.like("event:%"), _near(rejections)))
        if keys:
            # Each claim meets its own candidates only, not every claim the chunk fetched:
            # those of its key, the rejections of the parties it names, and for a rejection
            # the happenings of that week; comparing every claim with every claim fetched made
            # the cost grow with the square of the corpus.
            by_key: dict[str, list[SidedClaim]] = {}
            for row in conn.execute(_sided(wanted)):
                other = _claim(row)
                key = proposition_key(other.proposition)
                if key is not None:
                    by_key.setdefault(key, []).append(other)
            happenings = [k for k in by_key if k.startswith("event:")]
            for mine in new:
                own = proposition_key(mine.proposition)
                candidates = list(by_key.get(own or "", ()))
                for accused in accused_keys(mine.proposition):
                    candidates += by_key.get(accused, ())
                if accusation_rejected(mine.proposition):
                    candidates += [o for k in happenings if k != own for o in by_key[k]]
                for other in candidates:
                    if contradicts(mine, other):
                        _pair(mine, other, found)
        counting, candidates = _rival_count_candidates(conn, chunk)
        for mine in counting:
            for other in candidates:
                if contradicts(mine, other):
                    _pair(mine, other, found)
        added += _store_pairs(conn, found)
    return added


def cross_contradictions_select() -> sa.Select[Any]:
    k = t.cross_contradictions
    ca, cb = t.claims.alias("ca"), t.claims.alias("cb")
    da, db = t.documents.alias("da"), t.documents.alias("db")
    wa, wb = t.entities.alias("wa"), t.entities.alias("wb")
    return (
        sa.select(
            k.c.document_a.label("assert_document"),
            da.c.title.label("assert_title"),
            k.c.claim_a.label("assert_claim"),
            sa.func.coalesce(wa.c.name, ca.c.claimant).label("assert_claimant"),
            ca.c.text.label("assert_text"),
            k.c.document_b.label("deny_document"),
            db.c.title.label("deny_title"),
            k.c.claim_b.label("deny_claim"),
            sa.func.coalesce(wb.c.name, cb.c.claimant).label("deny_claimant"),
            cb.c.text.label("deny_text"),
            k.c.reason,
        )
        .select_from(
            k.join(ca, sa.and_(ca.c.document_id == k.c.document_a, ca.c.id == k.c.claim_a))
            .join(cb, sa.and_(cb.c.document_id == k.c.document_b, cb.c.id == k.c.claim_b))
            .join(da, da.c.id == k.c.document_a)
            .join(db, db.c.id == k.c.document_b)
            .outerjoin(wa, sa.and_(wa.c.document_id == ca.c.document_id, wa.c.id == ca.c.claimant))
            .outerjoin(wb, sa.and_(wb.c.document_id == cb.c.document_id, wb.c.id == cb.c.claimant))
        )
        .order_by(k.c.document_a, k.c.claim_a, k.c.document_b, k.c.claim_b)
    )


__all__ = ["CrossContradiction", "cross_contradictions_select", "link_cross_contradictions"]
