"""Exposed mode done right: ``sitroom serve`` refuses a non-loopback address with open reads
unless ``--public``, refuses tokens under 24 characters, takes tokens from the environment or
a file, and the API answers 429 to a client that keeps sending wrong tokens."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from integration.api.test_api_serve import _free_port, serving
from sitroom.cli.serve import check_tokens
from sitroom.errors import ConfigError

READ = "r" * 24
WRITE = "w" * 32


def _serve(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``sitroom serve`` that is expected to refuse: it must exit, not serve."""
    clean = {**os.environ, "SITROOM_API_TOKEN": "", "SITROOM_API_READ_TOKEN": "", **(env or {})}
    command = [sys.executable, "-m", "sitroom", "serve", "--port", str(_free_port()), *args]
    return subprocess.run(
        command, capture_output=True, text=True, timeout=60, env=clean, check=False
    )


def test_check_tokens() -> None:
    check_tokens("127.0.0.1", None, None, public=False)
    check_tokens("::1", WRITE, None, public=False)
    check_tokens("localhost", None, None, public=False)
    check_tokens("0.0.0.0", None, READ, public=False)
    check_tokens("0.0.0.0", None, None, public=True)
    with pytest.raises(ConfigError) as info:
        check_tokens("0.0.0.0", WRITE, None, public=False)
    assert info.value.code == "S122"
    with pytest.raises(ConfigError) as info:
        check_tokens("192.168.1.5", None, None, public=False)
    assert info.value.code == "S122"
    for short in ("abc", "x" * 23):
        with pytest.raises(ConfigError) as info:
            check_tokens("127.0.0.1", short, None, public=False)
        assert info.value.code == "S121"
        with pytest.raises(ConfigError):
            check_tokens("0.0.0.0", None, short, public=True)


def test_non_loopback_without_read_token_is_refused(tmp_path: Path) -> None:
    done = _serve("--db", str(tmp_path / "x.db"), "--host", "0.0.0.0")
    assert done.returncode == 1 and "[S122]" in done.stderr and "--public" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "x.db").exists()  # refused before anything was opened


def test_a_short_token_is_refused(tmp_path: Path) -> None:
    done = _serve("--db", str(tmp_path / "x.db"), env={"SITROOM_API_TOKEN": "abc"})
    assert done.returncode == 1 and "[S121]" in done.stderr and "24" in done.stderr


def test_an_unreadable_token_file_is_a_coded_error(tmp_path: Path) -> None:
    done = _serve("--db", str(tmp_path / "x.db"), "--token-file", str(tmp_path / "none"))
    assert done.returncode == 1 and "[S123]" in done.stderr and "Traceback" not in done.stderr


def test_the_read_token_from_a_file(db_file: Path, tmp_path: Path) -> None:
    read_file = tmp_path / "read-token"
    read_file.write_text(READ + "\n", encoding="utf-8")
    with serving(db_file, "--read-token-file", str(read_file)) as client:
        assert client.get("/api/health").status_code == 401
        ok = client.get("/api/health", headers={"Authorization": f"Bearer {READ}"})
        assert ok.status_code == 200


def test_repeated_wrong_tokens_are_slowed_down(client_for: Callable[..., httpx.Client]) -> None:
    client = client_for(api_token=WRITE, api_read_token=READ)
    wrong = {"Authorization": "Bearer " + "z" * 24}
    statuses = [client.get("/api/health", headers=wrong).status_code for _ in range(12)]
    assert statuses[:10] == [401] * 10 and statuses[10:] == [429, 429]
    locked = client.get("/api/health", headers={"Authorization": f"Bearer {READ}"})
    assert locked.status_code == 429  # the right token waits too: no guessing in the pause
    body = locked.json()["error"]
    assert body["code"] == "S609" and int(locked.headers["Retry-After"]) >= 1
