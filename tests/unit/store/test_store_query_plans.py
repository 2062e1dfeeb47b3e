"""The API's filtered list queries read events, claims and documents through indexes.

SQLite: ``EXPLAIN QUERY PLAN`` must not show a plain ``SCAN`` of those tables (a read of every
row, then a sort); a ``SCAN ... USING INDEX`` walks an index in the listing's order and stops
after one page. PostgreSQL: with sequential scans priced out (``enable_seqscan = off``, so a
tiny test table does not make them the cheap choice anyway), ``EXPLAIN`` must show no ``Seq
Scan`` on them. On both, the plan must use the index that serves the query's filter (or, for
an unfiltered list, its order): the index exists and its expression matches the query's.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa

from sitroom.model import Extraction
from sitroom.store import EventQuery, Store
from sitroom.store.catalog import claim_page_select, document_page_select
from sitroom.store.corpus_query import corpus_events_select
from sitroom.store.engine import create_engine, parse_url
from sitroom.store.queries import events_select
from unit.store.backends import Backend

SPRING = (dt.date(2025, 3, 1), dt.date(2025, 3, 31))

# Each list query with the index (any of the names) its filter or order must use.
FIRST_LAST = ("_first_day", "_last_day")
SEARCH = ("documents_search", "ix_quotes_search")
FILTERED: dict[str, tuple[Any, tuple[str, ...]]] = {
    "events, the dashboard's page": (
        events_select(EventQuery(limit=51)),
        ("ix_events_date_start", "ix_events_listing"),
    ),
    "events by type": (events_select(EventQuery(limit=51, type="FIGHT")), ("ix_events_type",)),
    "events by quad": (
        events_select(EventQuery(limit=51, quad="material_conflict")),
        ("ix_events_quad_date_start",),
    ),
    "events by modality": (
        events_select(EventQuery(limit=51, modality="asserted")),
        ("ix_events_modality",),
    ),
    "events by dates": (
        events_select(EventQuery(limit=51, date_from=SPRING[0], date_to=SPRING[1])),
        tuple("ix_events" + end for end in FIRST_LAST),
    ),
    "events by text": (events_select(EventQuery(limit=51, text="fire")), SEARCH),
    "corpus events, the dashboard's page": (
        corpus_events_select(EventQuery(limit=51)),
        ("ix_corpus_events_date_start", "ix_corpus_events_listing"),
    ),
    "corpus events by sources": (
        corpus_events_select(EventQuery(limit=51), min_sources=2),
        ("ix_corpus_events_sources",),
    ),
    "corpus events by type": (
        corpus_events_select(EventQuery(limit=51, type="FIGHT")),
        ("ix_corpus_events_type",),
    ),
    "corpus events by dates": (
        corpus_events_select(EventQuery(limit=51, date_from=SPRING[0], date_to=SPRING[1])),
        tuple("ix_corpus_events" + end for end in FIRST_LAST),
    ),
    "documents": (document_page_select(51, None, None), ("ix_documents_ingested_at_id",)),
    "documents by text": (document_page_select(51, None, "fire"), SEARCH),
    "claims": (claim_page_select(51, None, None), ("sqlite_autoindex_claims_1", "pk_claims")),
}

TABLES = ("events", "claims", "documents", "corpus_events")
# A plain SCAN reads the whole table; SCAN ... USING (COVERING) INDEX walks an index in order.
_SQLITE_FULL_SCAN = re.compile(rf"^SCAN ({'|'.join(TABLES)})\b(?! USING)")


def _full_scans(node: dict[str, Any]) -> Iterator[str]:
    """PostgreSQL plan nodes that read a whole table without an index."""
    if node.get("Relation Name") in TABLES and node.get("Node Type") == "Seq Scan":
        yield f"Seq Scan on {node['Relation Name']}"
    for child in node.get("Plans", ()):
        yield from _full_scans(child)


def _scans(backend: Backend, stmt: Any) -> tuple[list[str], list[str]]:
    """(full scans of TABLES, the whole plan) of ``stmt``."""
    engine = create_engine(parse_url(backend.url))
    try:
        sql = str(stmt.compile(engine, compile_kwargs={"literal_binds": True}))
        with engine.connect() as conn, conn.begin():
            if backend.name == "sqlite":
                plan = [row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]
                return [line for line in plan if _SQLITE_FULL_SCAN.search(line)], plan
            conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
            tree = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + sql).scalar()
            root = (json.loads(tree) if isinstance(tree, str) else tree)[0]["Plan"]
            return list(_full_scans(root)), [json.dumps(root, indent=1)]
    finally:
        engine.dispose()


@pytest.mark.parametrize("name", FILTERED)
def test_list_queries_use_indexes(
    store: Store, backend: Backend, rich: Extraction, plain: Extraction, name: str
) -> None:
    store.add_many([rich, plain])
    stmt, indexes = FILTERED[name]
    scans, plan = _scans(backend, stmt)
    assert not scans, "\n".join(plan)
    assert any(index in line for line in plan for index in indexes), "\n".join(plan)


def test_the_check_sees_a_full_scan(store: Store, backend: Backend) -> None:
    """A filter on a column without an index is reported: the check can fail."""
    e = sa.table("events", sa.column("trigger_start"), sa.column("id"))
    scans, plan = _scans(backend, sa.select(e.c.id).where(e.c.trigger_start == 3))
    assert scans, plan
