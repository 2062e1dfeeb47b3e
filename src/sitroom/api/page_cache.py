"""List pages kept with the moment they were read, served for a bounded time while writes go on.

The contract (README, "Pages under writes"): a list page shows the store as it was at most
``max_stale`` seconds before the response (its ``Age`` header says how long ago, in whole
seconds); a request with ``Cache-Control: no-cache`` gets a page read after it arrived, so it
holds every write committed before the request. A POST to the same server process expires the
pages of that process at once (``expire``): who adds a document sees it in the next list.

Why not one page per store revision, as before: an ingest commits every second or two, each
commit bumped the revision and emptied the cache, and the next requests for every page waited
for its rebuild; under fifty clients those waits were the p95 (bench/api_load.py). Now a
request that finds a page read within ``max_stale`` seconds takes it without touching the
database, and once a page is ``refresh_after`` seconds old the first request to see it starts
one refresh on a background thread: it reads the revision, renews the page's time if nothing
was written since the page was read, and rebuilds it otherwise. Hot pages so stay within the
bound without any request waiting, and each is rebuilt at most once per ``refresh_after``
seconds however often the store is written. A request whose page is missing, too old, or asked
fresh waits for a refresh that began late enough for it (one at a time per page) or starts one.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Page:
    """A page's body, the store revision read before its rows, and when (monotonic seconds)
    that read began: the body holds every write committed before ``read_at``. ``gzipped`` (the
    body compressed, when that is worth sending) and ``etag`` (a validator of the body) are
    made with the body, off the event loop, so that no request pays for them."""

    body: bytes
    revision: int
    read_at: float
    gzipped: bytes | None = None
    etag: str = ""


@dataclass
class _Refresh:
    """One refresh under way; ``started`` bounds the ``read_at`` of the page it will give."""

    started: float
    done: threading.Event = field(default_factory=threading.Event)
    page: Page | None = None


# refresh(previous page or None, read_at) -> the page as of read_at: renewed or rebuilt.
Refresher = Callable[[Page | None, float], Page]


class PageCache:
    """Up to ``size`` pages by key, least recently used dropped first."""

    def __init__(
        self,
        size: int = 256,
        *,
        max_stale: float = 5.0,
        refresh_after: float = 2.0,
        background_threads: int = 2,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not 0 <= refresh_after <= max_stale:
            raise ValueError("refresh_after must lie between 0 and max_stale")
        self.max_stale, self.refresh_after, self.clock = max_stale, refresh_after, clock
        self._size = size
        self._pages: OrderedDict[Hashable, Page] = OrderedDict()
        self._refreshes: dict[Hashable, _Refresh] = {}
        self._lock = threading.Lock()
        self._threads = background_threads
        self._background: ThreadPoolExecutor | None = None
        # No page read before this moment is served or kept (``expire``).
        self._floor = float("-inf")

    def lookup(self, key: Hashable, oldest: float, refresh: Refresher) -> Page | None:
        """The page if it was read at ``oldest`` or later, else None; never waits and never
        reads the database (safe on the event loop). A page past ``refresh_after`` gets one
        refresh started in the background."""
        with self._lock:
            page = self._pages.get(key)
            if page is None or page.read_at < max(oldest, self._floor):
                return None
            self._pages.move_to_end(key)
            now = self.clock()
            if now - page.read_at < self.refresh_after or key in self._refreshes:
                return page
            pending = self._refreshes[key] = _Refresh(started=now)
            executor = self._executor()
        try:
            # A failed background refresh only leaves the page to age: the first request
            # past max_stale refreshes it itself, and meets the error, if it persists.
            executor.submit(self._run, key, pending, refresh)
        except RuntimeError:  # the pool was shut down meanwhile: the server is stopping
            self._abandon(key, pending)
        return page

    def get(self, key: Hashable, oldest: float, refresh: Refresher) -> Page:
        """The page read at ``oldest`` or later: kept, from a refresh under way that began
        then or later, or refreshed now on this thread. Blocks; call off the event loop."""
        while True:
            with self._lock:
                oldest = max(oldest, self._floor)
                page = self._pages.get(key)
                if page is not None and page.read_at >= oldest:
                    self._pages.move_to_end(key)
                    return page
                pending = self._refreshes.get(key)
                mine = pending is None or pending.started < oldest
                if mine:
                    # A refresh that began too early for this request may still be running:
                    # it finishes and is kept if newer, but this request does not wait for it.
                    pending = self._refreshes[key] = _Refresh(started=self.clock())
            assert pending is not None
            if mine:
                return self._run(key, pending, refresh)
            pending.done.wait()
            if pending.page is not None:
                return pending.page
            # That refresh failed: go round again (this request may be the one that refreshes).

    def expire(self) -> None:
        """Forget every page: the next request for each reads the store (after a write made
        here, so that its writer sees it at once)."""
        with self._lock:
            self._pages.clear()
            # Nor is a page kept that a refresh under way read before now.
            self._floor = self.clock()

    def close(self, *, wait: bool = True) -> None:
        """Cancel the background refreshes not begun; ``wait`` for those under way."""
        with self._lock:
            executor, self._background = self._background, None
        if executor is not None:
            executor.shutdown(wait=wait, cancel_futures=True)

    def __len__(self) -> int:
        return len(self._pages)

    def _run(self, key: Hashable, pending: _Refresh, refresh: Refresher) -> Page:
        try:
            with self._lock:
                previous = self._pages.get(key)
            page = refresh(previous, pending.started)
            pending.page = page
            with self._lock:
                kept = self._pages.get(key)
                # Two refreshes of one page may overlap: the later read wins, whichever ends last.
                newer = kept is None or kept.read_at < page.read_at
                if newer and page.read_at >= self._floor:
                    self._pages[key] = page
                    self._pages.move_to_end(key)
                    while len(self._pages) > self._size:
                        self._pages.popitem(last=False)
            return page
        finally:
            self._abandon(key, pending)

    def _abandon(self, key: Hashable, pending: _Refresh) -> None:
        """The refresh ended (or never began): its waiters wake and new ones start another."""
        with self._lock:
            if self._refreshes.get(key) is pending:
                del self._refreshes[key]
        pending.done.set()

    def _executor(self) -> ThreadPoolExecutor:
        # Called with the lock held.
        if self._background is None:
            self._background = ThreadPoolExecutor(
                max_workers=self._threads, thread_name_prefix="sitroom-page-refresh"
            )
        return self._background


__all__ = ["Page", "PageCache", "Refresher"]
