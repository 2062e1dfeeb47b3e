"""Migration 2 ("intake tables") on databases made at version 1."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from sitroom.model import Extraction
from sitroom.store import InputRecord, Store
from sitroom.store import schema as t
from sitroom.store.engine import begin_write, create_engine, parse_url
from sitroom.store.migrations import MIGRATIONS, migrate
from sitroom.store.records import extraction_rows

INTAKE_TABLES = ("inputs", "doc_signatures", "doc_bands", "near_duplicates")


def _make_version_1(path: Path, extraction: Extraction, *, without_intake: bool) -> None:
    """A version-1 database holding ``extraction``, made by the migration-1 code path.

    Migration 1 creates the current metadata, intake tables included; ``without_intake`` drops
    them again to give the shape that sitroom releases before version 2 wrote.
    """
    engine = create_engine(parse_url(path))
    try:
        assert migrate(engine, MIGRATIONS[:1]) == [1]
        with begin_write(engine) as conn:
            if without_intake:
                t.metadata.drop_all(conn, tables=[t.metadata.tables[n] for n in INTAKE_TABLES])
            now = dt.datetime(2025, 3, 5, 12, 0)
            for table, rows in extraction_rows(extraction, now).items():
                if rows:
                    conn.execute(table.insert(), rows)
        tables = set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert without_intake is not (set(INTAKE_TABLES) <= tables)


def _shape(path: Path, table: str) -> dict[str, Any]:
    engine = create_engine(parse_url(path))
    try:
        inspector = sa.inspect(engine)
        columns = [
            (c["name"], str(c["type"]), c["nullable"], c.get("default"))
            for c in inspector.get_columns(table)
        ]
        indexes = sorted(
            (i["name"], tuple(i["column_names"])) for i in inspector.get_indexes(table)
        )
        foreign_keys = sorted(
            (
                fk["name"],
                tuple(fk["constrained_columns"]),
                fk["referred_table"],
                fk["options"].get("ondelete"),
            )
            for fk in inspector.get_foreign_keys(table)
        )
        primary_key = inspector.get_pk_constraint(table)["constrained_columns"]
    finally:
        engine.dispose()
    return {"columns": columns, "indexes": indexes, "fks": foreign_keys, "pk": primary_key}


@pytest.mark.parametrize("without_intake", [True, False], ids=["old-shape", "migration-1"])
def test_migration_2_upgrades_a_version_1_database(
    tmp_path: Path, rich: Extraction, without_intake: bool
) -> None:
    old = tmp_path / "old.db"
    _make_version_1(old, rich, without_intake=without_intake)

    with Store(old) as store:
        assert store.migrate() == [2]
        assert store.migrate() == []
        assert store.get_extraction(rich.document.id) == rich
        assert store.summary().documents == 1
        (row,) = store.documents()
        assert row.near_duplicate_of is None
        store.commit_intake(
            inputs=[InputRecord("vostok.html", "processed", document_id=rich.document.id)],
            signatures=[(rich.document.id, b"sig", [7, 8])],
        )
        assert store.input_statuses(["vostok.html"]) == {"vostok.html": "processed"}
        assert [d for d, _ in store.near_candidates([7])] == [rich.document.id]
    with sqlite3.connect(old) as conn:
        versions = conn.execute("SELECT version, name FROM schema_migrations ORDER BY 1")
        assert versions.fetchall() == [(1, "create schema"), (2, "intake tables")]

    # The upgraded tables are exactly those a fresh database gets from schema.py.
    fresh = tmp_path / "fresh.db"
    with Store(fresh) as store:
        assert store.migrate() == [1, 2]
    for table in INTAKE_TABLES:
        assert _shape(old, table) == _shape(fresh, table), table


def test_intake_tables_match_the_metadata(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    with Store(path) as store:
        store.migrate()
    shape = _shape(path, "doc_bands")
    assert shape["pk"] == ["document_id", "band"]
    assert ("ix_doc_bands_band_key", ("band", "key")) in shape["indexes"]
    assert [col[1] for col in shape["columns"] if col[0] == "key"] == ["BIGINT"]
    near = _shape(path, "near_duplicates")
    assert [fk[1:] for fk in near["fks"]] == [
        (("document_id",), "documents", "CASCADE"),
        (("duplicate_of",), "documents", "CASCADE"),
    ]
    assert ("ix_inputs_document_id", ("document_id",)) in _shape(path, "inputs")["indexes"]
