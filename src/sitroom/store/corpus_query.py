"""Reading corpus events: the filtered, paged list and one event with its evidence."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Select
from sqlalchemy.engine import Connection

from sitroom.corpus import CorpusEventRecord
from sitroom.errors import StoreError
from sitroom.store import schema as t
from sitroom.store.corpus import claims_about
from sitroom.store.event_query import EventQuery, decode_cursor, encode_cursor, values_of
from sitroom.store.queries import EventRow, events_select
from sitroom.store.search import DocumentMatches

# Corpus cursors reuse the event cursor format with this marker in the document slot, so that a
# cursor from one list is refused by the other instead of silently skipping rows.
_CURSOR_MARK = "~corpus"


@dataclasses.dataclass(frozen=True)
class CorpusEventRow(CorpusEventRecord):
    """One happening, merged from its mentions in every stored article.

    ``mentions`` counts event mentions, ``articles`` the articles reporting it (near-duplicate
    copies included), ``sources`` the independent outlets: articles of one publisher, and
    syndicated or near-duplicate copies, count once. ``contested`` means claims for and against
    it were stored, or some mention denies what another asserts.
    """

    @property
    def cursor(self) -> str:
        """Pass as ``after`` to get the rows after this one."""
        return encode_cursor(self.date_start, _CURSOR_MARK, self.id)


@dataclasses.dataclass(frozen=True)
class MergeLink:
    """Why two mentions were judged to report one happening."""

    document_a: str
    event_a: str
    document_b: str
    event_b: str
    reason: str


@dataclasses.dataclass(frozen=True)
class CorpusClaim:
    """A claim about one of the corpus event's mentions (``event_id``), or one contradicting
    such a claim in the same article, with where it was published."""

    document_id: str
    claim_id: str
    event_id: str
    claimant: str | None
    stance: str
    text: str
    hedges: list[str]
    title: str | None
    publisher: str | None
    published: dt.date | None
    url: str | None


@dataclasses.dataclass(frozen=True)
class CorpusEventDetail:
    event: CorpusEventRow
    mentions: list[EventRow]
    links: list[MergeLink]
    claims: list[CorpusClaim]

    @property
    def claims_for(self) -> list[CorpusClaim]:
        return [c for c in self.claims if c.stance == "assert"]

    @property
    def claims_against(self) -> list[CorpusClaim]:
        return [c for c in self.claims if c.stance == "deny"]


def _member_exists(corpus_id: Any, *conditions: sa.ColumnElement[bool]) -> sa.Exists:
    m, e = t.corpus_event_members, t.events
    return sa.exists(
        sa.select(1)
        .select_from(m.join(e, sa.and_(e.c.document_id == m.c.document_id, e.c.id == m.c.event_id)))
        .where(m.c.corpus_event_id == corpus_id, *conditions)
    )


def _actor_matches(corpus_id: Any, needle: str) -> sa.ColumnElement[bool]:
    e, w = t.events, t.entities
    named = sa.exists(
        sa.select(1).where(
            w.c.document_id == e.c.document_id,
            sa.or_(w.c.id == e.c.actor1, w.c.id == e.c.actor2),
            w.c.search_key.contains(needle, autoescape=True),
        )
    )
    return _member_exists(corpus_id, named)


def corpus_events_select(
    query: EventQuery, *, min_sources: int | None = None, contested: bool | None = None
) -> Select[Any]:
    """Corpus events matching ``query``: place, date, type and modality filters read the merged
    event; ``actor`` and ``text`` match if any mention's actors or article do."""
    c = t.corpus_events
    stmt = sa.select(c)
    if not query.include_background:
        stmt = stmt.where(c.c.background.is_(sa.false()))
    if query.type is not None:
        stmt = stmt.where(c.c.type.in_(values_of(query.type)))
    if query.modality is not None:
        stmt = stmt.where(c.c.modality.in_(values_of(query.modality)))
    if query.quad is not None:
        stmt = stmt.where(c.c.quad.in_(values_of(query.quad)))
    if query.acled_event_type is not None:
        stmt = stmt.where(c.c.acled_event_type.in_(values_of(query.acled_event_type)))
    if query.country is not None:
        stmt = stmt.where(sa.func.upper(c.c.country).in_(values_of(query.country)))
    if query.admin1 is not None:
        stmt = stmt.where(sa.func.lower(c.c.admin1) == sa.func.lower(sa.literal(query.admin1)))
    if query.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = query.bbox
        stmt = stmt.where(c.c.lat.between(min_lat, max_lat))
        if min_lon <= max_lon:
            stmt = stmt.where(c.c.lon.between(min_lon, max_lon))
        else:
            stmt = stmt.where(sa.or_(c.c.lon >= min_lon, c.c.lon <= max_lon))
    if query.date_from is not None:
        stmt = stmt.where(sa.func.coalesce(c.c.date_end, c.c.date_start) >= query.date_from)
    if query.date_to is not None:
        stmt = stmt.where(sa.func.coalesce(c.c.date_start, c.c.date_end) <= query.date_to)
    if query.actor is not None:
        stmt = stmt.where(_actor_matches(c.c.id, query.actor.casefold()))
    if query.text is not None:
        m = t.corpus_event_members
        stmt = stmt.where(
            sa.exists(
                sa.select(1).where(
                    m.c.corpus_event_id == c.c.id, DocumentMatches(m.c.document_id, query.text)
                )
            )
        )
    if min_sources is not None:
        if min_sources < 0:
            raise StoreError(f"min_sources must not be negative, not {min_sources}", code="S507")
        stmt = stmt.where(c.c.sources >= min_sources)
    if contested is not None:
        stmt = stmt.where(
            c.c.contested.is_(sa.true()) if contested else c.c.contested.is_(sa.false())
        )
    if query.after is not None:
        date, mark, corpus_id = decode_cursor(query.after)
        if mark != _CURSOR_MARK:
            raise StoreError(
                "that cursor belongs to the event list, not the corpus events", code="S507"
            )
        stmt = stmt.where(_after(date, corpus_id))
    stmt = stmt.order_by(c.c.date_start.desc().nulls_last(), c.c.id)
    if query.limit is not None:
        stmt = stmt.limit(query.limit)
    return stmt


