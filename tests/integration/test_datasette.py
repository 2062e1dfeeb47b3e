"""Datasette, run as its own server on loopback, reads the flat views of a sitroom database."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from sitroom.store import Store
from unit.store.extractions import build_fiji, build_rich


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def datasette_url(tmp_path: Path) -> Iterator[str]:
    path = tmp_path / "sitroom.db"
    with Store(path) as store:
        store.migrate()
        store.add_many([build_rich(), build_fiji()])
    port = _free_port()
    executable = Path(sys.executable).parent / "datasette"
    process = subprocess.Popen(
        [str(executable), "serve", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/-/versions.json", timeout=2).raise_for_status()
                break
            except httpx.HTTPError:
                if process.poll() is not None or time.monotonic() > deadline:
                    _, err = process.communicate(timeout=5)
                    pytest.fail(f"datasette did not start: {err.decode(errors='replace')}")
                time.sleep(0.2)
        yield f"{base}/sitroom"
    finally:
        process.terminate()
        process.communicate(timeout=10)


def test_datasette_serves_events_with_actor_and_place_names(datasette_url: str) -> None:
    response = httpx.get(
        f"{datasette_url}/events_flat.json",
        params={"_shape": "array", "document_id": "fj0000000000c0de", "event_id": "ev1"},
        timeout=10,
    )
    response.raise_for_status()
    (row,) = response.json()
    assert (row["actor1"], row["actor2"], row["place"]) == (
        "Taveuni Front",
        "Fiji Police Force",
        "Waiyevo",
    )
    assert row["publisher"] == "Pacific Desk"
    tables = httpx.get(f"{datasette_url}.json", timeout=10).json()
    views = {view["name"] for view in tables["views"]}
    assert {"events_flat", "corpus_events_flat", "claims_flat"} <= views
