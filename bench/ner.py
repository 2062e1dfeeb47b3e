"""Named-entity quality on CoNLL-2003 English test (eng.testb): the raw spaCy model against the
labels after sitroom's places and actors stages, in the same run.

    .venv/bin/python bench/ner.py [--limit N]

Labels are mapped to CoNLL's: PERSON → PER; ORG → ORG; GPE, LOC, FAC → LOC; MISC (gold) and
NORP and every other spaCy label are ignored. Scores are exact-span, exact-type micro P/R/F1.
Documents are processed whole (sitroom uses document context); "dev" is the first half of the
documents, "test" the second half; tune on dev only.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc

import sitroom
from _scores import prf

DATA = (
    Path(__file__).resolve().parents[1].parent / "shared/eval-data/conll2003-eng-test/eng.testb.txt"
)
MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
TYPES = ("PER", "ORG", "LOC")
Gold = set[tuple[int, int, str]]


def documents(path: Path) -> Iterator[tuple[list[str], Gold]]:
    words: list[str] = []
    tags: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), "-DOCSTART- -X- -X- O"]:
        if line.startswith("-DOCSTART-"):
            if words:
                yield words, _spans(tags)
            words, tags = [], []
        elif line.strip():
            parts = line.split()
            words.append(parts[0])
            tags.append(parts[-1])


def _spans(tags: list[str]) -> Gold:
    spans: Gold = set()
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == label):
            if label in TYPES:
                spans.add((start, i, label))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, label = i, tag[2:]
    return spans


def predicted(doc: Doc) -> Gold:
    return {(e.start, e.end, MAP[e.label_]) for e in doc.ents if e.label_ in MAP}


def score(gold: list[Gold], pred: list[Gold]) -> dict[str, tuple[float, float, float]]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        for item in p:
            (tp if item in g else fp)[item[2]] += 1
        for item in g - p:
            fn[item[2]] += 1
    out = {}
    for key in (*TYPES, "all"):
        t = sum(tp.values()) if key == "all" else tp[key]
        f_p = sum(fp.values()) if key == "all" else fp[key]
        f_n = sum(fn.values()) if key == "all" else fn[key]
        out[key] = prf(t, t + f_p, t, t + f_n)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description="NER on CoNLL-2003 eng.testb")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    args = parser.parse_args()
    docs = list(documents(DATA))
    if args.limit:
        docs = docs[: args.limit]
    nlp = sitroom.load()
    spacy_names = [n for n in nlp.pipe_names if not n.startswith("sitroom_")]
    raw: list[Gold] = []
    ours: list[Gold] = []
    started = time.perf_counter()
    for words, _gold in docs:
        doc = Doc(nlp.vocab, words=words)
        for name in spacy_names:
            doc = nlp.get_pipe(name)(doc)
        raw.append(predicted(doc))
        for name in ("sitroom_places", "sitroom_actors"):
            doc = nlp.get_pipe(name)(doc)
        ours.append(predicted(doc))
    seconds = time.perf_counter() - started
    half = len(docs) // 2
    splits = {"dev": slice(0, half), "test": slice(half, None), "all": slice(None)}
    print(
        f"CoNLL-2003 eng.testb: {len(docs)} documents, {sum(len(w) for w, _ in docs)} tokens, "
        f"{seconds:.1f}s; exact span and type, MISC ignored"
    )
    print(
        f"{'split':<6} {'system':<16} "
        + " ".join(f"{t + ' F1':>7}" for t in TYPES)
        + f" {'P':>6} {'R':>6} {'F1':>6}"
    )
    for split, part in splits.items():
        gold = [g for _, g in docs[part]]
        for system, pred in (("spaCy sm (raw)", raw[part]), ("sitroom", ours[part])):
            s = score(gold, pred)
            p, r, f = s["all"]
            print(
                f"{split:<6} {system:<16} "
                + " ".join(f"{s[t][2]:>7.1%}" for t in TYPES)
                + f" {p:>6.1%} {r:>6.1%} {f:>6.1%}"
            )


if __name__ == "__main__":
    main()