def _after(date: dt.date | None, corpus_id: str) -> sa.ColumnElement[bool]:
    c = t.corpus_events
    if date is None:
        return sa.and_(c.c.date_start.is_(None), c.c.id > corpus_id)
    return sa.or_(
        c.c.date_start < date,
        c.c.date_start.is_(None),
        sa.and_(c.c.date_start == date, c.c.id > corpus_id),
    )


def corpus_row(row: Any) -> CorpusEventRow:
    values = dict(row._mapping)
    values["contested"] = bool(values["contested"])
    values["background"] = bool(values["background"])
    return CorpusEventRow(**values)


def corpus_event_detail(conn: Connection, corpus_id: str) -> CorpusEventDetail | None:
    c, m, k = t.corpus_events, t.corpus_event_members, t.event_links
    found = conn.execute(sa.select(c).where(c.c.id == corpus_id)).first()
    if found is None:
        return None
    members = sa.select(m.c.document_id, m.c.event_id).where(m.c.corpus_event_id == corpus_id)
    keys = {(row.document_id, row.event_id) for row in conn.execute(members)}
    e = t.events
    mention_stmt = events_select(EventQuery(include_background=True)).where(
        sa.tuple_(e.c.document_id, e.c.id).in_(members)
    )
    mentions = [EventRow(**row._mapping) for row in conn.execute(mention_stmt)]
    link_stmt = (
        sa.select(k)
        .where(k.c.document_a.in_(sorted({d for d, _ in keys})))
        .order_by(k.c.document_a, k.c.event_a, k.c.document_b, k.c.event_b)
    )
    links = [
        MergeLink(**row._mapping)
        for row in conn.execute(link_stmt)
        if (row.document_a, row.event_a) in keys and (row.document_b, row.event_b) in keys
    ]
    return CorpusEventDetail(
        event=corpus_row(found), mentions=mentions, links=links, claims=_claims(conn, keys)
    )


def _claims(conn: Connection, keys: set[tuple[str, str]]) -> list[CorpusClaim]:
    about = claims_about(conn, keys)
    event_of = {(key[0], claim): key[1] for key, claims in about.items() for claim in claims}
    if not event_of:
        return []
    cl, d, w = t.claims, t.documents, t.entities
    stmt = (
        sa.select(
            cl.c.document_id,
            cl.c.id.label("claim_id"),
            sa.func.coalesce(w.c.name, cl.c.claimant).label("claimant"),
            cl.c.stance,
            cl.c.text,
            cl.c.hedges,
            d.c.title,
            d.c.publisher,
            d.c.published,
            d.c.url,
        )
        .select_from(
            cl.join(d, d.c.id == cl.c.document_id).outerjoin(
                w, sa.and_(w.c.document_id == cl.c.document_id, w.c.id == cl.c.claimant)
            )
        )
        .where(cl.c.document_id.in_(sorted({doc for doc, _ in event_of})))
        .order_by(d.c.published.nulls_last(), cl.c.document_id, cl.c.id)
    )
    return [
        CorpusClaim(**row._mapping, event_id=event_of[(row.document_id, row.claim_id)])
        for row in conn.execute(stmt)
        if (row.document_id, row.claim_id) in event_of
    ]


__all__ = [
    "CorpusClaim",
    "CorpusEventDetail",
    "CorpusEventRow",
    "MergeLink",
    "corpus_event_detail",
    "corpus_events_select",
    "corpus_row",
]
