"""Serving the real app on a loopback port and timing the dashboard in chromium; shared by the
browser tests and ``bench/dashboard.py``."""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CHROMIUM = Path(os.environ.get("SITROOM_TEST_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serving(db: Path, **settings: Any) -> Iterator[str]:
    """The real API and dashboard over ``db`` on a free loopback port; yields the base URL."""
    import uvicorn

    from sitroom.api import create_app
    from sitroom.config import Settings

    app = create_app(Settings(db=str(db), **settings))
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="sitroom-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def measure_load(browser: Any, base: str, *, runs: int = 3) -> dict[str, float]:
    """Median seconds from navigation to the first markers on the map, to the first rows of
    the event table, and to every event loaded on the map, in fresh pages at 1280x800."""
    timings: dict[str, list[float]] = {
        "map_first_markers": [],
        "table_first_rows": [],
        "map_all": [],
    }
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.set_default_timeout(60_000)
        started = time.perf_counter()
        page.goto(f"{base}/?view=map", wait_until="commit")
        page.wait_for_selector(".ev-marker, .cluster")
        timings["map_first_markers"].append(time.perf_counter() - started)
        page.wait_for_function(
            "() => !document.getElementById('map-status').textContent.includes('loading')"
        )
        timings["map_all"].append(time.perf_counter() - started)
        started = time.perf_counter()
        page.goto(f"{base}/?view=table", wait_until="commit")
        page.wait_for_selector("#events-table tbody tr")
        timings["table_first_rows"].append(time.perf_counter() - started)
        context.close()
    return {key: sorted(values)[len(values) // 2] for key, values in timings.items()}
