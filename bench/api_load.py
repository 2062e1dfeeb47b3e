"""HTTP API under load: latency percentiles of `sitroom serve` on real news while an ingest writes.

    .venv/bin/python bench/api_load.py [--db PATH|URL] [--limit 1100] [--copy-from DB]
        [--clients 50] [--requests 20] [--workers N] [--no-ingest] [--ingest-nice N]

Builds a database by ingesting ``--limit`` Wikinews 2019-2020 / GeoWebNews / TR-News texts of
../shared/eval-data (read at run time, never copied; past the 612 texts, numbered copies with
dates moved 90 days a round; extraction needs the English model), or reuses ``--db`` when it
already holds documents, or fills an empty ``--db`` (a PostgreSQL URL, say) with the
extractions of ``--copy-from``. Then starts ``sitroom serve`` (``--workers``) in a subprocess
on a free loopback port and, unless ``--no-ingest``, an ingest of further numbered copies into
the same database in another process, writing throughout the load. ``--clients`` concurrent
clients each send ``--requests`` requests rotating through the event list, the corpus-event
list and the document list (with typical filters), and every tenth one asks for the situation
report. Prints one table row per workload: requests, errors, p50, p95 and p99 latency in
milliseconds, requests per second of the whole load. Each run with an ingest adds the
documents it managed to store (tens) to ``--db``. ``--ingest-nice`` runs that ingest at a lower
scheduling priority (nice increment), as one would run a backfill beside a serving API: on a
machine with fewer free cores than busy processes the server then gets the core first when
a request arrives, and the ingest runs on what it leaves.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import itertools
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from _http import Connection, HttpFailure
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


def news_items(count: int, start: int = 0) -> list[Any]:
    """Items of the articles ``start`` .. ``start + count``: past the pool's end, numbered copies
    with dates moved 90 days a round (as bench/merge.py does), so that a store of any size,
    and ingests that add new documents to it, are made of the same texts."""
    from sitroom.ingest.meta import build_item, repair
    from sitroom.ingest.source import Source
    from sitroom.ingest.text import parse_date

    pool = load_articles()
    items = []
    for n in range(start, start + count):
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
    return items


def build(db: str, limit: int, start: int = 0, batch_size: int = 16) -> None:
    """Ingest ``limit`` articles through the service layer, as `sitroom ingest` does."""
    from sitroom.config import load_settings
    from sitroom.service import Extractor, ingest_items

    items = news_items(limit, start)
    started = time.perf_counter()
    with Store(db) as store:
        store.migrate()
        # Every text is stored: the numbered copies would otherwise be filed as near-duplicates.
        report = ingest_items(
            items, store, Extractor(load_settings()), batch_size=batch_size, near_threshold=None
        )
    print(f"built {db}: {report.line()} in {time.perf_counter() - started:.0f}s", file=sys.stderr)


def copy_store(source: str, target: str) -> None:
    """Fill ``target`` with the extractions stored in ``source`` (no extraction needed)."""
    started = time.perf_counter()
    with Store(source) as old, Store(target) as new:
        new.migrate()
        ids = [row.id for row in old.documents()]
        batch: list[Any] = []
        for extraction in old.extractions(ids):
            batch.append(extraction)
            if len(batch) == 50:
                new.add_many(batch)
                batch = []
        new.add_many(batch)
    print(f"copied {len(ids)} documents in {time.perf_counter() - started:.0f}s", file=sys.stderr)


def _documents(db: str) -> int:
    with Store(db) as store:
        store.migrate()
        return store.stats().documents


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


# The list endpoints under test, each with its typical filters; the report comes every
# REPORT_EVERY-th request of a client (it reads the whole store: cached per store revision).
WORKLOADS: dict[str, tuple[str, ...]] = {
    "events": tuple(url for _, url in EVENT_VARIANTS),
    "corpus-events": (
        "/api/corpus-events?limit=50",
        "/api/corpus-events?limit=50&type=FIGHT",
        "/api/corpus-events?limit=50&date_from=2019-06-01&date_to=2020-06-30",
        "/api/corpus-events?limit=50&min_sources=2",
    ),
    "documents": ("/api/documents?limit=50", "/api/documents?limit=50&q=police"),
    "report": ("/api/report?format=md", "/api/report", "/api/report?country=US"),
}
REPORT_EVERY = 10


async def mixed_load(
    base: str, clients: int, per_client: int, processes: dict[str, int]
) -> tuple[list[Result], dict[str, float]]:
    """``clients`` concurrent clients, each on its own keep-alive connection (bench/_http.py),
    sending ``per_client`` requests that rotate through events, corpus events and documents,
    with a report every REPORT_EVERY-th request. Also the share of a core each of
    ``processes`` (name: pid) and this client used while the load ran (after the warm-up):
    on two cores a client or an ingest that takes one leaves the server the other."""
    host, port = base.removeprefix("http://").rsplit(":", 1)
    latencies: dict[str, list[float]] = {name: [] for name in WORKLOADS}
    errors = dict.fromkeys(WORKLOADS, 0)
    lists = [name for name in WORKLOADS if name != "report"]
    # The warm-up waits longer than a client: on PostgreSQL under an ingest, on a busy
    # machine, a report took over two minutes, and a load begun without it measured clients
    # stalled on its build rather than the server's answers.
    warm = Connection(host, int(port), timeout=900)
    # Warm-up: caches and connections. Reports first: one may take minutes to build, and list
    # pages warmed before it would be past their staleness bound when the load starts.
    for name in ("report", *lists):
        for url in WORKLOADS[name]:
            try:
                await warm.get(url)
            except HttpFailure as err:  # a report slower than the timeout: the load goes on
                print(f"warm-up: {err}", file=sys.stderr)
    await warm.close()

    async def one_client(number: int) -> None:
        connection = Connection(host, int(port), timeout=120)
        cycles = {name: itertools.cycle(urls) for name, urls in WORKLOADS.items()}
        for n in range(per_client):
            name = "report" if (n + number) % REPORT_EVERY == 0 else lists[n % len(lists)]
            url = next(cycles[name])
            started = time.perf_counter()
            try:
                ok = (await connection.get(url)).status == 200
            except HttpFailure:
                ok = False
            latencies[name].append(time.perf_counter() - started)
            errors[name] += not ok
        await connection.close()

    before = {name: _cpu_seconds(pid) for name, pid in processes.items()}
    client_before, started = time.process_time(), time.perf_counter()
    await asyncio.gather(*(one_client(n) for n in range(clients)))
    seconds = time.perf_counter() - started
    shares = {name: (_cpu_seconds(pid) - before[name]) / seconds for name, pid in processes.items()}
    shares["client"] = (time.process_time() - client_before) / seconds
    return [Result(name, latencies[name], errors[name], seconds) for name in WORKLOADS], shares


def _cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) used so far by process ``pid`` and its live descendants
    (uvicorn's workers), from /proc; 0 where /proc is missing."""
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    children: dict[int, list[int]] = {}
    stats: dict[int, list[str]] = {}
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = entry.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # ended meanwhile
        number = int(entry.parent.name)
        stats[number] = fields
        children.setdefault(int(fields[1]), []).append(number)
    total, todo = 0.0, [pid]
    while todo:
        number = todo.pop()
        if number in stats:
            # After the command: state, ppid, ... utime and stime are the 12th and 13th.
            total += (int(stats[number][11]) + int(stats[number][12])) / ticks
        todo.extend(children.get(number, []))
    return total


