"""Several ``sitroom ingest`` processes writing into one PostgreSQL database at once.

Each process regroups the store-wide corpus events and actor registry from what is already
stored; without a lock two of them inserted the same actor (``duplicate key`` on ``pk_actors``)
and one batch was lost. Real subprocesses on a real server: the store they leave must be the one
a sequential run leaves. Skipped without ``SITROOM_TEST_POSTGRES_URL`` (failed under CI).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from sitroom.resources import data_path
from unit.store.backends import PostgresServer, postgres_server

pytestmark = pytest.mark.model

# Two Darfur reports share actors and places, so the concurrent writers touch the same groups.
GROUPS = (
    ("01-mellit-shelling-darfur.txt",),
    ("02-north-darfur-market-attack.txt",),
    ("03-sagaing-air-strike.txt", "04-taiz-ceasefire-talks.txt"),
    ("05-bunia-militia-arrest.txt",),
)
SITROOM = str(Path(sys.executable).with_name("sitroom"))

SNAPSHOT = {
    "documents": "SELECT id FROM documents",
    "events": "SELECT document_id, id FROM events",
    "corpus events": "SELECT corpus_event_id, document_id, event_id FROM corpus_event_members",
    "actors": "SELECT actor_id, document_id, entity_id FROM actor_members",
}


@pytest.fixture(scope="module")
def server() -> Iterator[PostgresServer]:
    made = postgres_server()
    yield made
    made.close()


def _ingest(url: str, files: tuple[str, ...], data_dir: Path) -> subprocess.Popen[str]:
    paths = [str(data_path("samples") / name) for name in files]
    return subprocess.Popen(
        [SITROOM, "--data-dir", str(data_dir), "ingest", "--db", url, *paths],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(proc: subprocess.Popen[str], url: str) -> None:
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    # The summary names the database: never with its password.
    assert f":{sa.engine.make_url(url).password}@" not in out + err


def _snapshot(url: str) -> dict[str, list[tuple[object, ...]]]:
    engine = sa.create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return {
                name: sorted(tuple(row) for row in conn.execute(sa.text(sql)))
                for name, sql in SNAPSHOT.items()
            }
    finally:
        engine.dispose()


def test_four_concurrent_ingests_leave_the_sequential_store(
    server: PostgresServer, data_dir: Path
) -> None:
    sequential = server.url_of(server.acquire())
    for files in GROUPS:
        _finish(_ingest(sequential, files, data_dir), sequential)
    concurrent = server.url_of(server.acquire())
    # Create the schema first, as a deployment would (``sitroom migrate``): the test is about
    # the writers, not about four processes racing to create tables.
    migrate = subprocess.run(
        [SITROOM, "migrate", "--db", concurrent],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert migrate.returncode == 0, migrate.stderr
    procs = [_ingest(concurrent, files, data_dir) for files in GROUPS]
    for proc in procs:
        _finish(proc, concurrent)
    expected, got = _snapshot(sequential), _snapshot(concurrent)
    assert expected["documents"] and expected["corpus events"] and expected["actors"]
    assert got == expected
