"""Screenshots of every dashboard screen over real articles from different outlets.

    PYTHONPATH=src:bench .venv/bin/python scripts/dashboard_screens.py [--out DIR]
        [--topics 37,41,45] [--per-topic 6]

Runs the real pipeline (spaCy ``en_core_web_sm``) over the Mehr News article on Panjshir from
../shared/corpus and the ECB+ "ecbplus" articles of the given topics (each opens with the URL it
was found at: its host names the outlet and a /YYYY/MM/DD/ in its path dates it), stores them in
a temporary SQLite store, serves the real app on a loopback port and photographs each screen in
Debian's chromium at 1280x800 and 400 px wide: the world map with the feed, the map filtered to
Afghanistan (labels at country zoom), the timeline, the event table, the claims board filtered
to Afghanistan and the source view of the Mehr article. The texts are read from ../shared at
run time, never copied; the PNGs go to ``DIR`` (default tests/browser/artifacts, gitignored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests")]

import sitroom  # noqa: E402
from _ecbplus import read_document  # noqa: E402 (bench/, on PYTHONPATH)
from browser.harness import CHROMIUM, CHROMIUM_ARGS, serving  # noqa: E402
from sitroom.ingest.text import make_document  # noqa: E402
from sitroom.model import Document  # noqa: E402
from sitroom.service import Extractor  # noqa: E402
from sitroom.store import Store  # noqa: E402

SHARED = ROOT.parent / "shared"
MEHR = SHARED / "corpus" / "mehr-2021-09-06-panjshir.txt"
ECB = SHARED / "eval-data" / "ecbplus-test-topics36-45"
_URL_DATE = re.compile(r"/(20\d\d)/(\d\d)(?:/|)(\d\d)?/")

SCREENS = [
    ("map-world", "?view=map", "#map .ev-icon, #map .cluster"),
    ("map-afghanistan", "?view=map&country=AF", "#map .ev-icon, #map .cluster"),
    ("timeline", "?view=timeline", "#timeline-big svg"),
    ("table", "?view=table", "#events-table tbody tr"),
    ("claims-afghanistan", "?view=claims&country=AF", "#claims-status:not([data-kind=loading])"),
]


def ecb_documents(topics: list[int], per_topic: int) -> list[Document]:
    documents = []
    for topic in topics:
        for path in sorted((ECB / str(topic)).glob("*ecbplus.xml"))[:per_topic]:
            root = ET.parse(path).getroot()
            url = "".join(t.text or "" for t in root.iter("token") if t.get("sentence") == "0")
            host = urlsplit(url).hostname or ""
            found = _URL_DATE.search(urlsplit(url).path)
            published = None
            if found and found.group(3):
                published = dt.date(int(found[1]), int(found[2]), int(found[3]))
            text = read_document(path).text
            documents.append(
                make_document(
                    text,
                    source=path.name,
                    title=text.split("\n", 1)[0][:120],
                    url=url or None,
                    publisher=host.removeprefix("www.") or None,
                    published=published,
                )
            )
    return documents


def build(folder: Path, topics: list[int], per_topic: int) -> tuple[Path, str]:
    mehr = make_document(
        MEHR.read_text(encoding="utf-8"),
        source=MEHR.name,
        title="Taliban declare victory in Panjshir",
        publisher="Mehr News Agency",
        published=dt.date(2021, 9, 6),
    )
    documents = [mehr, *ecb_documents(topics, per_topic)]
    started = time.perf_counter()
    extractor = Extractor(nlp=sitroom.load())
    db = folder / "screens.sqlite"
    with Store(str(db)) as store:
        store.migrate()
        for extraction in extractor.extract_many(documents):
            store.add(extraction)
        outlets = {d.publisher for d in documents}
        print(
            f"{len(documents)} articles from {len(outlets)} outlets, "
            f"{len(store.corpus_events())} corpus events, {time.perf_counter() - started:.0f}s"
        )
    return db, mehr.id


def shoot(db: Path, mehr_id: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    screens = [*SCREENS, ("source-mehr", f"?view=source&doc={mehr_id}", "#article-text")]
    with serving(db) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for width in (1280, 400):
            context = browser.new_context(viewport={"width": width, "height": 800})
            page = context.new_page()
            page.set_default_timeout(30_000)
            for name, query, ready in screens:
                page.goto(f"{base}/{query}")
                page.wait_for_selector(ready, state="attached")
                page.wait_for_timeout(800)
                path = out / f"corpus-{name}-{width}.png"
                page.screenshot(path=str(path))
                written.append(path)
            context.close()
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "browser" / "artifacts")
    parser.add_argument("--topics", default="37,41,45")
    parser.add_argument("--per-topic", type=int, default=6)
    args = parser.parse_args()
    topics = [int(t) for t in args.topics.split(",") if t]
    with tempfile.TemporaryDirectory() as folder:
        db, mehr_id = build(Path(folder), topics, args.per_topic)
        for path in shoot(db, mehr_id, args.out):
            print(path)


if __name__ == "__main__":
    main()
