"""Where did the event happen? Halterman's event-location gold (the RELABEL records).

    .venv/bin/python bench/event_location.py [--errors dev]

Each record is one news sentence with an event verb marked and, when the sentence says where
that event happened, the location span. sitroom reads the sentence alone (no publication date,
no article around it, so the document-focus fallback never applies); the event whose trigger
overlaps the marked verb is compared with the gold location:

- recall: of the gold locations, how many sitroom places there (place mention overlaps the span);
- precision: of the events sitroom places, how many are at the gold location;
- false places: of the records whose event has no location in the sentence, how many sitroom
  places anyway;
- found: records where sitroom has an event on the marked verb at all.

"dev" is every other record (tune there); the table reports dev, test and all. The data is read
from ../shared/eval-data (a zip of one JSON array) and never copied here.

``--errors dev`` lists the dev half's wrong, missing and false places, each with its sentence,
the marked verb, the gold span and what sitroom chose (and on what basis). Only the dev half:
the test half's errors are never printed.
"""

from __future__ import annotations

import argparse
import json
import time
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import sitroom
from _scores import prf
from sitroom.ingest.text import make_document
from sitroom.model import Extraction
from sitroom.service import Extractor

DATA = Path(__file__).resolve().parents[1].parent / "shared/eval-data/event-location-halterman"


def load_records() -> list[dict[str, Any]]:
    with zipfile.ZipFile(DATA / "labeled_text.jsonl.zip") as archive:
        raw = json.loads(archive.read("labeled_text.jsonl").decode("utf-8"))
    return [r for r in raw if r.get("source") == "RELABEL" and r.get("answer") == "accept"]


def _span(record: dict[str, Any], label: str) -> tuple[int, int] | None:
    """Character offsets of the first span with ``label``, from its token indices: in the
    relabelled records the spans' own start/end of LOCATION are token numbers, not offsets."""
    tokens = record.get("tokens") or []
    for span in record.get("spans") or []:
        if span["label"] != label:
            continue
        first, last = span.get("token_start"), span.get("token_end")
        if first is not None and last is not None and last < len(tokens):
            return (tokens[first]["start"], tokens[last]["end"])
        return (span["start"], span["end"])
    return None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def judge(record: dict[str, Any], ex: Extraction) -> dict[str, Any]:
    verb = _span(record, "VERB")
    gold = _span(record, "LOCATION")
    event = next((e for e in ex.events if verb and _overlaps(e.trigger, verb)), None)
    place = None
    if event is not None and event.place is not None:
        place = next((p for p in ex.places if p.id == event.place), None)
    right = bool(gold and place and any(_overlaps(m, gold) for m in place.mentions))
    chose = None
    if place is not None:
        said = [record["text"][m[0] : m[1]] for m in place.mentions]
        chose = f"{place.name} ({place.kind}, {place.country}) said as {said}"
    return {
        "found": event is not None,
        "gold": gold is not None,
        "placed": place is not None,
        "right": right,
        "basis": event.place_basis if event is not None and place is not None else None,
        "chose": chose,
    }


def _error_kind(row: dict[str, Any]) -> str | None:
    """How a record went wrong: a place other than the gold one, no place where the gold has
    one, a place where the gold has none; None when right (or when the verb has no event)."""
    if not row["found"] or row["right"]:
        return None
    if row["gold"]:
        return "wrong" if row["placed"] else "missing"
    return "false" if row["placed"] else None


def print_errors(records: list[dict[str, Any]], rows: list[dict[str, Any]]) -> None:
    """The dev half's errors, grouped by kind, with what the reader needs to find their cause."""
    for kind in ("wrong", "missing", "false"):
        listed = [
            (record, row)
            for record, row in zip(records, rows, strict=True)
            if row["split"] == "dev" and _error_kind(row) == kind
        ]
        print(f"\n== {kind}: {len(listed)}")
        for record, row in listed:
            text = record["text"]
            verb, gold = _span(record, "VERB"), _span(record, "LOCATION")
            print(f"- {' '.join(text.split())}")
            print(
                f"  verb={text[verb[0] : verb[1]] if verb else None!r} "
                f"gold={text[gold[0] : gold[1]] if gold else None!r} "
                f"chose={row['chose']} basis={row['basis']}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--errors", choices=["dev"], default=None, help="list a half's errors (dev only)"
    )
    args = parser.parse_args()
    records = load_records()
    extractor = Extractor(nlp=sitroom.load())
    started = time.perf_counter()
    results = list(extractor.extract_many(make_document(r["text"]) for r in records))
    seconds = time.perf_counter() - started
    rows = [judge(r, ex) for r, ex in zip(records, results, strict=True)]
    for n, row in enumerate(rows):
        row["split"] = "dev" if n % 2 == 0 else "test"

    print(f"Event location (Halterman 2019, RELABEL): {len(records)} sentences, {seconds:.1f}s")
    print(
        f"{'split':<6} {'n':>4} {'found':>7} {'gold loc':>9} {'P':>6} {'R':>6} {'F1':>6} "
        f"{'false places':>13}"
    )
    for split in ("dev", "test", "all"):
        part = [r for r in rows if split == "all" or r["split"] == split]
        placed = [r for r in part if r["placed"]]
        with_gold = [r for r in part if r["gold"]]
        without = [r for r in part if not r["gold"]]
        right = sum(r["right"] for r in part)
        precision, recall, f1 = prf(right, len(placed), right, len(with_gold))
        false_rate = sum(r["placed"] for r in without) / max(len(without), 1)
        print(
            f"{split:<6} {len(part):>4} {sum(r['found'] for r in part) / len(part):>7.1%} "
            f"{len(with_gold):>9} {precision:>6.1%} {recall:>6.1%} {f1:>6.1%} "
            f"{false_rate:>13.1%}"
        )
    found = [r for r in rows if r["found"]]
    with_gold = [r for r in found if r["gold"]]
    print(
        f"on the {len(found)} records whose verb sitroom codes: recall "
        f"{sum(r['right'] for r in with_gold) / max(len(with_gold), 1):.1%} of "
        f"{len(with_gold)} gold locations"
    )
    bases = Counter(r["basis"] for r in rows if r["placed"])
    right = Counter(r["basis"] for r in rows if r["right"])
    print("by place basis: " + ", ".join(f"{b} {right[b]}/{n} right" for b, n in bases.items()))
    if args.errors == "dev":
        print_errors(records, rows)


if __name__ == "__main__":
    main()
