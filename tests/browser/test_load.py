"""Page load with 10,000 events: the first page of markers and of table rows must come quickly
(the timing is printed; the bound only catches pathologies). ``bench/dashboard.py`` measures the
same over several runs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from browser.dataset import build_db, bulk
from browser.harness import measure_load, serving

pytestmark = pytest.mark.browser

EVENTS = 10_000


@pytest.fixture(scope="module")
def big_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_db(tmp_path_factory.mktemp("dashboard-10k") / "big.db", bulk(EVENTS, 20))
    with serving(db) as url:
        yield url


def test_10k_events_first_markers_and_rows(browser: Any, big_url: str) -> None:
    timings = measure_load(browser, big_url, runs=1)
    print(
        f"\ndashboard with {EVENTS} events: "
        + ", ".join(f"{k} {v:.2f} s" for k, v in timings.items())
    )
    assert timings["map_first_markers"] < 10
    assert timings["table_first_rows"] < 10
    assert timings["map_all"] < 60


def test_10k_map_is_clustered(browser: Any, big_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{big_url}/?view=map")
    page.wait_for_function(
        f"() => document.getElementById('map').dataset.events === '{EVENTS}'", timeout=60_000
    )
    drawn = int(page.get_attribute("#map", "data-markers") or 0)
    # Every event is loaded, but far fewer things are drawn.
    assert 0 < drawn < EVENTS / 10
    assert page.locator(".cluster").count() > 0
    assert "10000 corpus events" in (page.text_content("#map-status") or "") or "10000 events" in (
        page.text_content("#map-status") or ""
    )
    context.close()
