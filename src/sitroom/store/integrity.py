"""A cheap integrity probe for health checks: is the database file sound, not only reachable?

A count of rows can succeed on a SQLite file with garbage in its middle (the pages it reads are
intact), so ``/api/health`` said "ok" on a damaged store. SQLite's ``quick_check`` reads every
page but skips the slow index-to-table cross-checks of ``integrity_check``; ``quick_check(1)``
stops at the first problem. PostgreSQL guards its own pages; there is nothing cheap to add.
"""

from __future__ import annotations

from sqlalchemy import Connection, text


def integrity_problem(conn: Connection) -> str | None:
    """The first problem SQLite's quick_check finds, or None when the database looks sound."""
    if conn.dialect.name != "sqlite":
        return None
    found = conn.execute(text("PRAGMA quick_check(1)")).scalar()
    return None if found == "ok" else str(found)


__all__ = ["integrity_problem"]
