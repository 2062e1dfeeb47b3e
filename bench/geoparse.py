"""Geoparsing quality of the places stage on Gritta et al.'s news corpora, and its cost.

    .venv/bin/python bench/geoparse.py [--split dev|test|all] [--corpus LGL ...] [--cache DIR]

Reads ``../shared/eval-data/geoparsing-gritta/`` at run time (GPL data: never copied here).

* Recognition: precision, recall and F1 of the character spans of ``doc._.sitroom_places``
  mentions against the gold toponyms, with exact matching and with one-to-one overlap matching.
  Gold: every toponym of LGL and TR-News; the literal toponyms of GeoWebNews (types Literal,
  Mixed, Coercion, Embedded_Literal, Literal_Modifier; a prediction on one of its associative
  toponyms — Metonymic, Non_Literal_Modifier, Embedded_Non_Lit — counts neither way); every
  location of GeoVirus.
* Resolution, on the gold toponyms with coordinates that a prediction overlaps: accuracy within
  161 km (100 miles), mean and median error in km. A place without coordinates counts as
  20,039 km off (half the Earth's circumference), as in Gritta et al.
* Cost: the spaCy parse and the places component are timed separately on the same articles, in
  one run; the share is places time / parse time.

Articles are numbered in file order from 0; "dev" is the even-numbered ones, "test" the odd ones;
tune on dev only. TR-News offsets drift by a few characters in some articles and GeoVirus offsets
are 1-based: each gold span is snapped to the nearest occurrence of its name.
``--cache DIR`` keeps the spaCy parses (and their timings) between runs, for quick iteration.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import Doc, DocBin

import _scores as scores
from sitroom.config import load_settings
from sitroom.lang.places import distance_km

DATA = Path(__file__).resolve().parents[1].parent / "shared/eval-data/geoparsing-gritta"
GWN_LITERAL = frozenset({"Literal", "Mixed", "Coercion", "Embedded_Literal", "Literal_Modifier"})
GWN_ASSOCIATIVE = frozenset({"Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit"})
MISSING_KM = 20_039.0
FLOORS = {"LGL": 80.0, "TR-News": 85.0, "GeoWebNews": 85.0}
Span = tuple[int, int]


@dataclasses.dataclass(frozen=True)
class Toponym:
    span: Span
    name: str
    lat: float | None
    lon: float | None


@dataclasses.dataclass
class Article:
    text: str
    gold: list[Toponym]
    ignore: list[Span] = dataclasses.field(default_factory=list)


def _float(value: str | None) -> float | None:
    return float(value) if value not in (None, "") else None


def _snap(text: str, start: int, end: int, name: str) -> Span:
    if text[start:end] == name:
        return start, end
    for shift in sorted(range(-30, 31), key=abs):
        if text[start + shift : start + shift + len(name)] == name:
            return start + shift, start + shift + len(name)
    return start, end


def read_gaztag(path: Path) -> list[Article]:
    """LGL and TR-News: ``toponym`` with ``start``/``end``/``phrase`` and a ``gaztag``."""
    articles = []
    for node in ET.parse(path).getroot().iter("article"):
        text = node.findtext("text") or ""
        gold = []
        for top in node.iter("toponym"):
            name = top.findtext("phrase") or ""
            span = _snap(text, int(top.findtext("start") or 0), int(top.findtext("end") or 0), name)
            tag = top.find("gaztag")
            lat = _float(tag.findtext("lat")) if tag is not None else None
            lon = _float(tag.findtext("lon")) if tag is not None else None
            gold.append(Toponym(span, name, lat, lon))
        articles.append(Article(text, gold))
    return articles


def read_gwn(path: Path) -> list[Article]:
    articles = []
    for node in ET.parse(path).getroot().iter("article"):
        text = node.findtext("text") or ""
        article = Article(text, [])
        for top in node.iter("toponym"):
            kind = top.findtext("type") or ""
            span = (int(top.findtext("start") or 0), int(top.findtext("end") or 0))
            if kind in GWN_LITERAL:
                lat, lon = _float(top.findtext("latitude")), _float(top.findtext("longitude"))
                article.gold.append(Toponym(span, top.findtext("extractedName") or "", lat, lon))
            elif kind in GWN_ASSOCIATIVE:
                article.ignore.append(span)
        articles.append(article)
    return articles


def read_geovirus(path: Path) -> list[Article]:
    articles = []
    for node in ET.parse(path).getroot().iter("article"):
        text = node.findtext("text") or ""
        gold = []
        for loc in node.iter("location"):
            name = loc.findtext("name") or ""
            start = int(loc.findtext("start") or 1) - 1
            span = _snap(text, start, start + len(name), name)
            gold.append(
                Toponym(span, name, _float(loc.findtext("lat")), _float(loc.findtext("lon")))
            )
        articles.append(Article(text, gold))
    return articles


CORPORA: dict[str, tuple[str, Callable[[Path], list[Article]]]] = {
    "LGL": ("lgl.xml", read_gaztag),
    "TR-News": ("TR-News.xml", read_gaztag),
    "GeoWebNews": ("GeoWebNews_GWN.xml", read_gwn),
    "GeoVirus": ("GeoVirus.xml", read_geovirus),
}


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


@dataclasses.dataclass
class Tally:
    articles: int = 0
    gold: int = 0
    pred: int = 0
    exact: int = 0
    overlap_gold: int = 0
    overlap_pred: int = 0
    ignored: int = 0
    errors: list[float] = dataclasses.field(default_factory=list)

    def add(
        self, article: Article, predicted: dict[Span, tuple[float | None, float | None]]
    ) -> None:
        self.articles += 1
        gold_spans = {g.span for g in article.gold}
        self.gold += len(article.gold)
        matched = ignored = 0
        for span in predicted:
            if any(_overlap(span, g) for g in gold_spans):
                matched += 1
            elif any(_overlap(span, g) for g in article.ignore):
                ignored += 1
        self.ignored += ignored
        self.pred += len(predicted) - ignored
        self.exact += len(gold_spans & set(predicted))
        self.overlap_pred += matched
        for top in article.gold:
            best = max(predicted, key=lambda s: _overlap(s, top.span), default=None)
            if best is None or not _overlap(best, top.span):
                continue
            self.overlap_gold += 1
            if top.lat is None or top.lon is None:
                continue
            lat, lon = predicted[best]
            if lat is None or lon is None:
                self.errors.append(MISSING_KM)
            else:
                self.errors.append(distance_km(lat, lon, top.lat, top.lon))

    def row(self) -> list[str]:
        def prf(tp_pred: int, tp_gold: int) -> list[str]:
            return [f"{100 * v:.1f}" for v in scores.prf(tp_pred, self.pred, tp_gold, self.gold)]

        errors = self.errors
        acc = sum(e <= 161 for e in errors) / len(errors) if errors else 0.0
        return [
            str(self.articles),
            str(self.gold),
            str(self.pred),
            *prf(self.exact, self.exact),
            *prf(self.overlap_pred, self.overlap_gold),
            str(len(errors)),
            f"{100 * acc:.1f}",
            f"{statistics.fmean(errors):.0f}" if errors else "-",
            f"{statistics.median(errors):.0f}" if errors else "-",
        ]


def load_places_pipeline() -> Any:
    """The configured spaCy model plus the places component only (the later stages neither
    change the places nor take part in the timing)."""
    from sitroom.nlp.components import places  # noqa: F401  (registers the factory)

    settings = load_settings()
    nlp = spacy.load(settings.model)
    nlp.add_pipe("sitroom_places", config={"gazetteer_path": str(settings.gazetteer_path)})
    return nlp


def parse(nlp: Any, corpus: str, texts: list[str], cache: Path | None) -> tuple[list[Doc], float]:
    """spaCy's own components only, timed; from the cache when it holds this corpus."""
    model = f"{nlp.meta.get('name')}-{nlp.meta.get('version')}"
    if cache is not None:
        # Not Path.with_suffix: the model version's dot would make every corpus share one file.
        bin_path, meta_path = cache / f"{model}-{corpus}.spacy", cache / f"{model}-{corpus}.json"
        if bin_path.exists() and meta_path.exists():
            meta = json.loads(meta_path.read_text())
            if meta.get("articles") == len(texts):
                docs = list(DocBin().from_disk(bin_path).get_docs(nlp.vocab))
                return docs, float(meta["seconds"])
    names = [n for n in nlp.pipe_names if not n.startswith("sitroom_")]
    docs = []
    started = time.perf_counter()
    for text in texts:
        doc = nlp.make_doc(text)
        for name in names:
            doc = nlp.get_pipe(name)(doc)
        docs.append(doc)
    seconds = time.perf_counter() - started
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs, store_user_data=False).to_disk(bin_path)
        meta_path.write_text(json.dumps({"articles": len(texts), "seconds": seconds}))
    return docs, seconds


