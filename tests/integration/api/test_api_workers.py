"""``sitroom serve --workers N``: several uvicorn processes, each with the settings and tokens
the command resolved, handed over in a file only the user can read and removed at the end."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx

from integration.api.conftest import CORPUS_SIZE
from integration.api.test_api_serve import _free_port

READ_TOKEN = "read-" + "r" * 27
WRITE_TOKEN = "write-" + "w" * 26


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(n) for n in (task / "children").read_text().split()]
    return found


def test_workers_share_the_database_and_the_tokens(db_file: Path, tmp_path: Path) -> None:
    private = tmp_path / "tmp"
    private.mkdir()
    port = _free_port()
    env = {**os.environ, "TMPDIR": str(private), "SITROOM_API_READ_TOKEN": READ_TOKEN,
           "SITROOM_API_TOKEN": WRITE_TOKEN}  # fmt: skip
    process = subprocess.Popen(
        [sys.executable, "-m", "sitroom", "serve", "--db", str(db_file), "--port", str(port),
         "--log-level", "warning", "--workers", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    read = {"Authorization": f"Bearer {READ_TOKEN}"}
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            deadline = time.monotonic() + 90
            while True:
                try:
                    if client.get("/api/health", headers=read).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    _, err = process.communicate(timeout=10)
                    raise AssertionError(f"server did not start: {err.decode()}")
                time.sleep(0.2)
            # The settings reached the workers through a private file, not the command line.
            [settings] = list(private.glob("sitroom-serve-*.json"))
            assert stat.S_IMODE(settings.stat().st_mode) == 0o600
            assert READ_TOKEN not in " ".join(process.args)  # type: ignore[arg-type]
            assert len(_children(process.pid)) >= 2
            assert client.get("/api/events").status_code == 401
            assert client.post("/api/documents", json={}, headers=read).status_code == 401
            base = f"http://127.0.0.1:{port}"
            write = {"Authorization": f"Bearer {WRITE_TOKEN}"}
            for _ in range(12):  # a new connection each: spread over the workers
                page = httpx.get(f"{base}/api/documents?limit=500", headers=read, timeout=30)
                assert page.status_code == 200 and len(page.json()["items"]) == CORPUS_SIZE
                # The write token is known too: accepted, then the empty body is refused.
                posted = httpx.post(f"{base}/api/documents", json={}, headers=write, timeout=30)
                assert posted.status_code == 422
    finally:
        process.terminate()
        process.communicate(timeout=60)
    assert not list(private.glob("sitroom-serve-*.json"))
