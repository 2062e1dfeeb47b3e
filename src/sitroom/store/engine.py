"""Turning a user's database setting into a configured SQLAlchemy engine.

Nothing here connects: URLs are parsed and checked up front so that a typo fails with a clear
``StoreError`` before any file is created.
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy import event, exc
from sqlalchemy.engine import URL, Connection, Engine, make_url

from sitroom.errors import StoreError

# Only backends the schema is written and tested for; others may work but are not promised.
SUPPORTED_BACKENDS = ("sqlite", "postgresql")

# The PostgreSQL driver a plain postgresql:// URL means: pg8000 is pure Python and BSD-licensed
# (psycopg is LGPL). Installed by the ``postgres`` extra; another driver can be named explicitly,
# as in postgresql+psycopg://.
POSTGRES_DRIVER = "postgresql+pg8000"
_EXTRAS = {"pg8000": "postgres"}

# Execution option that marks a connection as about to write; SQLite then takes the write lock
# at BEGIN, so a read-then-insert cannot fail half way with "database is locked" in WAL mode.
_BUSY_TIMEOUT_MS = 30_000
_WRITE_OPTION = "sitroom_write"


def parse_url(raw: str | os.PathLike[str]) -> URL:
    """A SQLAlchemy URL from a URL string or a plain file path (which means SQLite)."""
    text = os.fspath(raw).strip()
    if not text:
        raise StoreError("the database URL is empty", code="S501")
    if "://" not in text:
        if text == ":memory:":
            return URL.create("sqlite")
        return URL.create("sqlite", database=str(Path(text).expanduser().absolute()))
    try:
        url = make_url(text)
    except exc.ArgumentError as err:
        raise StoreError(f"not a valid database URL: {text!r}", code="S501") from err
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername=POSTGRES_DRIVER)
    backend = url.get_backend_name()
    if backend not in SUPPORTED_BACKENDS:
        raise StoreError(
            f"unsupported database URL scheme {url.drivername!r} in {display(url)}; "
            "use a file path, sqlite:///PATH or postgresql://HOST/DB",
            code="S501",
        )
    try:
        url.get_dialect()
    except exc.NoSuchModuleError as err:
        raise StoreError(
            f"unknown database driver {url.drivername!r} in {display(url)}", code="S501"
        ) from err
    return url


def display(url: URL) -> str:
    """The URL as safe to show in messages and logs."""
    return url.render_as_string(hide_password=True)


def reason(err: exc.SQLAlchemyError) -> str:
    """The driver's own message, without SQLAlchemy's statement dump and help link."""
    orig = getattr(err, "orig", None)
    args = getattr(orig, "args", ())
    # pg8000 reports the server's error fields as a dict: M is the message, D the detail.
    if args and isinstance(args[0], dict) and "M" in args[0]:
        fields = args[0]
        return f"{fields['M']} ({fields['D']})" if fields.get("D") else str(fields["M"])
    return str(orig if orig is not None else err).splitlines()[0]


def sqlite_file(url: URL) -> Path | None:
    """The database file of a plain SQLite URL; None for memory, URI-mode or other backends."""
    if url.get_backend_name() != "sqlite" or "uri" in url.query:
        return None
    if not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


# A server reads with up to 40 requests at once (anyio's thread pool), each holding one
# connection while it reads. SQLite connections to a file are cheap and, in WAL mode, read at
# the same time, so the pool should not be what requests queue on: SQLAlchemy's default (5,
# plus 10 more) made requests fail after 30 s of waiting with 50 clients and an ingest.
# Connections past pool_size are closed when returned. PostgreSQL keeps the default: its
# connections are server processes, bounded by the server's max_connections.
_SQLITE_FILE_POOL = {"pool_size": 5, "max_overflow": 45, "pool_timeout": 60}


def create_engine(url: URL) -> Engine:
    try:
        options = _SQLITE_FILE_POOL if sqlite_file(url) is not None else {}
        engine = sa.create_engine(url, **options)
    except ImportError as err:
        extra = _EXTRAS.get(url.get_driver_name())
        hint = f"; install sitroom[{extra}]" if extra else ""
        raise StoreError(
            f"the Python driver for {url.drivername!r} is not installed ({err.name or err}){hint}",
            code="S501",
        ) from err
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # The sqlite3 module's own transaction handling skips BEGIN before DDL and SELECT, which
    # breaks transactional migrations; _sqlite_on_begin takes over and emits BEGIN itself.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        # Wait for other writers rather than fail at once with "database is locked".
        cursor.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")
        # WAL lets readers (the CLI, an API) proceed while an ingest is writing. The mode is
        # stored in the file, so only the first connection to a new database switches it; the
        # switch needs the file to itself, and SQLite does not wait for that, hence the retries.
        if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            _switch_to_wal(cursor)
        # SQLite ignores foreign keys, and hence ON DELETE CASCADE, unless asked per connection.
        cursor.execute("PRAGMA foreign_keys=ON")
    finally:
        cursor.close()


def _switch_to_wal(cursor: Any) -> None:
    deadline = time.monotonic() + _BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _sqlite_on_begin(connection: Connection) -> None:
    writing = connection.get_execution_options().get(_WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


# The last statement of every counted write: bumping the one revision row takes its row lock
# on PostgreSQL only at the very end, after the derived-state lock, so writers cannot deadlock
# on the two. No row (a database between migrations) changes nothing.
_BUMP_REVISION = sa.text("UPDATE store_revision SET revision = revision + 1 WHERE id = 1")


@contextmanager
def write_transaction(connection: Connection, *, counted: bool = True) -> Iterator[Connection]:
    """A transaction on ``connection`` that intends to write, committed on normal exit.

    ``counted`` (all but the migrations, which run before the revision table exists) bumps the
    store revision in the same transaction, so a reader that sees the new rows sees the new
    revision too."""
    connection.execution_options(**{_WRITE_OPTION: True})
    with connection.begin():
        yield connection
        if counted:
            connection.execute(_BUMP_REVISION)


# PostgreSQL's SQLSTATEs for a transaction the server aborted only because of another one:
# serialization_failure (under REPEATABLE READ or SERIALIZABLE) and deadlock_detected. Run
# again from the start, the same work succeeds; any other error is the work's own.
_RETRYABLE = frozenset({"40001", "40P01"})
_WRITE_ATTEMPTS = 4

T = TypeVar("T")


def sqlstate(err: exc.DBAPIError) -> str | None:
    """The SQLSTATE of a driver error: pg8000 gives the server's fields as a dict (C is the
    code), psycopg has ``sqlstate``; None when there is none (SQLite)."""
    orig = err.orig
    args = getattr(orig, "args", ())
    if args and isinstance(args[0], dict):
        code = args[0].get("C")
        return str(code) if code is not None else None
    code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    return str(code) if code is not None else None


def run_write(
    connect: Callable[[], AbstractContextManager[Connection]],
    work: Callable[[Connection], T],
    *,
    attempts: int = _WRITE_ATTEMPTS,
) -> T:
    """``work`` in a write transaction on a connection from ``connect``, committed; run again
    (a new transaction, after a short randomised pause) when PostgreSQL aborts it for a
    deadlock or a serialization failure, up to ``attempts`` times in all."""
    for attempt in range(1, attempts + 1):
        try:
            with connect() as connection, write_transaction(connection):
                return work(connection)
        except exc.DBAPIError as err:
            if attempt == attempts or sqlstate(err) not in _RETRYABLE:
                raise
            # Apart, so that the two writers that collided do not collide again at once.
            time.sleep(random.uniform(0.01, 0.05) * 2**attempt)
    raise AssertionError("unreachable: the last attempt returns or raises")


# One fixed key (the bytes "sitroom!" read as an integer) for every store-wide derived table.
_DERIVED_STATE_LOCK = 0x736974726F6F6D21


def lock_derived_state(connection: Connection) -> None:
    """Hold, until this transaction ends, the one lock on the store-wide derived tables.

    The corpus events and the actor registry are regrouped from what is already stored: a writer
    reads the groups its new rows touch, deletes them and writes them anew. Two PostgreSQL
    writers doing that at once each miss the other's uncommitted rows and insert the same actor
    or corpus event twice (``duplicate key`` on ``pk_actors``). Upserts would hide the error but
    leave groups that neither writer would have made; a transaction-level advisory lock makes
    the regroupings take turns, and under READ COMMITTED the second one, once let in, sees
    everything the first committed. It is released on commit or rollback, so a crash leaves
    nothing behind. SQLite already runs one write transaction at a time (BEGIN IMMEDIATE).
    Re-entrant: taking it again in the same transaction costs nothing.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(
            sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _DERIVED_STATE_LOCK}
        )


@contextmanager
def begin_write(engine: Engine, *, counted: bool = True) -> Iterator[Connection]:
    """A new connection in a write transaction, as ``write_transaction``."""
    with engine.connect() as connection, write_transaction(connection, counted=counted):
        yield connection


__all__ = [
    "POSTGRES_DRIVER",
    "SUPPORTED_BACKENDS",
    "begin_write",
    "create_engine",
    "display",
    "lock_derived_state",
    "parse_url",
    "reason",
    "run_write",
    "sqlite_file",
    "sqlstate",
    "write_transaction",
]
