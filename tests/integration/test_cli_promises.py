"""What the README promises about the command line, each checked as a user would meet it:
URLs and standard input as inputs, the database named in the config file, filters that take
several values, exit status 2 for a user's mistake, a listing format on every listing, titles
from headlines, and a progress bar that moves from the first item."""

from __future__ import annotations

import csv
import http.server
import io
import json
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitroom.cli.main import cli
from sitroom.store import Store
from unit.store.extractions import build_fiji, build_plain, build_rich

ARTICLE = Path(__file__).parents[1] / "fixtures" / "kadugli-clashes.txt"
HEADLINE = "Rebels attack army garrison in Kadugli"


def run(
    *args: str, env: dict[str, str] | None = None, stdin: bytes | None = None
) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env=env, input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A database of three hand-built articles (seven events), no model needed."""
    url = str(tmp_path / "filled.db")
    with Store(url) as store:
        store.migrate()
        store.add_many([build_rich(), build_plain(), build_fiji()])
    return url


@pytest.fixture
def loopback(tmp_path: Path) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 serving the fixture article; yields its URL."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "kadugli.txt").write_bytes(ARTICLE.read_bytes())
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/kadugli.txt"
    finally:
        server.shutdown()
        server.server_close()


# -- inputs: URLs and standard input --------------------------------------------------------


@pytest.mark.model
def test_extract_reads_a_url(loopback: str, data_dir: Path, tmp_path: Path) -> None:
    # Fetching loopback addresses is off by default (issue 19): the config file allows it here.
    config = tmp_path / "config.toml"
    config.write_text("[sitroom]\nfetch_allow_private = true\n", encoding="utf-8")
    code, out, err = run(
        "--data-dir", str(data_dir), "extract", loopback, "--published", "2025-03-04",
        env={"SITROOM_CONFIG": str(config)},
    )  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert data["document"]["url"] == loopback
    assert any(place["name"] == "Kadugli" for place in data["places"])


@pytest.mark.model
def test_extract_and_ingest_read_standard_input(tmp_path: Path, data_dir: Path) -> None:
    text = f"{HEADLINE}\n\n{ARTICLE.read_text(encoding='utf-8')}".encode()
    code, out, err = run(
        "--data-dir", str(data_dir), "extract", "-", "--published", "2025-03-04", stdin=text
    )
    assert code == 0, err
    data = json.loads(out)
    # A plain-text article's first line is its title when it reads as a headline.
    assert data["document"]["title"] == HEADLINE
    assert any(event["type"] == "ASSAULT" for event in data["events"])

    db = str(tmp_path / "stdin.db")
    args = ("--data-dir", str(data_dir), "ingest", "-", "--db", db, "--quiet")
    code, out, err = run(*args, "--url", "https://news.example/kadugli", stdin=text)
    assert code == 0, err
    assert "processed 1," in out
    code, out, _ = run(*args, stdin=text)
    assert "already done 1" in out  # the same text again is recognised
    code, out, _ = run(*args, "--title", "Another one", stdin=b"Rebels shelled Mellit on Monday.")
    assert "processed 1," in out
    code, out, _ = run("documents", "--db", db, "--format", "json")
    assert code == 0
    records = json.loads(out)
    assert {r["title"] for r in records} == {HEADLINE, "Another one"}
    assert all(r["source"].startswith("stdin:") for r in records)
    with Store(db) as store:
        urls = {row.url for row in store.documents()}
    assert "https://news.example/kadugli" in urls


@pytest.mark.model
def test_progress_moves_from_the_first_item(tmp_path: Path, data_dir: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    stories = (
        "Rebels shelled the market in Mellit on Monday, killing six civilians.",
        "Thousands of farmers marched through Bunia on Tuesday to demand compensation.",
        "The army said it had repelled an attack on its garrison in Kadugli overnight.",
    )
    for n, story in enumerate(stories):
        (folder / f"{n}.txt").write_text(story, encoding="utf-8")
    db = str(tmp_path / "p.db")
    code, _, err = run(
        "--data-dir", str(data_dir), "ingest", str(folder), "--db", db, "--progress",
        "--workers", "1", "--chunk-size", "64", "--batch-size", "1",
    )  # fmt: skip
    assert code == 0, err
    # One chunk of 64 holds all three items; the bar still moves when the first is done
    # (the old bar jumped from 0 to 3 when the chunk was committed).
    assert "1/3" in err and "3/3" in err
    assert "item/s" in err or "s/item" in err


# -- the database: config file, environment, missing ----------------------------------------


def test_db_comes_from_the_config_file_unless_given(tmp_path: Path) -> None:
    configured = tmp_path / "from-config.db"
    config = tmp_path / "config.toml"
    config.write_text(f'[sitroom]\ndb = "{configured}"\n', encoding="utf-8")
    env = {"SITROOM_CONFIG": str(config), "SITROOM_DB": ""}
    code, _, err = run("migrate", env=env)
    assert code == 0, err
    assert configured.is_file()
    from_env = tmp_path / "from-env.db"
    code, _, err = run("migrate", env={**env, "SITROOM_DB": str(from_env)})
    assert code == 0, err
    assert from_env.is_file()
    flagged = tmp_path / "flagged.db"
    code, _, _ = run("migrate", "--db", str(flagged), env={**env, "SITROOM_DB": str(from_env)})
    assert code == 0 and flagged.is_file()


def test_help_names_the_environment_variable() -> None:
    code, out, _ = run("events", "--help")
    assert code == 0
    assert "SITROOM_DB" in out and "config file" in out


def test_a_missing_database_names_the_command_to_run(tmp_path: Path) -> None:
    code, _, err = run("events", "--db", str(tmp_path / "none.db"))
    assert code == 1
    assert "sitroom ingest" in err and "sitroom migrate" in err
    assert "Traceback" not in err


# -- filters --------------------------------------------------------------------------------


def _ids(out: str) -> set[str]:
    return {row["event_id_cnty"] for row in csv.DictReader(io.StringIO(out))}


def test_filters_take_several_values(db: str) -> None:
    code, fights, _ = run("events", "--db", db, "--type", "FIGHT", "--format", "csv")
    assert code == 0
    _, assaults, _ = run("events", "--db", db, "--type", "assault", "--format", "csv")
    _, repeated, _ = run(
        "events", "--db", db, "--type", "FIGHT", "--type", "ASSAULT", "--format", "csv"
    )
    _, commas, _ = run("events", "--db", db, "--type", "FIGHT,ASSAULT", "--format", "csv")
    assert _ids(fights) and _ids(assaults)
    assert _ids(repeated) == _ids(commas) == _ids(fights) | _ids(assaults)
    _, both, _ = run("events", "--db", db, "--country", "FJ,XA", "--format", "csv")
    _, fiji, _ = run("events", "--db", db, "--country", "FJ", "--format", "csv")
    assert _ids(fiji) < _ids(both)


@pytest.mark.parametrize(
    "args",
    [
        ("events", "--type", "SKIRMISH"),
        ("events", "--country", "Fiji"),
        ("events", "--modality", "rumoured"),
        ("corpus", "--type", "FIGHT,SKIRMISH"),
        ("export", "--format", "csv", "--out", "-", "--quad", "violent"),
        ("events", "--since", "2025-13-01"),
    ],
)
def test_bad_filter_values_exit_2(db: str, args: tuple[str, ...]) -> None:
    code, _, err = run(args[0], "--db", db, *args[1:])
    assert code == 2, err
    assert err.startswith("sitroom: error [S")


# -- listings -------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["events", "claims", "documents", "corpus"])
def test_every_listing_has_every_format(db: str, command: str) -> None:
    code, out, err = run(command, "--db", db, "--format", "json")
    assert code == 0, err
    records = json.loads(out)
    assert isinstance(records, list)
    code, out, _ = run(command, "--db", db, "--format", "jsonl")
    assert code == 0
    assert [json.loads(line) for line in out.splitlines()] == records
    code, out, _ = run(command, "--db", db, "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(records)
    if records:
        assert list(rows[0]) == list(records[0])
    code, out, _ = run(command, "--db", db)
    assert code == 0 and "None" not in out


def test_corpus_table_has_a_header_and_cuts_with_an_ellipsis(db: str) -> None:
    code, out, _ = run("corpus", "--db", db)
    assert code == 0
    header, rule, *body = out.splitlines()
    assert header.split()[:4] == ["ID", "DATE", "TYPE", "MODALITY"]
    assert set(rule) == {"-", " "}
    assert body
    assert "—" in out  # missing values are a dash, not None or empty
