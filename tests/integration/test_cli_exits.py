"""Honest exits of the CLI: a failed item makes ``ingest`` exit non-zero, every stop says how
many items were committed, a missing optional extra is one coded line, no password is shown."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitroom.cli.main import cli

ARTICLE = Path(__file__).parents[1] / "fixtures" / "kadugli-clashes.txt"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.model
def test_ingest_exits_non_zero_when_an_item_failed(tmp_path: Path, data_dir: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good.txt").write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    (inbox / "empty.txt").write_text("   \n", encoding="utf-8")  # S202: no text
    db = str(tmp_path / "exits.db")
    common = ("--data-dir", str(data_dir), "ingest", str(inbox), "--db", db, "--quiet")
    code, out, err = run(*common)
    assert code == 1, err
    assert "processed 1" in out
    assert "1 of 2 items failed" in err and "sitroom documents --status error" in err
    # The same run again: the good item is done, the failed one fails again; allowed, exit 0.
    code, out, err = run(*common, "--allow-errors")
    assert code == 0, err
    assert "S202" in err


def test_ingest_where_nothing_can_be_stored_says_what_was_committed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Rebels attacked the town on Monday.", encoding="utf-8")
    # A port nothing listens on: the database cannot be opened; the password must not show.
    url = "postgresql://sitroom:hunter2-secret@127.0.0.1:9/sitroom"
    code, out, err = run("ingest", str(tmp_path / "a.txt"), "--db", url, "--quiet")
    assert code == 1
    assert "hunter2-secret" not in out + err
    assert "0 items were committed" in err and "sitroom ingest" in err
    assert "Traceback" not in err


def test_a_missing_database_names_sitroom_migrate_only(tmp_path: Path) -> None:
    code, _, err = run("events", "--db", str(tmp_path / "none.db"))
    assert code == 1
    assert "sitroom migrate" in err and "Store.migrate" not in err


def test_batch_on_ray_without_ray_is_one_coded_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # as if the extra were not installed
    (tmp_path / "a.txt").write_text("Rebels attacked the town on Monday.", encoding="utf-8")
    code, _, err = run(
        "batch", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--engine", "ray"
    )
    assert code == 1
    assert err.strip().count("\n") == 0, err
    assert "[S124]" in err and "sitroom[ray]" in err
