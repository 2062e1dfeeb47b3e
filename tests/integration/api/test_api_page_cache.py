"""List pages are computed once per normalised query and served for a bounded time (fresh on
``Cache-Control: no-cache``), after the token check; the report process runs at a lower
priority than the server."""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from integration.api.conftest import CORPUS_SIZE
from integration.api.corpus import live, report
from sitroom.api import create_app
from sitroom.api.page_cache import PageCache
from sitroom.api.pages import REVISION_HEADER
from sitroom.api.report_builder import REPORT_NICENESS, ReportBuilder
from sitroom.api.state import REPORT_THREADS
from sitroom.config import Settings
from sitroom.store import Store

READ_TOKEN = "r" * 32
LISTS = ("/api/events", "/api/corpus-events", "/api/documents")


def _ids(response: httpx.Response) -> set[str]:
    assert response.status_code == 200, response.text
    return {item["id"] for item in response.json()["items"]}


def test_pages_are_kept_within_the_bound_and_read_fresh_on_request(db_file: Path) -> None:
    app = create_app(Settings(db=str(db_file)))
    # Bounds no slow machine reaches during the test: only no-cache reads the store again.
    app.state.sitroom.pages = PageCache(max_stale=600, refresh_after=600)
    pages = app.state.sitroom.pages
    with live(app) as client:
        first = {url: client.get(url, params={"limit": 5}) for url in LISTS}
        assert all(r.status_code == 200 for r in first.values())
        assert len(pages) == len(LISTS)
        for url, response in first.items():
            again = client.get(url, params={"limit": 5})
            assert again.content == response.content
            assert again.headers["content-type"] == "application/json"
            assert int(again.headers["age"]) >= 0
        assert len(pages) == len(LISTS)
        listed = client.get("/api/documents", params={"limit": 500})
        # Another program stores an article: within the bound the kept page is still served,
        # with the revision it was read at; asked with no-cache, the page is read anew.
        newer = report(CORPUS_SIZE + 11)
        with Store(db_file) as writer:
            assert writer.add(newer)
        kept = client.get("/api/documents", params={"limit": 500})
        assert kept.content == listed.content
        assert kept.headers[REVISION_HEADER] == listed.headers[REVISION_HEADER]
        fresh = client.get(
            "/api/documents", params={"limit": 500}, headers={"Cache-Control": "no-cache"}
        )
        assert newer.document.id in _ids(fresh)
        assert int(fresh.headers[REVISION_HEADER]) > int(listed.headers[REVISION_HEADER])
        # The fresh read replaced the kept page for everyone.
        assert newer.document.id in _ids(client.get("/api/documents", params={"limit": 500}))


def test_a_page_past_the_bound_is_read_again(db_file: Path) -> None:
    app = create_app(Settings(db=str(db_file)))
    app.state.sitroom.pages = PageCache(max_stale=0.5, refresh_after=0.5)
    with live(app) as client:
        before = client.get("/api/documents", params={"limit": 500})
        newer = report(CORPUS_SIZE + 12)
        with Store(db_file) as writer:
            assert writer.add(newer)
        time.sleep(0.6)
        after = client.get("/api/documents", params={"limit": 500})
        assert newer.document.id not in _ids(before)
        assert newer.document.id in _ids(after)


def test_an_aging_page_is_refreshed_without_a_request_waiting(db_file: Path) -> None:
    """Past ``refresh_after`` the kept page is served and read again in the background."""
    app = create_app(Settings(db=str(db_file)))
    app.state.sitroom.pages = PageCache(max_stale=600, refresh_after=0)
    with live(app) as client:
        client.get("/api/events", params={"limit": 500})
        newer = report(CORPUS_SIZE + 13)
        with Store(db_file) as writer:
            assert writer.add(newer)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            items = client.get("/api/events", params={"limit": 500}).json()["items"]
            if any(item["document_id"] == newer.document.id for item in items):
                break
            time.sleep(0.05)
        else:
            raise AssertionError("the page was never refreshed")


