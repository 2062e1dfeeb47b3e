"""Browser tests of the dashboard: Debian's chromium driven by Playwright, against the real app
(``sitroom.api.create_app``) served by uvicorn on a loopback port, over a SQLite database of
hand-made extractions. Without chromium they skip, except under CI (``CI`` set), where they fail.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from browser.harness import CHROMIUM, CHROMIUM_ARGS, serving

ARTIFACTS = Path(__file__).parent / "artifacts"
WIDE = {"width": 1280, "height": 800}
NARROW = {"width": 400, "height": 800}


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium: Path) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(
            executable_path=str(chromium), args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from browser.dataset import build_db, small_corpus

    return build_db(tmp_path_factory.mktemp("dashboard") / "small.db", small_corpus())


@pytest.fixture(scope="session")
def base_url(small_db: Path) -> Iterator[str]:
    with serving(small_db) as url:
        yield url


@dataclasses.dataclass
class Tab:
    """A page plus what it did: every request URL, dialogs opened, script errors."""

    page: Any
    base: str
    requests: list[str] = dataclasses.field(default_factory=list)
    dialogs: list[str] = dataclasses.field(default_factory=list)
    errors: list[str] = dataclasses.field(default_factory=list)

    def open(self, query: str = "") -> Any:
        self.page.goto(f"{self.base}/{query}")
        return self.page

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def _tab(browser: Any, base: str, viewport: dict[str, int]) -> Iterator[Tab]:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(10_000)
    tab = Tab(page, base)
    page.on("request", lambda request: tab.requests.append(request.url))

    def on_dialog(dialog: Any) -> None:
        tab.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()
    outside = [
        u
        for u in tab.requests
        if urlsplit(u).scheme not in ("data",) and urlsplit(u).hostname != "127.0.0.1"
    ]
    assert not outside, f"requests left 127.0.0.1: {outside}"
    assert not tab.dialogs, f"dialogs opened: {tab.dialogs}"
    assert not tab.errors, f"script errors: {tab.errors}"


@pytest.fixture
def tab(browser: Any, base_url: str) -> Iterator[Tab]:
    yield from _tab(browser, base_url, WIDE)


@pytest.fixture
def narrow_tab(browser: Any, base_url: str) -> Iterator[Tab]:
    yield from _tab(browser, base_url, NARROW)
