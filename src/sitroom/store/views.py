"""SQL views for tools that read the database directly: Datasette, duckdb, QGIS, R's DBI.

- ``events_flat``: one row per event mention with actor, affiliation, place and source names
  (not per-article ids), the columns of ``Store.events`` (``queries.events_select``);
- ``corpus_events_flat``: one row per happening merged across articles (``corpus_events``);
- ``claims_flat``: one row per claim with its claimant's name and the event it is about
  (``queries.claims_select``).

Each view is the same SELECT the store runs, compiled for the connection's dialect, so the
views and the API cannot drift apart. Migration 9 creates them, on fresh databases too. A view
pins the columns it reads, so a later migration that alters one of them calls ``drop_views``
first and ``create_views`` after.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

from sitroom.store import schema as t
from sitroom.store.event_query import EventQuery
from sitroom.store.queries import claims_select, events_select


def _corpus_events() -> Select[Any]:
    return sa.select(t.corpus_events)


VIEWS: Final[dict[str, Callable[[], Select[Any]]]] = {
    "events_flat": lambda: events_select(EventQuery(include_background=True)).order_by(None),
    "corpus_events_flat": _corpus_events,
    "claims_flat": lambda: claims_select().order_by(None),
}


def view_sql(name: str, connection: Connection) -> str:
    statement = VIEWS[name]()
    compiled = statement.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True})
    return f"CREATE VIEW {name} AS {compiled}"


def drop_views(connection: Connection) -> None:
    for name in VIEWS:
        connection.exec_driver_sql(f"DROP VIEW IF EXISTS {name}")


def create_views(connection: Connection) -> None:
    """(Re)create every view; portable DDL, the same on SQLite and PostgreSQL."""
    drop_views(connection)
    for name in VIEWS:
        connection.exec_driver_sql(view_sql(name, connection))


__all__ = ["VIEWS", "create_views", "drop_views", "view_sql"]
