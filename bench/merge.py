"""Corpus events: cross-article merging against ECB+ coreference, and its cost on real news.

    .venv/bin/python bench/merge.py [--articles 600] [--cache PATH] [--part ecb|news|all]

1. ECB+ topics 36-45 (../shared/eval-data/ecbplus-test-topics36-45): every document is
   detokenised, run through the pipeline (no publication dates: ECB+ has none) and stored in
   one temporary SQLite store, so that merging runs across all topics at once. sitroom's event
   mentions whose trigger lies in an annotated sentence are aligned one-to-one to the gold
   ACTION_*/NEG_ACTION_* mentions there by token overlap; on the aligned mentions, sitroom's
   corpus events are scored against the gold chains (cross- and intra-document) by pairwise
   "same happening" links and B-cubed, next to two baselines on the same mentions: singletons,
   and one group per PLOVER type within each ECB+ topic (which cheats: it is told the topic).
   Dev = topics 36-40, test = 41-45. Coverage (gold mentions aligned at all) is partial by
   design: sitroom only codes PLOVER events. Over- and under-merged pairs of the dev topics
   are listed with the link reason, or with the merge test that kept them apart, and a
   what-if table regroups all ECB+ mentions under two candidate rule changes (bench only).
2. Wikinews 2019-2020, GeoWebNews and TR-News (read as bench/ingest.py does; past the 612
   texts, copies are made with a numbered first line and dates moved by 90 days a round):
   all extracted first (cached as JSONL, ``--cache`` to keep it; a cache made by other sitroom
   code is discarded), then stored one by one in
   a fresh SQLite store, timing ``Store.add`` and, within it, ``merge_documents``; then
   ``rebuild_corpus_events`` (and whether it reproduces the incremental result), the sizes
   of the corpus events and the largest ones.
3. ``write_export`` of that store in every format, per event and per corpus event.
4. With ``SITROOM_TEST_POSTGRES_URL`` (a user allowed to create databases), part 2 and 3 on
   a PostgreSQL database made for the run and dropped at its end.

Timings are wall-clock on whatever else the machine is running.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import os
import random
import secrets
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from itertools import combinations
from pathlib import Path
from typing import Any

import sqlalchemy as sa

import sitroom
import sitroom.store.store as store_module
from _ecbplus import (
    WHAT_IF,
    GoldMention,
    Scores,
    align,
    blocker,
    read_corpus,
    score,
    stored_mentions,
    tokens_in,
)
from sitroom.corpus import Mention, components, default_rules
from sitroom.errors import StoreError
from sitroom.ingest.text import make_document, parse_date
from sitroom.model import Document, Event, Extraction
from sitroom.service import Extractor
from sitroom.store import Store
from sitroom.store.export import FORMATS, require_pyarrow, write_export

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval-data"
ECB = SHARED / "ecbplus-test-topics36-45"
SPLITS = {"dev": range(36, 41), "test": range(41, 46), "all": range(36, 46)}
POSTGRES_URL = "SITROOM_TEST_POSTGRES_URL"


# -- 1. ECB+ ---------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Aligned:
    topic: int
    document: str  # ECB+ name
    extraction: Extraction
    event: Event
    gold: GoldMention
    corpus_id: str
    mention: Mention  # the merge's view of the event, as the store loads it

    @property
    def trigger(self) -> str:
        return self.extraction.document.text[slice(*self.event.trigger)]


def what_if(aligned: list[Aligned], mentions: Sequence[Mention]) -> None:
    """Regroup every stored ECB+ mention under rule variants and score the aligned ones."""
    rules = default_rules()
    candidates = [
        (a, b)
        for a, b in combinations(mentions, 2)
        if rules.types_compatible(a.type, b.type) and a.key != b.key
    ]
    print("What-if (bench only, rules unchanged in src/): all ECB+ mentions regrouped per variant")
    print(
        f"{'split':<5} {'variant':<34} {'links g/s/ok':>14} "
        + " ".join(f"{h:>7}" for h in ("pair P", "pair R", "pair F1", "B3 F1"))
    )
    for name, linked in WHAT_IF.items():
        links = [(a.key, b.key) for a, b in candidates if linked(a, b)]
        group: dict[tuple[str, str], tuple[str, str]] = {}
        for members in components([m.key for m in mentions], links):
            for key in members:
                group[key] = members[0]
        if name.startswith("current"):
            agree = all(
                (
                    group[(x.extraction.document.id, x.event.id)]
                    == group[(y.extraction.document.id, y.event.id)]
                )
                == (x.corpus_id == y.corpus_id)
                for x, y in combinations(aligned, 2)
            )
            name = name if agree else name + " (DIFFERS from store!)"
        for split, topics in SPLITS.items():
            part = [a for a in aligned if a.topic in topics]
            s = score((a.gold.chain, group[(a.extraction.document.id, a.event.id)]) for a in part)
            pair_p = f"{s.pair_p:>7.1%}" if s.system_links else f"{'n/a':>7}"
            links_col = f"{s.gold_links}/{s.system_links}/{s.right_links}"
            print(
                f"{split:<5} {name:<34} {links_col:>14} {pair_p} {s.pair_r:>7.1%} "
                f"{s.pair_f:>7.1%} {s.b3_f:>7.1%}"
            )
    print()


def describe(m: Aligned) -> str:
    ev = m.mention
    place = ev.place.name if ev.place else "-"
    actors = f"{ev.actor1 or '-'}>{ev.actor2 or '-'}"
    return f'{m.document} "{m.trigger}" {ev.type}/{ev.modality} @{place} [{actors}]'


def extract(extractor: Extractor, documents: Sequence[Document]) -> list[Extraction]:
    return list(extractor.extract_many(documents))


def run_ecb(extractor: Extractor, folder: Path, examples: int) -> None:
    ecb_docs, selected = read_corpus(ECB)
    started = time.perf_counter()
    documents = [make_document(d.text, source=d.name) for d in ecb_docs]
    extractions = extract(extractor, documents)
    extracted = time.perf_counter() - started
    store = Store(folder / "ecbplus.sqlite")
    store.migrate()
    started = time.perf_counter()
    for ex in extractions:
        store.add(ex)
    stored = time.perf_counter() - started
    mentions = stored_mentions(store, [d.id for d in documents])

    aligned: list[Aligned] = []
    counts: Counter[tuple[int, str]] = Counter()
    for doc, document in zip(ecb_docs, documents, strict=True):
        stored_ex = store.get_extraction(document.id)
        assert stored_ex is not None, doc.name
        ex = stored_ex
        corpus = store.corpus_ids_of(document.id)
        gold = [m for m in doc.mentions if (doc.name, m.sentence) in selected]
        system = []
        for event in ex.events:
            tokens = tokens_in(doc.token_spans, event.trigger)
            if tokens and (doc.name, doc.token_sentence[min(tokens)]) in selected:
                system.append((event.id, tokens))
        counts[(doc.topic, "gold")] += len(gold)
        counts[(doc.topic, "system")] += len(system)
        by_id = {e.id: e for e in ex.events}
        by_m = {m.m_id: m for m in gold}
        pairs = align(system, [(m.m_id, m.tokens) for m in gold])
        for event_id, m_id in pairs.items():
            g = by_m[str(m_id)]
            event = by_id[str(event_id)]
            aligned.append(
                Aligned(
                    doc.topic,
                    doc.name,
                    ex,
                    event,
                    g,
                    corpus[event.id],
                    mentions[(document.id, event.id)],
                )
            )
    print(
        f"ECB+ topics 36-45: {len(ecb_docs)} documents, pipeline {extracted:.0f}s, "
        f"stored (with merging) in {stored:.1f}s, "
        f"{len(store.corpus_events())} corpus events"
    )
    print(
        "Gold: ACTION_*/NEG_ACTION_* mentions in the annotated sentences; chains = cross-doc "
        "+ intra-doc coreference, other mentions singletons."
    )
    print()
    print(
        f"{'split':<5} {'gold':>5} {'sitroom':>7} {'aligned':>7} {'coverage':>8} "
        f"{'gold links':>10} {'of them aligned':>15}"
    )
    gold_all = [(d, m) for d in ecb_docs for m in d.mentions if (d.name, m.sentence) in selected]
    for split, topics in SPLITS.items():
        n_gold = sum(counts[(t, "gold")] for t in topics)
        n_sys = sum(counts[(t, "system")] for t in topics)
        part = [a for a in aligned if a.topic in topics]
        all_links = score((m.chain, 0) for d, m in gold_all if d.topic in topics).gold_links
        links = score((a.gold.chain, 0) for a in part).gold_links
        print(
            f"{split:<5} {n_gold:>5} {n_sys:>7} {len(part):>7} {len(part) / n_gold:>8.1%} "
            f"{all_links:>10} {links / all_links:>15.1%}"
        )
    print(
        "(sitroom = its event mentions in those sentences; aligned = one-to-one by token "
        "overlap; coverage = aligned / gold)"
    )
    print()
    methods: dict[str, Callable[[Aligned], Any]] = {
        "sitroom corpus events": lambda a: a.corpus_id,
        "singletons": lambda a: (a.document, a.event.id),
        "same type+topic (cheat)": lambda a: (a.topic, a.event.type),
    }
    heads = ("pair P", "pair R", "pair F1", "B3 P", "B3 R", "B3 F1")
    print(
        f"{'split':<5} {'method':<24} {'n':>4} {'links g/s/ok':>14} "
        + " ".join(f"{h:>7}" for h in heads)
    )
    for split, topics in SPLITS.items():
        part = [a for a in aligned if a.topic in topics]
        for name, cluster in methods.items():
            s = score((a.gold.chain, cluster(a)) for a in part)
            print(f"{split:<5} {name:<24} {_row(s)}")
    cross = sum(
        1 for a, b in combinations(aligned, 2) if a.corpus_id == b.corpus_id and a.topic != b.topic
    )
    print(f"sitroom links between aligned mentions of different topics (all wrong): {cross}")
    print()
    diagnose([a for a in aligned if a.topic in SPLITS["dev"]], store, examples)
    what_if(aligned, [mentions[key] for key in sorted(mentions)])


def _row(s: Scores) -> str:
    links = f"{s.gold_links}/{s.system_links}/{s.right_links}"
    pair_p = f"{s.pair_p:>7.1%}" if s.system_links else f"{'n/a':>7}"
    return (
        f"{s.mentions:>4} {links:>14} {pair_p} {s.pair_r:>7.1%} {s.pair_f:>7.1%} "
        f"{s.b3_p:>7.1%} {s.b3_r:>7.1%} {s.b3_f:>7.1%}"
    )


def diagnose(dev: list[Aligned], store: Store, examples: int) -> None:
    """Over-merged pairs (with the link's reason) and under-merged ones (with the blocker)."""
    reasons: dict[frozenset[tuple[str, str]], str] = {}
    for cid in sorted({a.corpus_id for a in dev}):
        detail = store.corpus_event(cid)
        for link in detail.links if detail else []:
            pair = frozenset({(link.document_a, link.event_a), (link.document_b, link.event_b)})
            reasons[pair] = link.reason
    over: list[tuple[Aligned, Aligned, str]] = []
    under: list[tuple[Aligned, Aligned, str]] = []
    for a, b in combinations(dev, 2):
        same_sys, same_gold = a.corpus_id == b.corpus_id, a.gold.chain == b.gold.chain
        keys = frozenset(
            {(a.extraction.document.id, a.event.id), (b.extraction.document.id, b.event.id)}
        )
        if same_sys and not same_gold:
            over.append((a, b, reasons.get(keys, "(linked only through other mentions)")))
        elif same_gold and not same_sys:
            under.append((a, b, blocker(a.mention, b.mention)))
    print(
        f"Dev topics 36-40: {len(over)} over-merged pairs (sitroom links, gold does not), "
        f"{len(under)} under-merged pairs (gold links, sitroom does not)"
    )
    kinds = Counter(
        "direct link: " + (r.split(";")[1].strip().split(" ")[0] if ";" in r else r)
        if not r.startswith("(")
        else r
        for _, _, r in over
    )
    cross_doc = sum(a.document != b.document for a, b, _ in over)
    print(f"  over-merged, by link ({cross_doc} across documents):")
    for kind, n in kinds.most_common(6):
        print(f"    {n:>5}  {kind}")
    print("  under-merged, by the first merge test that fails (same article / across articles):")
    same_doc = Counter(r for a, b, r in under if a.document == b.document)
    across = Counter(r for a, b, r in under if a.document != b.document)
    for kind, n in Counter(r for _, _, r in under).most_common():
        print(f"    {n:>5}  {kind:<52} {same_doc[kind]:>4} / {across[kind]}")
    rng = random.Random(7)
    for title, pairs in (("over-merged", over), ("under-merged", under)):
        print(f"  examples, {title}:")
        distinct = {(describe(a), describe(b)): (a, b, r) for a, b, r in pairs}
        direct = [p for p in distinct.values() if not p[2].startswith("(")] or list(
            distinct.values()
        )
        for a, b, reason in rng.sample(direct, min(examples, len(direct))):
            print(f"    {describe(a)}  <{a.gold.label}>")
            print(f"    {describe(b)}  <{b.gold.label}>")
            print(f"      -> {reason}")
    print()


# -- 2. news: merging cost -------------------------------------------------------------------


def load_news(count: int, seed: int) -> list[Document]:
    from ingest import load_articles  # Wikinews 2019-2020, GeoWebNews, TR-News

    pool = load_articles()
    random.Random(seed).shuffle(pool)
    documents = []
    for number in range(count):
        article, round_ = pool[number % len(pool)], number // len(pool)
        text, date = article.text, parse_date(article.date)
        if round_:
            text = f"Report {number + 1}.\n\n{text}"
            date = date + dt.timedelta(days=90 * round_) if date else None
        documents.append(
            make_document(
                text,
                source=f"news/{number}",
                title=article.title,
                url=article.url or None,
                published=date,
            )
        )
    return documents


def pipeline_fingerprint() -> str:
    """A hash of sitroom's code and data files, so a cache from other code is not reused."""
    digest = hashlib.sha256()
    root = Path(sitroom.__file__).parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".yaml", ".json", ".txt", ".tsv", ".csv"}:
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def cached_extractions(
    extractor: Extractor, documents: list[Document], cache: Path
) -> tuple[list[Extraction], float, int]:
    """Extractions of ``documents``: from the JSONL cache, the missing ones run and appended."""
    known: dict[str, Extraction] = {}
    header = json.dumps({"pipeline": pipeline_fingerprint()})
    lines = cache.read_text(encoding="utf-8").splitlines() if cache.exists() else []
    if lines[:1] == [header]:
        for line in lines[1:]:
            ex = Extraction.model_validate_json(line)
            known[ex.document.id] = ex
    else:  # made by another version of the code: start afresh
        cache.write_text(header + "\n", encoding="utf-8")
    missing = [d for d in documents if d.id not in known]
    started = time.perf_counter()
    with cache.open("a", encoding="utf-8") as out:
        for ex in extractor.extract_many(missing):
            known[ex.document.id] = ex
            out.write(ex.to_json() + "\n")
    return [known[d.id] for d in documents], time.perf_counter() - started, len(missing)


