"""``sitroom report`` through click's CliRunner on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner
from lxml import etree

from sitroom.cli.main import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["report", *args])
    return result.exit_code, result.stdout, result.stderr


def test_markdown_to_stdout(db: Path) -> None:
    code, out, _ = run("--db", str(db), "--country", "AF", "--from", "2021-09-01")
    assert code == 0
    assert out.startswith("# Afghanistan: situation report, from 1 September 2021\n")
    assert "**Period:** from 1 September 2021" in out and "data:image/svg+xml;base64," in out


def test_markdown_file_with_map_beside_it(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "af.md"
    code, stdout, _ = run("--db", str(db), "--country", "AF", "--out", str(out),
                          "--title", "Afghanistan, early September")  # fmt: skip
    assert code == 0 and stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Afghanistan, early September\n")
    assert "![Map of located developments](af.map.svg)" in text
    etree.parse(str(tmp_path / "af.map.svg"))  # well-formed


def test_html_file(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    code, _, _ = run("--db", str(db), "--format", "html", "--out", str(out), "--to", "2021-09-07")
    assert code == 0
    tree = lxml.html.parse(str(out))
    assert tree.xpath("//ul[@class='developments']/li")
    assert not list((tmp_path).glob("*.svg"))  # the map is inline


def test_empty_period(db: Path) -> None:
    code, out, _ = run("--db", str(db), "--from", "2030-01-01", "--to", "2030-01-31")
    assert code == 0 and "No events were recorded for all countries, 1 to 31 January 2030." in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2021-13-01"], "not a date YYYY-MM-DD"),
        (["--to", "yesterday"], "not a date YYYY-MM-DD"),
        (["--from", "2021-09-07", "--to", "2021-09-01"], "[S701]"),
        (["--country", "AFG"], "[S702]"),
        (["--format", "docx"], "Invalid value for '--format'"),
    ],
)
def test_bad_options_exit_2_with_a_clean_message(db: Path, args: list[str], message: str) -> None:
    code, out, err = run("--db", str(db), *args)
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err


def test_missing_database_is_a_store_error(tmp_path: Path) -> None:
    code, _, err = run("--db", str(tmp_path / "none.db"))
    assert code == 1 and "[S506]" in err


def test_unwritable_output(db: Path, tmp_path: Path) -> None:
    code, _, err = run("--db", str(db), "--out", str(tmp_path / "missing" / "r.md"))
    assert code == 1 and "[S703]" in err
