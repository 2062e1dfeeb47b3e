"""Event coding against PLOVER's gold-standard records (sentences from the CAMEO manual).

    .venv/bin/python bench/events.py [--verbose]

Per gold sentence (one coded event each): does sitroom find an event at all (recall), is the
type of its most confident event the gold PLOVER type (top-1 accuracy), is the gold type among
its events (any-match), and do the gold source/target actor texts overlap sitroom's actor1/actor2
names. Over-coding is reported as events per sentence. "dev" is every other record (tune there);
the table reports dev, test and all. ``--verbose`` lists the dev records whose top-1 type is
right and whose target is lost or wrong (dev only: never design on the test half).
"""

from __future__ import annotations

import argparse
import itertools
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

import sitroom
from _scores import MACRO_F1_NAME, MACRO_F1_NOTE, macro_f1
from sitroom.ingest.text import make_document
from sitroom.model import Extraction
from sitroom.service import Extractor

DATA = Path(__file__).resolve().parents[1].parent / "shared/eval-data/plover-gsr-cameo"
# PLOVER 0.5 names that the 2021 types renamed.
RENAMED = {"ACCUSE": "DISAPPROVE", "REQUEST": "DEMAND"}


def load_records() -> list[dict[str, Any]]:
    raw = json.loads((DATA / "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8"))
    return [r for r in raw if r.get("event") not in (None, "DOCUMENT") and r.get("text")]


def _names(ex: Extraction, entity_id: str | None) -> set[str]:
    if entity_id is None:
        return set()
    entity = next((e for e in ex.entities if e.id == entity_id), None)
    if entity is None:
        return set()
    return {w.lower() for form in (entity.name, *entity.aliases) for w in form.split()}


def _gold_words(actors: list[dict[str, Any]] | str | None) -> set[str]:
    if not actors or isinstance(actors, str):
        return set()
    return {w.lower() for a in actors for w in str(a.get("actorText", "")).split()}


def _name(ex: Extraction, entity_id: str | None) -> str:
    entity = next((e for e in ex.entities if e.id == entity_id), None)
    return entity.name if entity is not None else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verbose", action="store_true", help="list dev target misses")
    args = parser.parse_args()
    records = load_records()
    extractor = Extractor(nlp=sitroom.load())
    started = time.perf_counter()
    documents = [make_document(r["text"]) for r in records]
    results = list(extractor.extract_many(documents))
    seconds = time.perf_counter() - started

    rows: list[dict[str, Any]] = []
    rows_gold: list[str] = []
    rows_pred: list[str | None] = []
    confusion: Counter[tuple[str, str]] = Counter()
    for n, (record, ex) in enumerate(zip(records, results, strict=True)):
        gold = RENAMED.get(record["event"], record["event"])
        events = sorted(ex.events, key=lambda e: -e.confidence)
        top = events[0] if events else None
        if top is not None:
            confusion[(gold, top.type)] += 1
        rows_gold.append(gold)
        rows_pred.append(top.type if top is not None else None)
        src_gold, tgt_gold = _gold_words(record.get("source")), _gold_words(record.get("target"))
        rows.append(
            {
                "split": "dev" if n % 2 == 0 else "test",
                "found": bool(events),
                "top1": top is not None and top.type == gold,
                "any": any(e.type == gold for e in events),
                "events": len(events),
                "source": bool(src_gold)
                and top is not None
                and bool(_names(ex, top.actor1) & src_gold),
                "target": bool(tgt_gold)
                and top is not None
                and bool(_names(ex, top.actor2) & tgt_gold),
                "confidence": top.confidence if top is not None else None,
                "has_source": bool(src_gold),
                "has_target": bool(tgt_gold),
            }
        )
        row = rows[-1]
        lost = row["top1"] and row["has_target"] and not row["target"]
        if args.verbose and row["split"] == "dev" and lost and top is not None:
            print(
                f"  tgt miss [{gold}] {record['text']!r}\n    gold {sorted(tgt_gold)}"
                f" got a1={_name(ex, top.actor1)!r} a2={_name(ex, top.actor2)!r}"
            )

    print(f"PLOVER GSR (CAMEO manual sentences): {len(records)} records, {seconds:.1f}s")
    columns = ("found", "top-1", "any", "src", "tgt", "src|t", "tgt|t")
    print(f"{'split':<6} {'n':>4} " + " ".join(f"{c:>7}" for c in columns) + f" {'ev/sent':>8}")
    for split in ("dev", "test", "all"):
        part = [r for r in rows if split == "all" or r["split"] == split]
        n = len(part)
        with_src = [r for r in part if r["has_source"]]
        with_tgt = [r for r in part if r["has_target"]]
        typed_src = [r for r in with_src if r["top1"]]
        typed_tgt = [r for r in with_tgt if r["top1"]]
        print(
            f"{split:<6} {n:>4} {sum(r['found'] for r in part) / n:>7.1%} "
            f"{sum(r['top1'] for r in part) / n:>7.1%} {sum(r['any'] for r in part) / n:>7.1%} "
            f"{sum(r['source'] for r in with_src) / max(len(with_src), 1):>7.1%} "
            f"{sum(r['target'] for r in with_tgt) / max(len(with_tgt), 1):>7.1%} "
            f"{sum(r['source'] for r in typed_src) / max(len(typed_src), 1):>7.1%} "
            f"{sum(r['target'] for r in typed_tgt) / max(len(typed_tgt), 1):>7.1%} "
            f"{sum(r['events'] for r in part) / n:>8.2f}"
        )
    print(
        "src, tgt: the top event's actor1/actor2 shares a word with the gold source/target, of "
        "the records that have one; src|t, tgt|t: the same of the records whose top-1 type is right"
    )
    print(MACRO_F1_NOTE)
    score = macro_f1(rows_gold, rows_pred)
    print(f"{MACRO_F1_NAME} over PLOVER types (top-1, all): {score:.1%}")
    print_calibration(rows)
    print("most frequent confusions (gold → top-1):")
    for (gold, got), count in confusion.most_common(40):
        if gold != got:
            print(f"  {gold:<12} → {got:<12} {count}")


def print_calibration(rows: list[dict[str, Any]]) -> None:
    """Does confidence mean something? Per confidence bin, how often the top event's type is
    right; per threshold, the precision and recall that keeping only events above it gives."""
    scored = [r for r in rows if r["confidence"] is not None]
    print("confidence calibration (top event per sentence):")
    print(f"  {'bin':<11} {'n':>5} {'mean conf':>10} {'type right':>11}")
    edges = [0.0, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01]
    for low, high in itertools.pairwise(edges):
        part = [r for r in scored if low <= r["confidence"] < high]
        if part:
            mean = sum(r["confidence"] for r in part) / len(part)
            right = sum(r["top1"] for r in part) / len(part)
            band = f"{low:.1f}–{min(high, 1.0):.1f}"
            print(f"  {band:<11} {len(part):>5} {mean:>10.2f} {right:>11.1%}")
    print(f"  {'threshold':<11} {'kept':>5} {'precision':>10} {'recall':>11}")
    for threshold in (0.0, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        kept = [r for r in scored if r["confidence"] >= threshold]
        if not kept:
            continue
        precision = sum(r["top1"] for r in kept) / len(kept)
        recall = sum(r["top1"] for r in kept) / len(rows)
        print(f"  ≥ {threshold:<9.1f} {len(kept):>5} {precision:>10.1%} {recall:>11.1%}")


if __name__ == "__main__":
    main()
