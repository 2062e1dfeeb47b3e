"""Peak memory and time against the length of one document (issue 19, item 1).

    .venv/bin/python bench/long_documents.py [--lengths 10000,100000,...] [--text article|lines]

Each length runs in a fresh process (peak RSS is per process): the pipeline is loaded and warmed
up, then ``Extractor.extract`` runs once on one document of that many characters, made by
repeating the corpus article (``article``, in ../shared/corpus) or the line ``Go.`` (``lines``,
the densest text in tokens per character the audit found). Prints one table row per length:
characters, seconds, peak RSS of the process, RSS after loading, and what came out (or the
coded error of a document over ``max_document_chars``).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ARTICLE = SHARED / "corpus" / "mehr-2021-09-06-panjshir.txt"
DEFAULT_LENGTHS = "10000,100000,500000,1000000,1000001"


def _peak_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def one(length: int, kind: str) -> str:
    from sitroom.errors import SitroomError
    from sitroom.ingest.text import make_document
    from sitroom.service import Extractor
    from sitroom.service.batch import WARMUP_TEXT

    base = ARTICLE.read_text(encoding="utf-8") if kind == "article" else "Go.\n"
    text = (base * (length // len(base) + 1))[:length]
    extractor = Extractor()
    extractor.extract(make_document(WARMUP_TEXT))
    loaded = _peak_mb()
    started = time.perf_counter()
    try:
        found = extractor.extract(make_document(text))
        result = f"{len(found.events)} events, {len(found.figures)} figures"
    except SitroomError as exc:
        result = f"refused [{exc.code}]"
    seconds = time.perf_counter() - started
    return f"| {length:>9,} | {seconds:8.1f} | {_peak_mb():6d} | {loaded:6d} | {result} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", default=DEFAULT_LENGTHS)
    parser.add_argument("--text", choices=("article", "lines"), default="article")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.one is not None:
        print(one(args.one, args.text), flush=True)
        return
    if args.text == "article" and not ARTICLE.is_file():
        sys.exit(f"needs {ARTICLE} (the shared corpus beside the repository)")
    print(f"text: {args.text}")
    print("| characters | seconds | peak RSS MB | after load MB | result |")
    print("|---:|---:|---:|---:|---|")
    for length in (int(v) for v in args.lengths.split(",")):
        command = [sys.executable, __file__, "--one", str(length), "--text", args.text]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        row = done.stdout.strip() or f"| {length:,} | failed: {done.stderr.strip()[-300:]} |"
        print(row, flush=True)


if __name__ == "__main__":
    main()
