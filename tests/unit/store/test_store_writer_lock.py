"""The regroupings of corpus events and actors take turns between PostgreSQL writers.

A deterministic check of the lock behind ``tests/integration/test_pg_writers.py`` (whose race a
fast machine may not hit): while one transaction regroups, another cannot take the lock, and
it can as soon as the first commits. On SQLite the call is a no-op (its writers already queue).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.pool import NullPool

from sitroom.store import Store, corpus, registry
from sitroom.store.engine import _DERIVED_STATE_LOCK, lock_derived_state
from unit.store.backends import PostgresServer

TRY_LOCK = sa.text("SELECT pg_try_advisory_xact_lock(:key)")

REGROUPINGS: dict[str, Callable[[Connection], object]] = {
    "merge corpus events": lambda conn: corpus.merge_documents(conn, ["no-such-document"]),
    "forget corpus events": lambda conn: corpus.forget_documents(conn, ["no-such-document"]),
    "register actors": lambda conn: registry.register_documents(conn, ["no-such-document"]),
    "forget actors": lambda conn: registry.forget_documents(conn, ["no-such-document"]),
}


@pytest.mark.parametrize("regroup", REGROUPINGS.values(), ids=REGROUPINGS.keys())
def test_a_second_writer_waits_for_the_first_to_commit(
    pg_server: PostgresServer, regroup: Callable[[Connection], object]
) -> None:
    name = pg_server.acquire()
    try:
        url = pg_server.url_of(name)
        with Store(url) as store:
            store.migrate()
        engine = sa.create_engine(url, poolclass=NullPool)
        try:
            with engine.connect() as first, engine.connect() as second:
                with first.begin():
                    regroup(first)
                    with second.begin():
                        assert second.scalar(TRY_LOCK, {"key": _DERIVED_STATE_LOCK}) is False
                with second.begin():
                    assert second.scalar(TRY_LOCK, {"key": _DERIVED_STATE_LOCK}) is True
        finally:
            engine.dispose()
    finally:
        pg_server.release(name)


def test_sqlite_needs_no_lock(tmp_path: Path) -> None:
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        with engine.connect() as conn, conn.begin():
            lock_derived_state(conn)  # would fail on SQLite if it ran the PostgreSQL function
    finally:
        engine.dispose()
