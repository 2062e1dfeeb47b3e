"""One batch of everything an analyst may hand over, good and bad, read in a single pass."""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path

from sitroom.ingest import Fetcher, NearDuplicateIndex, read_inputs
from unit.ingest.builders import BODY, Record, Route, article_page, serve, warc_bytes, write

STORY = "\n\n".join(BODY)
RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Feed story</title><description>Talks between the two sides resumed in Juba on
Friday, mediators said, after a week of clashes near the border.</description></item>
</channel></rss>"""


def test_mixed_batch_with_every_kind_of_bad_input(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    write(folder / "good.txt", "Aid convoys reached Mellit on Sunday, the United Nations said.")
    write(folder / "empty.txt", b"")
    write(folder / "photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    write(folder / "cut-utf8.txt", "They said \u201cenough\u201d.".encode() + b"\xe2\x80")
    write(folder / "page.html", article_page())
    with (folder / "huge.html").open("wb") as out:
        out.truncate(50 * 1024 * 1024)
    write(folder / "wire.rss", RSS)
    write(folder / "broken.rss", RSS[: RSS.index("<item>") + 20])
    archive = warc_bytes(
        [
            Record(f"https://ex.invalid/2020/01/0{i}/story", article_page(f"Story {i}").encode())
            for i in range(1, 4)
        ]
    )
    write(folder / "crawl.warc.gz", archive)
    write(folder / "cut.warc.gz", archive[: len(archive) - 40])
    lines = [json.dumps({"text": STORY + " An extra closing line.", "title": "Copy"}), "{oops"]
    write(folder / "export.jsonl", "\n".join(lines) + "\n")
    write(folder / "export2.jsonl.gz", gzip.compress(b'{"text": "Short item from a gz export."}\n'))

    routes = {
        "/ok": Route(body=article_page("Online").encode()),
        "/boom": Route(status=500),
        "/slow": Route(body=b"late", delay=1.0),
    }
    started = time.perf_counter()
    with (
        serve(routes) as server,
        Fetcher(timeout=0.3, retries=1, sleep=lambda _: None, allow_private=True) as fetch,
    ):
        urls = [server.url(p) for p in ("/ok", "/missing", "/boom", "/slow")]
        items = list(read_inputs([folder, *urls], fetcher=fetch))
    assert time.perf_counter() - started < 10

    by_source = {item.source: item for item in items}
    errors = {
        Path(s).name if s.startswith("/") else s: i.code for s, i in by_source.items() if not i.ok
    }
    assert errors == {
        "empty.txt": "S202",
        "photo.txt": "S203",
        "cut-utf8.txt": "S203",
        "huge.html": "S206",
        "broken.rss#entry=1": "S202",  # recovered from the broken XML, but with no text
        "broken.rss": "S207",
        "cut.warc.gz#record=3": "S208",
        "cut.warc.gz": "S208",
        "export.jsonl#line=2": "S211",
        urls[1]: "S209",
        urls[2]: "S209",
        urls[3]: "S210",
    }
    assert all(
        item.reason and item.source.split("#")[0] in item.reason for item in items if not item.ok
    )
    good = [item for item in items if item.ok]
    assert (
        len(good) == 1 + 1 + 1 + 3 + 2 + 1 + 1 + 1
    )  # txt, html, rss, warc, cut warc, jsonl x2, url
    origins = {item.origin for item in items}
    assert origins == {str(folder), *urls}

    # The JSONL copy of the page (new title, extra closing line) is a near-duplicate.
    index = NearDuplicateIndex()
    page = by_source[str(folder / "page.html")]
    assert page.document is not None
    index.add(page.document.id, page.document.text)
    copy = by_source[f"{folder / 'export.jsonl'}#line=1"]
    assert copy.document is not None
    assert [doc_id for doc_id, _ in index.query(copy.document.text)] == [page.document.id]
