"""The watch tables on both back ends: migration 9 from a version-8 database, sources and
their leases (one watcher at a time per source, even when they race), and alert bookkeeping."""

from __future__ import annotations

import datetime as dt
import threading

from sitroom.model import Extraction
from sitroom.store import Store
from sitroom.store.migrations import latest_version
from sitroom.store.watch_state import PollResult, SourceConfig, WatchState
from unit.store.backends import Backend
from unit.store.old_versions import make_old_database, table_shape

NOW = dt.datetime(2025, 3, 5, 12, 0)
LEASE = dt.timedelta(minutes=5)


def test_migration_adds_the_watch_tables_to_a_version_8_database(
    backend: Backend, rich: Extraction
) -> None:
    old = backend.url
    make_old_database(old, 8, [rich], old_shape=False)
    backend.execute("DROP TABLE watch_alerts")
    backend.execute("DROP TABLE watch_sources")
    with Store(old) as store:
        assert store.migrate() == list(range(9, latest_version() + 1))
        state = WatchState(store)
        state.register([SourceConfig("https://example.org/rss", 60)], now=NOW)
        assert [s.url for s in state.sources()] == ["https://example.org/rss"]
        assert store.get_extraction(rich.document.id) == rich
    fresh = backend.new_url()
    with Store(fresh) as store:
        store.migrate()
    for table in ("watch_sources", "watch_alerts"):
        assert table_shape(old, table) == table_shape(fresh, table)


def test_leases_keep_a_source_to_one_watcher(store: Store) -> None:
    state = WatchState(store)
    url = "https://example.org/rss"
    state.register([SourceConfig(url, 60, publisher="Example")], now=NOW)
    taken = state.claim(url, "a", LEASE, now=NOW)
    assert taken is not None and taken.publisher == "Example" and taken.etag is None
    assert state.claim(url, "b", LEASE, now=NOW) is None
    # A restarted watcher under the same name takes its lease back at once.
    assert state.claim(url, "a", LEASE, now=NOW + dt.timedelta(seconds=1)) is not None
    # An expired lease is free for anyone (a watcher killed mid-poll).
    assert state.claim(url, "b", LEASE, now=NOW + LEASE + dt.timedelta(seconds=2)) is not None
    done = PollResult(next_due=NOW + LEASE + dt.timedelta(minutes=1), status=200, etag='"v1"',
                      last_modified="Wed, 05 Mar 2025 12:00:00 GMT", new_items=3,
                      keep_validators=False)  # fmt: skip
    state.release(url, "b", done, now=NOW + LEASE)
    (source,) = state.sources()
    assert (source.etag, source.items_stored, source.lease_owner) == ('"v1"', 3, None)
    # Not due yet: nobody takes it; then due again.
    assert state.claim(url, "a", LEASE, now=NOW + LEASE) is None
    assert state.claim(url, "a", LEASE, now=NOW + LEASE + dt.timedelta(minutes=2)) is not None
    failed = PollResult(next_due=NOW + dt.timedelta(hours=1), status=503, error="HTTP 503")
    state.release(url, "a", failed)
    (source,) = state.sources()
    assert (source.failures, source.errors, source.last_error) == (1, 1, "HTTP 503")
    assert source.etag == '"v1"'  # kept through a failure
    # Re-registering keeps the state and updates the configuration.
    state.register([SourceConfig(url, 120, publisher="Renamed")], now=NOW)
    (source,) = state.sources()
    assert (source.publisher, source.interval_seconds, source.failures) == ("Renamed", 120, 1)


def test_racing_watchers_never_share_a_source(store: Store) -> None:
    state = WatchState(store)
    urls = [f"https://example.org/{n}.xml" for n in range(12)]
    state.register([SourceConfig(u, 60) for u in urls], now=NOW)
    won: dict[str, list[str]] = {name: [] for name in ("a", "b", "c")}
    barrier = threading.Barrier(3)

    def race(name: str) -> None:
        barrier.wait()
        for url in urls:
            if state.claim(url, name, LEASE, now=NOW) is not None:
                won[name].append(url)

    threads = [threading.Thread(target=race, args=(name,)) for name in won]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    claimed = [url for urls_won in won.values() for url in urls_won]
    assert sorted(claimed) == sorted(urls)  # every source taken, none twice


def test_watchers_started_together_register_the_same_sources_once(
    backend: Backend, store: Store
) -> None:
    urls = [f"https://example.org/{n}.xml" for n in range(12)]
    configs = [SourceConfig(u, 60) for u in urls]
    barrier = threading.Barrier(3)
    failures: list[BaseException] = []

    def start(name: str) -> None:
        barrier.wait()
        try:
            # Each watcher has its own store, as separate processes would.
            with Store(backend.url) as own:
                WatchState(own).register([*configs, SourceConfig(urls[0], 30)], now=NOW)
        except BaseException as error:  # reported by the assertion below
            failures.append(error)

    threads = [threading.Thread(target=start, args=(name,)) for name in "abc"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == []
    sources = WatchState(store).sources()
    assert [s.url for s in sources] == sorted(urls)
    assert sources[0].interval_seconds == 30  # a source given twice: the last configuration


def test_an_alert_fires_again_only_when_the_decision_says_so(store: Store) -> None:
    state = WatchState(store)

    def decide(previous: dict[str, object] | None, now: dict[str, object]) -> str | None:
        if previous is None:
            return "new"
        return "more" if now["n"] != previous["n"] else None

    first = state.fire("r", "ce1", {"n": 1}, decide, lambda why: {"why": why})
    assert first is not None and first.reason == "new" and first.payload == {"why": "new"}
    assert state.fire("r", "ce1", {"n": 1}, decide, lambda why: {}) is None
    assert state.fire("other", "ce1", {"n": 1}, decide, lambda why: {}) is not None
    second = state.fire("r", "ce1", {"n": 2}, decide, lambda why: {"why": why})
    assert second is not None and second.reason == "more"
    assert [a.id for a in state.alerts(after=first.id)] == [first.id + 1, second.id]
    assert state.last_alert_id() == second.id
    assert [a.id for a in state.alerts(limit=1, newest=True)] == [second.id]
