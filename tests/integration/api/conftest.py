"""API fixtures: a stored corpus served by a real uvicorn server on loopback.

``served`` runs on SQLite and, when ``SITROOM_TEST_POSTGRES_URL`` is set, on PostgreSQL too
(the same rules as the store tests: skipped without it, failing under CI).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from integration.api.corpus import corpus, live
from sitroom.api import create_app
from sitroom.config import Settings
from sitroom.model import Extraction
from sitroom.store import Store
from unit.store.backends import BACKENDS, PostgresServer, make_backend, postgres_server

CORPUS_SIZE = 24


@dataclass
class Served:
    """A client of a live server over ``store``, which holds ``extractions``."""

    client: httpx.Client
    store: Store
    extractions: list[Extraction]


@pytest.fixture(scope="session")
def api_pg_server() -> Iterator[PostgresServer]:
    server = postgres_server()
    yield server
    server.close()


@pytest.fixture(scope="module", params=BACKENDS)
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Served]:
    def pg() -> PostgresServer:
        found: PostgresServer = request.getfixturevalue("api_pg_server")
        return found

    folder = tmp_path_factory.mktemp("api")
    with make_backend(request.param, folder, pg) as backend, Store(backend.url) as store:
        store.migrate()
        extractions = corpus(CORPUS_SIZE)
        assert all(store.add_many(extractions))
        store.link_cross_contradictions([x.document.id for x in extractions])
        app = create_app(Settings(db=backend.url), store=store)
        with live(app) as client:
            yield Served(client, store, extractions)


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    """A migrated SQLite file holding the corpus."""
    path = tmp_path / "api.db"
    with Store(path) as store:
        store.migrate()
        store.add_many(corpus(CORPUS_SIZE))
    return path


@pytest.fixture
def client_for(db_file: Path) -> Iterator[Callable[..., httpx.Client]]:
    """Start live servers over ``db_file``: tokens as keywords, other create_app options too."""
    with ExitStack() as stack:

        def start(
            *, api_token: str | None = None, api_read_token: str | None = None, **options: Any
        ) -> httpx.Client:
            settings = Settings(db=str(db_file), api_token=api_token, api_read_token=api_read_token)
            return stack.enter_context(live(create_app(settings, **options)))

        yield start
