"""Untrusted article text stays text: markup and javascript: URLs in titles, texts, quotes,
claims and actor names are shown literally and nothing runs; the page has a strict CSP and
never contacts anything but its own server."""

from __future__ import annotations

import re
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from browser.conftest import Tab
from browser.dataset import XSS_IMG, XSS_SCRIPT
from browser.harness import serving

pytestmark = pytest.mark.browser

TRAP = "() => window.__xss === undefined && document.querySelectorAll('img[src=x]').length === 0"


def test_csp_and_headers(base_url: str) -> None:
    with urllib.request.urlopen(f"{base_url}/") as response:
        csp = response.headers["Content-Security-Policy"]
        page = response.read().decode("utf-8")
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in csp
    # No inline script, style or event handler in the page itself.
    assert not re.search(r"<script(?![^>]*\bsrc=)", page)
    assert not re.search(r"\son[a-z]+\s*=", page)
    assert "<style" not in page
    assert "style=" not in page
    assert "http://" not in page and "https://" not in page
    with urllib.request.urlopen(f"{base_url}/static/app/js/main.js") as response:
        assert "javascript" in response.headers["Content-Type"]


def test_hostile_article_is_shown_as_text_and_nothing_runs(tab: Tab) -> None:
    page = tab.page
    page.add_init_script("window.__xssProbe = true")
    tab.open("?view=table&type=FIGHT")
    page.wait_for_selector("#events-table tbody tr")
    row = page.locator("#events-table tbody tr").first
    assert XSS_SCRIPT in row.inner_text()
    assert page.evaluate(TRAP)
    # The map popup.
    tab.open("?view=map&type=FIGHT")
    page.wait_for_selector("path.ev-marker")
    page.locator("path.ev-marker").first.click(force=True)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "Gunmen <script>" in popup.inner_text()
    assert page.evaluate(TRAP)
    # The claims board.
    tab.open("?view=claims")
    card = page.locator(".claim-card", has_text="FIGHT")
    card.wait_for()
    assert f"witness {XSS_SCRIPT}" in card.inner_text()
    assert XSS_IMG in card.inner_text()
    assert page.evaluate(TRAP)
    # The source view: title, publisher, text, quote, highlights; the javascript: URL is no link.
    popup_link = card.get_by_role("link").first
    popup_link.click()
    page.wait_for_selector("#article-text")
    assert XSS_SCRIPT in page.locator(".doc-title").inner_text()
    assert XSS_SCRIPT in page.locator("#article-text").inner_text()
    assert page.locator("a[href^='javascript' i]").count() == 0
    assert page.locator(".doc-url a").count() == 0
    assert "javascript:" in page.locator(".doc-url").inner_text()
    for selector in ("#article-text span", ".source-side li", ".doc-title"):
        for handle in page.locator(selector).all()[:20]:
            handle.hover(force=True, timeout=2000)
    page.wait_for_timeout(200)
    assert page.evaluate(TRAP)
    scripts = page.evaluate(
        "() => [...document.scripts].map(s => s.src.replace(location.origin, ''))"
    )
    assert scripts == [
        "/static/leaflet/leaflet.js",
        "/static/markercluster/leaflet.markercluster.js",
        "/static/app/js/main.js",
    ]
    # The document list.
    tab.open("?view=source")
    page.wait_for_selector(".doc-list li")
    assert page.locator(".doc-list a", has_text="<script>").count() == 1
    assert page.evaluate(TRAP)
    assert page.evaluate("() => window.__xssProbe") is True
    assert tab.dialogs == []
    # An <img src=x> that became an element would have requested /x.
    assert not [u for u in tab.requests if u.endswith("/x")]


def test_read_token_is_asked_for_and_sent(browser: Any, small_db: Path) -> None:
    with serving(small_db, api_read_token="s3cret-token") as base:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.goto(f"{base}/?view=table")
        page.wait_for_selector("#token-form")
        page.fill("#token-form input", "s3cret-token")
        page.press("#token-form input", "Enter")
        page.wait_for_selector("#events-table tbody tr")
        assert page.locator("#token-form").count() == 0
        context.close()
