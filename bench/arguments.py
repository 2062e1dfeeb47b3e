"""Who did what to whom, where: sitroom's event arguments on 49 real Wikinews conflict reports.

    PYTHONPATH=src:bench .venv/bin/python bench/arguments.py [--split dev|test|all] [--verbose]
    PYTHONPATH=src:bench .venv/bin/python bench/arguments.py --check-selection

The gold set is ``bench/gold/arguments/*.yaml``, annotated under ``docs/annotation.md`` (which
articles, how they were split, what an event is, every field). Only the annotations live here;
the article texts are read from ``../shared/eval-data/wikinews-2019-2020-vanatteveldt`` (English
Wikinews, CC BY 2.5) and the bench stops with a message when that folder is absent.

sitroom's full pipeline reads each article's text with the CSV's date as publication date.
Predicted events are aligned to gold events by trigger overlap or, with a compatible type, by
sentence; the scores (event-tuple P/R/F1 over type + actor1 + place within 25 km, per-slot
accuracy on found events, predicted in-scope events per 1,000 words, unmatched predictions) are
defined in ``bench/_arguments_gold.py``'s docstring. All are micro scores (pooled events).
Tune on dev only; test is the held-out half.

``--verbose`` lists every gold event not found, every found event with a wrong slot, and every
unmatched in-scope prediction. ``--check-selection`` recomputes the article selection and split
from the CSVs and compares them with the gold files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections import Counter

import sitroom
from _arguments_gold import (
    PRECISION_TYPES,
    WIKINEWS,
    ArticleScore,
    GoldArticle,
    SlotCounts,
    load_gold,
    misaligned,
    read_wikinews,
    score_article,
    selected,
)
from _scores import pct, prf
from sitroom.ingest.text import make_document
from sitroom.service import Extractor


def check_selection(gold: list[GoldArticle], rows: list[dict[str, str]]) -> bool:
    rule = selected(rows)
    have = {a.url: a.split for a in gold}
    if rule == have:
        print(f"selection and split reproduced: {len(rule)} articles, same splits")
        return True
    for url in sorted(set(rule) | set(have)):
        if rule.get(url) != have.get(url):
            print(f"differs: {url}: rule {rule.get(url)}, gold files {have.get(url)}")
    return False


def print_counts(gold: list[GoldArticle]) -> None:
    for split in ("dev", "test", "all"):
        part = [a for a in gold if split in ("all", a.split)]
        events = [e for a in part for e in a.events]
        types = Counter(e.plover for e in events if not e.background)
        print(
            f"{split:<5} {len(part)} articles, {len(events)} gold events "
            f"({sum(e.background for e in events)} background); main events by type: "
            + ", ".join(f"{t} {n}" for t, n in types.most_common())
        )


def _pct(right: int, total: int) -> str:
    return pct(right, total, 6)


def print_table(scores: dict[str, ArticleScore]) -> None:
    head = (
        f"{'half':<5} {'gold':>4} {'found':>6} {'tup P':>6} {'tup R':>6} {'tup F1':>6} "
        f"{'type':>6} {'actor1':>6} {'actor2':>6} {'place':>6} {'date':>6} {'modal':>6} "
        f"{'ev/1kw':>6} {'fg/1kw':>6} {'unmatched':>9} {'bg found':>9} {'bg flag':>8} "
        f"{'wrong bg':>8} {'shown P':>7} {'shown R':>7} {'shownF1':>7}"
    )
    print(head)
    for half, s in scores.items():
        p, r, f1 = prf(s.tuple_right_predictions, s.counted_predictions, s.tuple_right_gold, s.gold)
        slot = " ".join(
            _pct(s.slots.get(name, SlotCounts()).right, s.slots.get(name, SlotCounts()).scored)
            for name in ("type", "actor1", "actor2", "place", "date", "modality")
        )
        per_kw = 1000 * s.in_scope_predictions / s.words if s.words else 0.0
        fg_kw = 1000 * s.foreground_predictions / s.words if s.words else 0.0
        sp, sr, sf1 = prf(s.shown_right_predictions, s.shown_counted, s.shown_right_gold, s.gold)
        print(
            f"{half:<5} {s.gold:>4} {_pct(s.found, s.gold)} {p:>6.1%} {r:>6.1%} {f1:>6.1%} "
            f"{slot} {per_kw:>6.2f} {fg_kw:>6.2f} "
            f"{s.unmatched_predictions:>4}/{s.in_scope_predictions:<4} "
            f"{s.background_found:>4}/{s.background:<4} "
            f"{s.background_flagged:>3}/{s.background_found:<4} {s.main_flagged:>3}/{s.found:<4} "
            f"{sp:>7.1%} {sr:>7.1%} {sf1:>7.1%}"
        )
    print(
        "gold: non-background gold events; found: share with an aligned prediction; tup: event "
        "tuple (type + actor1 + place ≤25 km); type … modal: slot accuracy on found events; "
        "ev/1kw: predicted events of the types "
        + "/".join(sorted(PRECISION_TYPES))
        + " per 1,000 words; unmatched: those not aligned to any gold event / all of them; "
        "fg/1kw: those not flagged background; "
        "bg found: background gold events with an aligned prediction; bg flag: found background "
        "gold events whose aligned predictions are all flagged background / bg found; wrong bg: "
        "found non-background gold events whose aligned predictions are all flagged / found; "
        "shown P/R/F1: the event tuple over the default lists, background-flagged events hidden."
    )
    for half, s in scores.items():
        print(
            f"{half:<5} by type (found / right tuple / gold): "
            + ", ".join(
                f"{t} {found}/{right}/{n}"
                for t, (n, found, right) in sorted(
                    s.by_type.items(), key=lambda kv: (-kv[1][0], kv[0])
                )
            )
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default=None)
    parser.add_argument("--verbose", action="store_true", help="list misses")
    parser.add_argument("--check-selection", action="store_true")
    args = parser.parse_args()

    if not WIKINEWS.is_dir():
        print(f"skipped: the Wikinews texts are not at {WIKINEWS} (../shared is absent)")
        return 0
    gold = load_gold()
    rows = read_wikinews()
    if args.check_selection:
        return 0 if check_selection(gold, rows) else 1
    texts = {r["url"]: r["text"] for r in rows}
    chosen = [a for a in gold if args.split in (None, "all") or a.split == args.split]
    broken = {a.url: misaligned(a, texts[a.url]) for a in chosen if a.url in texts}
    if missing := [a.url for a in chosen if a.url not in texts]:
        print(f"gold articles missing from the CSVs: {missing}")
        return 1
    if any(broken.values()):
        for url, problems in broken.items():
            for problem in problems:
                print(f"misaligned span in {url}: {problem}")
        return 1

    extractor = Extractor(nlp=sitroom.load())
    started = time.perf_counter()
    documents = [
        make_document(texts[a.url], url=a.url, published=dt.date.fromisoformat(str(a.date)))
        for a in chosen
    ]
    extractions = list(extractor.extract_many(documents))
    seconds = time.perf_counter() - started
    per_article = [
        (a, score_article(a, ex, texts[a.url])) for a, ex in zip(chosen, extractions, strict=True)
    ]

    print(f"Event arguments on Wikinews conflict reports: {len(chosen)} articles, {seconds:.1f}s")
    print_counts(chosen)
    halves = ["dev", "test", "all"] if args.split in (None, "all") else [args.split]
    scores: dict[str, ArticleScore] = {}
    for half in halves:
        total = ArticleScore()
        for article, score in per_article:
            if half in ("all", article.split):
                total = total.add(score)
        scores[half] = total
    print_table(scores)
    if args.verbose:
        for _, score in per_article:
            for line in score.misses:
                print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
