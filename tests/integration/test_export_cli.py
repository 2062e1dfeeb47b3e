"""``sitroom export`` as a user runs it, on a SQLite file and on PostgreSQL.

The command is invoked as a click command object, so it is tested before the group registers it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner, Result

from sitroom.cli.export import export
from sitroom.store import Store
from unit.store.backends import BACKENDS, PostgresServer, make_backend
from unit.store.extractions import build_fiji, build_plain, build_rich


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a database holding three documents and seven events."""

    def server() -> PostgresServer:
        found: PostgresServer = request.getfixturevalue("pg_server")
        return found

    with make_backend(request.param, tmp_path, server) as backend:
        with Store(backend.url) as store:
            store.migrate()
            store.add_many([build_rich(), build_plain(), build_fiji()])
        yield backend.url


def run(*args: str) -> Result:
    return CliRunner().invoke(export, list(args))


def test_csv_to_a_file(db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = run("--db", db, "--format", "csv", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == f"exported 7 events as csv to {out}"
    assert result.stdout == ""
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert len(rows) == 7
    assert rows[0]["event_id_cnty"] == "fj0000000000c0de:ev3"
    assert rows[0]["country"] == "Fiji"


def test_filters_as_in_events(db: str, tmp_path: Path) -> None:
    out = tmp_path / "some.geojson"
    args = ("--db", db, "--format", "geojson", "--include-unlocated", "--out", str(out))
    cases: list[tuple[list[str], list[str]]] = [
        (["--bbox", "179,-20,-178,-15"], ["fj:ev3", "fj:ev1", "fj:ev2"]),
        (["--bbox", " -40, 40, -30, 50 "], ["a1:ev1"]),
        (["--quad", "verbal_conflict", "--country", "fj"], ["fj:ev3", "fj:ev2"]),
        (["--acled-type", "battles"], ["fj:ev1"]),
        (["--admin1", "northern", "--modality", "planned"], ["fj:ev2"]),
        (["--text", "returned fire", "--type", "assault"], ["a1:ev1", "a1:ev2"]),
        (["--since", "2025-03-04", "--until", "2025-05-02", "--actor", "rbg"], ["a1:ev3"]),
        (["--limit", "2"], ["fj:ev3", "fj:ev1"]),
    ]
    for extra, expected in cases:
        result = run(*args, *extra)
        assert result.exit_code == 0, (extra, result.output)
        features = json.loads(out.read_text(encoding="utf-8"))["features"]
        assert [f["id"][:2] + ":" + f["id"].split(":")[1] for f in features] == expected, extra


def test_after_a_cursor(db: str) -> None:
    with Store(db) as store:
        cursor = store.events()[4].cursor
    result = run("--db", db, "--format", "csv", "--out", "-", "--after", cursor)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["event_id_cnty"][:2] + row["event_id"] for row in rows] == ["a1ev2", "0fev1"]


def test_jsonl_to_stdout_and_parquet_to_a_file(db: str, tmp_path: Path) -> None:
    result = run("--db", db, "--format", "jsonl", "--out", "-", "--text", "boat")
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    record = json.loads(line)
    assert record["document"]["id"] == "fj0000000000c0de" and record["corpus"]
    assert sorted(record["corpus"]) == [e["id"] for e in record["events"]]
    assert "exported 1 documents as jsonl to standard output" in result.stderr

    out = tmp_path / "events.parquet"
    result = run("--db", db, "--format", "parquet", "--out", str(out), "--type", "PROTEST")
    assert result.exit_code == 0, result.output
    assert pq.read_table(out).column("event_id").to_pylist() == ["ev3", "ev1"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--bbox", "1,2,3"], "four numbers"),
        (["--bbox", "0,10,1,5"], "min <= max"),
        (["--text", "!!"], "at least one word"),
        (["--quad", "war"], "unknown quad"),
        (["--after", "nope"], "not a cursor"),
        (["--since", "last week"], "S205"),
        (["--format", "parquet", "--out", "-"], "parquet is binary"),
    ],
)
def test_mistakes_give_one_line_and_no_file(
    db: str, tmp_path: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "x.out"
    base = ["--db", db, "--format", "csv", "--out", str(out)]
    result = run(*base, *args)
    # Every one is the user's mistake: exit status 2, as for click's own usage errors.
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert not out.exists()


def test_usage_errors(tmp_path: Path) -> None:
    result = run("--db", str(tmp_path / "x.db"), "--format", "xlsx", "--out", "x")
    assert result.exit_code == 2 and "xlsx" in result.stderr
    result = run("--db", str(tmp_path / "x.db"), "--format", "csv")
    assert result.exit_code == 2 and "--out" in result.stderr


def test_missing_database(tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    result = run("--db", str(tmp_path / "none.db"), "--format", "csv", "--out", str(out))
    assert result.exit_code == 1
    assert "[S506]" in result.stderr and "no sitroom database" in result.stderr
    assert not (tmp_path / "none.db").exists() and not out.exists()