def test_equivalent_queries_share_one_page(db_file: Path) -> None:
    app = create_app(Settings(db=str(db_file)))
    pages = app.state.sitroom.pages
    with live(app) as client:
        old_names = client.get("/api/events", params={"date_from": "2020-01-01", "limit": 7})
        new_names = client.get("/api/events", params={"limit": 7, "since": "2020-01-01"})
        assert old_names.status_code == new_names.status_code == 200
        assert old_names.content == new_names.content
        assert len(pages) == 1
        # A different page size is a different page.
        assert client.get("/api/events", params={"since": "2020-01-01", "limit": 8}).is_success
        assert len(pages) == 2


def test_a_cached_page_is_what_the_route_computes(db_file: Path) -> None:
    app = create_app(Settings(db=str(db_file)))
    with live(app) as client:
        cached = client.get("/api/events", params={"limit": 3}).json()
        app.state.sitroom.pages = type(app.state.sitroom.pages)()  # empty: computed afresh
        computed = client.get("/api/events", params={"limit": 3}).json()
        assert cached == computed
        assert len(cached["items"]) == 3
        following = client.get("/api/events", params={"limit": 3, "after": cached["next"]})
        assert following.status_code == 200
        assert following.json()["items"] != cached["items"]  # the cursor is part of the key


def test_a_refused_reader_never_reaches_the_cache(db_file: Path) -> None:
    app = create_app(Settings(db=str(db_file), api_read_token=READ_TOKEN))
    with live(app) as client:
        auth = {"Authorization": f"Bearer {READ_TOKEN}"}
        assert client.get("/api/events", headers=auth).status_code == 200
        assert client.get("/api/events").status_code == 401  # the page is cached, still refused
        assert len(app.state.sitroom.pages) == 1


def test_the_report_process_runs_at_a_lower_priority(db_file: Path) -> None:
    with Store(db_file) as store:
        builder = ReportBuilder(store, store.reopen_url())
        try:
            child = builder._executor().submit(os.nice, 0).result(timeout=120)
        finally:
            builder.close()
    assert child == min(os.nice(0) + REPORT_NICENESS, 19)


def test_requests_waiting_for_reports_hold_threads_of_their_own(db_file: Path) -> None:
    app = create_app(Settings(db=str(db_file)))
    with live(app) as client, ThreadPoolExecutor(max_workers=12) as pool:
        urls = ["/api/report?format=md"] * 6 + [f"{url}?limit=4" for url in LISTS] * 2
        codes = list(pool.map(lambda url: client.get(url).status_code, urls))
        assert codes == [200] * len(urls)
        limiter = app.state.sitroom.report_threads()
        assert limiter.total_tokens == REPORT_THREADS
        assert limiter.borrowed_tokens == 0  # every waiting request gave its thread back


def test_pages_go_compressed_and_unchanged_ones_without_a_body(db_file: Path) -> None:
    app = create_app(Settings(db=str(db_file)))
    app.state.sitroom.pages = PageCache(max_stale=600, refresh_after=600)
    with live(app) as client:
        for url in (*LISTS, "/api/report?format=md"):
            plain = client.get(url, headers={"Accept-Encoding": "identity"})
            assert plain.status_code == 200 and "content-encoding" not in plain.headers
            # httpx asks for gzip and inflates it: the same bytes as the plain answer.
            packed = client.get(url)
            assert packed.headers["content-encoding"] == "gzip", url
            assert packed.content == plain.content
            assert int(packed.headers["content-length"]) < len(plain.content)
            assert packed.headers["etag"] == plain.headers["etag"]
            unchanged = client.get(url, headers={"If-None-Match": plain.headers["etag"]})
            assert unchanged.status_code == 304 and unchanged.content == b""
            assert unchanged.headers["etag"] == plain.headers["etag"]
        # A write the page shows changes its ETag: the old one gets the new page.
        etag = client.get("/api/documents").headers["etag"]
        with Store(db_file) as writer:
            assert writer.add(report(CORPUS_SIZE + 14))
        fresh = client.get(
            "/api/documents", headers={"If-None-Match": etag, "Cache-Control": "no-cache"}
        )
        assert fresh.status_code == 200 and fresh.headers["etag"] != etag