def _ms(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


@contextmanager
def timed(name: str) -> Iterator[list[float]]:
    """Time every call of ``sitroom.store.store.<name>`` (``merge_documents``, ``rebuild``:
    the names ``Store`` calls, patched where it looks them up and put back afterwards)."""
    original = getattr(store_module, name)
    spent: list[float] = []

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - started)

    setattr(store_module, name, wrapper)
    try:
        yield spent
    finally:
        setattr(store_module, name, original)


def run_news(store: Store, extractions: list[Extraction], label: str) -> None:
    store.migrate()
    add_times: list[float] = []
    added = 0
    failed: list[str] = []
    with timed("merge_documents") as merge_times:
        for ex in extractions:
            started = time.perf_counter()
            try:
                added += store.add(ex)
            except StoreError as err:  # reported below; the article's transaction rolled back
                failed.append(f"{ex.document.id} {ex.document.title!r}: {err}"[:160])
                del merge_times[len(add_times) :]
                continue
            add_times.append(time.perf_counter() - started)
    corpus = list(store.iter_corpus_events())
    before = {c.id: (c.mentions, c.articles) for c in corpus}
    with timed("rebuild") as corpus_part:
        started = time.perf_counter()
        rebuilt = store.rebuild_corpus_events()
        rebuild = time.perf_counter() - started
    after = {c.id: (c.mentions, c.articles) for c in store.iter_corpus_events()}
    mentions = sum(c.mentions for c in corpus)
    last = add_times[-100:]
    print(f"Merging cost, {label}")
    print(f"  articles stored                   {added:>9}  (of {len(extractions)})")
    for line in failed:
        print(f"    FAILED to store {line}")
    print(f"  event mentions                    {mentions:>9}")
    print(f"  corpus events                     {len(corpus):>9}")
    print(f"  mentions / corpus event           {mentions / max(len(corpus), 1):>9.2f}")
    for name, values in (
        ("Store.add ms/article", add_times),
        ("  last 100 articles", last),
        ("merge_documents ms", merge_times),
    ):
        print(f"  {name:<22}median/p95  {_ms(values, 0.5):>9.1f} {_ms(values, 0.95):>8.1f}")
    print(f"  merge share of Store.add total    {sum(merge_times) / sum(add_times):>9.1%}")
    print(
        f"  rebuild_corpus_events() s         {rebuild:>9.2f}  ({rebuilt} corpus events; "
        f"{'same' if before == after else 'DIFFERENT'} groups as stored one by one)"
    )
    print(
        f"    of which corpus rebuild() s     {sum(corpus_part):>9.2f}  (the rest: actor registry)"
    )
    sizes = Counter(
        "1" if c.mentions == 1 else "2" if c.mentions == 2 else "3-5" if c.mentions <= 5 else "6+"
        for c in corpus
    )
    multi = [c for c in corpus if c.articles > 1]
    print(
        "  corpus events by mentions:  "
        + "  ".join(
            f"{k}: {sizes[k]} ({sizes[k] / max(len(corpus), 1):.0%})"
            for k in ("1", "2", "3-5", "6+")
        )
        + f"  | from 2+ articles: {len(multi)}"
    )
    print(f"  {'largest':<10} {'type':<10} {'place':<22} {'dates':<23} {'ment.':>5} {'art.':>5}")
    for c in sorted(corpus, key=lambda c: (-c.mentions, c.id))[:5]:
        dates = f"{c.date_start or '?'}..{c.date_end or '?'}" if c.date_start else "undated"
        place = f"{c.place or '-'} ({c.country or '-'})"[:22]
        print(
            f"  {c.id[:10]:<10} {c.type:<10} {place:<22} {dates:<23} {c.mentions:>5} "
            f"{c.articles:>5}"
        )
    print()


