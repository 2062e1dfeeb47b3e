"""Polite fetching against a real HTTP server on loopback: conditional GET, pacing per host
measured at the server, robots.txt, private addresses, and the backoff schedule."""

from __future__ import annotations

import datetime as dt
import random
import time

import pytest

from _feedserver import Site, serving
from sitroom.errors import InputError
from sitroom.watch.polite import (
    REFUSED_PRIVATE,
    ROBOTS_DISALLOWED,
    PoliteClient,
    PoliteOptions,
    PoliteTransport,
    backoff_delay,
    retry_after_seconds,
)

LOOPBACK = PoliteOptions(requests_per_second=50, allow_private=True)


def _client(options: PoliteOptions = LOOPBACK) -> PoliteClient:
    return PoliteClient(PoliteTransport(options=options))


def test_conditional_get_answers_304_until_the_feed_changes() -> None:
    site = Site()
    site.publish(0, 2)
    with serving(site) as base, _client() as client:
        first = client.get(f"{base}/feed/0.xml")
        assert first.status == 200 and first.etag and b"<rss" in first.body
        again = client.get(f"{base}/feed/0.xml", etag=first.etag)
        assert again.status == 304 and again.body == b""
        site.publish(0, 1)
        changed = client.get(f"{base}/feed/0.xml", etag=first.etag)
        assert changed.status == 200 and changed.etag != first.etag
    feed_hits = [h for h in site.hits if h.path == "/feed/0.xml"]
    assert [h.status for h in feed_hits] == [200, 304, 200]


def test_requests_per_host_never_exceed_the_rate_at_the_server() -> None:
    site = Site()
    site.publish(0, 20)
    options = PoliteOptions(requests_per_second=5, allow_private=True)
    with serving(site) as base, _client(options) as client:
        started = time.monotonic()
        for k in range(12):
            assert client.get(f"{base}/item/0/{k}.html").status == 200
        elapsed = time.monotonic() - started
    assert site.max_rate(1.0) <= 5
    assert elapsed >= 2.0  # 13 requests (robots.txt too) at 5/s take at least 2.4 s


def test_robots_txt_is_honoured() -> None:
    site = Site(robots="User-agent: *\nDisallow: /item/\n")
    site.publish(0, 1)
    with serving(site) as base, _client() as client:
        assert client.get(f"{base}/feed/0.xml").status == 200
        with pytest.raises(InputError) as refused:
            client.get(f"{base}/item/0/0.html")
        assert refused.value.code == ROBOTS_DISALLOWED
        assert not client.transport.allowed(f"{base}/item/0/0.html")
    assert not any(h.path.startswith("/item/") for h in site.hits)
    assert sum(h.path == "/robots.txt" for h in site.hits) == 1  # cached per host


def test_robots_txt_that_fails_with_5xx_allows_nothing() -> None:
    site = Site()
    site.failures["/robots.txt"] = [503]
    site.publish(0, 1)
    with serving(site) as base, _client() as client, pytest.raises(InputError) as refused:
        client.get(f"{base}/feed/0.xml")
    assert refused.value.code == ROBOTS_DISALLOWED


def test_private_addresses_are_refused_unless_allowed() -> None:
    site = Site()
    with (
        serving(site) as base,
        _client(PoliteOptions()) as client,
        pytest.raises(InputError) as refused,
    ):
        client.get(f"{base}/feed/0.xml")
    assert refused.value.code == REFUSED_PRIVATE
    assert site.hits == []


def test_a_body_over_the_cap_is_refused() -> None:
    site = Site()
    site.publish(0, 5)
    small = PoliteOptions(allow_private=True, max_bytes=500)
    with serving(site) as base, _client(small) as client, pytest.raises(InputError) as refused:
        client.get(f"{base}/feed/0.xml")
    assert refused.value.code == "S206"


def test_backoff_honours_retry_after_and_grows_with_jitter() -> None:
    now = dt.datetime(2025, 3, 5, 12, 0)
    options = PoliteOptions(backoff_base=10, backoff_cap=300)
    assert backoff_delay(1, options, retry_after="120", now=now) == 120
    assert backoff_delay(1, options, retry_after="9999", now=now) == 300
    date = "Wed, 05 Mar 2025 12:01:00 GMT"
    assert retry_after_seconds(date, now) == pytest.approx(60)
    rng = random.Random(7)
    delays = [backoff_delay(n, options, now=now, rng=rng) for n in (1, 2, 3, 4)]
    for n, delay in zip((1, 2, 3, 4), delays, strict=True):
        assert 10 * 2 ** (n - 1) * 0.5 <= delay <= 10 * 2 ** (n - 1) * 1.5
    assert backoff_delay(30, options, now=now, rng=rng) <= 300 * 1.5
    assert retry_after_seconds("soon", now) is None
