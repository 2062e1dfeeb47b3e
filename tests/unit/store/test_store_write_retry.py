"""A PostgreSQL write that the server aborts for another transaction (a serialization failure,
a deadlock) runs again from the start; any other error is raised at once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from sqlalchemy import exc
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import NullPool

from sitroom.store import Store
from sitroom.store.engine import run_write, sqlstate
from unit.store.backends import Backend


@pytest.fixture
def engine(backend: Backend) -> Iterator[Engine]:
    if backend.name != "postgres":
        pytest.skip("serialization failures and deadlocks are PostgreSQL's")
    with Store(backend.url) as store:
        store.migrate()  # the store revision that every write bumps
    made = sa.create_engine(backend.url, poolclass=NullPool)
    with made.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER)")
        conn.exec_driver_sql("INSERT INTO counter VALUES (1, 0)")
    yield made
    made.dispose()


def test_a_serialization_failure_is_run_again(engine: Engine) -> None:
    attempts = 0

    def work(conn: Connection) -> int:
        nonlocal attempts
        attempts += 1
        conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        conn.exec_driver_sql("SELECT n FROM counter WHERE id = 1").scalar()  # the snapshot
        if attempts == 1:
            # Another writer changes the row after our snapshot and commits first.
            with engine.begin() as other:
                other.exec_driver_sql("UPDATE counter SET n = n + 10 WHERE id = 1")
        conn.exec_driver_sql("UPDATE counter SET n = n + 1 WHERE id = 1")
        return attempts

    assert run_write(engine.connect, work) == 2
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT n FROM counter").scalar() == 11


def test_other_errors_are_not_retried(engine: Engine) -> None:
    attempts = 0

    def work(conn: Connection) -> None:
        nonlocal attempts
        attempts += 1
        conn.exec_driver_sql("INSERT INTO counter VALUES (1, 5)")  # the key exists

    with pytest.raises(exc.IntegrityError) as caught:
        run_write(engine.connect, work)
    assert attempts == 1
    assert sqlstate(caught.value) == "23505"


def test_a_persistent_conflict_gives_up(engine: Engine) -> None:
    attempts = 0

    def work(conn: Connection) -> None:
        nonlocal attempts
        attempts += 1
        conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        conn.exec_driver_sql("SELECT n FROM counter WHERE id = 1").scalar()
        with engine.begin() as other:
            other.exec_driver_sql("UPDATE counter SET n = n + 10 WHERE id = 1")
        conn.exec_driver_sql("UPDATE counter SET n = n + 1 WHERE id = 1")

    with pytest.raises(exc.DBAPIError) as caught:  # pg8000 says ProgrammingError
        run_write(engine.connect, work, attempts=3)
    assert attempts == 3
    assert sqlstate(caught.value) == "40001"
