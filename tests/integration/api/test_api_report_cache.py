"""``/api/report`` is built once per store revision and query, and needs the read token."""

from __future__ import annotations

from pathlib import Path

from integration.api.conftest import CORPUS_SIZE
from integration.api.corpus import live, report
from sitroom.api import create_app
from sitroom.config import Settings
from sitroom.store import Store

READ_TOKEN = "r" * 32


def test_the_report_is_cached_until_the_store_changes(db_file: Path) -> None:
    app = create_app(Settings(db=str(db_file)))
    reports = app.state.sitroom.reports
    with live(app) as client:
        first = client.get("/api/report", params={"format": "md"})
        assert first.status_code == 200
        assert len(reports) == 1
        again = client.get("/api/report", params={"format": "md"})
        assert again.text == first.text and len(reports) == 1
        assert client.get("/api/report").status_code == 200  # HTML: its own entry
        assert len(reports) == 2
        # Another program stores an article: the next report has it, built anew.
        newer = report(CORPUS_SIZE + 7)
        with Store(db_file) as writer:
            assert writer.add(newer)
        fresh = client.get("/api/report", params={"format": "md"})
        assert fresh.status_code == 200 and len(reports) == 1
        assert fresh.text != first.text
        assert newer.document.title is not None and newer.document.title in fresh.text


def test_the_report_needs_the_read_token(db_file: Path) -> None:
    app = create_app(Settings(db=str(db_file), api_read_token=READ_TOKEN))
    with live(app) as client:
        assert client.get("/api/report").status_code == 401
        assert len(app.state.sitroom.reports) == 0  # refused before anything is built
        auth = {"Authorization": f"Bearer {READ_TOKEN}"}
        assert client.get("/api/report", headers=auth).status_code == 200
