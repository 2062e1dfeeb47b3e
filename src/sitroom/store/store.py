"""``Store``: the one entry point other parts of sitroom use to keep and query extractions."""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from types import TracebackType
from typing import Any

import sqlalchemy as sa
from sqlalchemy import exc
from sqlalchemy.engine import Connection, Engine

from sitroom.errors import StoreError
from sitroom.model import Extraction
from sitroom.store import schema as t
from sitroom.store.engine import (
    create_engine,
    display,
    parse_url,
    reason,
    sqlite_file,
    write_transaction,
)
from sitroom.store.migrations import applied_versions, check_newer, latest_version, migrate
from sitroom.store.queries import (
    ContestedClaim,
    DocumentRow,
    EventQuery,
    EventRow,
    StoreSummary,
    contested_claims_select,
    documents_select,
    events_select,
)
from sitroom.store.records import Row, extraction_rows, load_extraction

# Keeps IN lists under every backend's bound-parameter limit.
_ID_CHUNK = 500


class Store:
    """Extractions in a SQL database: SQLite by file path or URL, or PostgreSQL by URL.

    Nothing connects until the first call that needs the database. Call ``migrate()`` once to
    create or upgrade the schema; every other method refuses a database that is missing or not
    at the schema version this code expects.
    """

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

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

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

    def has_document(self, document_id: str) -> bool:
        with self._reading() as conn:
            return conn.scalar(_existing_ids_select([document_id])) is not None

    def add(self, extraction: Extraction) -> bool:
        """Store one extraction; False, writing nothing, if its document is already stored."""
        return self.add_many([extraction])[0]

    def add_many(self, extractions: Iterable[Extraction]) -> list[bool]:
        """Store several extractions in one transaction; one flag per input, as for ``add``.

        A document repeated within the batch is stored once, at its first occurrence.
        """
        batch = list(extractions)
        if not batch:
            return []
        ids = [x.document.id for x in batch]
        with self._translate("write to"):
            try:
                return self._insert(batch)
            except exc.IntegrityError:
                # Another writer stored one of these documents between our check and our insert
                # (possible on PostgreSQL); the batch was rolled back, so redo it once.
                if not self._existing_ids(ids):
                    raise
                return self._insert(batch)

    def get_extraction(self, document_id: str) -> Extraction | None:
        with self._reading() as conn:
            return load_extraction(conn, document_id)

    def documents(self) -> list[DocumentRow]:
        """Stored documents, without their text, by ingestion time and then id."""
        with self._reading() as conn:
            return [DocumentRow(**row._mapping) for row in conn.execute(documents_select())]

    def events(self, query: EventQuery | None = None) -> list[EventRow]:
        """Events matching ``query``, latest first; events without a date come last."""
        stmt = events_select(query or EventQuery())
        with self._reading() as conn:
            return [EventRow(**row._mapping) for row in conn.execute(stmt)]

    def contested_claims(self) -> list[ContestedClaim]:
        """Claims that take part in a contradiction, one row per side, pairs adjacent."""
        with self._reading() as conn:
            rows = conn.execute(contested_claims_select())
            return [ContestedClaim(**row._mapping) for row in rows]

    def summary(self) -> StoreSummary:
        def count(conn: Connection, table: sa.Table) -> int:
            return conn.scalar(sa.select(sa.func.count()).select_from(table)) or 0

        e = t.events
        n = sa.func.count().label("n")
        by_type = sa.select(e.c.type, n).group_by(e.c.type).order_by(n.desc(), e.c.type)
        with self._reading() as conn:
            return StoreSummary(
                documents=count(conn, t.documents),
                events=count(conn, t.events),
                events_by_type={row.type: row.n for row in conn.execute(by_type)},
                entities=count(conn, t.entities),
                places=count(conn, t.places),
                quotes=count(conn, t.quotes),
                claims=count(conn, t.claims),
                contradictions=count(conn, t.contradictions),
                figures=count(conn, t.figures),
            )

    # -- internals -------------------------------------------------------------------------

    def _insert(self, batch: Sequence[Extraction]) -> list[bool]:
        self._ensure_schema()
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        with self._connect(self._get_engine()) as conn, write_transaction(conn):
            seen = _existing_ids_in(conn, [x.document.id for x in batch])
            added: list[bool] = []
            rows: dict[sa.Table, list[Row]] = {
                table: [] for table in (t.documents, *t.CHILD_TABLES)
            }
            for extraction in batch:
                new = extraction.document.id not in seen
                added.append(new)
                if new:
                    seen.add(extraction.document.id)
                    for table, table_rows in extraction_rows(extraction, now).items():
                        rows[table].extend(table_rows)
            # Parents first so foreign keys hold at every statement, not only at commit.
            for table, table_rows in rows.items():
                if table_rows:
                    conn.execute(table.insert(), table_rows)
            return added

    def _existing_ids(self, ids: Sequence[str]) -> set[str]:
        with self._connect(self._get_engine()) as conn, conn.begin():
            return _existing_ids_in(conn, ids)

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
                f"no sitroom database at {path}; it is created by Store.migrate()", code="S506"
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
                f"database {self.url} {state}; run Store.migrate() to bring it to version "
                f"{latest_version()}",
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


def _existing_ids_select(ids: Sequence[str]) -> sa.Select[Any]:
    return sa.select(t.documents.c.id).where(t.documents.c.id.in_(ids))


def _existing_ids_in(conn: Connection, ids: Sequence[str]) -> set[str]:
    unique = sorted(set(ids))
    found: set[str] = set()
    for start in range(0, len(unique), _ID_CHUNK):
        found.update(conn.scalars(_existing_ids_select(unique[start : start + _ID_CHUNK])))
    return found


__all__ = ["Store"]