def _serve(db: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "sitroom", "serve", "--db", db, "--port", str(port),
               "--log-level", "warning"]  # fmt: skip
    if workers > 1:
        command += ["--workers", str(workers)]
    return subprocess.Popen(command, env={**os.environ, "SITROOM_API_READ_TOKEN": ""})


def _wait_for(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while True:
        try:
            httpx.get(f"{base}/api/health", timeout=5).raise_for_status()
            return
        except httpx.HTTPError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("the server did not start") from None
            time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database (path or URL) to reuse or build; default temporary")
    parser.add_argument("--limit", type=int, default=1100, help="articles to ingest when building")
    parser.add_argument("--copy-from", help="an empty --db is filled from this database instead")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=20, help="per client")
    parser.add_argument("--workers", type=int, default=1, help="sitroom serve --workers")
    parser.add_argument("--no-ingest", action="store_true", help="no ingest during the load")
    parser.add_argument(
        "--ingest-nice", type=int, default=0, help="nice increment of the ingest (0..19)"
    )
    parser.add_argument("--ingest-into", help=argparse.SUPPRESS)  # the ingesting child
    parser.add_argument("--start", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.ingest_into:
        if args.ingest_nice and hasattr(os, "nice"):
            os.nice(args.ingest_nice)
        build(args.ingest_into, 2000, args.start, batch_size=2)  # until stopped
        return

    folder = tempfile.TemporaryDirectory(prefix="sitroom-api-bench-")
    db: str = args.db or str(Path(folder.name) / "bench.db")
    if ("://" in db or Path(db).exists()) and _documents(db):
        pass
    elif args.copy_from:
        copy_store(args.copy_from, db)
    else:
        build(db, args.limit)
    with Store(db) as store:
        stats = store.stats()
    load = os.getloadavg()[0]  # other work on the machine before this run began
    port = _free_port()
    server = _serve(db, port, args.workers)
    ingest = None
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for(base, server)
        if not args.no_ingest:
            # New texts every run (numbered copies past any store built here), so the ingest
            # writes for the whole load instead of finding everything stored already.
            start = 10_000 + random.randrange(1_000_000)
            ingest = subprocess.Popen(
                [
                    sys.executable,
                    __file__,
                    "--ingest-into",
                    db,
                    "--start",
                    str(start),
                    "--ingest-nice",
                    str(args.ingest_nice),
                ]
            )
            time.sleep(15)  # the ingest has loaded its model and is writing
        processes = {"server": server.pid, **({"ingest": ingest.pid} if ingest else {})}
        results, shares = asyncio.run(mixed_load(base, args.clients, args.requests, processes))
        still_ingesting = ingest is not None and ingest.poll() is None
    finally:
        if ingest is not None:
            ingest.terminate()
            ingest.wait(timeout=60)
        server.terminate()
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:  # still busy with requests the load gave up on
            server.kill()
            server.wait()
        folder.cleanup()

    backend = "PostgreSQL" if db.startswith("postgres") else "SQLite"
    during = "an ingest writing throughout" if still_ingesting else "no ingest running"
    if still_ingesting and args.ingest_nice:
        during += f" at nice +{args.ingest_nice}"
    print(
        f"\nsitroom serve ({args.workers} worker(s)) on {stats.documents} documents, "
        f"{stats.events} events; {args.clients} concurrent clients; {backend}; {during}\n"
    )
    print(f"{'workload':<18} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} "
          f"{'p99 ms':>8} {'req/s':>9}")  # fmt: skip
    for result in results:
        print(result.row())
    print(
        f"\ncores used during the load ({results[0].seconds:.1f} s; load average {load:.2f} "
        "before the run): " + ", ".join(f"{name} {share:.2f}" for name, share in shares.items())
    )


if __name__ == "__main__":
    main()
