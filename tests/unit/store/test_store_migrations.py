from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sitroom.errors import StoreError
from sitroom.store import EventQuery, Store
from sitroom.store.engine import create_engine, parse_url
from sitroom.store.migrations import MIGRATIONS, Migration, latest_version, migrate
from sitroom.store.schema import metadata

ALL = [m.version for m in MIGRATIONS]
RECORDED = [(m.version, m.name) for m in MIGRATIONS]
NEXT = latest_version() + 1


def _versions(path: Path) -> list[tuple[int, str]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT version, name FROM schema_migrations ORDER BY 1").fetchall()


def test_migrate_records_versions_and_is_idempotent(db_path: Path) -> None:
    with Store(db_path) as store:
        assert store.migrate() == ALL
        assert store.migrate() == []
    with Store(str(db_path)) as again:
        assert again.migrate() == []
    assert _versions(db_path) == RECORDED
    assert RECORDED[:2] == [(1, "create schema"), (2, "intake tables")]
    with sqlite3.connect(db_path) as conn:
        applied_at = conn.execute("SELECT applied_at FROM schema_migrations").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert applied_at
    assert set(metadata.tables) <= tables


def test_constructor_does_not_touch_the_file(db_path: Path) -> None:
    Store(db_path)
    assert not db_path.exists()


def test_sqlite_connections_use_wal_and_foreign_keys(db_path: Path) -> None:
    engine = create_engine(parse_url(db_path))
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


def _add_note_column(conn: Connection) -> None:
    conn.execute(sa.text("ALTER TABLE documents ADD COLUMN note TEXT"))


def test_appended_migration_upgrades_an_existing_database(db_path: Path) -> None:
    engine = create_engine(parse_url(db_path))
    try:
        assert migrate(engine) == ALL
        upgraded = (*MIGRATIONS, Migration(NEXT, "add documents.note", _add_note_column))
        assert migrate(engine, upgraded) == [NEXT]
        assert migrate(engine, upgraded) == []
        columns = {c["name"] for c in sa.inspect(engine).get_columns("documents")}
    finally:
        engine.dispose()
    assert "note" in columns
    assert _versions(db_path) == [*RECORDED, (NEXT, "add documents.note")]


def test_fresh_database_records_later_migrations_without_running_them(db_path: Path) -> None:
    ran: list[str] = []
    later = (
        *MIGRATIONS,
        Migration(NEXT, "shape change", lambda conn: ran.append("shape")),
        Migration(NEXT + 1, "reference data", lambda conn: ran.append("data"), seeds_data=True),
    )
    engine = create_engine(parse_url(db_path))
    try:
        assert migrate(engine, later) == [*ALL, NEXT, NEXT + 1]
    finally:
        engine.dispose()
    assert ran == ["data"]


def test_failed_migration_leaves_no_trace(db_path: Path) -> None:
    def broken(conn: Connection) -> None:
        _add_note_column(conn)
        conn.execute(sa.text("SELECT * FROM no_such_table"))

    engine = create_engine(parse_url(db_path))
    try:
        migrate(engine)
        with pytest.raises(StoreError, match=rf"migration {NEXT} \(broken\) failed") as info:
            migrate(engine, (*MIGRATIONS, Migration(NEXT, "broken", broken)))
        columns = {c["name"] for c in sa.inspect(engine).get_columns("documents")}
    finally:
        engine.dispose()
    assert info.value.code == "S503"
    assert "note" not in columns
    assert _versions(db_path) == RECORDED


def test_migration_versions_must_be_contiguous(db_path: Path) -> None:
    engine = create_engine(parse_url(db_path))
    try:
        with pytest.raises(ValueError, match="without gaps"):
            migrate(engine, (*MIGRATIONS, Migration(NEXT + 1, "skips one", _add_note_column)))
    finally:
        engine.dispose()


def test_database_from_a_newer_sitroom_is_refused(store: Store, db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01 00:00:00')")
    with Store(db_path) as other, pytest.raises(StoreError, match="newer") as info:
        other.events(EventQuery())
    assert info.value.code == "S503"
    with Store(db_path) as other, pytest.raises(StoreError, match="newer"):
        other.migrate()


def test_unmigrated_database_is_reported(db_path: Path) -> None:
    with Store(db_path) as store, pytest.raises(StoreError, match="migrate") as info:
        store.summary()
    assert info.value.code == "S506"
    assert not db_path.exists(), "a read must not create an empty database file"

    sqlite3.connect(db_path).close()
    with Store(db_path) as store, pytest.raises(StoreError, match="no sitroom schema"):
        store.has_document("x")
