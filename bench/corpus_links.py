"""Corpus links at scale: what storing one long article of many similar events costs (issue 19,
item 4), and whether a second writer on the same SQLite file waits for it or fails.

    .venv/bin/python bench/corpus_links.py [--sentences 2000] [--cache PATH]

Writes an article of ``--sentences`` sentences (our own template text: every other sentence
reports shelling of one town on one day, the rest are neutral filler), extracts it with the
English pipeline (cached as JSON with ``--cache``, so that two versions of the store code can
be compared on the same extraction), and stores it with ``Store.add`` in a fresh SQLite file
that already holds one short article. Meanwhile two other processes use the same file:

* a probe that takes and releases the write lock (``BEGIN IMMEDIATE``) every few milliseconds:
  its longest wait is the longest write transaction the store held;
* a writer that adds one short article while the long one is being stored: it should wait
  for the lock and succeed, not fail with "database is locked".

Prints the events extracted, ``event_links`` rows, corpus events, database size (file plus
WAL), seconds in ``Store.add``, the probe's longest wait, and the second writer's outcome.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import sqlalchemy as sa

from sitroom.ingest.text import make_document
from sitroom.model import Extraction
from sitroom.store import Store

DAY = dt.date(2025, 3, 4)
EVENT = "Rebels shelled the town of Kadugli on Monday, killing {n} civilians, an official said."
FILLER = (
    "Residents queued for water at the only working pump.",
    "The road to the airport stayed closed to traffic.",
    "Schools in the district have not reopened since January.",
    "Aid workers said prices of bread had doubled.",
)

_PROBE = textwrap.dedent(
    """
    import sqlite3, sys, time
    from pathlib import Path
    db, stop = sys.argv[1], Path(sys.argv[2])
    con = sqlite3.connect(db, timeout=600, isolation_level=None)
    longest, failures, rounds = 0.0, 0, 0
    while not stop.exists():
        started = time.perf_counter()
        try:
            con.execute("BEGIN IMMEDIATE")
            con.execute("COMMIT")
        except sqlite3.OperationalError:
            failures += 1
        longest = max(longest, time.perf_counter() - started)
        rounds += 1
        time.sleep(0.005)
    print(f"{longest:.3f} {failures} {rounds}")
    """
)

_WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from sitroom.errors import StoreError
    from sitroom.ingest.text import make_document
    from sitroom.model import Extraction
    from sitroom.store import Store
    db, ready, go = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    document = make_document("Fishermen mended their nets by the river before the rains.")
    with Store(db) as store:
        store.has_document(document.id)  # connected and checked before the race starts
        ready.touch()
        while not go.exists():
            time.sleep(0.01)
        time.sleep(0.5)  # the long article's transaction is under way by now
        started = time.perf_counter()
        try:
            store.add(Extraction(document=document))
            print(f"stored after {time.perf_counter() - started:.2f}s")
        except StoreError as err:
            print(f"FAILED after {time.perf_counter() - started:.2f}s: {err}")
    """
)


def article_text(sentences: int) -> str:
    parts = []
    for i in range(sentences):
        parts.append(EVENT.format(n=3 + i // 2) if i % 2 == 0 else FILLER[(i // 2) % len(FILLER)])
    # Paragraphs of ten sentences, as a long report would have.
    return "\n\n".join(" ".join(parts[i : i + 10]) for i in range(0, len(parts), 10))


def extraction(sentences: int, cache: Path | None) -> Extraction:
    if cache is not None and cache.exists():
        return Extraction.model_validate_json(cache.read_text(encoding="utf-8"))
    from sitroom.service import Extractor

    document = make_document(
        article_text(sentences), title="Shelling of Kadugli", published=DAY, publisher="Bench"
    )
    started = time.perf_counter()
    found = Extractor().extract(document)
    print(f"extracted in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    if cache is not None:
        cache.write_text(found.model_dump_json(), encoding="utf-8")
    return found


def _size_mb(db: Path) -> float:
    files = [db, db.with_name(db.name + "-wal")]
    return sum(f.stat().st_size for f in files if f.exists()) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--cache", type=Path, help="extraction JSON to reuse or write")
    args = parser.parse_args()
    found = extraction(args.sentences, args.cache)

    with tempfile.TemporaryDirectory(prefix="sitroom-links-") as folder:
        root = Path(folder)
        db, stop, ready, go = (root / n for n in ("links.db", "stop", "ready", "go"))
        with Store(db) as store:
            store.migrate()
            other = make_document("Farmers brought the harvest in early this year.", published=DAY)
            store.add(Extraction(document=other))
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
        writer = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(db), str(ready), str(go)],
            stdout=subprocess.PIPE, text=True, env=env,
        )  # fmt: skip
        while not ready.exists():
            if writer.poll() is not None:
                raise SystemExit("the second writer did not start")
            time.sleep(0.05)
        probe = subprocess.Popen(
            [sys.executable, "-c", _PROBE, str(db), str(stop)], stdout=subprocess.PIPE, text=True
        )
        time.sleep(0.3)
        go.touch()
        with Store(db) as store:
            started = time.perf_counter()
            store.add(found)
            seconds = time.perf_counter() - started
        second, _ = writer.communicate(timeout=900)
        stop.touch()
        longest, failures, rounds = probe.communicate(timeout=60)[0].split()
        engine = sa.create_engine(f"sqlite:///{db}")
        with engine.connect() as conn:
            links = conn.scalar(sa.text("SELECT count(*) FROM event_links"))
            corpus = conn.scalar(sa.text("SELECT count(*) FROM corpus_events"))
        engine.dispose()
        size = _size_mb(db)

    print(f"\nOne article of {args.sentences} sentences, {len(found.events)} events, SQLite\n")
    print("| event_links rows | corpus events | DB MB | Store.add s | longest write lock s |")
    print("|---|---|---|---|---|")
    print(f"| {links} | {corpus} | {size:.1f} | {seconds:.2f} | {float(longest):.2f} |")
    print(f"\nprobe: {rounds} lock rounds, {failures} failed; second writer: {second.strip()}")


if __name__ == "__main__":
    main()
