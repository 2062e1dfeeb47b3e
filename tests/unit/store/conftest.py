"""Store fixtures: every test that takes ``store`` or ``backend`` runs on SQLite and PostgreSQL.

The PostgreSQL cases need ``SITROOM_TEST_POSTGRES_URL`` (see ``backends.py``); without it they
are skipped, or fail under CI. ``db_path`` is for the tests of SQLite files as such.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sitroom.model import Extraction
from sitroom.store import Store
from unit.store.backends import BACKENDS, Backend, PostgresServer, make_backend, postgres_server
from unit.store.extractions import build_plain, build_rich


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    server = postgres_server()
    yield server
    server.close()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    """A fresh, empty database on each backend."""

    def server() -> PostgresServer:
        found: PostgresServer = request.getfixturevalue("pg_server")
        return found

    with make_backend(request.param, tmp_path, server) as made:
        yield made


@pytest.fixture
def rich() -> Extraction:
    return build_rich()


@pytest.fixture
def plain() -> Extraction:
    return build_plain()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "sitroom.db"


@pytest.fixture
def store(backend: Backend) -> Iterator[Store]:
    with Store(backend.url) as s:
        s.migrate()
        yield s


@pytest.fixture
def filled(store: Store, rich: Extraction, plain: Extraction) -> Store:
    assert store.add_many([rich, plain]) == [True, True]
    return store
