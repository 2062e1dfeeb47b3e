"""The command line as a user runs it: real model, real SQLite, real subprocesses for errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from sitroom.cli.main import cli

pytestmark = pytest.mark.model

ARTICLE = Path(__file__).parents[1] / "fixtures" / "kadugli-clashes.txt"


def _run(*args: str, data_dir: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--data-dir", str(data_dir), *args])
    return result.exit_code, result.stdout, result.stderr


def test_extract_prints_contract_valid_json(data_dir: Path) -> None:
    code, out, _ = _run("extract", str(ARTICLE), "--published", "2025-03-04", data_dir=data_dir)
    assert code == 0
    data = json.loads(out)
    schema_code, schema_out, _ = _run("schema", data_dir=data_dir)
    assert schema_code == 0
    jsonschema.validate(data, json.loads(schema_out))
    assert data["schema"] == "sitroom.extraction/1"
    assert data["document"]["published"] == "2025-03-04"
    text = data["document"]["text"]
    # Every span points back to the characters it came from.
    for quote in data["quotes"]:
        assert text[quote["span"][0] : quote["span"][1]] == quote["text"]
    for claim in data["claims"]:
        assert text[claim["span"][0] : claim["span"][1]] == claim["text"]
    for time in data["times"]:
        assert text[time["span"][0] : time["span"][1]] == time["text"]
    names = {e["name"] for e in data["entities"]}
    assert "Hamid Tarek" in names
    assert any(p["name"] == "Kadugli" and p["country"] == "SD" for p in data["places"])
    assert any(t["start"] == "2025-03-20" for t in data["times"])
    kills = [e for e in data["events"] if e["fatalities"] == 4]
    assert kills, data["events"]
    assert any(f["value"] == 2000 and f["qualifier"] == "more_than" for f in data["figures"])


def test_table_format(data_dir: Path) -> None:
    code, out, _ = _run("extract", str(ARTICLE), "--format", "table", data_dir=data_dir)
    assert code == 0
    assert "EVENTS" in out and "Kadugli" in out


def test_ingest_twice_stores_once_and_events_export(tmp_path: Path, data_dir: Path) -> None:
    db = str(tmp_path / "t.db")
    args = ("ingest", str(ARTICLE), "--db", db, "--published", "2025-03-04", "--quiet")
    code, out, _ = _run(*args, data_dir=data_dir)
    assert code == 0 and "processed 1," in out
    code, out, _ = _run(*args, data_dir=data_dir)
    assert code == 0 and "processed 0," in out and "already done 1" in out
    copy = tmp_path / "copy.txt"
    copy.write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = _run("ingest", str(copy), "--db", db, "--quiet", data_dir=data_dir)
    assert code == 0 and "duplicates 1," in out
    code, out, _ = _run("events", "--db", db, "--format", "csv", data_dir=data_dir)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and {"event_date", "event_type", "actor1", "latitude", "plover_type"} <= set(
        rows[0]
    )
    code, out, _ = _run(
        "events", "--db", db, "--type", "ASSAULT", "--format", "jsonl", data_dir=data_dir
    )
    assert code == 0
    assert out.strip() and all(
        json.loads(line)["plover_type"] == "ASSAULT" for line in out.splitlines()
    )


def test_folder_ingest_resumes_and_reports_every_item(tmp_path: Path, data_dir: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    text = ARTICLE.read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02garbage")
    db = str(tmp_path / "t.db")
    code, out, err = _run("ingest", str(folder), "--db", db, "--quiet", data_dir=data_dir)
    assert code == 1, err  # some items failed: not a success (the others are stored)
    assert "processed 1," in out and "errors 2" in out
    assert "S202" in err and "S203" in err
    # A near-duplicate: same story, new headline and an extra closing paragraph.
    (folder / "b.txt").write_text(
        "Rebels hit Kadugli garrison\n\n" + text + "\nMore reporting is expected.\n",
        encoding="utf-8",
    )
    code, out, _ = _run(
        "ingest", str(folder), "--db", db, "--quiet", "--allow-errors", data_dir=data_dir
    )
    assert code == 0
    assert "near-duplicates 1," in out and "already done 1" in out and "processed 0," in out
    # Not English: stored and flagged, not parsed.
    (folder / "fr.txt").write_text(
        "Des combattants ont attaqué une garnison de l'armée à Kadugli lundi, tuant quatre "
        "soldats, selon un porte-parole de l'armée. Les Nations unies ont indiqué que plus de "
        "deux mille personnes avaient fui la ville depuis samedi.",
        encoding="utf-8",
    )
    code, out, _ = _run(
        "ingest", str(folder), "--db", db, "--quiet", "--allow-errors", data_dir=data_dir
    )
    assert code == 0 and "unsupported 1," in out
    code, out, _ = _run("documents", "--db", db, data_dir=data_dir)
    assert code == 0
    assert "near_duplicate" in out and "error" in out and "processed" in out
    assert "unsupported" in out and "language 'fr'" in out
    assert "3 documents" in out


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["extract", "no-such-file.txt"], "S201"),
        (["extract", str(ARTICLE), "--published", "yesterday"], "S205"),
    ],
)
def test_user_mistakes_give_one_line_and_no_traceback(args: list[str], code: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "sitroom", *args], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0, proc.stderr
    assert f"[{code}]" in proc.stderr and "Traceback" not in proc.stderr


def test_empty_file_is_an_error(tmp_path: Path, data_dir: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    code, _, err = _run("extract", str(empty), data_dir=data_dir)
    assert code == 2 and "[S202]" in err


def test_claims_ledger_command(tmp_path: Path, data_dir: Path) -> None:
    db = str(tmp_path / "t.db")
    code, _, _ = _run(
        "ingest", str(ARTICLE), "--db", db, "--published", "2025-03-04", "--quiet",
        data_dir=data_dir,
    )  # fmt: skip
    assert code == 0
    code, out, _ = _run("claims", "--db", db, data_dir=data_dir)
    assert code == 0
    header, _rule, *rows = out.splitlines()
    assert header.split()[:3] == ["CLAIM", "STANCE", "CLAIMANT"]
    assert any(row.split()[1] == "deny" for row in rows)
    assert any(row.rstrip().endswith("yes") for row in rows)  # the CONTESTED column
    code, out, _ = _run("claims", "--db", db, "--contested", data_dir=data_dir)
    assert code == 0 and "↔" in out


def test_contradiction_across_two_outlets(tmp_path: Path, data_dir: Path) -> None:
    folder = Path(__file__).parents[1] / "fixtures" / "two-outlets"
    db = str(tmp_path / "t.db")
    code, out, _ = _run(
        "ingest", str(folder), "--db", db, "--published", "2025-03-04", "--quiet",
        data_dir=data_dir,
    )  # fmt: skip
    assert code == 0 and "processed 2," in out
    code, out, _ = _run("claims", "--db", db, "--contested", data_dir=data_dir)
    assert code == 0
    across = [line for line in out.splitlines() if line.startswith("across")]
    # The army's report answers the capture twice ("denied that rebels had captured the town",
    # "its soldiers remained in full control of the town"): each answer is a row, every row the
    # one dispute between the rebels and the army over Kadugli.
    assert across, out
    assert all("FIGHT at Kadugli" in line and "Sudan" in line for line in across), out
