"""Fixtures the integration tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from unit.store.backends import PostgresServer, postgres_server


@pytest.fixture(scope="module")
def pg_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server per test module (skips without one; see ``postgres_server``)."""
    server = postgres_server()
    yield server
    server.close()
