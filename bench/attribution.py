"""Attribution (who says what) on the PolNeAR v1.0.0 test split: sitroom's quotes and claims
against the gold attribution relations, and the claims component's cost beside the spaCy parse.

    .venv/bin/python bench/attribution.py [--limit N] [--errors dev|test] [--show N]

Gold: one ``.ann`` file per article (the first annotator in name order where several annotated
it). An attribution is *direct* when its content starts with a quotation mark, else *indirect*.

Predictions: every quote, and every claim whose span does not overlap a quote; a quote of marked
words nested inside an indirect quote (or a claim inside a quote) is the same attribution and is
counted once, and so are neighbouring quotes with one speaker mention when one of them has no cue
of its own (a continuation: '"...," she said. "..."'). A prediction is *direct* when its content
starts at a quotation mark.

Matching is one-to-one: pairs of a gold and a predicted content that share a letter or digit,
taken greedily by their Dice overlap. Content: a gold attribution is found, and a prediction is
right, when it is in a pair. Source: right when the pair's speaker span overlaps the gold source
span; precision is over the predictions that name a speaker span, recall over the gold
attributions that have a source. Precision is over the predictions of the row's kind, recall over
the gold attributions of the row's kind (matching itself ignores kinds).

Time: the claims component's own time beside the spaCy pipeline's (tokenizer included) in the
same run, over every article.

Split: articles in name order, even positions are "dev" (tune on these only), odd are "test".
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

import sitroom
from _scores import prf

DATA = Path(__file__).resolve().parents[1].parent / "shared/eval-data/polnear-test"
MARKS = frozenset("\"“”«»„'‘’")
Frags = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Attribution:
    content: Frags
    source: Frags | None
    direct: bool
    cue: Frags | None = None


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    published: dt.date | None
    gold: tuple[Attribution, ...]


def _frags(offsets: str) -> Frags:
    return tuple((int(a), int(b)) for a, b in (f.split() for f in offsets.split(";")))


def _starts_with_mark(text: str, start: int) -> bool:
    rest = text[start:].lstrip()
    return bool(rest) and rest[0] in MARKS


def read_gold(path: Path, text: str) -> tuple[Attribution, ...]:
    spans: dict[str, Frags] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, middle, _ = line.split("\t", 2)
            spans[tid] = _frags(middle.split(" ", 1)[1])
        elif line.startswith("E"):
            relations.append(dict(p.split(":", 1) for p in line.split("\t")[1].split()))
    out = []
    for rel in relations:
        content = spans[rel["Content"]]
        source = spans[rel["Source"]] if "Source" in rel else None
        cue = spans.get(rel.get("Cue", ""))
        out.append(Attribution(content, source, _starts_with_mark(text, content[0][0]), cue))
    return tuple(out)


def articles(root: Path) -> list[Article]:
    published: dict[str, dt.date] = {}
    with (root / "metadata.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            try:
                published[row["filename"]] = dt.date.fromisoformat(row["publication_date"])
            except ValueError:
                continue
    out = []
    for path in sorted((root / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        ann = sorted((root / "attributions").glob(f"{path.stem}_*.ann"))[0]
        out.append(Article(path.stem, text, published.get(path.stem), read_gold(ann, text)))
    return out


@dataclass
class Prediction:
    content: Frags
    source: tuple[int, int] | None
    direct: bool


def _inside(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return b[0] <= a[0] and a[1] <= b[1]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return max(a[0], b[0]) < min(a[1], b[1])


def predictions(doc: Doc) -> list[Prediction]:
    """One prediction per attribution: a quote, or a claim that no quote covers.

    Marked words inside an indirect quote belong to it; neighbouring quotes with the same speaker
    mention, one of them without a cue of its own (sitroom's mark of a continuation), are one
    relation in several pieces ('"...," she said. "..."').
    """
    text = doc.text
    quotes = list(doc._.sitroom_quotes)
    out: list[Prediction] = []
    last_marked: Prediction | None = None
    last_cue: str | None = None
    for q in quotes:
        if q.kind != "indirect" and any(
            o.kind == "indirect" and _inside(q.span, o.span) for o in quotes
        ):
            continue
        if (
            q.kind != "indirect"
            and (q.cue is None or last_cue is None)
            and q.speaker_span is not None
            and last_marked is not None
            and q.speaker_span == last_marked.source
        ):
            last_marked.content += (q.span,)
            last_cue = last_cue or q.cue
            continue
        pred = Prediction((q.span,), q.speaker_span, q.kind != "indirect" and _marked(text, q.span))
        out.append(pred)
        if q.kind != "indirect":
            last_marked, last_cue = pred, q.cue
    for c in doc._.sitroom_claims:
        if not any(_overlaps(c.span, q.span) for q in quotes):
            out.append(Prediction((c.span,), None, _marked(text, c.span)))
    return out


def _marked(text: str, span: tuple[int, int]) -> bool:
    """Whether the content starts at a quotation mark (just before it or as its first letter)."""
    return _starts_with_mark(text, max(span[0] - 1, 0)) or _starts_with_mark(text, span[0])


@dataclass
class Tally:
    pred: int = 0
    pred_right: int = 0
    gold: int = 0
    gold_found: int = 0
    pred_sources: int = 0
    pred_sources_right: int = 0
    gold_sources: int = 0
    gold_sources_found: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _shared(a: Frags, b: Frags, text: str) -> int:
    """Letters and digits two spans share."""
    return sum(
        sum(ch.isalnum() for ch in text[max(f[0], g[0]) : min(f[1], g[1])]) for f in a for g in b
    )


def _letters(frags: Frags, text: str) -> int:
    return sum(sum(ch.isalnum() for ch in text[a:b]) for a, b in frags)


def match(text: str, gold: tuple[Attribution, ...], pred: list[Prediction]) -> dict[int, int]:
    """One-to-one: gold index → prediction index, greedily by the Dice overlap of the contents.

    Any shared letter or digit makes a candidate pair; the Dice ranking pairs an outer report
    with the outer report and a nested one with the nested one.
    """
    sizes_g = [_letters(g.content, text) for g in gold]
    sizes_p = [_letters(p.content, text) for p in pred]
    pairs = sorted(
        (-2 * n / (sizes_g[gi] + sizes_p[pi]), gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(pred)
        if (n := _shared(g.content, p.content, text))
    )
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in pairs:
        if gi not in out and pi not in used:
            out[gi] = pi
            used.add(pi)
    return out


def source_right(text: str, g: Attribution, p: Prediction) -> bool:
    if g.source is None or p.source is None:
        return False
    return _shared(g.source, (p.source,), text) > 0


def score(text: str, gold: tuple[Attribution, ...], pred: list[Prediction]) -> dict[str, Tally]:
    tallies = {kind: Tally() for kind in ("direct", "indirect")}
    matched = match(text, gold, pred)
    gold_of = {pi: gi for gi, pi in matched.items()}
    for gi, g in enumerate(gold):
        t = tallies["direct" if g.direct else "indirect"]
        t.gold += 1
        t.gold_found += gi in matched
        if g.source is not None:
            t.gold_sources += 1
            t.gold_sources_found += gi in matched and source_right(text, g, pred[matched[gi]])
    for pi, p in enumerate(pred):
        t = tallies["direct" if p.direct else "indirect"]
        t.pred += 1
        t.pred_right += pi in gold_of
        if p.source is not None:
            t.pred_sources += 1
            t.pred_sources_right += pi in gold_of and source_right(text, gold[gold_of[pi]], p)
    return tallies


def run(nlp: Language, article: Article, clock: dict[str, float]) -> Doc:
    t0 = time.perf_counter()
    doc = nlp.make_doc(article.text)
    doc._.sitroom_published = article.published
    clock["spacy"] += time.perf_counter() - t0
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        doc = proc(doc)
        elapsed = time.perf_counter() - t0
        if not name.startswith("sitroom_"):
            clock["spacy"] += elapsed
        elif name == "sitroom_claims":
            clock["claims"] += elapsed
        else:
            clock["sitroom other"] += elapsed
    return doc


def _describe(text: str, frags: Frags | tuple[int, int] | None, width: int = 90) -> str:
    if frags is None:
        return "-"
    pairs: Frags = (frags,) if isinstance(frags[0], int) else frags  # type: ignore[assignment]
    joined = " … ".join(text[a:b] for a, b in pairs)
    joined = " ".join(joined.split())
    return joined if len(joined) <= width else joined[: width - 1] + "…"


def show_errors(article: Article, pred: list[Prediction], limit: int) -> None:
    text = article.text
    matched = match(text, article.gold, pred)
    print(f"\n== {article.name}")
    shown = 0
    for gi, g in enumerate(article.gold):
        p = pred[matched[gi]] if gi in matched else None
        if p is not None and (g.source is None or source_right(text, g, p)):
            continue
        what = "MISS" if p is None else "SRC "
        got = _describe(text, p.source, 30) if p is not None else ""
        print(
            f"  {what} [{_describe(text, g.source, 30)}] <{_describe(text, g.cue, 20)}> "
            f"{_describe(text, g.content)}  got: {got}"
        )
        shown += 1
        if shown >= limit:
            break
    used = set(matched.values())
    for pi, p in enumerate(pred):
        if pi not in used:
            print(f"  FP   [{_describe(text, p.source, 30)}] {_describe(text, p.content)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--errors", choices=("dev", "test"), help="list misses for a split")
    parser.add_argument("--show", type=int, default=15, help="misses shown per article")
    args = parser.parse_args()
    docs = articles(DATA)
    if args.limit:
        docs = docs[: args.limit]
    nlp = sitroom.load()
    run(nlp, docs[0], {"spacy": 0.0, "claims": 0.0, "sitroom other": 0.0})  # warm-up
    clock = {"spacy": 0.0, "claims": 0.0, "sitroom other": 0.0}
    per_split: dict[str, dict[str, Tally]] = {
        s: {k: Tally() for k in ("direct", "indirect", "all")} for s in ("dev", "test", "all")
    }
    for n, article in enumerate(docs):
        split = "dev" if n % 2 == 0 else "test"
        pred = predictions(run(nlp, article, clock))
        if args.errors == split:
            show_errors(article, pred, args.show)
        for kind, tally in score(article.text, article.gold, pred).items():
            for s in (split, "all"):
                per_split[s][kind].add(tally)
                per_split[s]["all"].add(tally)
    n_gold = sum(len(a.gold) for a in docs)
    print(
        f"PolNeAR test: {len(docs)} articles ({(len(docs) + 1) // 2} dev / {len(docs) // 2} test), "
        f"{n_gold} gold attributions; content and source by span overlap"
    )
    print(
        f"{'split':<5} {'kind':<9} {'gold':>5} {'pred':>5} | {'content P':>9} {'R':>6} {'F1':>6}"
        f" | {'source P':>8} {'R':>6} {'F1':>6}"
    )
    for split, kinds in per_split.items():
        for kind, t in kinds.items():
            cp, cr, cf = prf(t.pred_right, t.pred, t.gold_found, t.gold)
            sp, sr, sf = prf(t.pred_sources_right, t.pred_sources, t.gold_sources_found,
                              t.gold_sources)  # fmt: skip
            print(
                f"{split:<5} {kind:<9} {t.gold:>5} {t.pred:>5} | {cp:>9.1%} {cr:>6.1%} {cf:>6.1%}"
                f" | {sp:>8.1%} {sr:>6.1%} {sf:>6.1%}"
            )
    share = clock["claims"] / clock["spacy"] if clock["spacy"] else 0.0
    print(
        f"time: spaCy parse {clock['spacy']:.2f}s, sitroom_claims {clock['claims']:.3f}s "
        f"({share:.1%} of the parse), other sitroom components {clock['sitroom other']:.2f}s"
    )


if __name__ == "__main__":
    main()
