from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sitroom.errors import InputError
from sitroom.ingest import Item, Meta, Source, read_inputs, register_reader, registry
from sitroom.ingest.meta import build_item
from sitroom.ingest.text import make_document
from unit.ingest.builders import Record, article_page, warc_bytes, write

TEXT = "Fighters attacked an army garrison in Kadugli on Monday, the army said."


class ShoutReader:
    """A user's own reader: one document per line of a .shout file, in upper case."""

    name = "shout"
    suffixes = (".shout",)
    content_types = ("text/x-shout",)

    def sniff(self, head: bytes) -> bool:
        return head.startswith(b"SHOUT")

    def read(self, source: Source) -> Iterator[Item]:
        for number, line in enumerate(source.read_bytes().decode().splitlines(), start=1):
            yield build_item(source, line.upper(), location=f"{source.location}#line={number}")


class CrashingReader(ShoutReader):
    name = "crash"
    suffixes = (".crash",)

    def read(self, source: Source) -> Iterator[Item]:
        yield build_item(source, "First article survives the crash of its reader.")
        raise RuntimeError("parser exploded")


def test_item_holds_a_document_or_an_error() -> None:
    document = make_document(TEXT)
    with pytest.raises(ValueError, match="either"):
        Item(source="x", document=document, meta=Meta(), error=InputError("e", code="S299"))
    with pytest.raises(ValueError, match="either"):
        Item(source="x")
    with pytest.raises(ValueError, match="Meta"):
        Item(source="x", document=document)
    failed = Item(source="x", error=InputError("x: broken", code="S207"))
    assert (failed.ok, failed.code, failed.reason) == (False, "S207", "x: broken")


def test_folders_are_read_recursively_by_type(tmp_path: Path) -> None:
    write(tmp_path / "b" / "story.html", article_page())
    write(tmp_path / "a.txt", TEXT)
    write(tmp_path / "story_files" / "ad.html", article_page("Advert"))  # saved-page assets
    write(tmp_path / ".cache" / "old.txt", TEXT)
    write(tmp_path / "notes.csv", "a,b\n1,2\n")
    write(tmp_path / "LICENSE", "MIT")
    write(tmp_path / "c" / "crawl.warc.gz", warc_bytes([Record("https://x.invalid/1", b"<html>")]))
    items = list(read_inputs([tmp_path]))
    sources = [item.source for item in items]
    assert sources[:2] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "story.html")]
    assert all(".cache" not in s and "_files" not in s and "csv" not in s for s in sources)
    assert all(item.origin == str(tmp_path) for item in items)
    assert items[-1].source.startswith(str(tmp_path / "c" / "crawl.warc.gz"))


def test_empty_folder_and_missing_path(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    empty, missing = read_inputs([tmp_path / "empty", tmp_path / "nope.html"])
    assert empty.code == "S201" and "no readable files" in (empty.reason or "")
    assert missing.code == "S201" and missing.origin == str(tmp_path / "nope.html")


def test_formats_are_sniffed_when_the_suffix_says_nothing(tmp_path: Path) -> None:
    page = write(tmp_path / "story.php", article_page())
    feed = write(
        tmp_path / "feed",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>'
        "W</title><item><title>T</title><description>Body text.</description></item>"
        "</channel></rss>",
    )
    warc = write(tmp_path / "capture", warc_bytes([Record("https://x.invalid/", b"")]))
    items = list(read_inputs([page, feed, warc]))
    assert items[0].ok and items[0].meta is not None and items[0].meta.publisher == "Example News"
    assert items[1].source == f"{feed}#entry=1"
    assert len(items) == 3 and items[2].code == "S202"  # the one record holds no text


def test_custom_readers_by_mapping_and_registration(tmp_path: Path) -> None:
    path = write(tmp_path / "calls.shout", "help\nfire")
    readers = {**registry(), "shout": ShoutReader()}
    docs = [item.document for item in read_inputs([path], readers=readers)]
    assert [d.text for d in docs if d is not None] == ["HELP", "FIRE"]
    assert read_inputs([path]).__next__().code == "S204"  # not registered by default

    original = dict(registry())
    try:
        register_reader(ShoutReader())
        sniffed = write(tmp_path / "calls.unknown", "SHOUT it")
        assert next(iter(read_inputs([sniffed]))).document is not None
    finally:
        registry().clear()
        registry().update(original)


def test_records_of_an_archive_are_read_by_the_readers_of_the_call(tmp_path: Path) -> None:
    # The WARC reader chooses among the caller's readers, not only the registered ones.
    record = Record("https://x.invalid/calls", b"help\nfire", content_type="text/x-shout")
    archive = write(tmp_path / "calls.warc.gz", warc_bytes([record]))
    readers = {**registry(), "shout": ShoutReader()}
    texts = [i.document.text for i in read_inputs([archive], readers=readers) if i.document]
    assert texts == ["HELP", "FIRE"]
    assert [i.document for i in read_inputs([archive])] == []  # no reader claims the record


def test_a_crashing_reader_does_not_stop_the_batch(tmp_path: Path) -> None:
    readers = {**registry(), "crash": CrashingReader()}
    crash = write(tmp_path / "x.crash", "")
    after = write(tmp_path / "after.txt", TEXT)
    first, error, last = read_inputs([crash, after], readers=readers)
    assert first.ok and last.ok
    assert error.code == "S213" and "RuntimeError: parser exploded" in (error.reason or "")
