"""Databases as older sitroom releases left them, for the tests of later migrations.

Each is made by the real migration code path (``migrate`` with the first N migrations), which
under the baseline rule creates the *current* schema; ``old_shape`` then removes what versions
up to N did not have yet, giving the shape those releases wrote. Rows are inserted afterwards,
as the old release would have, so that nothing (no search trigger) sees them being added.
"""

from __future__ import annotations

import datetime as dt
import warnings
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sitroom.model import Extraction
from sitroom.store import schema as t
from sitroom.store.engine import begin_write, create_engine, parse_url
from sitroom.store.migrations import MIGRATIONS, migrate
from sitroom.store.records import extraction_rows
from sitroom.store.search import SQLITE_OBJECTS

INTAKE_TABLES = ("inputs", "doc_signatures", "doc_bands", "near_duplicates")


def drop_search(conn: Connection) -> None:
    """Remove the full-text search objects that migration 3 adds."""
    if conn.dialect.name == "sqlite":
        for trigger in SQLITE_OBJECTS["trigger"]:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
        for table in SQLITE_OBJECTS["table"]:
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")
    else:
        conn.exec_driver_sql("DROP INDEX IF EXISTS ix_documents_search")
        conn.exec_driver_sql("DROP INDEX IF EXISTS ix_quotes_search")


def make_old_database(
    url: str, version: int, extractions: list[Extraction], *, old_shape: bool
) -> None:
    """A database at schema ``version`` holding ``extractions``."""
    engine = create_engine(parse_url(url))
    try:
        assert migrate(engine, MIGRATIONS[:version]) == list(range(1, version + 1))
        with begin_write(engine) as conn:
            if old_shape:
                drop_search(conn)
                if version < 2:
                    intake = [t.metadata.tables[name] for name in INTAKE_TABLES]
                    t.metadata.drop_all(conn, tables=intake)
            now = dt.datetime(2025, 3, 5, 12, 0)
            for extraction in extractions:
                for table, rows in extraction_rows(extraction, now).items():
                    if rows:
                        conn.execute(table.insert(), rows)
    finally:
        engine.dispose()


def table_shape(url: str, table: str) -> dict[str, Any]:
    """Columns, indexes, foreign keys and primary key of ``table``, as the database reports."""
    engine = create_engine(parse_url(url))
    try:
        inspector = sa.inspect(engine)
        if not inspector.has_table(table):
            return {"exists": False}
        columns = [
            (c["name"], str(c["type"]), c["nullable"], c.get("default"))
            for c in inspector.get_columns(table)
        ]
        with warnings.catch_warnings():
            # SQLite's reflection skips indexes on expressions (the date-range ones), saying so.
            warnings.filterwarnings("ignore", "Skipped unsupported reflection", sa.exc.SAWarning)
            found = inspector.get_indexes(table)
        indexes = sorted((i["name"], tuple(i["column_names"])) for i in found)
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
    return {
        "columns": columns,
        "indexes": indexes,
        "fks": foreign_keys,
        "pk": primary_key,
        "exists": True,
    }


__all__ = ["INTAKE_TABLES", "drop_search", "make_old_database", "table_shape"]
