from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from sitroom.errors import InputError
from sitroom.ingest import Fetcher, FetchPolicy, read_inputs
from unit.ingest.builders import BODY, Route, article_page, serve

# The test servers listen on 127.0.0.1, which the default policy refuses.
LOOPBACK = FetchPolicy(allow_private=True)
PAGE = article_page().encode()
FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Loop Wire</title>
<item><title>Only item</title><description>Text of the only item, read from the feed.</description>
</item></channel></rss>"""


def test_pages_feeds_and_text_by_content_type() -> None:
    routes = {
        "/2021/09/06/flood": Route(body=PAGE),
        "/feed": Route(body=FEED, content_type="application/rss+xml"),
        "/notes": Route(body=b"Plain notes written on Monday.", content_type="text/plain"),
    }
    with serve(routes) as server:
        urls = [server.url(path) for path in routes]
        items = list(read_inputs(urls, fetch_policy=LOOPBACK))
    page, entry, notes = items
    assert page.source == page.origin == urls[0]
    assert page.document is not None and page.document.text == "\n\n".join(BODY)
    assert page.meta is not None and page.meta.url == urls[0]
    assert page.meta.published_from == "url"
    assert entry.source == f"{urls[1]}#entry=1" and entry.meta is not None
    assert entry.meta.publisher == "Loop Wire"
    assert notes.document is not None and notes.document.text == "Plain notes written on Monday."


def test_not_found_is_not_retried() -> None:
    with serve({}) as server, Fetcher(backoff=0, allow_private=True) as fetcher:
        (item,) = list(read_inputs([server.url("/nope")], fetcher=fetcher))
    assert item.code == "S209" and "HTTP 404 Not Found" in (item.reason or "")
    assert server.hits == {"/nope": 1}


def test_server_error_is_retried_with_backoff() -> None:
    waits: list[float] = []
    with serve({"/boom": Route(status=500)}) as server:
        with Fetcher(retries=2, backoff=0.25, sleep=waits.append, allow_private=True) as fetcher:
            (item,) = list(read_inputs([server.url("/boom")], fetcher=fetcher))
        assert server.hits == {"/boom": 3}
    assert item.code == "S209" and item.reason is not None
    assert "HTTP 500" in item.reason and "after 3 attempts" in item.reason
    assert waits == [0.25, 0.5]


def test_transient_failures_then_success() -> None:
    flaky = Route(body=PAGE, fail_first=2)
    with (
        serve({"/flaky": flaky}) as server,
        Fetcher(retries=2, sleep=lambda _: None, allow_private=True) as fetcher,
    ):
        page = fetcher.fetch(server.url("/flaky"))
    assert page.status == 200 and page.data == PAGE and page.content_type == "text/html"
    assert page.charset == "utf-8"


def test_timeout() -> None:
    started = time.perf_counter()
    fetcher = Fetcher(timeout=0.2, retries=1, sleep=lambda _: None, allow_private=True)
    with serve({"/slow": Route(body=PAGE, delay=1.0)}) as server, fetcher:
        (item,) = list(read_inputs([server.url("/slow")], fetcher=fetcher))
    assert item.code == "S210" and "timed out after 0.2 s" in (item.reason or "")
    assert time.perf_counter() - started < 3


def test_size_limit_declared_and_streamed() -> None:
    big = Route(body=b"<html>" + b"x" * 5000)
    fetcher = Fetcher(max_bytes=1000, allow_private=True)
    with serve({"/big": big}) as server, fetcher, pytest.raises(InputError) as info:
        fetcher.fetch(server.url("/big"))
    assert info.value.code == "S206"

    def chunks() -> Iterator[bytes]:
        for _ in range(100):
            yield b"y" * 1000

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=chunks(), headers={"Content-Type": "text/html"})

    streamed = Fetcher(transport=httpx.MockTransport(handler), max_bytes=5000)
    with streamed, pytest.raises(InputError) as info:
        streamed.fetch("https://ex.invalid/stream")
    assert info.value.code == "S206" and "more than 5,000" in info.value.message


def test_injected_transport_redirects_and_network_errors() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(301, headers={"Location": "https://ex.invalid/2020/01/02/new"})
        if request.url.path == "/down":
            raise httpx.ConnectError("connection refused", request=request)
        return httpx.Response(200, content=PAGE, headers={"Content-Type": "text/html"})

    with Fetcher(transport=httpx.MockTransport(handler), sleep=lambda _: None) as fetcher:
        items = list(
            read_inputs(["https://ex.invalid/old", "https://ex.invalid/down"], fetcher=fetcher)
        )
    moved, down = items
    assert moved.meta is not None and moved.meta.url == "https://ex.invalid/2020/01/02/new"
    assert moved.source == "https://ex.invalid/old"
    assert down.code == "S210" and "connection refused" in (down.reason or "")


def test_bad_urls() -> None:
    with Fetcher() as fetcher:
        (item,) = list(read_inputs(["http://"], fetcher=fetcher))
    assert item.code == "S210"
    with pytest.raises(ValueError, match="retries"):
        Fetcher(retries=-1)
