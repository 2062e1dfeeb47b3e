"""Dump sitroom's full extraction of every corpus a benchmark reads, one JSONL file per corpus.

    PYTHONPATH=src:bench .venv/bin/python scripts/dump_extractions.py --out DIR
        [--only NAME,NAME] [--jobs N]
    PYTHONPATH=src:bench .venv/bin/python scripts/dump_extractions.py --list
    PYTHONPATH=src:bench .venv/bin/python scripts/dump_extractions.py --compare DIR_A DIR_B

Made for refactors that promise "nothing changes for users": dump before, dump after, compare.
Every text goes through the whole pipeline (``Extractor.extract_many``, as the benches run it,
batches of 8), even where a bench runs only some components (``geoparse``: places; ``temporal``:
times; ``ner``: places and actors), so one dump covers every stage's output. The texts are read
from ../shared at run time by the benches' own readers (imported from ``bench/``), never copied;
where a bench reads part of a corpus, the dump holds that part.

Output: ``DIR/NAME.jsonl``, one line per text in the reader's order:
``{"id": ..., "extraction": ...}`` with sorted keys. The id is the text's position in what the
bench reads (five digits), followed by the corpus's own name for it where it has one. The
extraction is ``Extraction`` as JSON (by alias) with one field dropped: ``document.text``, the
input itself (``document.id`` is its hash, so a changed text still shows). Nothing else in an
extraction depends on the run: its ids are numbered within the document, and it holds no
clocks. The wall time of each corpus is printed, not written, so that two dumps of equal output
are equal files. With ``--jobs N`` the texts go to N processes in chunks of a multiple of the
batch size, so every batch is the one a single process would run.

``--compare DIR_A DIR_B`` reports, per corpus file, how many texts are equal, changed, only in
one dump, and for the first ``--show`` changed ones which parts of the extraction differ (with
``--detail N``, up to N lines of a diff of each part, one item a line); it exits with 1 when
anything differs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))  # the benches' readers, as PYTHONPATH=src:bench does

BATCH = 8  # Extractor.extract_many's default batch, as every bench uses it
CHUNK = 8 * BATCH  # texts per task with --jobs: whole batches only


@dataclass(frozen=True)
class Text:
    id: str
    text: str
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None


def _numbered(texts: Iterable[tuple[str, str]]) -> list[Text]:
    """Texts with position ids (plus the corpus's own name when the pair has one)."""
    return [
        Text(f"{n:05d}" + (f":{name}" if name else ""), text)
        for n, (name, text) in enumerate(texts)
    ]


# -- the corpora, each read by its bench's reader ------------------------------------------------


def plover() -> list[Text]:
    """bench/events.py: the PLOVER GSR records with an event and a text."""
    import events

    return _numbered(("", r["text"]) for r in events.load_records())


def event_location() -> list[Text]:
    """bench/event_location.py: Halterman's accepted RELABEL sentences."""
    import event_location

    return _numbered(("", r["text"]) for r in event_location.load_records())


def case2021() -> list[Text]:
    """bench/acled.py: the CASE 2021 task 2 test snippets (its reading is inline: same call)."""
    import csv

    import acled

    with acled.DATA.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return _numbered((r["id"], r["EventSnippet"]) for r in rows)


def glocon_sentences() -> list[Text]:
    """bench/protest.py: GLOCON's sentences, each its own text."""
    import protest

    return _numbered(("", r["sentence"]) for r in protest.read_jsonl("Sabinet_sentences.jsonl"))


def glocon_documents() -> list[Text]:
    """bench/protest.py: GLOCON's documents (skipped there with --no-documents)."""
    import protest

    return _numbered((r["url"], r["text"]) for r in protest.read_jsonl("Sabinet_R_documents.jsonl"))


def petrarch2() -> list[Text]:
    """bench/petrarch.py: the evaluated PETRARCH-2 validation sentences."""
    import petrarch

    return _numbered(("", text) for text, _ in petrarch.load(petrarch._iso3_to_iso2()))


def polnear() -> list[Text]:
    """bench/attribution.py: the PolNeAR test articles, with their publication dates."""
    import attribution

    return [
        Text(f"{n:05d}:{a.name}", a.text, published=a.published)
        for n, a in enumerate(attribution.articles(attribution.DATA))
    ]


def tempeval3() -> list[Text]:
    """bench/temporal.py: the TempEval-3 platinum texts, anchored on their creation dates."""
    import _timeml
    import temporal

    return [
        Text(f"{n:05d}:{d.name}", d.text, published=d.dct)
        for n, d in enumerate(_timeml.read_corpus(temporal.DATA))
    ]


def _gritta(corpus: str) -> Callable[[], list[Text]]:
    def read() -> list[Text]:
        import geoparse

        file_name, reader = geoparse.CORPORA[corpus]
        return _numbered(("", a.text) for a in reader(geoparse.DATA / file_name))

    read.__doc__ = f"bench/geoparse.py: the {corpus} articles."
    return read


def conll2003() -> list[Text]:
    """bench/ner.py: the eng.testb documents, their tokens joined by spaces (the bench builds the
    Doc from the tokens; here spaCy tokenises the joined text, the same before and after)."""
    import ner

    return _numbered(("", " ".join(words)) for words, _ in ner.documents(ner.DATA))


def ecbplus() -> list[Text]:
    """bench/merge.py part 1: the detokenised ECB+ documents of topics 36-45."""
    import _ecbplus
    import merge

    documents, _ = _ecbplus.read_corpus(merge.ECB)
    return _numbered((d.name, d.text) for d in documents)


def news() -> list[Text]:
    """bench/ingest.py and bench/merge.py part 2: Wikinews 2019-2020, GeoWebNews and TR-News as
    ingest's reader gives them, in its order (merge shuffles 600 of them; its numbered repeats
    past 612 are not dumped), with the title, URL and date merge gives the Document."""
    import ingest
    from sitroom.ingest.text import parse_date

    return [
        Text(f"{n:05d}", a.text, parse_date(a.date), a.title, a.url or None)
        for n, a in enumerate(ingest.load_articles())
    ]


def corpus_article() -> list[Text]:
    """bench/speed.py: the corpus article, published on the date speed.py gives it."""
    import speed

    return [
        Text(f"{n:05d}:{path.name}", path.read_text(encoding="utf-8"), dt.date(2021, 9, 6))
        for n, path in enumerate(speed.DEFAULT)
    ]


CORPORA: dict[str, Callable[[], list[Text]]] = {
    "plover-gsr": plover,
    "event-location": event_location,
    "case2021": case2021,
    "glocon-sentences": glocon_sentences,
    "glocon-documents": glocon_documents,
    "petrarch2": petrarch2,
    "polnear": polnear,
    "tempeval3": tempeval3,
    "lgl": _gritta("LGL"),
    "tr-news": _gritta("TR-News"),
    "geowebnews": _gritta("GeoWebNews"),
    "geovirus": _gritta("GeoVirus"),
    "conll2003": conll2003,
    "ecbplus": ecbplus,
    "news": news,
    "corpus-article": corpus_article,
}


# -- extraction ----------------------------------------------------------------------------------

_EXTRACTOR: Any = None  # one per process, made by _start


def _start() -> None:
    import sitroom
    from sitroom.ingest.text import make_document
    from sitroom.service import Extractor

    global _EXTRACTOR
    _EXTRACTOR = Extractor(nlp=sitroom.load())
    # Warm-up outside the timings: builds or opens the gazetteer, loads the lexicons.
    _EXTRACTOR.extract(make_document("Rebels attacked Kadugli on Monday."))


def _ready(_: int) -> None:
    time.sleep(1)  # long enough that each worker takes one of these tasks


def _dump(texts: list[Text]) -> list[str]:
    from sitroom.ingest.text import make_document

    documents = [
        make_document(t.text, source=t.id, title=t.title, url=t.url, published=t.published)
        for t in texts
    ]
    lines = []
    for text, ex in zip(texts, _EXTRACTOR.extract_many(documents, batch_size=BATCH), strict=True):
        data = ex.model_dump(mode="json", by_alias=True)
        del data["document"]["text"]  # the input; document.id is its hash
        row = {"extraction": data, "id": text.id}
        lines.append(json.dumps(row, sort_keys=True, ensure_ascii=False))
    return lines


def dump(names: list[str], out: Path, jobs: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    pool = ProcessPoolExecutor(jobs, initializer=_start) if jobs > 1 else None
    if pool is None:
        _start()
    else:
        list(pool.map(_ready, range(jobs)))  # the workers' model loads, before any timing
    print(f"{'corpus':<18} {'texts':>6} {'seconds':>8}", flush=True)
    try:
        for name in names:
            started = time.perf_counter()
            texts = CORPORA[name]()
            if len({t.id for t in texts}) != len(texts):
                raise SystemExit(f"{name}: ids are not unique")
            chunks = [texts[i : i + CHUNK] for i in range(0, len(texts), CHUNK)]
            parts = pool.map(_dump, chunks) if pool is not None else map(_dump, chunks)
            target = out / f"{name}.jsonl"
            with target.open("w", encoding="utf-8") as fh:
                for lines in parts:
                    fh.writelines(line + "\n" for line in lines)
            print(f"{name:<18} {len(texts):>6} {time.perf_counter() - started:>8.1f}", flush=True)
    finally:
        if pool is not None:
            pool.shutdown()


# -- comparing two dumps -------------------------------------------------------------------------


def _read(path: Path) -> dict[str, dict[str, Any]]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        rows = (json.loads(line) for line in fh if line.strip())
        return {row["id"]: row["extraction"] for row in rows}


def _changed_lines(left: dict[str, Any], right: dict[str, Any], part: str, limit: int) -> list[str]:
    """A unified diff of one part of two extractions, one JSON item a line, at most ``limit``."""
    import difflib

    def lines(value: Any) -> list[str]:
        items = value if isinstance(value, list) else [value]
        return [json.dumps(item, sort_keys=True, ensure_ascii=False) for item in items]

    diff = difflib.unified_diff(lines(left.get(part)), lines(right.get(part)), lineterm="", n=0)
    return [line for line in diff if not line.startswith(("---", "+++", "@@"))][:limit]


def compare(a: Path, b: Path, show: int, detail: int) -> bool:
    """Print the differences between two dump folders; True when they hold the same output."""
    same_everywhere = True
    files = sorted({p.name for p in (*a.glob("*.jsonl"), *b.glob("*.jsonl"))})
    print(f"{'corpus':<18} {'texts':>6} {'equal':>6} {'changed':>8} {'only A':>7} {'only B':>7}")
    for file_name in files:
        left, right = _read(a / file_name), _read(b / file_name)
        common = [key for key in left if key in right]
        changed = [key for key in common if left[key] != right[key]]
        only_a, only_b = len(left.keys() - right.keys()), len(right.keys() - left.keys())
        same_everywhere &= not (changed or only_a or only_b)
        print(
            f"{file_name.removesuffix('.jsonl'):<18} {len(left.keys() | right.keys()):>6} "
            f"{len(common) - len(changed):>6} {len(changed):>8} {only_a:>7} {only_b:>7}"
        )
        for key in changed[:show]:
            keys = left[key].keys() | right[key].keys()
            parts = sorted(k for k in keys if left[key].get(k) != right[key].get(k))
            print(f"    {key}: {', '.join(parts)}")
            for part in parts if detail else ():
                for line in _changed_lines(left[key], right[key], part, detail):
                    print(f"      {part} {line}")
    return same_everywhere


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder for the NAME.jsonl files")
    parser.add_argument("--only", help="comma-separated corpus names (default: all; see --list)")
    parser.add_argument("--jobs", type=int, default=1, help="processes (default 1)")
    parser.add_argument("--list", action="store_true", help="list the corpora and exit")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("DIR_A", "DIR_B"))
    parser.add_argument("--show", type=int, default=10, help="changed ids listed per corpus")
    parser.add_argument(
        "--detail", type=int, default=0, help="with --compare: diff lines shown per changed part"
    )
    args = parser.parse_args()
    if args.list:
        for name, read in CORPORA.items():
            print(f"{name:<18} {(read.__doc__ or '').splitlines()[0]}")
        return
    if args.compare:
        before, after = args.compare
        sys.exit(0 if compare(before, after, show=args.show, detail=args.detail) else 1)
    if args.out is None:
        parser.error("--out is required (or --list, --compare)")
    names = args.only.split(",") if args.only else list(CORPORA)
    unknown = [n for n in names if n not in CORPORA]
    if unknown:
        parser.error(f"unknown corpus {', '.join(unknown)}; known: {', '.join(CORPORA)}")
    dump(names, args.out, max(1, args.jobs))


if __name__ == "__main__":
    main()
