"""HTTP API under load: latency percentiles and throughput of `sitroom serve` on real news.

    .venv/bin/python bench/api_load.py [--limit 300] [--db PATH] [--clients 20] [--requests 50]

Builds a database by ingesting the first ``--limit`` Wikinews 2019-2020 / GeoWebNews / TR-News
texts of ../shared/eval-data (read at run time, never copied; extraction needs the English
model), or reuses ``--db`` when it already holds documents. Then starts ``sitroom serve`` in a
subprocess on a free loopback port, so the load generator does not share its interpreter, and
runs bounded load: ``--clients`` concurrent clients, each sending ``--requests`` requests to the
main event query (``/api/events?limit=50`` and filtered variants), then ``/api/stats`` and
``/api/documents/{id}`` likewise. Prints one table row per workload: requests, errors, p50, p95
and p99 latency in milliseconds, requests per second.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import itertools
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from ingest import load_articles
from sitroom.store import Store

# (row name, URL): the dashboard's main query, unfiltered and with typical filters.
EVENT_VARIANTS = (
    ("events", "/api/events?limit=50"),
    ("events quad", "/api/events?limit=50&quad=material_conflict"),
    ("events dates", "/api/events?limit=50&date_from=2019-06-01&date_to=2020-06-30"),
    ("events q=police", "/api/events?limit=50&q=police"),
)


@dataclass
class Result:
    name: str
    latencies: list[float]
    errors: int
    seconds: float

    def row(self) -> str:
        ms = sorted(x * 1000 for x in self.latencies) or [0.0]
        cuts = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
        rate = len(self.latencies) / self.seconds if self.seconds else 0.0
        return (
            f"{self.name:<18} {len(self.latencies):>8} {self.errors:>6} {cuts[49]:>8.1f} "
            f"{cuts[94]:>8.1f} {cuts[98]:>8.1f} {rate:>9.1f}"
        )


def build(db: Path, limit: int) -> None:
    """Ingest the first ``limit`` articles through the service layer, as `sitroom ingest` does."""
    from sitroom.config import load_settings
    from sitroom.ingest.meta import build_item, repair
    from sitroom.ingest.source import Source
    from sitroom.ingest.text import parse_date
    from sitroom.service import Extractor, ingest_items

    pool = load_articles()
    items = []
    for n in range(limit):
        # Past the pool's end, numbered copies with dates moved 90 days a round (as
        # bench/merge.py does), so that a store of any size can be built from the same texts.
        article, round_ = pool[n % len(pool)], n // len(pool)
        text = f"Report {n + 1}.\n\n{article.text}" if round_ else article.text
        try:
            published = parse_date(article.date[:10]) if article.date else None
        except ValueError:
            published = None
        if published is not None and round_:
            published += dt.timedelta(days=90 * round_)
        items.append(
            build_item(
                Source(location=f"bench:{n}"),
                repair(text),
                title=article.title,
                url=article.url or None,
                dates=[(published, "argument")],
            )
        )
    started = time.perf_counter()
    with Store(db) as store:
        # Every text is stored: the numbered copies would otherwise be filed as near-duplicates.
        report = ingest_items(
            items, store, Extractor(load_settings()), batch_size=16, near_threshold=None
        )
    print(f"built {db}: {report.line()} in {time.perf_counter() - started:.0f}s", file=sys.stderr)


def _documents(db: Path) -> int:
    with Store(db) as store:
        store.migrate()
        return store.stats().documents


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


async def load(
    client: httpx.AsyncClient, name: str, urls: list[str], clients: int, per_client: int
) -> Result:
    latencies: list[float] = []
    errors = 0
    cycle = itertools.cycle(urls)

    async def one_client() -> None:
        nonlocal errors
        for _ in range(per_client):
            url = next(cycle)
            started = time.perf_counter()
            try:
                response = await client.get(url)
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            latencies.append(time.perf_counter() - started)
            errors += not ok

    started = time.perf_counter()
    await asyncio.gather(*(one_client() for _ in range(clients)))
    return Result(name, latencies, errors, time.perf_counter() - started)


async def run_load(base: str, clients: int, per_client: int) -> list[Result]:
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        mixed = [url for _, url in EVENT_VARIANTS]
        await load(client, "warm-up", mixed, 2, 5)
        results = []
        for name, url in EVENT_VARIANTS:
            results.append(await load(client, name, [url], clients, 10))
        results.append(await load(client, "events (mixed)", mixed, clients, per_client))
        few = max(1, per_client // 5)  # stats aggregates the whole corpus: fewer rounds
        results.append(await load(client, "stats", ["/api/stats"], clients, few))
        page = (await client.get("/api/documents?limit=500")).json()["items"]
        documents = [f"/api/documents/{d['id']}" for d in page] or ["/api/documents/none"]
        results.append(await load(client, "documents/{id}", documents, clients, per_client))
        return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="database to reuse or build (default: temporary)")
    parser.add_argument("--limit", type=int, default=300, help="articles to ingest when building")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=50, help="per client, mixed event query")
    args = parser.parse_args()

    folder = tempfile.TemporaryDirectory(prefix="sitroom-api-bench-")
    db: Path = args.db or Path(folder.name) / "bench.db"
    if not db.exists() or not _documents(db):
        build(db, args.limit)
    with Store(db) as store:
        stats = store.stats()
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "sitroom", "serve", "--db", str(db), "--port", str(port),
         "--log-level", "warning"],
        env={**os.environ, "SITROOM_API_READ_TOKEN": ""},
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/api/health", timeout=5).raise_for_status()
                break
            except httpx.HTTPError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.2)
        results = asyncio.run(run_load(base, args.clients, args.requests))
    finally:
        server.terminate()
        server.wait(timeout=30)
        folder.cleanup()

    print(
        f"\nsitroom serve on {stats.documents} documents, {stats.events} events, "
        f"{stats.claims} claims; {args.clients} concurrent clients (SQLite, loopback)\n"
    )
    print(f"{'workload':<18} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} "
          f"{'p99 ms':>8} {'req/s':>9}")  # fmt: skip
    for result in results:
        print(result.row())


if __name__ == "__main__":
    main()