def run_exports(store: Store, folder: Path) -> None:
    require_pyarrow()  # imported before the clock starts
    print(f"  {'export':<8} {'records':<10} {'count':>7} {'seconds':>8} {'MB':>7}")
    for corpus in (False, True):
        for fmt in FORMATS:
            path = folder / f"export-{int(corpus)}.{fmt}"
            started = time.perf_counter()
            count = write_export(store, fmt, path, corpus=corpus)
            seconds = time.perf_counter() - started
            kind = "corpus" if corpus else "events" if fmt != "jsonl" else "documents"
            print(
                f"  {fmt:<8} {kind:<10} {count:>7} {seconds:>8.2f} "
                f"{path.stat().st_size / 1e6:>7.2f}"
            )
            path.unlink()
    print()


@contextmanager
def postgres_database(url: str) -> Iterator[str]:
    """A new database beside the one ``url`` names, dropped afterwards."""
    base = sa.engine.make_url(url)
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    name = f"sitroom_bench_{os.getpid()}_{secrets.token_hex(3)}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'")
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600, help="news articles for part 2")
    parser.add_argument("--cache", type=Path, help="JSONL of extractions to reuse/extend")
    parser.add_argument("--part", choices=("ecb", "news", "all"), default="all")
    parser.add_argument("--examples", type=int, default=6, help="pairs shown per kind")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    extractor = Extractor(nlp=sitroom.load())
    with tempfile.TemporaryDirectory(prefix="sitroom-merge-") as tmp:
        folder = Path(tmp)
        if args.part in ("ecb", "all"):
            run_ecb(extractor, folder, args.examples)
        if args.part == "ecb":
            return
        documents = load_news(args.articles, args.seed)
        cache = args.cache or folder / "extractions.jsonl"
        extractions, seconds, ran = cached_extractions(extractor, documents, cache)
        print(
            f"News: {len(documents)} articles (Wikinews 2019-2020, GeoWebNews, TR-News; "
            f"{max(0, len(documents) - 612)} repeats), {ran} extracted in {seconds:.0f}s "
            f"(not part of the timings), {len(documents) - ran} from {cache}"
        )
        print()
        store = Store(folder / "news.sqlite")
        run_news(store, extractions, "SQLite, one article per Store.add")
        run_exports(store, folder)
        store.close()
        url = os.environ.get(POSTGRES_URL)
        if not url:
            print(f"PostgreSQL: skipped ({POSTGRES_URL} is not set)")
            return
        with postgres_database(url) as pg_url:
            pg = Store(pg_url)
            run_news(pg, extractions, "PostgreSQL, one article per Store.add")
            run_exports(pg, folder)
            pg.close()


if __name__ == "__main__":
    main()
