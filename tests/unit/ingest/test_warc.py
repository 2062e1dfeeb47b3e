from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitroom.ingest import Limits, read_inputs
from unit.ingest.builders import BODY, Record, article_page, warc_bytes, write


def records() -> list[Record]:
    return [
        Record("https://ex.invalid/world/2020/01/15/one", article_page("One").encode()),
        Record("https://ex.invalid/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png"),
        Record("https://ex.invalid/old", b"moved", status="301 Moved Permanently"),
        Record("https://ex.invalid/missing", article_page("Gone").encode(), status="404 Not Found"),
        Record(
            "https://ex.invalid/story/two",
            article_page("Two").encode(),
            date="2020-02-20T10:00:00Z",
        ),
        Record(
            "https://ex.invalid/notes.txt",
            b"Plain text notes of the reporter on Monday.",
            content_type="text/plain",
            kind="resource",
        ),
    ]


@pytest.mark.parametrize("compressed", [True, False])
def test_html_responses_are_read(tmp_path: Path, compressed: bool) -> None:
    name = "crawl.warc.gz" if compressed else "crawl.warc"
    path = write(tmp_path / name, warc_bytes(records(), gzip=compressed))
    items = list(read_inputs([path]))
    assert [i.source for i in items] == [f"{path}#record=1", f"{path}#record=5", f"{path}#record=6"]
    assert all(i.ok for i in items)
    one, two, notes = (i.meta for i in items)
    assert one is not None and two is not None and notes is not None
    assert one.title == "One" and one.url == "https://ex.invalid/world/2020/01/15/one"
    assert (one.published, one.published_from) == (dt.date(2020, 1, 15), "url")
    assert (two.published, two.published_from) == (dt.date(2020, 2, 20), "warc")
    assert items[0].document is not None and items[0].document.text == "\n\n".join(BODY)
    assert notes.url == "https://ex.invalid/notes.txt"


def test_argument_beats_the_capture_date(tmp_path: Path) -> None:
    path = write(tmp_path / "c.warc.gz", warc_bytes(records()[4:5]))
    (item,) = list(read_inputs([path], published=dt.date(2019, 1, 1)))
    assert item.meta is not None and item.meta.published_from == "argument"


def test_truncated_gzip_archive(tmp_path: Path) -> None:
    data = warc_bytes(records())
    path = write(tmp_path / "cut.warc.gz", data[: len(data) - 30])
    items = list(read_inputs([path]))
    good = [i for i in items if i.ok]
    assert [i.source for i in good] == [f"{path}#record=1", f"{path}#record=5"]
    assert items[-1].code == "S208" and items[-1].source == str(path)
    assert "truncated" in (items[-1].reason or "")
    cut_record = [i for i in items if i.source == f"{path}#record=6"]
    assert cut_record and cut_record[0].code == "S208"


def test_archive_cut_inside_a_header(tmp_path: Path) -> None:
    data = warc_bytes(records()[:1] * 3)
    path = write(tmp_path / "cut.warc.gz", data[: len(data) * 2 // 3 + 10])
    items = list(read_inputs([path]))
    assert items[0].ok and items[-1].code == "S208"


def test_uncompressed_archive_cut_short(tmp_path: Path) -> None:
    data = warc_bytes(records()[:1] * 2, gzip=False)
    path = write(tmp_path / "cut.warc", data[:-500])
    items = list(read_inputs([path]))
    assert items[0].ok and items[-1].code == "S208"


def test_record_over_the_limit(tmp_path: Path) -> None:
    big = article_page(paragraphs=[*BODY, "word " * 5000]).encode()
    path = write(tmp_path / "big.warc.gz", warc_bytes([Record("https://ex.invalid/b", big)]))
    (item,) = list(read_inputs([path], limits=Limits(max_bytes=10_000)))
    assert item.code == "S206" and item.source == f"{path}#record=1"


def test_not_an_archive(tmp_path: Path) -> None:
    (item,) = list(read_inputs([write(tmp_path / "x.warc", b"hello, not a WARC at all\n")]))
    assert item.code == "S208"
