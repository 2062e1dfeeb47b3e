"""/docs and /redoc in a real headless chromium with every request off the loopback blocked:
the API documentation comes from the installed package, under a policy with no inline script."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def offline_page(browser: Any, base_url: str) -> Iterator[tuple[Any, list[str], list[str]]]:
    """A page whose requests to anything but 127.0.0.1 are aborted; yields it with the blocked
    URLs and the console's CSP complaints."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(15_000)
    blocked: list[str] = []
    violations: list[str] = []

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if urlsplit(url).scheme in ("data", "blob") or urlsplit(url).hostname == "127.0.0.1":
            request_route.continue_()
        else:
            blocked.append(url)
            request_route.abort()

    page.route("**/*", route)
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page, blocked, violations
    context.close()


def test_docs_show_the_endpoint_list_offline(
    offline_page: tuple[Any, list[str], list[str]], base_url: str
) -> None:
    page, blocked, violations = offline_page
    page.goto(f"{base_url}/docs")
    page.wait_for_selector(".opblock-summary-path")
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/api/events" in path for path in paths)
    assert any("/api/corpus-events" in path for path in paths)
    assert not blocked, blocked
    assert not violations, violations


def test_redoc_shows_the_endpoints_offline(
    offline_page: tuple[Any, list[str], list[str]], base_url: str
) -> None:
    page, blocked, violations = offline_page
    page.goto(f"{base_url}/redoc")
    page.locator("h2", has_text="List events, filtered, latest first").first.wait_for()
    assert "sitroom API" in page.locator("h1").first.inner_text()
    assert not blocked, blocked
    # ReDoc's "powered by" logo points at its CDN: the policy stops it before any request.
    assert all("img-src" in text and "cdn.redoc.ly" in text for text in violations), violations


def test_docs_pages_allow_no_inline_or_foreign_script(base_url: str) -> None:
    for path in ("/docs", "/redoc"):
        with urllib.request.urlopen(f"{base_url}{path}") as response:
            csp = response.headers["Content-Security-Policy"]
            page = response.read().decode("utf-8")
        directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
        assert directives["script-src"] == "'self'"
        assert directives["object-src"] == "'none'"
        assert "http://" not in page and "https://" not in page
        assert "<script>" not in page
