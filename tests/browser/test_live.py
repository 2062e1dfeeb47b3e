"""The live dashboard in chromium: an event committed while the page is open appears within
5 s without a reload, keeping the analyst's filters, zoom and scroll, and an alert that fires
is listed in the alerts panel."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser.conftest import WIDE, Tab, _tab
from browser.dataset import build_db, single_event, small_corpus
from browser.harness import serving
from sitroom.store import Store
from sitroom.store.watch_state import WatchState

pytestmark = pytest.mark.browser


@pytest.fixture
def live_db(tmp_path: Path) -> Path:
    return build_db(tmp_path / "live.db", small_corpus())


@pytest.fixture
def live_tab(browser: Any, live_db: Path) -> Iterator[tuple[Tab, Path]]:
    with serving(live_db) as base:
        yield from ((tab, live_db) for tab in _tab(browser, base, WIDE))


def _newcomer(day: int = 9) -> Any:
    text = "Militiamen attacked a police post in Goma on Sunday, officials said."
    return single_event(
        text,
        title="Police post attacked in Goma",
        publisher="Lakes Wire",
        kind="ASSAULT",
        actor="Militiamen",
        actor_phrase="Militiamen",
        trigger="attacked",
        where=("Goma", "CD", -1.679, 29.228, 1),
        day=day,
    )


def _numbers(transform: str) -> list[float]:
    """translate3d(x, y, z) scale(s) -> [x, y, z, s]."""
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", transform.replace("3d", ""))]


def _rows(page: Any) -> int:
    return int(page.evaluate("() => document.querySelectorAll('#events-table tbody tr').length"))


def test_a_new_event_appears_within_5_s_keeping_filters(live_tab: tuple[Tab, Path]) -> None:
    tab, db = live_tab
    page = tab.open("?view=table&quad=material_conflict")
    page.wait_for_function("() => document.getElementById('live-status').dataset.state === 'on'")
    page.wait_for_function(
        "() => document.querySelectorAll('#events-table tbody tr').length > 0"
        " && !document.getElementById('table-status').textContent.includes('Loading')"
    )
    before = _rows(page)
    with Store(db) as store:
        store.add(_newcomer())
    committed = time.monotonic()
    page.wait_for_function(
        f"() => document.querySelectorAll('#events-table tbody tr').length === {before + 1}",
        timeout=5_000,
    )
    assert time.monotonic() - committed < 5
    assert page.locator("#events-table tbody tr", has_text="Goma").count() == 1
    assert "quad=material_conflict" in page.url  # the filter is still applied
    assert page.locator("#f-quad").input_value() == "material_conflict"
    tab.shot("live-table")


def test_the_map_keeps_its_zoom_and_alerts_are_listed(live_tab: tuple[Tab, Path]) -> None:
    tab, db = live_tab
    page = tab.open("?view=map")
    page.wait_for_function("() => document.getElementById('live-status').dataset.state === 'on'")
    page.wait_for_function("() => Number(document.getElementById('map').dataset.events) > 0")
    events = int(page.evaluate("() => Number(document.getElementById('map').dataset.events)"))
    page.locator(".leaflet-control-zoom-in").click()
    page.wait_for_timeout(400)
    zoom = page.evaluate("() => document.querySelector('#map .leaflet-proxy').style.transform")
    with Store(db) as store:
        store.add(_newcomer())
        alert = WatchState(store).fire(
            "goma-attacks",
            store.corpus_events()[0].id,
            {"sources": 1},
            lambda old, new: "new",
            lambda why: {
                "kind": "corpus_event",
                "rule": "goma-attacks",
                "reason": why,
                "dashboard": True,
                "event": {"id": "ce-x", "type": "ASSAULT", "actor1": "Militiamen", "place": "Goma",
                          "country": "CD"},
            },
        )  # fmt: skip
    assert alert is not None
    page.wait_for_function(
        f"() => Number(document.getElementById('map').dataset.events) === {events + 1}",
        timeout=5_000,
    )
    row = page.locator(f"#alerts-list [data-alert-id='{alert.id}']")
    row.wait_for(state="attached", timeout=5_000)
    text = row.text_content() or ""
    assert "goma-attacks" in text and "Goma" in text
    assert page.locator("#alerts-count").text_content() == "(1)"
    after = page.evaluate("() => document.querySelector('#map .leaflet-proxy').style.transform")
    # The analyst's zoom and position were kept (to a pixel: a resize check may round).
    assert _numbers(after)[-1] == _numbers(zoom)[-1]
    assert all(abs(a - b) <= 1 for a, b in zip(_numbers(after), _numbers(zoom), strict=True))
    tab.shot("live-map")