HEADER = (
    f"{'corpus':<11} {'split':<5} {'docs':>4} {'gold':>5} {'pred':>5} | "
    f"{'exact P':>7} {'R':>5} {'F1':>5} | {'ovl P':>5} {'R':>5} {'F1':>5} | "
    f"{'geo n':>5} {'acc161':>6} {'mean':>5} {'median':>6}"
)


def _line(corpus: str, split: str, cells: list[str], floor: float | None) -> str:
    (docs, gold, pred, ep, er, ef, op, orr, of, n, acc, mean, median) = cells
    mark = (
        ""
        if floor is None
        else (f"  (floor {floor:.0f}: " + ("met)" if float(acc) >= floor else "NOT met)"))
    )
    return (
        f"{corpus:<11} {split:<5} {docs:>4} {gold:>5} {pred:>5} | {ep:>7} {er:>5} {ef:>5} | "
        f"{op:>5} {orr:>5} {of:>5} | {n:>5} {acc:>6} {mean:>5} {median:>6}{mark}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split",
        choices=("dev", "test", "all"),
        default=None,
        help="one split only (default: all three rows)",
    )
    parser.add_argument("--corpus", nargs="*", choices=list(CORPORA), default=list(CORPORA))
    parser.add_argument("--cache", type=Path, default=None, help="keep spaCy parses here")
    parser.add_argument("--limit", type=int, default=0, help="first N articles of each corpus")
    args = parser.parse_args()
    splits = [args.split] if args.split else ["dev", "test", "all"]

    nlp = load_places_pipeline()
    places = nlp.get_pipe("sitroom_places")
    places.gazetteer.ensure()  # build or open before any timing
    rows: list[str] = []
    parse_total = places_total = 0.0
    articles_total = 0
    for corpus in args.corpus:
        file_name, reader = CORPORA[corpus]
        articles = reader(DATA / file_name)
        if args.limit:
            articles = articles[: args.limit]
        docs, parse_seconds = parse(nlp, corpus, [a.text for a in articles], args.cache)
        tallies = {split: Tally() for split in splits}
        started = time.perf_counter()
        results = [places(doc)._.sitroom_places for doc in docs]
        places_seconds = time.perf_counter() - started
        parse_total += parse_seconds
        places_total += places_seconds
        articles_total += len(articles)
        for number, (article, found) in enumerate(zip(articles, results, strict=True)):
            predicted = {span: (p.lat, p.lon) for p in found for span in p.mentions}
            for split, tally in tallies.items():
                if split == "all" or (split == "dev") == (number % 2 == 0):
                    tally.add(article, predicted)
        for split, tally in tallies.items():
            rows.append(_line(corpus, split, tally.row(), FLOORS.get(corpus)))
        rows.append(
            f"{'':<11} time: parse {parse_seconds:.1f}s, places {places_seconds:.2f}s "
            f"({100 * places_seconds / parse_seconds:.1f}% of parse, "
            f"{1000 * places_seconds / max(1, len(articles)):.1f} ms/article)"
        )
    print(f"Geoparsing on {DATA.name}: spans in characters; resolution within 161 km")
    print(HEADER)
    print("\n".join(rows))
    print(
        f"places component: {places_total:.2f}s for {articles_total} articles = "
        f"{100 * places_total / parse_total:.1f}% of the spaCy parse ({parse_total:.1f}s)"
    )


if __name__ == "__main__":
    main()
