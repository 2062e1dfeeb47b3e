"""Contradictions between articles: a claim in one document asserts what a claim in another
denies, about the same kind of event at the same place and overlapping dates, from different
claimants. Pairs are stored assert side first, so the result does not depend on the order in
which the documents arrived."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sitroom.store import schema as t

_CHUNK = 500
_SLACK_DAYS = 7


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


def _side(name: str) -> tuple[Any, Any, Any, Any]:
    return (
        t.claims.alias(f"c_{name}"),
        t.events.alias(f"e_{name}"),
        t.places.alias(f"p_{name}"),
        t.entities.alias(f"w_{name}"),
    )


def _near_in_time(row: Any) -> bool:
    """Dates within a week of each other, or unknown: reports date events loosely, often by the
    day of the statement rather than of the event."""
    starts = (row.new_start, row.old_start)
    ends = (row.new_end, row.old_end)
    if None in starts or None in ends:
        return True
    slack = dt.timedelta(days=_SLACK_DAYS)
    return bool(row.new_start <= row.old_end + slack and row.old_start <= row.new_end + slack)


def _candidates(document_ids: Sequence[str]) -> sa.Select[Any]:
    cn, en, pn, wn = _side("new")
    co, eo, po, wo = _side("old")

    def joined(c: Any, e: Any, p: Any, w: Any) -> Any:
        return (
            c.join(e, sa.and_(e.c.document_id == c.c.document_id, e.c.id == c.c.event))
            .join(p, sa.and_(p.c.document_id == e.c.document_id, p.c.id == e.c.place))
            .outerjoin(w, sa.and_(w.c.document_id == c.c.document_id, w.c.id == c.c.claimant))
        )

    new_name = sa.func.coalesce(wn.c.name, cn.c.claimant)
    old_name = sa.func.coalesce(wo.c.name, co.c.claimant)
    return (
        sa.select(
            cn.c.document_id.label("new_document"),
            cn.c.id.label("new_claim"),
            cn.c.stance.label("new_stance"),
            new_name.label("new_claimant"),
            co.c.document_id.label("old_document"),
            co.c.id.label("old_claim"),
            old_name.label("old_claimant"),
            en.c.type.label("event_type"),
            pn.c.name.label("place"),
            en.c.date_start.label("new_start"),
            en.c.date_end.label("new_end"),
            eo.c.date_start.label("old_start"),
            eo.c.date_end.label("old_end"),
        )
        .select_from(joined(cn, en, pn, wn))
        .join(
            joined(co, eo, po, wo),
            sa.and_(
                co.c.document_id != cn.c.document_id,
                co.c.stance != cn.c.stance,
                eo.c.type == en.c.type,
                po.c.name == pn.c.name,
                sa.or_(po.c.country == pn.c.country, po.c.country.is_(None)),
            ),
        )
        .where(cn.c.document_id.in_(document_ids))
    )


def link_cross_contradictions(conn: Connection, document_ids: Sequence[str]) -> int:
    """Find and store the cross-document contradictions of these documents; returns new pairs."""
    table = t.cross_contradictions
    added = 0
    for start in range(0, len(document_ids), _CHUNK):
        for row in conn.execute(_candidates(document_ids[start : start + _CHUNK])).all():
            if row.new_claimant is not None and row.new_claimant == row.old_claimant:
                continue  # one party repeating itself is no contradiction
            if not _near_in_time(row):
                continue
            new = (row.new_document, row.new_claim, row.new_claimant)
            old = (row.old_document, row.old_claim, row.old_claimant)
            asserting, denying = (new, old) if row.new_stance == "assert" else (old, new)
            key = {
                "document_a": asserting[0],
                "claim_a": asserting[1],
                "document_b": denying[0],
                "claim_b": denying[1],
            }
            exists = conn.scalar(
                sa.select(sa.func.count())
                .select_from(table)
                .where(*(table.c[name] == value for name, value in key.items()))
            )
            if exists:
                continue
            reason = (
                f"{denying[2] or 'a source'} denies what {asserting[2] or 'a source'} claims: "
                f"{row.event_type} at {row.place}"
            )
            conn.execute(table.insert().values(**key, reason=reason))
            added += 1
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
