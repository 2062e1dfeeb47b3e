"""``PageCache``: pages served for a bounded time after they were read, refreshed ahead."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from starlette.requests import Request

from sitroom.api.page_cache import Page, PageCache
from sitroom.api.pages import wants_fresh


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Store:
    """What a refresh reads: a revision, and a body that names it; counts the builds."""

    def __init__(self) -> None:
        self.revision = 1
        self.builds = 0
        self.lock = threading.Lock()

    def refresh(self, previous: Page | None, read_at: float) -> Page:
        revision = self.revision
        if previous is not None and previous.revision == revision:
            return Page(previous.body, revision, read_at)
        with self.lock:
            self.builds += 1
        return Page(f"rows at {revision}".encode(), revision, read_at)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def cache(clock: Clock) -> Iterator[PageCache]:
    pages = PageCache(size=4, max_stale=5.0, refresh_after=1.0, clock=clock)
    yield pages
    pages.close()


def _settle(cache: PageCache) -> None:
    """Wait for the background refreshes started so far."""
    cache.close()  # waits; the next refresh starts a new pool


def test_a_page_is_kept_within_the_bound_and_read_again_past_it(
    cache: PageCache, clock: Clock
) -> None:
    store = Store()
    first = cache.get("events", clock.now - 5, store.refresh)
    assert first.body == b"rows at 1" and first.read_at == clock.now
    store.revision = 2  # a write
    clock.now += 0.5
    assert cache.lookup("events", clock.now - 5, store.refresh) == first
    clock.now += 5  # 5.5 s after the read: too old for anyone
    assert cache.lookup("events", clock.now - 5, store.refresh) is None
    assert cache.get("events", clock.now - 5, store.refresh).body == b"rows at 2"
    assert store.builds == 2


def test_an_old_page_is_refreshed_in_the_background(cache: PageCache, clock: Clock) -> None:
    store = Store()
    cache.get("events", clock.now - 5, store.refresh)
    store.revision = 2
    clock.now += 2  # past refresh_after, within max_stale: served, and a refresh starts
    assert cache.lookup("events", clock.now - 5, store.refresh).body == b"rows at 1"  # type: ignore[union-attr]
    _settle(cache)
    renewed = cache.lookup("events", clock.now - 5, store.refresh)
    assert renewed is not None and renewed.body == b"rows at 2" and renewed.read_at == clock.now


def test_a_refresh_with_no_write_since_renews_without_building(
    cache: PageCache, clock: Clock
) -> None:
    store = Store()
    cache.get("events", clock.now - 5, store.refresh)
    clock.now += 3
    cache.lookup("events", clock.now - 5, store.refresh)
    _settle(cache)
    clock.now += 4  # 7 s after the first read, 4 after the renewal: still good
    page = cache.lookup("events", clock.now - 5, store.refresh)
    assert page is not None and page.body == b"rows at 1"
    assert store.builds == 1


def test_a_fresh_request_waits_for_a_read_after_it_arrived(cache: PageCache, clock: Clock) -> None:
    store = Store()
    cache.get("events", clock.now - 5, store.refresh)
    store.revision = 2
    clock.now += 0.1
    # Asked fresh: nothing read before the request will do.
    assert cache.lookup("events", clock.now, store.refresh) is None
    assert cache.get("events", clock.now, store.refresh).body == b"rows at 2"


def test_concurrent_requests_for_a_missing_page_read_it_once() -> None:
    cache = PageCache()
    store = Store()

    def slow(previous: Page | None, read_at: float) -> Page:
        time.sleep(0.2)
        return store.refresh(previous, read_at)

    oldest = time.monotonic() - 5
    with ThreadPoolExecutor(max_workers=8) as pool:
        pages = list(pool.map(lambda _: cache.get("documents", oldest, slow), range(8)))
    assert {page.body for page in pages} == {b"rows at 1"}
    assert store.builds == 1
    cache.close()


def test_a_fresh_request_does_not_take_a_refresh_that_began_before_it() -> None:
    cache = PageCache()
    started, release = threading.Event(), threading.Event()
    reads: list[str] = []

    def early(previous: Page | None, read_at: float) -> Page:
        started.set()
        release.wait(5)
        reads.append("early")
        return Page(b"early", 1, read_at)

    def late(previous: Page | None, read_at: float) -> Page:
        reads.append("late")
        return Page(b"late", 2, read_at)

    with ThreadPoolExecutor(max_workers=2) as pool:
        first = pool.submit(cache.get, "events", time.monotonic() - 5, early)
        started.wait(5)
        # Arrives while the early read runs, asks fresh: reads for itself, does not wait.
        assert cache.get("events", time.monotonic(), late).body == b"late"
        release.set()
        assert first.result().body == b"early"
    # The later read is kept even though the earlier one finished last.
    assert cache.lookup("events", time.monotonic() - 5, late).body == b"late"  # type: ignore[union-attr]
    assert reads == ["late", "early"]
    cache.close()


def test_a_failed_read_is_not_kept(cache: PageCache, clock: Clock) -> None:
    def fail(previous: Page | None, read_at: float) -> Page:
        raise RuntimeError("database gone")

    with pytest.raises(RuntimeError):
        cache.get("events", clock.now - 5, fail)
    assert len(cache) == 0
    assert cache.get("events", clock.now - 5, Store().refresh).body == b"rows at 1"


def test_expire_forgets_every_page_and_the_least_used_goes_first(
    cache: PageCache, clock: Clock
) -> None:
    store = Store()
    for key in "abcd":
        cache.get(key, clock.now - 5, store.refresh)
    cache.lookup("a", clock.now - 5, store.refresh)  # used: "b" is now the least used
    cache.get("e", clock.now - 5, store.refresh)
    assert len(cache) == 4
    assert cache.lookup("b", clock.now - 5, store.refresh) is None
    assert cache.lookup("a", clock.now - 5, store.refresh) is not None
    cache.expire()
    assert len(cache) == 0


def test_the_bounds_must_be_in_order() -> None:
    with pytest.raises(ValueError):
        PageCache(max_stale=1.0, refresh_after=2.0)


@pytest.mark.parametrize(
    ("headers", "fresh"),
    [
        ({}, False),
        ({"cache-control": "no-cache"}, True),
        ({"cache-control": "max-age=0, No-Cache"}, True),
        ({"cache-control": "no-store"}, False),
        ({"cache-control": "max-stale=10"}, False),
        ({"pragma": "no-cache"}, True),
    ],
)
def test_a_client_asks_for_a_fresh_page_with_no_cache(headers: dict[str, str], fresh: bool) -> None:
    raw = [(name.encode(), value.encode()) for name, value in headers.items()]
    request = Request({"type": "http", "method": "GET", "path": "/", "headers": raw})
    assert wants_fresh(request) is fresh


def test_a_refresh_under_way_at_expiry_is_not_kept() -> None:
    """Read before a write was expired for: serving it would hide the write from its writer."""
    cache = PageCache()
    started, release = threading.Event(), threading.Event()

    def before_the_write(previous: Page | None, read_at: float) -> Page:
        started.set()
        release.wait(5)
        return Page(b"without the new document", 1, read_at)

    with ThreadPoolExecutor(max_workers=1) as pool:
        reading = pool.submit(cache.get, "documents", time.monotonic() - 5, before_the_write)
        started.wait(5)
        cache.expire()
        release.set()
        assert reading.result().body == b"without the new document"  # its own request
    assert len(cache) == 0
    after = cache.get("documents", time.monotonic() - 5, Store().refresh)
    assert after.body == b"rows at 1"
    cache.close()
