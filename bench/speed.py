"""Extraction speed: per-stage time on real articles, and sitroom's cost as a share of the parse.

    .venv/bin/python bench/speed.py [--runs 7] [FILES...]

Defaults to the corpus article in ../shared/corpus. The model is loaded once, before timing; each
run processes every file; the table gives the median over runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from pathlib import Path

import sitroom
from sitroom.ingest.text import make_document
from sitroom.nlp.convert import to_extraction

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT = [SHARED / "corpus" / "mehr-2021-09-06-panjshir.txt"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--published", default="2021-09-06")
    args = parser.parse_args()

    started = time.perf_counter()
    nlp = sitroom.load()
    texts = [p.read_text(encoding="utf-8") for p in args.files]
    published = dt.date.fromisoformat(args.published)
    documents = [make_document(t, published=published) for t in texts]
    words = sum(len(t.split()) for t in texts)
    # Warm-up: builds or opens the gazetteer and loads the lexicons.
    for document in documents:
        doc = nlp.make_doc(document.text)
        doc._.sitroom_published = document.published
        to_extraction(nlp(doc), document)
    load_s = time.perf_counter() - started

    per_stage: dict[str, list[float]] = {name: [] for name in ["tokenize", *nlp.pipe_names]}
    per_stage["convert"] = []
    totals: list[float] = []
    for _ in range(args.runs):
        stage_time = dict.fromkeys(per_stage, 0.0)
        t_run = time.perf_counter()
        for document in documents:
            t0 = time.perf_counter()
            doc = nlp.make_doc(document.text)
            doc._.sitroom_published = document.published
            stage_time["tokenize"] += time.perf_counter() - t0
            for name, proc in nlp.pipeline:
                t0 = time.perf_counter()
                doc = proc(doc)
                stage_time[name] += time.perf_counter() - t0
            t0 = time.perf_counter()
            to_extraction(doc, document)
            stage_time["convert"] += time.perf_counter() - t0
        totals.append(time.perf_counter() - t_run)
        for name, value in stage_time.items():
            per_stage[name].append(value)

    medians = {name: statistics.median(values) for name, values in per_stage.items()}
    spacy_s = sum(v for k, v in medians.items() if not k.startswith("sitroom_") and k != "convert")
    ours_s = sum(v for k, v in medians.items() if k.startswith("sitroom_") or k == "convert")
    total = statistics.median(totals)
    print(
        f"{len(documents)} article(s), {words} words, {args.runs} runs, "
        f"model + data load {load_s:.2f}s"
    )
    print(f"{'stage':<18} {'median ms':>10} {'share':>7}")
    for name, value in medians.items():
        print(f"{name:<18} {value * 1000:>10.1f} {value / total:>7.1%}")
    print(f"{'spaCy (all)':<18} {spacy_s * 1000:>10.1f} {spacy_s / total:>7.1%}")
    print(f"{'sitroom (all)':<18} {ours_s * 1000:>10.1f} {ours_s / total:>7.1%}")
    print(f"{'total':<18} {total * 1000:>10.1f}   {words / total:,.0f} words/s")
    print(f"sitroom cost / spaCy cost = {ours_s / spacy_s:.2f}")


if __name__ == "__main__":
    main()
