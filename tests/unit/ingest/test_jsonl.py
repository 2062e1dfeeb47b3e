from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

from sitroom.ingest import JsonlFields, Limits, read_inputs
from unit.ingest.builders import write

TEXT = "The army said on Monday that fighting had resumed near the border town of Kadugli."


def line(**fields: object) -> str:
    return json.dumps(fields) + "\n"


def test_lines_become_documents_and_bad_lines_errors(tmp_path: Path) -> None:
    content = (
        line(
            text=TEXT,
            title="Clashes",
            url="https://ex.invalid/a",
            date="2021-09-06",
            publisher="Wire",
            author="Jo",
        )
        + "\n"  # blank lines are skipped but still counted
        + "this is not json\n"
        + "[1, 2, 3]\n"
        + line(title="no text")
        + line(text=42)
        + line(text=TEXT + " Again.", date="sometime soon")
        + line(text="   ")
        + line(text=TEXT + " Later.", date=1630886400)  # epoch seconds
        + line(text=TEXT + " Url.", url="https://ex.invalid/2020/05/04/x")
    )
    path = write(tmp_path / "export.jsonl", content)
    items = list(read_inputs([path]))
    by_line = {item.source.rsplit("=", 1)[1]: item for item in items}
    assert sorted(by_line, key=int) == ["1", "3", "4", "5", "6", "7", "8", "9", "10"]
    first = by_line["1"]
    assert first.document is not None and first.meta is not None
    assert first.document.text == TEXT and first.document.publisher == "Wire"
    assert (first.meta.title, first.meta.url, first.meta.author) == (
        "Clashes",
        "https://ex.invalid/a",
        "Jo",
    )
    assert (first.meta.published, first.meta.published_from) == (dt.date(2021, 9, 6), "jsonl")
    assert by_line["3"].code == "S211" and "not valid JSON" in (by_line["3"].reason or "")
    assert by_line["4"].code == "S211" and "not an object" in (by_line["4"].reason or "")
    assert by_line["5"].code == "S211" and "has no 'text'" in (by_line["5"].reason or "")
    assert by_line["6"].code == "S211"
    assert by_line["7"].code == "S205"
    assert by_line["8"].code == "S202"
    assert by_line["9"].meta is not None and by_line["9"].meta.published == dt.date(2021, 9, 6)
    ninth = by_line["10"].meta
    assert ninth is not None and (ninth.published, ninth.published_from) == (
        dt.date(2020, 5, 4),
        "url",
    )


def test_configurable_and_nested_field_names(tmp_path: Path) -> None:
    record = {"body": TEXT, "meta": {"headline": "H", "when": "2020-01-02T03:04:05Z"}}
    path = write(tmp_path / "x.ndjson", json.dumps(record) + "\n")
    fields = JsonlFields(text="body", title="meta.headline", date="meta.when")
    (item,) = list(read_inputs([path], jsonl_fields=fields))
    assert item.meta is not None and item.meta.title == "H"
    assert item.meta.published == dt.date(2020, 1, 2)


def test_gzipped_export_and_truncation(tmp_path: Path) -> None:
    data = gzip.compress("".join(line(text=f"{TEXT} Number {i}.") for i in range(50)).encode())
    assert len(list(read_inputs([write(tmp_path / "ok.jsonl.gz", data)]))) == 50
    items = list(read_inputs([write(tmp_path / "cut.jsonl.gz", data[: len(data) // 2])]))
    assert items[-1].code == "S208" and "truncated" in (items[-1].reason or "")
    assert sum(i.ok for i in items) >= 1


def test_overlong_line_is_skipped(tmp_path: Path) -> None:
    content = line(text="x" * 5000) + line(text=TEXT)
    items = list(read_inputs([write(tmp_path / "x.jsonl", content)], limits=Limits(max_bytes=1000)))
    assert [i.code for i in items] == ["S206", None]


def test_item_limit_per_input(tmp_path: Path) -> None:
    content = "".join(line(text=f"{TEXT} {i}") for i in range(10))
    path = write(tmp_path / "x.jsonl", content)
    items = list(read_inputs([path, path], limits=Limits(max_items=3)))
    assert [i.code for i in items] == [None, None, None, "S212"] * 2


def test_invalid_utf8_line(tmp_path: Path) -> None:
    path = write(tmp_path / "x.jsonl", b'{"text": "caf\xe9"}\n' + line(text=TEXT).encode())
    assert [i.code for i in read_inputs([path])] == ["S203", None]
