"""Corpus statistics for the dashboard: counts, events per day (split by quad), per PLOVER type
and per country, under an optional date range and country.

Filters follow ``EventQuery``: an event is in the range when its dates overlap it (an event with
one end known counts as that single day), and in a country when its place is. Background
mentions (``Event.background``) are counted nowhere, as in the default event listings. With a
filter, the document and claim counts cover the documents that have a matching event; without
one, all.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sitroom.errors import StoreError
from sitroom.store import schema as t


@dataclasses.dataclass(frozen=True)
class DayCount:
    """Events that start on ``day``, in total and per quad."""

    day: dt.date
    events: int
    by_quad: dict[str, int]


@dataclasses.dataclass(frozen=True)
class CorpusStats:
    documents: int
    events: int
    claims: int
    # Dated events only, oldest day first.
    by_day: list[DayCount]
    # Most frequent first, then by name.
    by_type: dict[str, int]
    # Upper-case ISO codes; events without a located place are not counted here.
    by_country: dict[str, int]


def check_filters(
    date_from: dt.date | None, date_to: dt.date | None, country: str | None
) -> str | None:
    """The country code normalised to upper case; S507 for a bad code or an inverted range."""
    if date_from and date_to and date_from > date_to:
        raise StoreError(f"date_from {date_from} is after date_to {date_to}", code="S507")
    if country is None:
        return None
    code = country.strip().upper()
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        raise StoreError(f"country must be a two-letter ISO code, not {country!r}", code="S507")
    return code


def _event_conditions(
    date_from: dt.date | None, date_to: dt.date | None, country: str | None
) -> list[sa.ColumnElement[bool]]:
    e, p = t.events, t.places
    found: list[sa.ColumnElement[bool]] = []
    if date_from is not None:
        found.append(sa.func.coalesce(e.c.date_end, e.c.date_start) >= date_from)
    if date_to is not None:
        found.append(sa.func.coalesce(e.c.date_start, e.c.date_end) <= date_to)
    if country is not None:
        found.append(sa.func.upper(p.c.country) == country)
    return found


def _events_source() -> Any:
    e, p = t.events, t.places
    return e.outerjoin(p, sa.and_(p.c.document_id == e.c.document_id, p.c.id == e.c.place))


def read_stats(
    conn: Connection, date_from: dt.date | None, date_to: dt.date | None, country: str | None
) -> CorpusStats:
    """All the figures of ``CorpusStats`` in one read transaction (the caller's)."""
    e, p, d, c = t.events, t.places, t.documents, t.claims
    where = _event_conditions(date_from, date_to, country)
    n = sa.func.count().label("n")

    # Background mentions ("in 2006 …") are no development of the period: out of every count.
    news = e.c.background.is_(sa.false())

    def grouped(*columns: Any) -> sa.Select[Any]:
        return sa.select(*columns, n).select_from(_events_source()).where(*where, news)

    events = conn.scalar(grouped()) or 0
    if where:
        matching = sa.select(e.c.document_id).select_from(_events_source()).where(*where).distinct()
        documents = conn.scalar(sa.select(sa.func.count()).select_from(matching.subquery())) or 0
        claims = (
            conn.scalar(
                sa.select(sa.func.count()).select_from(c).where(c.c.document_id.in_(matching))
            )
            or 0
        )
    else:
        documents = conn.scalar(sa.select(sa.func.count()).select_from(d)) or 0
        claims = conn.scalar(sa.select(sa.func.count()).select_from(c)) or 0

    by_type = grouped(e.c.type).group_by(e.c.type).order_by(n.desc(), e.c.type)
    country_code = sa.func.upper(p.c.country).label("country")
    by_country = (
        grouped(country_code)
        .where(p.c.country.is_not(None))
        .group_by(country_code)
        .order_by(n.desc(), country_code)
    )
    by_day_quad = (
        grouped(e.c.date_start, e.c.quad)
        .where(e.c.date_start.is_not(None))
        .group_by(e.c.date_start, e.c.quad)
        .order_by(e.c.date_start, e.c.quad)
    )
    days: dict[dt.date, dict[str, int]] = {}
    for row in conn.execute(by_day_quad):
        days.setdefault(row.date_start, {})[row.quad] = row.n
    return CorpusStats(
        documents=documents,
        events=events,
        claims=claims,
        by_day=[DayCount(day, sum(q.values()), q) for day, q in days.items()],
        by_type={row.type: row.n for row in conn.execute(by_type)},
        by_country={row.country: row.n for row in conn.execute(by_country)},
    )


__all__ = ["CorpusStats", "DayCount", "check_filters", "read_stats"]
