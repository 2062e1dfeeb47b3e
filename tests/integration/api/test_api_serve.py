"""``sitroom serve`` as a user runs it (a subprocess on a loopback port), serving reads while a
batch ingest writes the same SQLite file."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from integration.api.conftest import CORPUS_SIZE
from integration.api.corpus import report
from sitroom.store import Store


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def serving(db: Path, *extra: str) -> Iterator[httpx.Client]:
    port = _free_port()
    command = [sys.executable, "-m", "sitroom", "serve", "--db", str(db), "--port", str(port)]
    env = {**os.environ, "SITROOM_API_TOKEN": "", "SITROOM_API_READ_TOKEN": ""}
    process = subprocess.Popen(
        [*command, "--log-level", "warning", *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    client.get("/api/health")
                    break
                except httpx.TransportError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        _, err = process.communicate(timeout=10)
                        raise AssertionError(f"server did not start: {err.decode()}") from None
                    time.sleep(0.1)
            yield client
    finally:
        process.terminate()
        process.communicate(timeout=30)


def test_serve_command_serves_the_database(db_file: Path) -> None:
    with serving(db_file, "--token", "t0k" * 8) as client:
        health = client.get("/api/health")
        assert health.status_code == 200 and health.json()["documents"] == CORPUS_SIZE
        refused = client.post("/api/documents", json={"text": "x"})
        assert refused.status_code == 401  # the --token option is in force


def test_serve_creates_a_new_database(tmp_path: Path) -> None:
    with serving(tmp_path / "new.db") as client:
        assert client.get("/api/health").json()["documents"] == 0


def test_serve_reports_a_database_it_cannot_open(tmp_path: Path) -> None:
    bad = tmp_path / "no-such-dir" / "x.db"
    done = subprocess.run(
        [sys.executable, "-m", "sitroom", "serve", "--db", str(bad)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "[S502]" in done.stderr and "does not exist" in done.stderr
    assert "Traceback" not in done.stderr


def test_reads_stay_consistent_while_a_batch_ingest_writes(db_file: Path) -> None:
    """Each stored report has exactly 2 events and 2 claims and is written in one
    transaction, so any read must see whole reports only, and never fewer than before."""
    batches = [[report(CORPUS_SIZE + 5 * b + k) for k in range(5)] for b in range(12)]
    failures: list[str] = []
    writer_done = threading.Event()
    observed: set[int] = set()

    def write() -> None:
        try:
            with Store(db_file) as store:
                for batch in batches:
                    assert all(store.add_many(batch))
                    time.sleep(0.1)  # reads must interleave with the writes
        except BaseException as err:  # reported by the test, not lost in the thread
            failures.append(f"writer: {err!r}")
        finally:
            writer_done.set()

    def read(client: httpx.Client, worker: int) -> int:
        seen_documents = 0
        requests = 0
        while not writer_done.is_set() or requests < 5:
            stats = client.get("/api/stats")
            events = client.get("/api/events", params={"limit": 500})
            page = client.get("/api/documents", params={"limit": 500})
            requests += 3
            for response in (stats, events, page):
                if response.status_code != 200:
                    failures.append(f"{worker}: {response.status_code} {response.text[:200]}")
                    return requests
            body: dict[str, Any] = stats.json()
            if body["events"] != 2 * body["documents"] or body["claims"] != 2 * body["documents"]:
                failures.append(f"{worker}: partial report visible: {body}")
            if body["documents"] < seen_documents:
                failures.append(f"{worker}: documents went back {seen_documents} -> {body}")
            seen_documents = body["documents"]
            observed.add(seen_documents)
            if len(events.json()["items"]) % 2 or len(page.json()["items"]) < CORPUS_SIZE:
                failures.append(f"{worker}: inconsistent listing")
        return requests

    with serving(db_file) as client:
        writer = threading.Thread(target=write)
        writer.start()
        with ThreadPoolExecutor(max_workers=6) as pool:
            counts = list(pool.map(lambda n: read(client, n), range(6)))
        writer.join(timeout=120)
        final = client.get("/api/stats").json()
    assert not failures, failures[:5]
    assert sum(counts) >= 6 * 5
    # Reads saw the corpus grow: they ran during the ingest, not before or after it.
    assert len(observed) >= 4, sorted(observed)
    assert final["documents"] == CORPUS_SIZE + 60 and final["events"] == 2 * final["documents"]
