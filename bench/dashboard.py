"""Dashboard page load with 10,000 events: seconds from navigation to the first markers on the
map, to every event loaded on the map, and to the first rows of the event table.

    .venv/bin/python bench/dashboard.py [--events 10000] [--runs 3]

Builds a SQLite database of hand-made extractions (no model needed) in a temporary directory,
serves it with the real app on a loopback port and drives Debian's chromium (/usr/bin/chromium)
through Playwright.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from browser.dataset import build_db, bulk
from browser.harness import CHROMIUM, CHROMIUM_ARGS, measure_load, serving


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="sitroom-dashboard-") as tmp:
        started = time.perf_counter()
        db = build_db(Path(tmp) / "bench.db", bulk(args.events, per_document=20))
        print(f"database: {args.events} events in {time.perf_counter() - started:.1f} s")
        with serving(db) as base, sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
            )
            try:
                timings = measure_load(browser, base, runs=args.runs)
            finally:
                browser.close()
    print(f"median of {args.runs} page loads at 1280x800:")
    for name, seconds in timings.items():
        print(f"  {name:<18} {seconds:6.2f} s")


if __name__ == "__main__":
    main()
