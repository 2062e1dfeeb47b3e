"""The writers beside ingest (rebuilding the corpus events, linking contradictions across
documents, the watch state) run again when PostgreSQL aborts them for a deadlock, as the
ingest does (``engine.run_write``), instead of failing with S504.

Each test makes a real deadlock on the server: another transaction holds the store revision
row, which every write bumps last; once the writer waits for it, that transaction asks for a
table the writer holds. PostgreSQL breaks the cycle by aborting the transaction that waited
first, the writer; run again after the other transaction ends, the write succeeds.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import exc
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool

from builders import claim, entity, event, one_day, place
from sitroom.model import Document, Extraction, Stance
from sitroom.store import Store
from sitroom.store.engine import sqlstate
from sitroom.store.watch_state import PollResult, SourceConfig, WatchState
from unit.store.backends import Backend

NOW = dt.datetime(2024, 11, 2, 8, 0)
FEED = "https://news.example.net/feed.xml"


def _statement(text: str, speaker: str, stance: Stance, day: int) -> Extraction:
    """One sentence of November 2024 in which ``speaker`` asserts or denies shelling at
    Varnitsa that day; the mentions sit at fixed offsets (the store reads records, not text)."""
    that_day = dt.date(2024, 11, day)
    return Extraction(
        document=Document(id=f"retry-{stance}", text=text, published=that_day),
        entities=[entity("e1", speaker, mentions=[(0, 5)])],
        places=[place("p1", "Varnitsa", "MD", mentions=[(6, 10)])],
        events=[
            event(
                text,
                "v1",
                "ASSAULT",
                (11, 16),
                in_sentence=(0, len(text)),
                place="p1",
                date=one_day(that_day),
                modality="claimed" if stance == "assert" else "denied",
            )
        ],
        claims=[claim(text, "c1", stance, text[:16], claimant="e1", event="v1")],
    )


SAID = _statement("Mayor says gunners shelled Varnitsa.", "Mayor of Varnitsa", "assert", 5)
DENIED = _statement("Corps deny gunners shelled Varnitsa.", "Northern Corps", "deny", 6)


@pytest.fixture
def pg_store(backend: Backend) -> Iterator[Store]:
    if backend.name != "postgres":
        pytest.skip("deadlocks between writers are PostgreSQL's (SQLite queues its writers)")
    with Store(backend.url) as store:
        store.migrate()
        assert all(store.add_many([SAID, DENIED]))
        yield store


def _waiting_writer(monitor: Engine, own_pid: int) -> int:
    """The pid of the other backend of this database that waits for a lock."""
    query = sa.text(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
        "AND wait_event_type = 'Lock' AND pid <> :own"
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with monitor.connect() as conn:
            pid = conn.scalar(query, {"own": own_pid})
        if pid is not None:
            return int(pid)
        time.sleep(0.02)
    raise AssertionError("the writer never waited for the store revision")


def _table_held_by(monitor: Engine, pid: int) -> str:
    """A table (not the revision row's) the waiting writer holds a lock on."""
    query = sa.text(
        "SELECT c.relname FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
        "WHERE l.pid = :pid AND l.granted AND c.relkind = 'r' "
        "AND c.relname <> 'store_revision' AND c.relnamespace = 'public'::regnamespace "
        "ORDER BY c.relname LIMIT 1"
    )
    with monitor.connect() as conn:
        name = conn.scalar(query, {"pid": pid})
    assert name is not None, "the writer holds no table of the store"
    return str(name)


def _deadlock(url: str, write: Callable[[], Any]) -> tuple[Any, list[str]]:
    """Run ``write`` while another transaction deadlocks with it; its result, and what
    happened to the other transaction ("locked" when the writer was the one aborted)."""
    engine = sa.create_engine(url, poolclass=NullPool)
    ready = threading.Event()
    outcome: list[str] = []

    def other() -> None:
        with engine.connect() as conn:
            transaction = conn.begin()
            conn.execute(sa.text("UPDATE store_revision SET revision = revision WHERE id = 1"))
            own = int(conn.scalar(sa.text("SELECT pg_backend_pid()")) or 0)
            ready.set()
            table = _table_held_by(engine, _waiting_writer(engine, own))
            try:
                conn.execute(sa.text(f'LOCK TABLE "{table}" IN ACCESS EXCLUSIVE MODE'))
                outcome.append("locked")
            except exc.DBAPIError as err:
                outcome.append(sqlstate(err) or "error")
            transaction.rollback()

    thread = threading.Thread(target=other)
    thread.start()
    try:
        assert ready.wait(30)
        result = write()
    finally:
        thread.join(60)
        engine.dispose()
    return result, outcome


def test_rebuilding_the_corpus_events_is_run_again_after_a_deadlock(
    pg_store: Store, backend: Backend
) -> None:
    before = pg_store.corpus_events()
    rebuilt, outcome = _deadlock(backend.url, pg_store.rebuild_corpus_events)
    assert outcome == ["locked"]  # the writer was aborted, and still succeeded
    assert rebuilt == len(before)
    assert [row.id for row in pg_store.corpus_events()] == [row.id for row in before]


def test_linking_contradictions_is_run_again_after_a_deadlock(
    pg_store: Store, backend: Backend
) -> None:
    ids = [DENIED.document.id]
    linked, outcome = _deadlock(backend.url, lambda: pg_store.link_cross_contradictions(ids))
    assert outcome == ["locked"]
    assert linked == 1
    [pair] = pg_store.cross_contradictions()
    assert (pair.assert_document, pair.deny_document) == (SAID.document.id, DENIED.document.id)


def test_watch_state_writes_are_run_again_after_a_deadlock(
    pg_store: Store, backend: Backend
) -> None:
    state = WatchState(pg_store)
    _, outcome = _deadlock(
        backend.url, lambda: state.register([SourceConfig(FEED, 60, publisher="Net")], now=NOW)
    )
    assert outcome == ["locked"]
    lease = dt.timedelta(minutes=5)
    taken, outcome = _deadlock(backend.url, lambda: state.claim(FEED, "w1", lease, now=NOW))
    assert outcome == ["locked"] and taken is not None and taken.lease_owner == "w1"
    done = PollResult(next_due=NOW + dt.timedelta(hours=1), status=200, new_items=2)
    _, outcome = _deadlock(backend.url, lambda: state.release(FEED, "w1", done, now=NOW))
    assert outcome == ["locked"]
    (source,) = state.sources()
    assert (source.items_stored, source.lease_owner) == (2, None)
