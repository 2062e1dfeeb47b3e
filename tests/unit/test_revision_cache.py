"""``RevisionCache``: one value per key and store revision, built once however many ask."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from sitroom.api.cache import RevisionCache


def test_values_last_until_the_revision_moves() -> None:
    cache: RevisionCache[str] = RevisionCache()
    built: list[str] = []

    def build(value: str) -> str:
        built.append(value)
        return value

    assert cache.get(1, "a", lambda: build("a1")) == "a1"
    assert cache.get(1, "a", lambda: build("never")) == "a1"
    assert cache.get(2, "a", lambda: build("a2")) == "a2"
    # A request that read an older revision gets the newer value, and fills nothing older.
    assert cache.get(1, "a", lambda: build("never")) == "a2"
    assert cache.get(1, "b", lambda: build("b1")) == "b1"
    assert cache.get(2, "b", lambda: build("b2")) == "b2"
    assert built == ["a1", "a2", "b1", "b2"]


def test_the_oldest_entry_goes_first() -> None:
    cache: RevisionCache[int] = RevisionCache(size=2)
    for key in range(3):
        cache.get(5, key, lambda key=key: key)  # type: ignore[misc]
    assert len(cache) == 2
    assert cache.get(5, 0, lambda: -1) == -1  # evicted, built again


def test_concurrent_requests_build_once() -> None:
    cache: RevisionCache[int] = RevisionCache()
    calls = 0
    lock = threading.Lock()

    def slow() -> int:
        nonlocal calls
        with lock:
            calls += 1
        time.sleep(0.2)
        return 42

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: cache.get(3, "report", slow), range(8)))
    assert results == [42] * 8
    assert calls == 1


def test_a_failed_build_is_not_kept() -> None:
    cache: RevisionCache[int] = RevisionCache()

    def fail() -> int:
        raise RuntimeError("no report")

    with pytest.raises(RuntimeError):
        cache.get(1, "x", fail)
    assert cache.get(1, "x", lambda: 7) == 7


def test_a_request_during_a_build_takes_its_result() -> None:
    """Even at a newer revision: a report at most one build behind, not one build per write."""
    cache: RevisionCache[str] = RevisionCache()
    started, release = threading.Event(), threading.Event()

    def slow() -> str:
        started.set()
        release.wait(5)
        return "built at 1"

    with ThreadPoolExecutor(max_workers=2) as pool:
        first = pool.submit(cache.get, 1, "report", slow)
        started.wait(5)
        second = pool.submit(cache.get, 2, "report", lambda: "never")
        time.sleep(0.1)
        release.set()
        assert first.result() == second.result() == "built at 1"
    # The build's revision is gone: the next request builds anew.
    assert cache.get(2, "report", lambda: "built at 2") == "built at 2"
