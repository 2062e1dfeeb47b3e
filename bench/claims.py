"""The claims ledger on real multi-outlet news: claims, claimants, stances, contradictions.

    PYTHONPATH=src:bench .venv/bin/python bench/claims.py [--split dev|test|all] [--verbose]
        [--max-stage N]
    PYTHONPATH=src:bench .venv/bin/python bench/claims.py --check-selection
    PYTHONPATH=src:bench .venv/bin/python bench/claims.py --synthetic [--verbose]

The gold set is ``bench/gold/claims/*.yaml``, annotated under ``docs/annotation-claims.md``
(which clusters and documents, how they were split, what a claim, a claimant, a stance, a
proposition and a contradiction are). Only the annotations live here; the texts are read from
``../shared`` (ECB+ topics 36-45, CC BY 3.0; English Wikinews, CC BY 2.5; the corpus article,
CC BY 4.0) and the bench stops with a message when that folder is absent.

sitroom's full pipeline reads every document; the documents of one cluster are stored together
in a temporary SQLite store (publisher and date as the gold file gives them; an ECB+ document
is its own outlet), and the store's cross-document contradictions are linked, as the intake
service does. Printed per half: claim detection P/R/F1, claimant accuracy and the share of
claims without a claimant, stance accuracy, proposition accuracy (linked event of the gold
type family at the gold place; and the claim's own ``Proposition``), and contradiction P/R
within and across articles. Every score
is defined in ``bench/_claims_gold.py``'s docstring; all are micro scores. Tune on dev only;
``test-c`` is the test half without the corpus article, which the developers know well.

``--synthetic`` scores instead the stories written for the project
(``bench/gold/claims-synthetic/*.yaml``, texts in the files; guideline section 8) as halves of
their own, never pooled with the real news: ``synth`` (dev) and ``synth-t`` (test, written in
sessions 17 and 19 before their fixes and never tuned on), and the single-article reports
written for the project (``bench/gold/claims-synthetic-reports/*.yaml``: statements that look
alike but are no dispute, and a few true disputes) as ``single`` and ``single-t``, whose
within-article precision is the one the multi-outlet stories cannot teach. ``--split`` picks
the dev or the test rows here too; ``--verbose`` lists the misses of the dev files only.

``--verbose`` lists every missed gold claim, wrong claimant, unmatched prediction, missed and
wrong contradiction. ``--check-selection`` recomputes the ECB+ documents, the Wikinews title
pairs and the split from ``../shared`` and compares them with the gold files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import re
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import sitroom
from _claims_gold import (
    CORPUS,
    ECBPLUS,
    REPORTS_DIR,
    SHARED,
    SYNTHETIC_DIR,
    WIKINEWS,
    GoldCluster,
    ecb_text,
    gold_contradictions,
    load_gold,
    misaligned,
    read_texts,
    read_wikinews,
)
from _claims_scores import ClusterScore, Ratio, score_stored
from _scores import prf
from sitroom.ingest.text import make_document
from sitroom.model import Extraction
from sitroom.service import Extractor
from sitroom.store import Store

# Selection rule of docs/annotation-claims.md section 1 (reproduced by --check-selection).
ECB_TOPICS = (36, 37, 38, 41, 45)  # violence, arrests, disasters; not media and business
ECB_DOCS_PER_CLUSTER = 3
MAX_CHARS = 3500
MORE_STAGE = 3  # dev clusters extended by their next documents (docs/annotation-claims.md)
MORE = "-more"
# Stage 4: every ECB+ cluster of the rule takes its next three documents not yet taken, as
# "<cluster id>-more" (or "-more2" after a stage-3 extension), in the half of the cluster it
# extends, so that one story never straddles the halves.
EXTEND_STAGE = 4
MORE2 = "-more2"
# Stage 5: the Wikinews title rule with the length limit doubled, for the pairs it adds.
LONGER_STAGE = 5
LONGER_MAX_CHARS = 2 * MAX_CHARS
PAIR_MAX_DAYS = 21
# Stage 6: the ECB+ clusters of the topics of violence and arrests (not the earthquakes, whose
# claims are statements) take their next three documents once more, in the half they extend.
VIOLENCE_STAGE = 6
VIOLENCE_TOPICS = (36, 41, 45)
MORE3 = "-more3"
# Stage 7: the same clusters take their next document once more, the length limit doubled
# (documents of at most LONGER_MAX_CHARS not yet taken), as "<cluster id>-long", in the half
# they extend.
LONG_STAGE = 7
LONG_DOCS_PER_CLUSTER = 1
LONG = "-long"
# Title words that name no story: offices, generic words, and names that recur in titles
# about unrelated happenings in these two years (Trump).
GENERIC_TITLE_WORDS = frozenset(
    {
        "President",
        "Prime",
        "Minister",
        "Former",
        "United",
        "States",
        "Trump",
        "Wikinews",
        "COVID-19",
        "SARS-CoV-2",
        "House",
        "Representatives",
        "Supreme",
        "Court",
        "Party",
        "Democratic",
        "Republican",
        "Scientists",
        "World",
        "Health",
        "Organization",
        "Hurricane",
        "Tropical",
        "Storm",
        "Federal",
        "State",
        "Senate",
        "Sunshine",
        "Coast",
        "Rugby",
        "Union",
        "Season",
        "Category",
    }
)
_TITLE_NAME = re.compile(r"[A-Z][\w'’.-]+")
_POSSESSIVE = re.compile(r"('s|’s)$")


def alternate(ids: Iterable[str]) -> dict[str, str]:
    """dev, test, dev, … over the ids ranked by CRC-32 (UTF-8 bytes; ties by id)."""
    ranked = sorted(ids, key=lambda i: (zlib.crc32(i.encode("utf-8")), i))
    return {i: ("dev" if n % 2 == 0 else "test") for n, i in enumerate(ranked)}


def ecb_ranking(max_chars: int = MAX_CHARS) -> dict[str, list[str]]:
    """ECB+ cluster id -> all its documents of at most ``max_chars`` characters, most
    ACTION_REPORTING markables first (ties by name)."""
    chosen: dict[str, list[str]] = {}
    for topic in ECB_TOPICS:
        for kind in ("ecb", "ecbplus"):
            ranked = []
            for path in sorted((ECBPLUS / str(topic)).glob(f"{topic}_*{kind}.xml")):
                name = path.name.removesuffix(".xml")
                if kind == "ecb" and name.endswith("ecbplus"):
                    continue
                markables = ET.parse(path).getroot().find("Markables")
                nodes = list(markables) if markables is not None else []
                reporting = sum(1 for m in nodes if m.tag == "ACTION_REPORTING")
                if len(ecb_text(name)) <= max_chars:
                    ranked.append((-reporting, name))
            chosen[f"ecbplus-{topic}-{kind}"] = [n for _, n in sorted(ranked)]
    return chosen


def ecb_selection(skip: int = 0) -> dict[str, list[str]]:
    """ECB+ cluster id -> its documents by the rule: the three with most ACTION_REPORTING
    markables (ties by name) among those of at most MAX_CHARS characters, after the ``skip``
    first ones (stage 3 takes the next three of a cluster)."""
    chosen = ecb_ranking()
    return {c: names[skip : skip + ECB_DOCS_PER_CLUSTER] for c, names in chosen.items()}


def _title_names(title: str) -> set[str]:
    words = title.split()
    first = words[0] if words else ""
    names = {_POSSESSIVE.sub("", w) for w in _TITLE_NAME.findall(title) if w != first}
    return {n for n in names if len(n) >= 5 and n not in GENERIC_TITLE_WORDS}


def title_pairs(
    rows: Sequence[dict[str, str]], max_chars: int = MAX_CHARS
) -> list[tuple[str, str, frozenset[str]]]:
    """Pairs of short Wikinews articles at most PAIR_MAX_DAYS apart whose titles share a
    proper name: (earlier URL, later URL, shared names)."""
    short = [r for r in rows if len(r["text"]) <= max_chars]
    pairs = []
    for a, b in itertools.combinations(short, 2):
        days = abs((dt.date.fromisoformat(b["date"]) - dt.date.fromisoformat(a["date"])).days)
        shared = _title_names(a["title"]) & _title_names(b["title"])
        if shared and days <= PAIR_MAX_DAYS:
            first, second = sorted((a, b), key=lambda r: (r["date"], r["url"]))
            pairs.append((first["url"], second["url"], frozenset(shared)))
    return pairs


def _check_violence_stage(gold: list[GoldCluster], stage3: set[str]) -> bool:
    """Stage 6: each cluster of VIOLENCE_TOPICS takes the three documents after those taken
    (skipping three more where stage 3 extended it), named -more2 (-more3 after stage 3)."""
    wanted: dict[str, tuple[str, list[str]]] = {}
    for base in ecb_selection():
        if int(base.split("-")[1]) not in VIOLENCE_TOPICS:
            continue
        extra = base in stage3
        docs = ecb_selection((2 + extra) * ECB_DOCS_PER_CLUSTER)[base]
        if docs:
            wanted[f"{base}{MORE3 if extra else MORE2}"] = (base, docs)
    return _extensions_match(gold, VIOLENCE_STAGE, wanted)


def _extensions_match(
    gold: list[GoldCluster], stage: int, wanted: dict[str, tuple[str, list[str]]]
) -> bool:
    """Whether a stage's clusters are those its rule picks (cluster id -> the cluster it extends
    and its documents), each in the half of the cluster it extends; prints each difference."""
    ok = True
    splits = {c.id: c.split for c in gold}
    have = {c.id: c for c in gold if c.stage == stage}
    for cid in sorted(set(wanted) | set(have)):
        cluster = have.get(cid)
        base, docs = wanted.get(cid, ("?", []))
        if cluster is None or [d.id for d in cluster.documents] != docs:
            print(f"differs: stage {stage} {cid}: rule {docs}")
            ok = False
        elif cluster.split != splits.get(base):
            print(f"differs: {cid}: stage {stage} extends {base}, its half")
            ok = False
    return ok


def _check_long_stage(gold: list[GoldCluster]) -> bool:
    """Stage 7: each cluster of VIOLENCE_TOPICS takes its next document of at most
    LONGER_MAX_CHARS not taken by an earlier stage, named -long, in the half it extends."""
    taken = {d.id for c in gold if c.stage < LONG_STAGE for d in c.documents}
    wanted: dict[str, tuple[str, list[str]]] = {}
    for base, names in ecb_ranking(LONGER_MAX_CHARS).items():
        if int(base.split("-")[1]) not in VIOLENCE_TOPICS:
            continue
        if docs := [n for n in names if n not in taken][:LONG_DOCS_PER_CLUSTER]:
            wanted[f"{base}{LONG}"] = (base, docs)
    return _extensions_match(gold, LONG_STAGE, wanted)


def check_selection(gold: list[GoldCluster]) -> bool:
    ok = _check_long_stage(gold)
    ecb = ecb_selection()
    # Stage 3: the next three documents of a dev cluster, as "<cluster id>-more", in dev.
    ecb |= {f"{c}{MORE}": docs for c, docs in ecb_selection(ECB_DOCS_PER_CLUSTER).items()}
    ecb |= {f"{c}{MORE2}": docs for c, docs in ecb_selection(2 * ECB_DOCS_PER_CLUSTER).items()}
    splits = {c.id: c.split for c in gold}
    stage3 = {c.id.removesuffix(MORE) for c in gold if c.stage == MORE_STAGE}
    ok = _check_violence_stage(gold, stage3) and ok
    for cluster in gold:
        docs = [d.id for d in cluster.documents]
        if cluster.stage == MORE_STAGE and (
            cluster.split != "dev" or ecb.get(cluster.id.removesuffix(MORE)) is None
        ):
            print(f"differs: {cluster.id}: stage {MORE_STAGE} extends a cluster, in dev")
            ok = False
        if cluster.stage == EXTEND_STAGE:
            base = cluster.id.removesuffix(MORE2 if cluster.id.endswith(MORE2) else MORE)
            suffix = MORE2 if base in stage3 else MORE
            if cluster.id != f"{base}{suffix}" or cluster.split != splits.get(base):
                print(f"differs: {cluster.id}: stage {EXTEND_STAGE} extends {base}, its half")
                ok = False
        if cluster.stage in (VIOLENCE_STAGE, LONG_STAGE):
            continue  # checked by _check_violence_stage and _check_long_stage
        if cluster.source == "ecbplus" and ecb.get(cluster.id) != docs:
            print(f"differs: {cluster.id}: rule {ecb.get(cluster.id)}, gold files {docs}")
            ok = False
    extended = {f"{c}{MORE2 if c in stage3 else MORE}" for c in ecb_selection()}
    wanted = {c for c in ecb if not c.endswith((MORE, MORE2)) or (c in extended and ecb[c])}
    if missing := sorted(wanted - {c.id for c in gold}):
        print(f"ECB+ clusters of the rule without a gold file: {missing}")
        ok = False
    rows = read_wikinews(WIKINEWS)
    pairs = title_pairs(rows)
    known = {p[:2] for p in pairs}
    # Stage 5: the pairs the rule adds with the length limit doubled.
    longer = [p for p in title_pairs(rows, LONGER_MAX_CHARS) if p[:2] not in known]
    for stage, rule in ((None, pairs), (LONGER_STAGE, longer)):
        print(
            f"Wikinews title pairs of the rule{f' (stage {stage})' if stage else ''} "
            "(the stories taken are marked *):"
        )
        taken = {
            tuple(d.id for d in c.documents)
            for c in gold
            if c.source == "wikinews" and (c.stage == LONGER_STAGE) == (stage is not None)
        }
        for first, second, names in rule:
            mark = "*" if (first, second) in taken else " "
            print(f" {mark} {'/'.join(sorted(names)):<14} {first[30:]}  |  {second[30:]}")
        if strays := taken - {p[:2] for p in rule}:
            print(f"Wikinews clusters that are no pair of the rule: {strays}")
            ok = False
    for stage in sorted(
        {c.stage for c in gold} - {MORE_STAGE, EXTEND_STAGE, VIOLENCE_STAGE, LONG_STAGE}
    ):
        rule = alternate(c.id for c in gold if c.stage == stage and c.source != "corpus")
        for cluster in gold:
            if cluster.id in rule and rule[cluster.id] != cluster.split:
                print(f"differs: {cluster.id}: rule {rule[cluster.id]}, gold {cluster.split}")
                ok = False
    for cluster in gold:
        if cluster.source == "corpus" and cluster.split != "test":
            print(f"differs: {cluster.id} belongs to the test half")
            ok = False
    if ok:
        print(f"selection and split reproduced: {len(gold)} clusters, same documents and splits")
    return ok


def run_cluster(
    cluster: GoldCluster, extractions: Sequence[Extraction], folder: Path
) -> ClusterScore:
    """Store the cluster's extractions together, link contradictions across them, score."""
    with Store(folder / f"{cluster.id}.db") as store:
        store.migrate()
        return score_stored(cluster, extractions, store)


