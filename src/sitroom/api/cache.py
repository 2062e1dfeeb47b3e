"""A cache of what the API computed from the store, valid for one store revision.

Every write transaction bumps the store's revision (``Store.revision``), so an entry computed at
revision r is exact for as long as the store is at r: no time-to-live, and no stale answer after
an ingest. The situation report reads the whole store and is the one route worth caching.
Concurrent requests for an entry being computed wait for that computation instead of each
building the same report (under load, that pile-up is what made reports slow).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class _Flight(Generic[V]):
    """One build under way: what its waiters get when it ends."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.value: V | None = None
        self.failed = False


class RevisionCache(Generic[V]):
    """Up to ``size`` values, all of one store revision; a newer revision empties it.

    Requests for a value being built wait for that build and take its result, even when a
    write committed while it ran: under a steady ingest the revision moves every few seconds,
    and building again for each waiter would keep one report being built after another. So a
    value is at most one build behind the store; the next request after it starts a new one.
    """

    def __init__(self, size: int = 32) -> None:
        self._size = size
        self._revision: int | None = None
        self._values: OrderedDict[Hashable, V] = OrderedDict()
        self._building: dict[Hashable, _Flight[V]] = {}
        self._lock = threading.Lock()

    def get(self, revision: int, key: Hashable, build: Callable[[], V]) -> V:
        """The value for ``key`` at ``revision``, built (once, however many ask) if missing."""
        while True:
            with self._lock:
                self._move_to(revision)
                if key in self._values:
                    self._values.move_to_end(key)
                    return self._values[key]
                flight = self._building.get(key)
                if flight is None:
                    flight = self._building[key] = _Flight()
                    break
            flight.done.wait()
            if not flight.failed:
                return flight.value  # type: ignore[return-value]
            # That build failed: try again (this request may be the one that builds).
        try:
            value = build()
        except BaseException:
            flight.failed = True
            raise
        else:
            flight.value = value
            with self._lock:
                if self._revision == revision:
                    self._values[key] = value
                    while len(self._values) > self._size:
                        self._values.popitem(last=False)
            return value
        finally:
            with self._lock:
                del self._building[key]
            flight.done.set()

    def _move_to(self, revision: int) -> None:
        # Called with the lock held. A request that read an older revision (it began before a
        # write committed) neither evicts nor fills the newer entries.
        if self._revision is None or revision > self._revision:
            self._revision = revision
            self._values.clear()

    def __len__(self) -> int:
        return len(self._values)


__all__ = ["RevisionCache"]
