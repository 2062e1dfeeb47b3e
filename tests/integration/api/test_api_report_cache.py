"""``/api/report`` is built once per query and served for a bounded time (fresh on
``Cache-Control: no-cache``), and needs the read token."""

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
        # Another program stores an article: the kept report is served (up to five minutes
        # old, its Age says how old) until a client asks for a fresh one, which is built anew.
        newer = report(CORPUS_SIZE + 7)
        with Store(db_file) as writer:
            assert writer.add(newer)
        kept = client.get("/api/report", params={"format": "md"})
        assert kept.text == first.text and int(kept.headers["age"]) < 300
        fresh = client.get(
            "/api/report", params={"format": "md"}, headers={"Cache-Control": "no-cache"}
        )
        assert fresh.status_code == 200 and len(reports) == 2
        assert fresh.text != first.text
        assert newer.document.title is not None and newer.document.title in fresh.text
        assert client.get("/api/report", params={"format": "md"}).text == fresh.text


def test_the_report_needs_the_read_token(db_file: Path) -> None:
    app = create_app(Settings(db=str(db_file), api_read_token=READ_TOKEN))
    with live(app) as client:
        assert client.get("/api/report").status_code == 401
        assert len(app.state.sitroom.reports) == 0  # refused before anything is built
        auth = {"Authorization": f"Bearer {READ_TOKEN}"}
        assert client.get("/api/report", headers=auth).status_code == 200
