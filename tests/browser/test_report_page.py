"""The situation report's HTML page in the real chromium: readable at 400 px (nothing wider than
the screen, text not shrunk, the figures box stacked) and laid out for print (A4 pages, sources
and map on pages of their own)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser.conftest import ARTIFACTS, NARROW
from sitroom.report import build_report, render_html
from sitroom.store import Store


@pytest.fixture(scope="module")
def page_html(small_db: Path) -> str:
    with Store(small_db) as store:
        return render_html(build_report(store))


@pytest.fixture
def narrow(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=NARROW)
    page = context.new_page()
    yield page
    context.close()


def test_report_reads_at_400px(narrow: Any, page_html: str) -> None:
    narrow.set_content(page_html)
    assert narrow.evaluate("() => document.documentElement.scrollWidth") <= NARROW["width"]
    size = narrow.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)")
    assert size >= 13
    # The figures box is stacked, one figure per block, its header row hidden.
    if narrow.locator("table.figures").count():
        shown = "() => getComputedStyle(document.querySelector('table.figures thead')).display"
        assert narrow.evaluate(shown) == "none"
        row = "() => getComputedStyle(document.querySelector('table.figures tbody tr')).display"
        assert narrow.evaluate(row) == "block"
    wide = narrow.evaluate(
        "() => [...document.querySelectorAll('body *')]"
        # Shapes inside the map are clipped by its viewBox; the map itself must fit.
        ".filter(e => !e.parentElement.closest('svg'))"
        ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
        ".map(e => e.tagName)"
    )
    assert wide == []
    ARTIFACTS.mkdir(exist_ok=True)
    narrow.screenshot(path=str(ARTIFACTS / "report-400.png"), full_page=False)


def test_report_prints_on_a4_with_breaks(narrow: Any, page_html: str) -> None:
    narrow.set_content(page_html)
    narrow.emulate_media(media="print")
    breaks = narrow.evaluate(
        "() => ['map', 'sources'].map(id => getComputedStyle(document.getElementById(id))"
        ".breakBefore)"
    )
    assert breaks == ["page", "page"]
    avoid = "() => getComputedStyle(document.querySelector('h2')).breakAfter"
    assert narrow.evaluate(avoid) == "avoid"
    pdf = narrow.pdf(prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF-")
