"""List pages are computed once per store revision and normalised query, after the token check;
the report process runs at a lower priority than the server."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from integration.api.conftest import CORPUS_SIZE
from integration.api.corpus import live, report
from sitroom.api import create_app
from sitroom.api.report_builder import REPORT_NICENESS, ReportBuilder
from sitroom.api.state import REPORT_THREADS
from sitroom.config import Settings
from sitroom.store import Store

READ_TOKEN = "r" * 32
LISTS = ("/api/events", "/api/corpus-events", "/api/documents")


def test_list_pages_are_cached_until_the_store_changes(db_file: Path) -> None:
    app = create_app(Settings(db=str(db_file)))
    pages = app.state.sitroom.pages
    with live(app) as client:
        first = {url: client.get(url, params={"limit": 5}) for url in LISTS}
        assert all(r.status_code == 200 for r in first.values())
        assert len(pages) == len(LISTS)
        for url, response in first.items():
            again = client.get(url, params={"limit": 5})
            assert again.content == response.content
            assert again.headers["content-type"] == "application/json"
        assert len(pages) == len(LISTS)
        # Another program stores an article: the next pages are read anew and hold it.
        newer = report(CORPUS_SIZE + 11)
        with Store(db_file) as writer:
            assert writer.add(newer)
        fresh = client.get("/api/documents", params={"limit": 500}).json()
        assert newer.document.id in {item["id"] for item in fresh["items"]}
        assert len(pages) == 1


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