def print_counts(gold: list[GoldCluster]) -> None:
    for half in ("dev", "test", "all"):
        part = [c for c in gold if half in ("all", c.split)]
        claims = [g for c in part for g in c.claims.values()]
        kinds = Counter(k.kind for c in part for k in gold_contradictions(c))
        sources = ", ".join(f"{s} {n}" for s, n in sorted(Counter(c.source for c in part).items()))
        print(
            f"{half:<5} {len(part)} clusters ({sources}), "
            f"{sum(len(c.documents) for c in part)} documents, {len(claims)} claims "
            f"({sum(g.stance == 'denies' for g in claims)} denials, "
            f"{sum(not g.claimants for g in claims)} with unknown claimant, "
            f"{sum(g.proposition.kind == 'event' for g in claims)} about events), "
            f"{sum(len(c.disputes) for c in part)} disputes, contradictions: "
            f"{kinds['within']} within, {kinds['across']} across articles"
        )


def _pct(r: Ratio) -> str:
    return f"{r.right / r.total:>6.1%}" if r.total else f"{'-':>6}"


def print_table(scores: dict[str, ClusterScore]) -> None:
    print(
        f"{'half':<8} {'docs':>4} {'gold':>4} {'pred':>4} {'cl P':>6} {'cl R':>6} {'cl F1':>6} "
        f"{'claimt':>6} {'unknwn':>6} {'stance':>6} {'prop':>6} {'linked':>6} {'stated':>6} "
        f"{'within P':>8} {'within R':>8} {'across P':>8} {'across R':>8}"
    )
    for half, s in scores.items():
        p, r, f1 = prf(s.predicted_right, s.predicted, s.found, s.gold_claims)
        cells = []
        for kind in ("within", "across"):
            gold, found, pred, right = s.contradictions.get(kind, (0, 0, 0, 0))
            cells.append(f"{_pct(Ratio(right, pred))} {pred:>2}"[-9:].rjust(8))
            cells.append(f"{_pct(Ratio(found, gold))} {gold:>2}"[-9:].rjust(8))
        print(
            f"{half:<8} {s.documents:>4} {s.gold_claims:>4} {s.predicted:>4} {p:>6.1%} {r:>6.1%} "
            f"{f1:>6.1%} {_pct(s.claimant)} {_pct(s.unknown)} {_pct(s.stance)} "
            f"{_pct(s.proposition)} {_pct(s.linked)} {_pct(s.stated)} " + " ".join(cells)
        )
    print(
        "cl: claim detection (span overlap); claimt: claimant right on found claims that name "
        "one; unknwn: share of those where sitroom names no claimant; stance: on found claims; "
        "prop: linked event of the gold type family at the gold place, on found event claims; "
        "linked: share of those with a linked event; stated: the claim's own proposition "
        "(Claim.proposition) of the gold kind, and for events of the gold family at the gold "
        "place, on all found claims; within/across: contradiction precision "
        "(with the number predicted) and recall (with the number in the gold)."
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default=None)
    parser.add_argument("--verbose", action="store_true", help="list misses")
    parser.add_argument("--check-selection", action="store_true")
    parser.add_argument("--synthetic", action="store_true", help="score the written stories, apart")
    parser.add_argument(
        "--max-stage", type=int, default=None, help="score only the gold clusters up to a stage"
    )
    args = parser.parse_args()

    if args.synthetic:
        gold = load_gold(SYNTHETIC_DIR) + load_gold(REPORTS_DIR)
        halves = ("dev", "test")
        if strays := [c.id for c in gold if c.split not in halves or c.source != "synthetic"]:
            print(f"synthetic stories say split: dev or test and source: synthetic: {strays}")
            return 1
    elif not (ECBPLUS.is_dir() and WIKINEWS.is_dir() and CORPUS.is_dir()):
        print(f"skipped: the texts are not under {SHARED} (../shared is absent)")
        return 0
    else:
        gold = load_gold()
    if args.check_selection:
        return 0 if check_selection(gold) else 1
    chosen = [
        c
        for c in gold
        if (args.split in (None, "all") or c.split == args.split)
        and (args.max_stage is None or c.stage <= args.max_stage)
    ]
    texts = read_texts(chosen)
    if problems := [p for c in chosen for p in misaligned(c, texts)]:
        for problem in problems:
            print(f"misaligned span: {problem}")
        return 1

    extractor = Extractor(nlp=sitroom.load())
    started = time.perf_counter()
    documents = [
        make_document(texts[d.id], source=d.id, publisher=d.publisher, published=d.date)
        for c in chosen
        for d in c.documents
    ]
    extractions = iter(list(extractor.extract_many(documents)))
    per_cluster: list[tuple[GoldCluster, ClusterScore]] = []
    with tempfile.TemporaryDirectory(prefix="sitroom-claims-") as folder:
        for cluster in chosen:
            mine = list(itertools.islice(extractions, len(cluster.documents)))
            per_cluster.append((cluster, run_cluster(cluster, mine, Path(folder))))
    seconds = time.perf_counter() - started

    kind = "synthetic" if args.synthetic else "news"
    print(
        f"Claims ledger on {len(chosen)} {kind} clusters, {len(documents)} documents, "
        f"{seconds:.0f}s"
    )
    print_counts(chosen)
    halves = {
        "synth": lambda c: args.synthetic and c.split == "dev" and len(c.documents) > 1,
        "synth-t": lambda c: args.synthetic and c.split == "test" and len(c.documents) > 1,
        "single": lambda c: args.synthetic and c.split == "dev" and len(c.documents) == 1,
        "single-t": lambda c: args.synthetic and c.split == "test" and len(c.documents) == 1,
        "dev": lambda c: not args.synthetic and c.split == "dev",
        "test": lambda c: c.split == "test",
        "test-c": lambda c: c.split == "test" and c.source != "corpus",
        "all": lambda c: True,
    }
    scores: dict[str, ClusterScore] = {}
    for half, member in halves.items():
        synthetic_half = half.startswith(("synth", "single"))
        if synthetic_half != args.synthetic:
            continue
        half_split = ("test" if half.endswith("-t") else "dev") if synthetic_half else half
        if args.split in ("dev", "test") and not half_split.startswith(args.split):
            continue
        total = ClusterScore()
        for cluster, score in per_cluster:
            if member(cluster):
                total = total.add(score)
        scores[half] = total
    print_table(scores)
    if args.verbose:
        # the errors of the written test half are never listed: nobody tunes on them
        for cluster, score in per_cluster:
            if args.synthetic and cluster.split != "dev":
                continue
            for line in score.misses:
                print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
