"""PROTEST detection and over-coding on the GLOCON gold public sample (South-African news).

    .venv/bin/python bench/protest.py [--errors dev|test] [--show N] [--no-documents]

Data (read at run time from ``../shared/eval-data/glocon-gold-sample/``, internal evaluation
only; see its ``SOURCE.md``):

- ``Sabinet_sentences.jsonl``: 1,952 sentences of 109 documents, label 1 = the sentence reports a
  protest event, 0 = it does not.
- ``Sabinet_R_documents.jsonl``: 1,050 documents, label 1 = the document reports a protest event.

Label 2 (14 sentences, 5 documents) is not documented upstream; its items are protests that are
planned, threatened, called for or called off ("will lead a march", "threatened to strike").
They are left out of precision, recall and the false-positive rate; the "lab 2" column shows how
many of them sitroom codes as PROTEST.

Each sentence is run through the full pipeline as its own text (``Extractor.extract_many``,
batched ``nlp.pipe``), each document as a whole. An item is predicted positive when sitroom codes
at least one event of PLOVER type PROTEST in it, whatever its modality. ACLED types are not
counted: events of other PLOVER types that carry an ACLED "Protests"/"Riots" type (police
dispersing a crowd, a lynching) are reported in the "+ACLED" column, the F1 a positive rule of
"PROTEST or ACLED Protests/Riots" would give, for information.

Reported per split, sentences: precision, recall and F1 of PROTEST; the false-positive rate on
label-0 sentences (share of no-protest sentences given a PROTEST event — the over-coding guard of
issue #5); for information the share of label-0 sentences given any event (they may hold other
event types) and events per label-0 sentence. Documents: precision, recall, F1 and the
false-positive rate. Cost: milliseconds of the full pipeline per sentence.

GLOCON's protest events are wider than PLOVER's PROTEST: in this sample militant attacks,
bombings and clashes between groups are labelled 1 too, so sentences sitroom codes ASSAULT/FIGHT
count as misses and recall cannot get near 100% by this rule.

Split by document: "dev" when the CRC-32 of the document's ``url`` is even (tune there), "test"
when it is odd; a sentence goes with its document.
"""

from __future__ import annotations

import argparse
import json
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sitroom
from _scores import prf
from sitroom.ingest.text import make_document
from sitroom.model import Event, Extraction
from sitroom.service import Extractor

DATA = Path(__file__).resolve().parents[1].parent / "shared/eval-data/glocon-gold-sample"
ACLED_PROTEST = {"Protests", "Riots"}


@dataclass(frozen=True)
class Item:
    url: str
    split: str
    label: int
    text: str
    events: tuple[Event, ...]

    @property
    def protest(self) -> bool:
        return any(e.type == "PROTEST" for e in self.events)

    @property
    def protest_or_acled(self) -> bool:
        return any(
            e.type == "PROTEST" or (e.acled is not None and e.acled.event_type in ACLED_PROTEST)
            for e in self.events
        )


def split_of(url: str) -> str:
    return "test" if zlib.crc32(url.encode("utf-8")) % 2 else "dev"


def read_jsonl(name: str) -> list[dict[str, Any]]:
    with (DATA / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def code(extractor: Extractor, records: list[dict[str, Any]], key: str) -> tuple[list[Item], float]:
    started = time.perf_counter()
    documents = [make_document(r[key]) for r in records]
    results: Iterable[Extraction] = extractor.extract_many(documents)
    items = [
        Item(r["url"], split_of(r["url"]), int(r["label"]), r[key], tuple(ex.events))
        for r, ex in zip(records, results, strict=True)
    ]
    return items, time.perf_counter() - started


def _f1(part: list[Item], positive: str) -> tuple[float, float, float]:
    scored = [i for i in part if i.label in (0, 1)]
    pred = [i for i in scored if getattr(i, positive)]
    tp = sum(i.label == 1 for i in pred)
    return prf(tp, len(pred), tp, sum(i.label == 1 for i in scored))


def _share(items: list[Item], hit: Any) -> float:
    return sum(bool(hit(i)) for i in items) / len(items) if items else 0.0


def print_table(title: str, items: list[Item], *, sentences: bool) -> None:
    print(title)
    extra = f" {'any ev':>7} {'ev/sent':>7}" if sentences else ""
    print(
        f"{'split':<6} {'n':>5} {'pos':>4} {'P':>6} {'R':>6} {'F1':>6} {'FP@0':>6}"
        f"{extra} {'+ACLED':>7} {'lab 2':>7}"
    )
    for split in ("dev", "test", "all"):
        part = [i for i in items if split in ("all", i.split)]
        negative = [i for i in part if i.label == 0]
        two = [i for i in part if i.label == 2]
        p, r, f = _f1(part, "protest")
        row = (
            f"{split:<6} {len(part):>5} {sum(i.label == 1 for i in part):>4} "
            f"{p:>6.1%} {r:>6.1%} {f:>6.1%} {_share(negative, lambda i: i.protest):>6.1%}"
        )
        if sentences:
            per = sum(len(i.events) for i in negative) / max(len(negative), 1)
            row += f" {_share(negative, lambda i: i.events):>7.1%} {per:>7.2f}"
        row += f" {_f1(part, 'protest_or_acled')[2]:>7.1%}"
        row += f" {f'{sum(i.protest for i in two)}/{len(two)}':>7}"
        print(row)


def show_errors(items: list[Item], split: str, limit: int) -> None:
    part = [i for i in items if i.split == split]
    misses = [i for i in part if i.label == 1 and not i.protest]
    false = [i for i in part if i.label == 0 and i.protest]
    for heading, group in (("missed (label 1, no PROTEST)", misses), ("false PROTEST", false)):
        print(f"\n{split}: {heading}: {len(group)}")
        for item in group[:limit]:
            coded = ", ".join(
                f"{e.type}:{item.text[e.trigger[0] : e.trigger[1]]}"
                + (f"/{e.modality}" if e.modality != "asserted" else "")
                for e in item.events
            )
            print(f"  - {item.text[:300]}\n      [{coded or 'no event'}]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", choices=("dev", "test"), help="list sentence misses of a split")
    parser.add_argument("--show", type=int, default=40, help="sentences shown per kind of miss")
    parser.add_argument("--no-documents", action="store_true", help="skip the document level")
    args = parser.parse_args()

    extractor = Extractor(nlp=sitroom.load())
    sentences, seconds = code(extractor, read_jsonl("Sabinet_sentences.jsonl"), "sentence")
    print_table(
        f"GLOCON sentences: {len(sentences)} from {len({i.url for i in sentences})} "
        f"documents, {seconds:.1f}s",
        sentences,
        sentences=True,
    )
    if not args.no_documents:
        documents, doc_seconds = code(extractor, read_jsonl("Sabinet_R_documents.jsonl"), "text")
        print()
        print_table(
            f"GLOCON documents: {len(documents)}, {doc_seconds:.1f}s", documents, sentences=False
        )
    print(f"\ncost: {1000 * seconds / len(sentences):.1f} ms per sentence (full pipeline, batched)")
    if args.errors:
        show_errors(sentences, args.errors, args.show)


if __name__ == "__main__":
    main()
