"""ACLED sub-event types on the CASE 2021 Task 2 test snippets.

    .venv/bin/python bench/acled.py [--per-type]

Each snippet has one gold type: one of ACLED's 25 sub-event types, or an "unseen" type
(natural/man-made disaster, organised crime, diplomacy, attribution) that ACLED would not code.
For each snippet the ACLED sub-event type of sitroom's most confident event that has one is the
prediction ("none" when no event carries an ACLED type). Reported: accuracy and macro-F1 over the
snippets with an ACLED gold type, how often unseen snippets get no ACLED type, and the five most
confused pairs. "dev" = odd ids (tune there), "test" = even ids. ``--per-type`` adds each
ACLED sub-event type's accuracy (its recall) on dev and test.
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import Counter
from pathlib import Path

import sitroom
from _scores import MACRO_F1_NAME, MACRO_F1_NOTE, macro_f1
from sitroom.ingest.text import make_document
from sitroom.service import Extractor

DATA = (
    Path(__file__).resolve().parents[1].parent
    / "shared/eval-data/case2021-task2-acled-finegrained/test_set_final_release_with_labels.tsv"
)
ACLED = {
    "ARMED_CLASH": "Armed clash",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "CHEM_WEAP": "Chemical weapon",
    "AIR_STRIKE": "Air/drone strike",
    "SUIC_BOMB": "Suicide bomb",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "GRENADE": "Grenade",
    "SEX_VIOL": "Sexual violence",
    "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Mob violence",
    "AGREEMENT": "Agreement",
    "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--per-type", action="store_true", help="accuracy per ACLED sub-type")
    args = parser.parse_args()
    with DATA.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    extractor = Extractor(nlp=sitroom.load())
    started = time.perf_counter()
    results = list(extractor.extract_many(make_document(r["EventSnippet"]) for r in rows))
    seconds = time.perf_counter() - started
    table: list[tuple[str, str, str | None, str]] = []  # split, gold label, gold acled, pred
    for row, ex in zip(rows, results, strict=True):
        coded = sorted((e for e in ex.events if e.acled), key=lambda e: -e.confidence)
        pred = coded[0].acled.sub_event_type if coded and coded[0].acled else "none"
        split = "dev" if int(row["id"]) % 2 else "test"
        table.append((split, row["SubType"], ACLED.get(row["SubType"]), pred))

    print(f"CASE 2021 task 2: {len(rows)} snippets, {seconds:.1f}s")
    print(MACRO_F1_NOTE)
    header = f"{'split':<6} {'seen':>5} {'accuracy':>9} {MACRO_F1_NAME:>22} {'unseen':>7}"
    print(f"{header} {'no ACLED':>9}")
    for split in ("dev", "test", "all"):
        part = [t for t in table if split == "all" or t[0] == split]
        seen = [t for t in part if t[2] is not None]
        unseen = [t for t in part if t[2] is None]
        accuracy = sum(t[2] == t[3] for t in seen) / len(seen)
        print(
            f"{split:<6} {len(seen):>5} {accuracy:>9.1%} {_macro_f1(seen):>22.1%} "
            f"{len(unseen):>7} {sum(t[3] == 'none' for t in unseen) / max(len(unseen), 1):>9.1%}"
        )
    confusion = Counter((t[2], t[3]) for t in table if t[2] is not None and t[2] != t[3])
    print("five most confused (gold → predicted):")
    for (gold, pred), count in confusion.most_common(5):
        print(f"  {gold:<36} → {pred:<36} {count}")
    if args.per_type:
        _per_type(table)


def _per_type(table: list[tuple[str, str, str | None, str]]) -> None:
    """Each gold ACLED sub-type's accuracy (right / its snippets) on dev and test."""
    print(f"{'ACLED sub-event type':<36} {'dev':>12} {'test':>12}")
    for label in sorted({t[2] for t in table if t[2] is not None}):
        cells = []
        for split in ("dev", "test"):
            rows = [t for t in table if t[0] == split and t[2] == label]
            right = sum(t[3] == label for t in rows)
            cells.append(f"{right / len(rows):.0%} ({len(rows)})" if rows else "-")
        print(f"{label:<36} {cells[0]:>12} {cells[1]:>12}")


def _macro_f1(rows: list[tuple[str, str, str | None, str]]) -> float:
    return macro_f1([t[2] for t in rows], [t[3] for t in rows])


if __name__ == "__main__":
    main()
