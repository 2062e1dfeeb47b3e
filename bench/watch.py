"""``sitroom watch`` against a loopback news site whose feeds grow while it watches.

One command; nothing leaves 127.0.0.1. A local server publishes ``--feeds`` RSS feeds of up to
``--items`` items each (short generated wire reports, see ``_feedserver.py``); a real ``sitroom
watch`` process (``--interval``, ``--rate`` requests per second per host, an alert rule that
fires on every new corpus event, delivered to a JSONL file) watches them. After the first items
are stored, new items appear at random feeds for ``--minutes``; half-way the watcher is killed
with SIGKILL mid-cycle and started again under the same name. Printed:

- latency from an item's appearance on its feed to its storage and to its alert (p50, p95, max),
  against the goal p95 <= interval + 10 s;
- items lost (published but never stored) and items whose page was fetched more than once;
- the most requests the server saw in any one second (one host: 127.0.0.1), against ``--rate``.

    .venv/bin/python bench/watch.py                   # 50 feeds x 20 items, 30 s, 4 minutes
    .venv/bin/python bench/watch.py --minutes 1 --feeds 10
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _feedserver import Site, serving, wait_until
from sitroom.store import Store


def _command(db: str, urls: list[str], alerts: Path, args: argparse.Namespace) -> list[str]:
    return [
        sys.executable, "-m", "sitroom", "watch", *urls, "--db", db, "--allow-private",
        "--interval", f"{args.interval}s", "--rate", str(args.rate), "--alerts", str(alerts),
        "--name", "bench", "--quiet",
    ]  # fmt: skip


def _epoch(value: dt.datetime) -> float:
    return value.replace(tzinfo=dt.UTC).timestamp()


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--items", type=int, default=20, help="Items per feed at most.")
    parser.add_argument("--interval", type=float, default=30.0, help="Poll interval, seconds.")
    parser.add_argument("--rate", type=float, default=10.0, help="Requests/s per host.")
    parser.add_argument("--minutes", type=float, default=4.0, help="How long items appear.")
    parser.add_argument("--every", type=float, default=2.0, help="Seconds between new items.")
    parser.add_argument("--seed", type=int, default=20)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    site = Site(feeds=args.feeds, items_per_feed=args.items)
    published_at: dict[str, float] = {}

    def publish(feed: int, base: str) -> None:
        before = site.published.get(feed, 0)
        site.publish(feed)
        if site.published.get(feed, 0) > before:
            published_at[f"{base}/item/{feed}/{before}.html"] = time.time()

    with tempfile.TemporaryDirectory(prefix="sitroom-watch-bench-") as tmp, serving(site) as base:
        folder = Path(tmp)
        db = str(folder / "watch.db")
        alerts = folder / "alerts.yaml"
        alerts.write_text(
            "rules:\n  - name: every-new-event\n    events: {}\n"
            "    deliver: {jsonl: alerts.jsonl, dashboard: false}\n",
            encoding="utf-8",
        )
        urls = [f"{base}/feed/{n}.xml" for n in range(args.feeds)]
        for feed in range(args.feeds):
            publish(feed, base)
        command = _command(db, urls, alerts, args)
        env = {**os.environ}
        started = time.monotonic()
        watcher = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)

        def stored() -> dict[str, float]:
            if not Path(db).exists():
                return {}
            try:
                with Store(db) as store:
                    return {row.source: _epoch(row.updated_at) for row in store.inputs()}
            except Exception:  # the schema may not be there yet
                return {}

        backlog_ok = wait_until(lambda: len(stored()) >= args.feeds, timeout=1800, step=1.0)
        warmup = time.monotonic() - started
        print(f"backlog of {args.feeds} items stored in {warmup:.0f} s (model load included)")
        measured_from = time.time()
        measured: list[str] = []
        killed = False
        end = time.monotonic() + args.minutes * 60
        while time.monotonic() < end:
            open_feeds = [f for f in range(args.feeds) if site.published.get(f, 0) < args.items]
            if not open_feeds:
                break
            feed = rng.choice(open_feeds)
            before = len(published_at)
            publish(feed, base)
            if len(published_at) > before:
                measured.append(next(reversed(published_at)))
            if not killed and time.monotonic() > end - args.minutes * 30:
                watcher.send_signal(signal.SIGKILL)
                watcher.wait(timeout=60)
                watcher = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
                killed = True
                print(f"SIGKILL after {len(measured)} new items; restarted under the same name")
            time.sleep(args.every)
        deadline = args.interval * 3 + 600
        wait_until(lambda: set(published_at) <= set(stored()), timeout=deadline, step=1.0)
        watcher.send_signal(signal.SIGTERM)
        watcher.wait(timeout=120)
        done = stored()
        with Store(db) as store:
            members = {}
            for row in store.inputs():
                if row.document_id:
                    members[row.source] = set(store.corpus_ids_of(row.document_id).values())
        fired: dict[str, float] = {}
        alert_file = folder / "alerts.jsonl"
        if alert_file.exists():
            for line in alert_file.read_text(encoding="utf-8").splitlines():
                alert = json.loads(line)
                when = dt.datetime.fromisoformat(alert["fired_at"].rstrip("Z"))
                subject = alert["event"]["id"]
                fired[subject] = min(fired.get(subject, float("inf")), _epoch(when))

    to_store = [done[u] - published_at[u] for u in measured if u in done]
    to_alert = []
    for url in measured:
        times = [fired[c] for c in members.get(url, ()) if c in fired]
        later = [t for t in times if t >= published_at[url] - 1]
        if later:
            to_alert.append(min(later) - published_at[url])
    lost = sorted(set(published_at) - set(done))
    pages = site.fetches("/item/")
    twice = {path: n for path, n in pages.items() if n > 1}
    goal = args.interval + 10
    print()
    print(f"feeds {args.feeds} · interval {args.interval:g} s · rate {args.rate:g}/s per host")
    print(f"items published {len(published_at)} (measured {len(measured)}), stored {len(done)}")
    print(f"{'latency (s)':<28}{'n':>6}{'p50':>8}{'p95':>8}{'max':>8}")
    for label, values in (("appearance → stored", to_store), ("appearance → alert", to_alert)):
        if values:
            print(
                f"{label:<28}{len(values):>6}{statistics.median(values):>8.1f}"
                f"{_percentile(values, 0.95):>8.1f}{max(values):>8.1f}"
            )
    p95 = _percentile(to_alert, 0.95)
    verdict = "met" if p95 <= goal else "NOT met"
    print(f"goal p95 alert latency <= {goal:g} s: {verdict} ({p95:.1f} s)")
    print(
        f"items without an alert of their own: {len(measured) - len(to_alert)} "
        "(their events merged into a happening already alerted, with no material change)"
    )
    print(f"lost across the SIGKILL: {len(lost)}{' ' + str(lost[:3]) if lost else ''}")
    print(f"pages fetched more than once: {len(twice)} {sorted(twice.items())[:3]}")
    print(f"most requests in any 1 s at the server: {site.max_rate(1.0)} (limit {args.rate:g})")
    print(f"backlog stored: {backlog_ok}; measured from {dt.datetime.fromtimestamp(measured_from)}")


if __name__ == "__main__":
    main()
