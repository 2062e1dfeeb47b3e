from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sitroom.errors import StoreError
from sitroom.store import EventQuery, Store
from sitroom.store.engine import create_engine, parse_url
from sitroom.store.migrations import MIGRATIONS, Migration, latest_version, migrate
from sitroom.store.schema import metadata
from unit.store.backends import Backend

ALL = [m.version for m in MIGRATIONS]
RECORDED = [(m.version, m.name) for m in MIGRATIONS]
NEXT = latest_version() + 1


def _versions(backend: Backend) -> list[tuple[int, str]]:
    rows = backend.execute("SELECT version, name FROM schema_migrations ORDER BY 1")
    return [(row[0], row[1]) for row in rows]


def test_migrate_records_versions_and_is_idempotent(backend: Backend) -> None:
    with Store(backend.url) as store:
        assert store.migrate() == ALL
        assert store.migrate() == []
    with Store(backend.url) as again:
        assert again.migrate() == []
    assert _versions(backend) == RECORDED
    assert RECORDED == [
        (1, "create schema"),
        (2, "intake tables"),
        (3, "text search"),
        (4, "cross-document contradictions"),
        (5, "corpus events"),
        (6, "actor registry"),
        (7, "event place basis"),
        (8, "durations and inferred event fields"),
        (9, "flat views for analysts' tools"),
        (10, "watched sources and alerts"),
        (11, "claim propositions and sides"),
        (12, "background events and figure periods"),
        (13, "store revision"),
        (14, "quote search per document"),
        (15, "list query indexes"),
        (16, "corpus event and quad list indexes"),
        (17, "claim counts by measure"),
    ]
    (applied_at,) = backend.execute("SELECT applied_at FROM schema_migrations")[0]
    assert applied_at
    engine = create_engine(parse_url(backend.url))
    try:
        tables = set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert set(metadata.tables) <= tables


def test_concurrent_migrations_apply_each_version_once(backend: Backend) -> None:
    results: list[list[int]] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            with Store(backend.url) as store:
                results.append(store.migrate())
        except BaseException as err:
            errors.append(err)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(v for applied in results for v in applied) == ALL
    assert _versions(backend) == RECORDED


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


def _columns(backend: Backend, table: str) -> set[str]:
    engine = create_engine(parse_url(backend.url))
    try:
        return {c["name"] for c in sa.inspect(engine).get_columns(table)}
    finally:
        engine.dispose()


def test_appended_migration_upgrades_an_existing_database(backend: Backend) -> None:
    engine = create_engine(parse_url(backend.url))
    try:
        assert migrate(engine) == ALL
        upgraded = (*MIGRATIONS, Migration(NEXT, "add documents.note", _add_note_column))
        assert migrate(engine, upgraded) == [NEXT]
        assert migrate(engine, upgraded) == []
    finally:
        engine.dispose()
    assert "note" in _columns(backend, "documents")
    assert _versions(backend) == [*RECORDED, (NEXT, "add documents.note")]


def test_fresh_database_records_later_migrations_without_running_them(backend: Backend) -> None:
    ran: list[str] = []
    later = (
        *MIGRATIONS,
        Migration(NEXT, "shape change", lambda conn: ran.append("shape")),
        Migration(NEXT + 1, "reference data", lambda conn: ran.append("data"), seeds_data=True),
    )
    engine = create_engine(parse_url(backend.url))
    try:
        assert migrate(engine, later) == [*ALL, NEXT, NEXT + 1]
    finally:
        engine.dispose()
    assert ran == ["data"]


def test_failed_migration_leaves_no_trace(backend: Backend) -> None:
    def broken(conn: Connection) -> None:
        _add_note_column(conn)
        conn.execute(sa.text("SELECT * FROM no_such_table"))

    engine = create_engine(parse_url(backend.url))
    try:
        migrate(engine)
        with pytest.raises(StoreError, match=rf"migration {NEXT} \(broken\) failed") as info:
            migrate(engine, (*MIGRATIONS, Migration(NEXT, "broken", broken)))
    finally:
        engine.dispose()
    assert info.value.code == "S503"
    assert "no_such_table" in str(info.value)
    assert "note" not in _columns(backend, "documents")
    assert _versions(backend) == RECORDED


def test_migration_versions_must_be_contiguous(db_path: Path) -> None:
    engine = create_engine(parse_url(db_path))
    try:
        with pytest.raises(ValueError, match="without gaps"):
            migrate(engine, (*MIGRATIONS, Migration(NEXT + 1, "skips one", _add_note_column)))
    finally:
        engine.dispose()


def test_database_from_a_newer_sitroom_is_refused(store: Store, backend: Backend) -> None:
    backend.execute("INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01 00:00:00')")
    with Store(backend.url) as other, pytest.raises(StoreError, match="newer") as info:
        other.events(EventQuery())
    assert info.value.code == "S503"
    with Store(backend.url) as other, pytest.raises(StoreError, match="newer"):
        other.migrate()


def test_unmigrated_database_is_reported(backend: Backend) -> None:
    with Store(backend.url) as store, pytest.raises(StoreError, match="migrate") as info:
        store.summary()
    assert info.value.code == "S506"
    with Store(backend.url) as store, pytest.raises(StoreError, match="migrate"):
        store.events(EventQuery(text="anything"))


def test_unmigrated_sqlite_file_is_neither_created_nor_read(db_path: Path) -> None:
    with Store(db_path) as store, pytest.raises(StoreError, match="migrate") as info:
        store.summary()
    assert info.value.code == "S506"
    assert not db_path.exists(), "a read must not create an empty database file"

    sqlite3.connect(db_path).close()
    with Store(db_path) as store, pytest.raises(StoreError, match="no sitroom schema"):
        store.has_document("x")
