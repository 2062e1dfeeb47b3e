"""Acceptance of the cross-article merge on the corpus article and two short reports of parts of
it that we wrote (tests/fixtures/corpus-rewrites): the Panjshir takeover is one corpus event in
two articles, contested; the UN meeting in Kabul is one corpus event in two articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitroom.ingest.text import make_document
from sitroom.service import Extractor
from sitroom.store import EventQuery, Store

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[2]
REWRITES = ROOT / "tests/fixtures/corpus-rewrites"
DAY = dt.date(2021, 9, 6)


@pytest.fixture(scope="module")
def store(  # type: ignore[no-untyped-def]
    corpus_article: Path, nlp, tmp_path_factory: pytest.TempPathFactory
) -> Store:
    sources = [
        (corpus_article, "Mehr News"),
        (REWRITES / "panjshir-claim.txt", "Kabul Ledger"),
        (REWRITES / "un-meeting.txt", "Relief Wire"),
    ]
    documents = [
        make_document(path.read_text(encoding="utf-8"), publisher=outlet, published=DAY)
        for path, outlet in sources
    ]
    store = Store(tmp_path_factory.mktemp("merge") / "corpus.db")
    store.migrate()
    # One at a time, as articles arrive.
    extractor = Extractor(nlp=nlp)
    for document in documents:
        store.add(extractor.extract(document))
    return store


def _only(store: Store, kind: str, place: str):  # type: ignore[no-untyped-def]
    found = [r for r in store.corpus_events(EventQuery(type=kind)) if r.place == place]
    assert len(found) == 1, [(r.id, r.place, r.articles) for r in found]
    return found[0]


def test_panjshir_takeover_is_one_contested_event_in_two_articles(store: Store) -> None:
    row = _only(store, "FIGHT", "Panjshir")
    assert (row.articles, row.sources) == (2, 2)
    assert row.contested and row.claims_for and row.claims_against
    assert row.publishers == ["Kabul Ledger", "Mehr News"]
    detail = store.corpus_event(row.id)
    assert detail is not None
    assert {m.publisher for m in detail.mentions} == {"Kabul Ledger", "Mehr News"}
    assert any(c.claimant and "Resistance Front" in c.claimant for c in detail.claims_against)
    assert all(link.reason for link in detail.links)


def test_un_meeting_in_kabul_is_one_event_in_two_articles(store: Store) -> None:
    row = _only(store, "CONSULT", "Kabul")
    assert (row.articles, row.sources) == (2, 2)
    assert {row.actor1, row.actor2} >= {"Taliban"}


def test_rebuilding_gives_the_same_corpus_events(store: Store) -> None:
    before = [(r.id, r.mentions, r.articles, r.contested) for r in store.corpus_events()]
    store.rebuild_corpus_events()
    after = [(r.id, r.mentions, r.articles, r.contested) for r in store.corpus_events()]
    assert after == before
