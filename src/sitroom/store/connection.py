"""``StoreBase``: how a ``Store`` reaches its database. The engine, made on first use and shared
by the threads of a server; the check that the database exists and is at this code's schema
version; and the translation of database failures into ``StoreError``. ``Store`` (store.py)
adds the queries and writes, which run through these; ``watch_state`` uses them too."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

from sqlalchemy import exc
from sqlalchemy.engine import Connection, Engine

from sitroom.errors import StoreError
from sitroom.store.engine import create_engine, display, parse_url, reason, sqlite_file
from sitroom.store.migrations import applied_versions, check_newer, latest_version, migrate


class StoreBase:
    """A database by URL, connected on first use; see ``Store``."""

    def __init__(self, url: str | os.PathLike[str]) -> None:
        self._url = parse_url(url)
        self._engine: Engine | None = None
        # One Store may be shared by the threads of a server; they must share one engine.
        self._lock = threading.Lock()
        self._checked = False

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return display(self._url)

    def reopen_url(self) -> str | None:
        """The URL by which another process opens this database (with its password); None
        for SQLite in memory, which exists in this process only."""
        if self._url.get_backend_name() == "sqlite" and sqlite_file(self._url) is None:
            return None
        return self._url.render_as_string(hide_password=False)

    def close(self) -> None:
        """Release pooled connections; the store reconnects if used again."""
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()
            self._engine = None
            self._checked = False

    def migrate(self) -> list[int]:
        """Create or upgrade the schema; return the migration versions applied now."""
        self._check_sqlite_file(creating=True)
        engine = self._get_engine()
        # Probe first so an unopenable database reports as such, not as a failed migration.
        with self._connect(engine):
            pass
        with self._translate("migrate"):
            applied = migrate(engine)
        self._checked = True
        return applied

    # -- internals -------------------------------------------------------------------------

    def _connection(self) -> AbstractContextManager[Connection]:
        return self._connect(self._get_engine())

    def _get_engine(self) -> Engine:
        with self._lock:
            if self._engine is None:
                self._engine = create_engine(self._url)
            return self._engine

    def _check_sqlite_file(self, *, creating: bool) -> None:
        # SQLite would create an empty file for any path, or fail with a bare "unable to open
        # database file"; checking first gives a message that names the actual problem.
        path = sqlite_file(self._url)
        if path is None:
            return
        if path.is_dir():
            raise StoreError(f"{path} is a directory, not a database file", code="S502")
        if path.exists():
            return
        if not creating:
            raise StoreError(
                f"no sitroom database at {path}; create it with `sitroom ingest ARTICLES --db "
                f"{path}` or `sitroom migrate --db {path}`",
                code="S506",
            )
        if not path.parent.is_dir():
            raise StoreError(
                f"cannot create database {path}: directory {path.parent} does not exist",
                code="S502",
            )

    def _ensure_schema(self) -> None:
        if self._checked:
            return
        self._check_sqlite_file(creating=False)
        engine = self._get_engine()
        with self._connect(engine) as conn, self._translate("read"):
            applied = applied_versions(conn)
        check_newer(applied)
        if latest_version() not in applied:
            state = f"is at schema version {max(applied)}" if applied else "has no sitroom schema"
            raise StoreError(
                f"database {self.url} {state}; run `sitroom migrate --db {self.url}` to bring "
                f"it to version {latest_version()}",
                code="S506",
            )
        self._checked = True

    @contextmanager
    def _connect(self, engine: Engine) -> Iterator[Connection]:
        try:
            conn = engine.connect()
        except exc.SQLAlchemyError as err:
            raise StoreError(
                f"cannot open database {self.url}: {reason(err)}", code="S502"
            ) from err
        with conn:
            yield conn

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        self._ensure_schema()
        with self._connect(self._get_engine()) as conn, self._translate("read"), conn.begin():
            yield conn

    @contextmanager
    def _translate(self, action: str) -> Iterator[None]:
        """Turn database failures into StoreError so callers handle one exception type."""
        try:
            yield
        except exc.SQLAlchemyError as err:
            code = "S505" if action == "read" else "S504"
            raise StoreError(
                f"cannot {action} database {self.url}: {reason(err)}", code=code
            ) from err


__all__ = ["StoreBase"]
