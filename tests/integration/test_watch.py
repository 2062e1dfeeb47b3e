"""``sitroom watch`` end to end on a loopback news site, with the real model: only new items are
fetched, feeds are polled conditionally, failures back off, a SIGKILL loses nothing, SIGTERM
stops cleanly, and two watchers share the sources of one database without fetching twice."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from _feedserver import Site, serving, wait_until
from sitroom.service import Extractor
from sitroom.store import Store
from sitroom.store.watch_state import SourceConfig, WatchState, utcnow
from sitroom.watch import PoliteOptions, PoliteTransport, Watcher, WatchOptions
from unit.store.backends import postgres_server

pytestmark = pytest.mark.model

LOOPBACK = PoliteOptions(requests_per_second=50, allow_private=True, backoff_base=60)


def _watcher(store: Store, urls: list[str], nlp: Language, interval: float = 30) -> Watcher:
    return Watcher(
        store,
        [SourceConfig(url, interval) for url in urls],
        Extractor(nlp=nlp),
        options=WatchOptions(polite=LOOPBACK, owner="test"),
        transport=PoliteTransport(options=LOOPBACK),
    )


def _stored(store: Store) -> dict[str, str]:
    return {row.source: row.status for row in store.inputs()}


def test_only_new_items_are_fetched_and_feeds_are_polled_conditionally(
    tmp_path: Path, nlp: Language
) -> None:
    site = Site(feeds=2)
    site.publish(0, 2)
    site.publish(1, 1)
    with serving(site) as base, Store(tmp_path / "w.db") as store:
        feeds = [f"{base}/feed/0.xml", f"{base}/feed/1.xml"]
        watcher = _watcher(store, feeds, nlp, interval=0.5)
        first = watcher.run_once()
        assert (first.polled, first.new_items, first.failed) == (2, 3, 0)
        assert set(_stored(store).values()) == {"processed"}
        time.sleep(0.6)
        second = watcher.run_once()
        assert (second.polled, second.unchanged, second.new_items) == (2, 2, 0)
        site.publish(0, 1)
        time.sleep(0.6)
        third = watcher.run_once()
        assert (third.new_items, third.unchanged) == (1, 1)
        watcher.close()
        stored = _stored(store)
    assert sorted(stored) == sorted(
        [f"{base}/item/0/{k}.html" for k in range(3)] + [f"{base}/item/1/0.html"]
    )
    assert set(site.fetches("/item/").values()) == {1}  # every page fetched once
    statuses = [h.status for h in site.hits if h.path == "/feed/0.xml"]
    assert statuses == [200, 304, 200]


def test_429_and_503_put_the_source_off(tmp_path: Path, nlp: Language) -> None:
    site = Site(feeds=2, retry_after="120")
    site.publish(0, 1)
    site.publish(1, 1)
    site.failures["/feed/0.xml"] = [429]
    with serving(site) as base, Store(tmp_path / "w.db") as store:
        feeds = [f"{base}/feed/0.xml", f"{base}/feed/1.xml"]
        watcher = _watcher(store, feeds, nlp, interval=0.5)
        before = utcnow()
        report = watcher.run_once()
        assert (report.failed, report.new_items) == (1, 1)
        throttled = next(s for s in watcher.state.sources() if s.url == feeds[0])
        assert throttled.failures == 1 and throttled.last_status == 429
        assert throttled.next_due >= before + dt.timedelta(seconds=119)  # Retry-After: 120
        # Without Retry-After: exponential backoff with jitter, from the base (60 s).
        site.retry_after = None
        site.failures["/feed/1.xml"] = [503]
        time.sleep(0.6)
        before = utcnow()
        assert watcher.run_once().failed == 1
        busy = next(s for s in watcher.state.sources() if s.url == feeds[1])
        wait = (busy.next_due - before).total_seconds()
        assert busy.last_error == "HTTP 503" and 30 <= wait <= 91
        assert watcher.run_once().polled == 0  # both resting
        watcher.close()
    assert sum(h.path == "/feed/0.xml" for h in site.hits) == 1


def _watch_command(db: str, url: str, name: str, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "sitroom", "watch", url, "--db", db, "--allow-private",
        "--rate", "50", "--interval", "30s", "--name", name, *extra,
    ]  # fmt: skip


@pytest.fixture
def env(data_dir: Path) -> dict[str, str]:
    return {**os.environ, "SITROOM_DATA_DIR": str(data_dir)}


def test_a_sigkill_mid_cycle_loses_nothing(tmp_path: Path, env: dict[str, str]) -> None:
    site = Site(items_per_feed=8)
    site.publish(0, 8)
    db = str(tmp_path / "w.db")
    with serving(site) as base:
        url = f"{base}/feed/0.xml"
        watcher = subprocess.Popen(
            _watch_command(db, url, "w1", "--quiet"), env=env, stderr=subprocess.DEVNULL
        )
        try:
            assert wait_until(lambda: len(site.fetches("/item/")) >= 3, timeout=120)
        finally:
            watcher.send_signal(signal.SIGKILL)
            watcher.wait(timeout=30)
        with Store(db) as store:
            before = len(_stored(store))
        assert 0 < before < 8  # killed mid-cycle
        command = _watch_command(db, url, "w1", "--once")
        done = subprocess.run(command, check=False, env=env, capture_output=True, timeout=300)
        assert done.returncode == 0, done.stderr.decode()
    with Store(db) as store:
        assert set(_stored(store)) == {f"{base}/item/0/{k}.html" for k in range(8)}
        assert set(_stored(store).values()) == {"processed"}
    fetched = site.fetches("/item/")
    assert len(fetched) == 8
    assert sum(fetched.values()) <= 8 + 1  # at most the item in flight at the kill, again


def test_sigterm_finishes_the_item_and_exits_cleanly(tmp_path: Path, env: dict[str, str]) -> None:
    site = Site(items_per_feed=8)
    site.publish(0, 8)
    db = str(tmp_path / "w.db")
    with serving(site) as base:
        url = f"{base}/feed/0.xml"
        watcher = subprocess.Popen(
            _watch_command(db, url, "w1", "--quiet"), env=env, stderr=subprocess.DEVNULL
        )
        assert wait_until(lambda: len(site.fetches("/item/")) >= 1, timeout=120)
        watcher.send_signal(signal.SIGTERM)
        assert watcher.wait(timeout=60) == 0
        with Store(db) as store:
            stored = _stored(store)
            (source,) = WatchState(store).sources()
    assert set(stored.values()) == {"processed"}
    assert len(stored) == len(site.fetches("/item/"))  # what was fetched was stored
    if len(stored) < 8:
        assert source.next_due <= utcnow()  # stopped mid-way: due again, nothing skipped
    assert source.lease_owner is None


@pytest.fixture(params=["sqlite", "postgres"])
def shared_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "shared.db")
        return
    server = postgres_server()
    try:
        with server.backend() as backend:
            yield backend.url
    finally:
        server.close()


def test_two_watchers_share_the_sources_without_fetching_twice(
    shared_db: str, env: dict[str, str]
) -> None:
    site = Site(feeds=6, items_per_feed=2)
    for feed in range(6):
        site.publish(feed, 2)
    with Store(shared_db) as store:
        store.migrate()  # once, before the race
    with serving(site) as base:
        urls = [f"{base}/feed/{n}.xml" for n in range(6)]
        commands = [
            [*_watch_command(shared_db, urls[0], name, "--once"), *urls[1:]] for name in ("a", "b")
        ]
        with contextlib.ExitStack() as runs_open:
            # Each run is waited for and its pipes closed even when an earlier one failed.
            runs = [
                runs_open.enter_context(
                    subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                )
                for cmd in commands
            ]
            errors = [run.communicate(timeout=600)[1] for run in runs]
        for run, err in zip(runs, errors, strict=True):
            assert run.returncode == 0, err.decode()
    with Store(shared_db) as store:
        assert len(_stored(store)) == 12
    feeds = site.fetches("/feed/")
    assert len(feeds) == 6 and set(feeds.values()) == {1}
    items = site.fetches("/item/")
    assert len(items) == 12 and set(items.values()) == {1}
