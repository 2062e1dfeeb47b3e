"""Paged listings for the HTTP API: documents, the claims ledger and places (actors: see
``registry.py``).

``Store.documents`` and ``Store.claims`` return everything at once, which suits a CLI run but
not a server answering many small requests; these statements page with opaque cursors that stay
valid while rows are added (as ``EventQuery``'s do), and aggregate actors and places across
documents.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import json
from typing import Any, Final

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sitroom.errors import StoreError
from sitroom.store import schema as t
from sitroom.store.queries import ClaimRow, claims_select
from sitroom.store.search import DocumentMatches, search_words

_DOCUMENT_CURSOR: Final = "d1."
_CLAIM_CURSOR: Final = "c1."


def _encode(prefix: str, values: list[Any]) -> str:
    payload = json.dumps(values).encode("utf-8")
    return prefix + base64.urlsafe_b64encode(payload).decode("ascii").rstrip("=")


def _decode(prefix: str, cursor: str) -> list[Any]:
    bad = StoreError(f"not a cursor from this listing: {cursor[:40]!r}", code="S507")
    if not cursor.startswith(prefix):
        raise bad
    token = cursor[len(prefix) :]
    try:
        values = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise bad from None
    if not isinstance(values, list) or len(values) != 2:
        raise bad
    return values


def _check_limit(limit: int) -> None:
    if limit < 0:
        raise StoreError(f"limit must not be negative, not {limit}", code="S507")


def _search_text(q: str | None) -> str | None:
    if q is None:
        return None
    text = " ".join(q.split())
    if not search_words(text):
        raise StoreError(f"text search needs at least one word, not {q!r}", code="S507")
    return text


# -- documents ---------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class DocumentListing:
    """A stored document without its text, with how many events and claims it holds."""

    id: str
    title: str | None
    url: str | None
    publisher: str | None
    published: dt.date | None
    language: str | None
    license: str | None
    ingested_at: dt.datetime
    event_count: int
    claim_count: int

    @property
    def cursor(self) -> str:
        """Pass as ``after`` to get the documents after this one."""
        return _encode(_DOCUMENT_CURSOR, [self.ingested_at.isoformat(), self.id])


def document_page_select(limit: int, after: str | None, q: str | None) -> sa.Select[Any]:
    """Documents by ingestion time then id (the order new documents are appended in)."""
    _check_limit(limit)
    d, e, c = t.documents, t.events, t.claims

    def count_of(table: sa.Table, label: str) -> Any:
        stmt = sa.select(sa.func.count()).where(table.c.document_id == d.c.id).correlate(d)
        return stmt.scalar_subquery().label(label)

    stmt = sa.select(
        d.c.id,
        d.c.title,
        d.c.url,
        d.c.publisher,
        d.c.published,
        d.c.language,
        d.c.license,
        d.c.ingested_at,
        count_of(e, "event_count"),
        count_of(c, "claim_count"),
    )
    text = _search_text(q)
    if text is not None:
        stmt = stmt.where(DocumentMatches(d.c.id, text))
    if after is not None:
        when_text, document_id = _decode(_DOCUMENT_CURSOR, after)
        try:
            when = dt.datetime.fromisoformat(when_text)
        except (TypeError, ValueError):
            raise StoreError(
                f"not a cursor from this listing: {after[:40]!r}", code="S507"
            ) from None
        stmt = stmt.where(
            sa.or_(
                d.c.ingested_at > when,
                sa.and_(d.c.ingested_at == when, d.c.id > str(document_id)),
            )
        )
    return stmt.order_by(d.c.ingested_at, d.c.id).limit(limit)


# -- claims ------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class LedgerRow(ClaimRow):
    """A ``ClaimRow`` with its position in its document, which the cursor needs."""

    seq: int

    @property
    def cursor(self) -> str:
        return _encode(_CLAIM_CURSOR, [self.document_id, self.seq])


def claim_page_select(limit: int, after: str | None, contested: bool | None) -> sa.Select[Any]:
    """The ledger in ``Store.claims`` order (document id, then claim order), one page of it."""
    _check_limit(limit)
    inner = claims_select().add_columns(t.claims.c.seq).order_by(None).subquery()
    stmt = sa.select(inner)
    if contested is not None:
        stmt = stmt.where(inner.c.contested == contested)
    if after is not None:
        document_id, seq = _decode(_CLAIM_CURSOR, after)
        if not isinstance(document_id, str) or not isinstance(seq, int):
            raise StoreError(f"not a cursor from this listing: {after[:40]!r}", code="S507")
        stmt = stmt.where(
            sa.or_(
                inner.c.document_id > document_id,
                sa.and_(inner.c.document_id == document_id, inner.c.seq > seq),
            )
        )
    return stmt.order_by(inner.c.document_id, inner.c.seq).limit(limit)


def ledger_rows(conn: Connection, stmt: sa.Select[Any]) -> list[LedgerRow]:
    return [
        LedgerRow(**{**row._mapping, "contested": bool(row.contested)})
        for row in conn.execute(stmt)
    ]


# -- actors and places -------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class PlaceSummary:
    """Places of one name and country across documents, at their mean coordinates."""

    name: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    documents: int


def places_select(q: str | None, limit: int) -> sa.Select[Any]:
    _check_limit(limit)
    p = t.places
    documents = sa.func.count(sa.distinct(p.c.document_id)).label("documents")
    stmt = sa.select(
        p.c.name,
        sa.func.min(p.c.kind).label("kind"),
        p.c.country,
        sa.func.min(p.c.admin1).label("admin1"),
        sa.func.avg(p.c.lat).label("lat"),
        sa.func.avg(p.c.lon).label("lon"),
        documents,
    ).group_by(p.c.name, p.c.country)
    if q is not None and q.strip():
        # lower() is Unicode-aware on PostgreSQL, ASCII-only on SQLite.
        needle = q.strip().lower()
        stmt = stmt.where(sa.func.lower(p.c.name).contains(needle, autoescape=True))
    return stmt.order_by(documents.desc(), p.c.name, p.c.country).limit(limit)


def read_places(conn: Connection, q: str | None, limit: int) -> list[PlaceSummary]:
    return [
        PlaceSummary(
            name=row.name,
            kind=row.kind,
            country=row.country,
            admin1=row.admin1,
            lat=None if row.lat is None else float(row.lat),
            lon=None if row.lon is None else float(row.lon),
            documents=row.documents,
        )
        for row in conn.execute(places_select(q, limit))
    ]


__all__ = [
    "DocumentListing",
    "LedgerRow",
    "PlaceSummary",
    "claim_page_select",
    "document_page_select",
    "ledger_rows",
    "read_places",
]
