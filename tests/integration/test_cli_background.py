"""`sitroom events` and `sitroom export` leave background mentions out unless
``--include-background``; the listed rows carry a background column."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner

from integration.api.corpus import report
from sitroom.cli.main import cli
from sitroom.store import Store


def _store(path: Path) -> str:
    news, context = report(1), report(2)
    flagged = context.model_copy(
        update={
            "events": [
                e.model_copy(update={"background": True}) if e.id == "v1" else e
                for e in context.events
            ]
        }
    )
    with Store(path) as store:
        store.migrate()
        assert all(store.add_many([news, flagged]))
    return str(path)


def _assaults(out: str) -> dict[str, str]:
    rows = csv.DictReader(io.StringIO(out))
    return {r["document_id"]: r["background"] for r in rows if r["plover_type"] == "ASSAULT"}


def test_events_and_export_leave_background_out(tmp_path: Path, data_dir: Path) -> None:
    db = _store(tmp_path / "cli.db")
    runner = CliRunner()
    base = ["--data-dir", str(data_dir)]
    listed = runner.invoke(cli, [*base, "events", "--db", db, "--format", "csv"])
    assert listed.exit_code == 0, listed.output
    assert _assaults(listed.stdout) == {"doc0001": "0"}
    listed = runner.invoke(
        cli, [*base, "events", "--db", db, "--format", "csv", "--include-background"]
    )
    assert _assaults(listed.stdout) == {"doc0001": "0", "doc0002": "1"}

    exported = runner.invoke(cli, [*base, "export", "--db", db, "--format", "csv", "--out", "-"])
    assert exported.exit_code == 0, exported.output
    assert _assaults(exported.stdout) == {"doc0001": "0"}
