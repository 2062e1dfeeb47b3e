"""The watch loop: take due sources, poll them politely, store what is new, fire alerts.

For each due source the watcher takes a lease (``WatchState.claim``: no other watcher on the
same database polls it meanwhile), fetches it with its stored validators, reads the entries,
and ingests those whose key is not in ``inputs`` yet, one item per transaction, firing the
alert rules after each. Only when every new item is stored does it write the source's new
validators and next due time; so a watcher killed at any point (even SIGKILL) leaves the
source due with its old validators, and the next run fetches the listing again, skips what was
stored, and goes on: nothing is lost, and at most the item in flight is fetched again. A
watcher asked to stop (``stop`` set: SIGINT/SIGTERM) finishes the current item and leaves the
source due the same way.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from sitroom.errors import SitroomError
from sitroom.ingest import Fetcher, Item, Limits
from sitroom.service.extractor import Extractor
from sitroom.service.intake import Intake
from sitroom.store import Store
from sitroom.store.watch_state import PollResult, SourceConfig, SourceState, WatchState, utcnow
from sitroom.watch.alerts import Alerter
from sitroom.watch.polite import PoliteClient, PoliteOptions, PoliteTransport, backoff_delay
from sitroom.watch.poll import Entry, entry_item, read_listing

RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


def default_owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass(frozen=True)
class WatchOptions:
    polite: PoliteOptions = field(default_factory=PoliteOptions)
    limits: Limits = field(default_factory=Limits)
    # Who holds the leases; give the same name to a restarted watcher so that it takes back
    # what it held at once instead of waiting for the leases to expire.
    owner: str = field(default_factory=default_owner)
    lease: dt.timedelta = dt.timedelta(minutes=10)
    summary_chars: int = 600
    near_threshold: float | None = 0.5


@dataclass
class CycleReport:
    polled: int = 0
    unchanged: int = 0
    failed: int = 0
    new_items: int = 0
    alerts: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)


class Watcher:
    """Watches ``sources`` into ``store``; ``transport`` is the network (a test's, or httpx's)."""

    def __init__(
        self,
        store: Store,
        sources: Sequence[SourceConfig],
        extractor: Extractor,
        *,
        options: WatchOptions | None = None,
        alerter: Alerter | None = None,
        transport: PoliteTransport | None = None,
        stop: threading.Event | None = None,
        on_item: Callable[[Item, str], None] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.store = store
        self.state = WatchState(store)
        self.sources = list(sources)
        self.options = options or WatchOptions()
        self.alerter = alerter
        self.transport = transport or PoliteTransport(options=self.options.polite)
        self.stop = stop or threading.Event()
        self.on_item = on_item
        self._rng = rng or random.Random()
        self._intake = Intake(store, extractor, near_threshold=self.options.near_threshold)
        self._client = PoliteClient(self.transport)
        self._fetcher = Fetcher(
            transport=self.transport,
            timeout=self.options.polite.timeout,
            max_bytes=self.options.limits.max_bytes,
            retries=0,  # a failed page is not asked for again at once: the host is resting
            user_agent=self.options.polite.user_agent,
            # The polite client already refuses private addresses unless allowed; the fetcher's
            # own guard follows the same setting.
            allow_private=self.options.polite.allow_private,
        )
        self._recent: deque[float] = deque()  # times items were stored, for the rate
        self._registered = False

    def close(self) -> None:
        self._client.close()
        self._fetcher.close()

    @property
    def urls(self) -> list[str]:
        return [s.url for s in self.sources]

    def register(self) -> None:
        if not self._registered:
            self.store.migrate()
            self.state.register(self.sources)
            self._registered = True

    def run_once(self) -> CycleReport:
        """Poll every source that is due now (and free), once."""
        self.register()
        report = CycleReport()
        order = {s.url: s.next_due for s in self.state.sources()}
        for url in sorted(self.urls, key=lambda u: order.get(u) or dt.datetime.min):
            if self.stop.is_set():
                break
            claimed = self.state.claim(url, self.options.owner, self.options.lease)
            if claimed is not None:
                self._poll(claimed, report)
        return report

    def run(
        self,
        *,
        status: Callable[[CycleReport, Watcher], None] | None = None,
        max_wait: float = 5.0,
    ) -> None:
        """Cycle until ``stop`` is set, sleeping until the next source is due (at most
        ``max_wait`` seconds at a time, so that another watcher's releases are noticed)."""
        self.register()
        while not self.stop.is_set():
            report = self.run_once()
            if status is not None:
                status(report, self)
            upcoming = self.state.next_due(self.urls)
            wait = max_wait
            if upcoming is not None:
                wait = min(max_wait, max(0.05, (upcoming - utcnow()).total_seconds()))
            self.stop.wait(wait)

    def items_per_minute(self) -> float:
        cutoff = time.monotonic() - 60.0
        while self._recent and self._recent[0] < cutoff:
            self._recent.popleft()
        return float(len(self._recent))

    # -- one source ----------------------------------------------------------------------------

    def _poll(self, source: SourceState, report: CycleReport) -> None:
        report.polled += 1
        now = utcnow()
        try:
            fetched = self._client.get(
                source.url, etag=source.etag, last_modified=source.last_modified
            )
        except SitroomError as exc:
            self._failed(source, None, str(exc), None, report)
            return
        if fetched.status == 304:
            report.unchanged += 1
            self._release(source, PollResult(next_due=self._next(now, source), status=304))
            return
        if fetched.status >= 400:
            reason = f"HTTP {fetched.status}"
            self._failed(source, fetched.status, reason, fetched.retry_after, report)
            return
        listing = read_listing(source, fetched, self.options.limits)
        fresh = self._new_entries(listing.entries)
        stored = 0
        finished = True
        for entry in reversed(fresh):  # feeds list the newest first: store in order of age
            if self.stop.is_set():
                finished = False
                break
            stored += self._ingest(entry, source, report)
            # Keep the lease alive through a long poll.
            self.state.claim(source.url, self.options.owner, self.options.lease, due_only=False)
        report.new_items += stored
        if not finished:
            # Stopped mid-way: keep the old validators and stay due, so nothing is skipped.
            self._release(source, PollResult(next_due=now, status=fetched.status, new_items=stored))
            return
        result = PollResult(
            next_due=self._next(now, source),
            status=fetched.status,
            etag=fetched.etag,
            last_modified=fetched.last_modified,
            new_items=stored,
            keep_validators=False,
            error=listing.problem,
        )
        if listing.problem is not None:
            report.errors.append((source.url, listing.problem))
        self._release(source, result)

    def _new_entries(self, entries: list[Entry]) -> list[Entry]:
        unique: dict[str, Entry] = {}
        for entry in entries:
            unique.setdefault(entry.key, entry)
        done: dict[str, str] = {}
        keys = list(unique)
        for start in range(0, len(keys), 500):
            done.update(self.store.input_statuses(keys[start : start + 500]))
        return [entry for key, entry in unique.items() if key not in done]

    def _ingest(self, entry: Entry, source: SourceState, report: CycleReport) -> int:
        item = entry_item(
            entry,
            source,
            self._fetcher,
            self.options.limits,
            summary_chars=self.options.summary_chars,
        )
        result = self._intake.run(_one(item), batch_size=1)
        self._recent.append(time.monotonic())
        if self.on_item is not None:
            self.on_item(item, source.url)
        stored = result.processed + result.near_duplicates + result.unsupported
        if self.alerter is not None and result.processed and item.document is not None:
            report.alerts += len(self.alerter.after_documents([item.document.id]))
        return 1 if (stored or result.duplicates or result.errors) else 0

    def _failed(
        self,
        source: SourceState,
        status: int | None,
        reason: str,
        retry_after: str | None,
        report: CycleReport,
    ) -> None:
        report.failed += 1
        report.errors.append((source.url, reason))
        now = utcnow()
        failures = source.failures + 1
        if status is None or status in RETRY_STATUS:
            delay = backoff_delay(
                failures, self.options.polite, retry_after=retry_after, now=now, rng=self._rng
            )
        else:
            # 404, 403...: the source is wrong, not busy; look again at the usual pace.
            delay = source.interval_seconds
        result = PollResult(
            next_due=now + dt.timedelta(seconds=max(delay, 1.0)), status=status, error=reason
        )
        self._release(source, result)

    def _next(self, now: dt.datetime, source: SourceState) -> dt.datetime:
        return now + dt.timedelta(seconds=source.interval_seconds)

    def _release(self, source: SourceState, result: PollResult) -> None:
        self.state.release(source.url, self.options.owner, result)


def _one(item: Item) -> Iterator[Item]:
    yield item


__all__ = ["CycleReport", "WatchOptions", "Watcher", "default_owner"]
