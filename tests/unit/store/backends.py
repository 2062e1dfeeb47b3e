"""The databases the store tests run on: a SQLite file, and PostgreSQL when one is configured.

``SITROOM_TEST_POSTGRES_URL`` names a PostgreSQL database the tests may connect to as a user
allowed to create databases (``CREATEDB``); each test gets an empty database of its own, made
next to that one for the test session and dropped at its end, so nothing already on the server
is touched. Without the
variable the PostgreSQL cases are skipped, except under CI (``CI`` set), where they fail: CI must
never pass by quietly testing SQLite alone. ``.ci/run`` starts a server and sets the variable.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from sitroom.store.engine import create_engine, parse_url

POSTGRES_URL = "SITROOM_TEST_POSTGRES_URL"
BACKENDS = ("sqlite", "postgres")


@dataclasses.dataclass
class Backend:
    """A fresh, empty database for one test; ``new_url`` makes another one."""

    name: str
    url: str
    new_url: Callable[[], str]

    def execute(self, sql: str, **params: Any) -> list[sa.Row[Any]]:
        """Run one statement in its own committed transaction, as another program would."""
        engine = create_engine(parse_url(self.url))
        try:
            with engine.begin() as conn:
                result = conn.execute(sa.text(sql), params)
                return list(result.fetchall()) if result.returns_rows else []
        finally:
            engine.dispose()

    def count(self, table: str) -> int:
        return int(self.execute(f"SELECT count(*) FROM {table}")[0][0])


class PostgresServer:
    """Hands out empty databases on the server of ``SITROOM_TEST_POSTGRES_URL``.

    Creating a database takes a few hundred milliseconds, emptying one a few: a database is
    emptied (its public schema dropped and made anew) when a test is done with it, and handed
    to the next test. All of them are dropped at the end of the session.
    """

    def __init__(self, url: str) -> None:
        self.url = parse_url(url)
        self._admin = sa.create_engine(self.url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        # Unique per server object: a run may hold several, and a crashed run leaves names.
        prefix = f"sitroom_test_{os.getpid()}_{secrets.token_hex(3)}"
        self._names = (f"{prefix}_{n}" for n in itertools.count())
        self._free: list[str] = []
        self._made: list[str] = []

    def url_of(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def _run(self, sql: str, database: str | None = None) -> None:
        engine = self._admin
        if database is not None:
            url = self.url.set(database=database)
            engine = sa.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql(sql)
        finally:
            if database is not None:
                engine.dispose()

    def acquire(self) -> str:
        """The name of an empty UTF-8 database."""
        if self._free:
            return self._free.pop()
        name = next(self._names)
        self._run(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'")
        self._made.append(name)
        return name

    def release(self, name: str) -> None:
        try:
            # A test that left a transaction open would block the reset: give up on the
            # database rather than wait.
            self._run(
                "SET lock_timeout = '10s'; DROP SCHEMA public CASCADE; CREATE SCHEMA public",
                database=name,
            )
        except sa.exc.DBAPIError:
            self._drop(name)
            self._made.remove(name)
        else:
            self._free.append(name)

    @contextmanager
    def backend(self) -> Iterator[Backend]:
        taken: list[str] = []

        def new_url() -> str:
            taken.append(self.acquire())
            return self.url_of(taken[-1])

        try:
            yield Backend("postgres", new_url(), new_url)
        finally:
            for name in taken:
                self.release(name)

    def _drop(self, name: str) -> None:
        # FORCE ends the database's sessions, an autovacuum worker's too when the role may
        # signal it (.ci/run grants pg_signal_backend); one may start just then: try again.
        for attempt in range(5):
            try:
                self._run(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
                return
            except sa.exc.DBAPIError:
                if attempt == 4:
                    raise
                time.sleep(0.5)

    def close(self) -> None:
        for name in self._made:
            self._drop(name)
        self._admin.dispose()


def postgres_server() -> PostgresServer:
    """The configured server; skips the test, or fails it under CI, when there is none."""
    url = os.environ.get(POSTGRES_URL)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(
                f"{POSTGRES_URL} is not set: under CI the store tests must run against "
                "PostgreSQL too (.ci/run starts a server and sets it)",
                pytrace=False,
            )
        pytest.skip(f"PostgreSQL tests need {POSTGRES_URL}")
    return PostgresServer(url)


def sqlite_backend(folder: Path) -> Backend:
    numbers = itertools.count(1)
    return Backend(
        "sqlite", str(folder / "sitroom.db"), lambda: str(folder / f"{next(numbers)}.db")
    )


@contextmanager
def make_backend(
    name: str, folder: Path, server: Callable[[], PostgresServer]
) -> Iterator[Backend]:
    if name == "sqlite":
        yield sqlite_backend(folder)
    else:
        with server().backend() as backend:
            yield backend


__all__ = [
    "BACKENDS",
    "POSTGRES_URL",
    "Backend",
    "PostgresServer",
    "make_backend",
    "postgres_server",
    "sqlite_backend",
]
