"""Corpus events: one row per happening, merged across articles, on every back end."""

from __future__ import annotations

import dataclasses
import itertools
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitroom.corpus import components
from sitroom.errors import StoreError
from sitroom.model import Document, Extraction
from sitroom.store import EventQuery, Store
from unit.store.corpus_articles import (
    ARTICLES,
    DENIED,
    MEETING,
    MEETING_OTHER_SIDE,
    NOT_ATTACKED,
    OTHER_CLASH,
    PROVINCE,
    SEIZED,
    SEIZED_AGAIN,
)


def snapshot(store: Store) -> set[tuple[Any, ...]]:
    """Every corpus event with its members, comparable across databases.

    Its links are checked to be a spanning tree of the members: which tree depends on the
    order the pairs were tested in, the group it spans does not."""
    found = set()
    for row in store.corpus_events():
        detail = store.corpus_event(row.id)
        assert detail is not None
        members = tuple(sorted((m.document_id, m.event_id) for m in detail.mentions))
        links = [((k.document_a, k.event_a), (k.document_b, k.event_b)) for k in detail.links]
        assert len(links) == len(members) - 1
        assert components(members, links) == [list(members)]
        assert all(link.reason for link in detail.links)
        values = dataclasses.asdict(row)
        values["modalities"] = tuple(sorted(values["modalities"].items()))
        values["publishers"] = tuple(values["publishers"])
        found.add((tuple(sorted(values.items())), members))
    return found


def by_member(store: Store) -> dict[str, str]:
    """document id -> corpus event id (each test article has one event)."""
    return {
        m.document_id: row.id
        for row in store.corpus_events()
        for m in store.corpus_event(row.id).mentions  # type: ignore[union-attr]
    }


def test_one_happening_reported_by_several_outlets_is_one_corpus_event(store: Store) -> None:
    store.add_many(ARTICLES)
    groups = by_member(store)
    tawila = (SEIZED, DENIED, SEIZED_AGAIN, PROVINCE)
    assert len({groups[x.document.id] for x in tawila}) == 1
    assert groups[MEETING.document.id] == groups[MEETING_OTHER_SIDE.document.id]
    # A clash elsewhere the same day, and an attack that did not happen, stay apart.
    separate = {groups[x.document.id] for x in (SEIZED, MEETING, OTHER_CLASH, NOT_ATTACKED)}
    assert len(separate) == 4
    assert len(store.corpus_events()) == 4

    row = next(r for r in store.corpus_events() if r.id == groups[SEIZED.document.id])
    assert (row.mentions, row.articles) == (4, 4)
    assert row.sources == 3  # two Hill Courier articles count once
    assert row.publishers == ["Hill Courier", "Plains Post", "Radio Desert"]
    assert row.contested and (row.claims_for, row.claims_against) == (1, 1)
    assert (row.type, row.place, row.geo_precision, row.country) == ("FIGHT", "Tawila", 1, "SD")
    assert row.modality == "asserted"
    assert row.modalities == {"asserted": 2, "claimed": 1, "denied": 1}
    assert (row.fatalities, row.fatalities_max) == (6, 9)
    assert str(row.date_start) == "2025-05-03"
    assert str(row.first_seen) == "2025-05-04" and str(row.last_seen) == "2025-05-05"


def test_corpus_event_detail_explains_each_link(store: Store) -> None:
    store.add_many(ARTICLES)
    corpus_id = by_member(store)[SEIZED.document.id]
    detail = store.corpus_event(corpus_id)
    assert detail is not None
    assert {m.document_id for m in detail.mentions} == {
        x.document.id for x in (SEIZED, DENIED, SEIZED_AGAIN, PROVINCE)
    }

    # A spanning tree of links: each article's links say why it belongs, whichever member
    # it was tied to. The province report meets the others only by containment; the assault
    # meets only the fighting that names the same front.
    def reasons_of(doc: str) -> str:
        return " | ".join(k.reason for k in detail.links if doc in (k.document_a, k.document_b))

    assert "Tawila lies in North Darfur" in reasons_of("d-province")
    assert "type FIGHT~ASSAULT" in reasons_of("d-seized-2")
    assert "actor free hills front" in reasons_of("d-seized-2")
    assert len(detail.links) == 3
    assert [c.claimant for c in detail.claims_for] == ["Free Hills Front"]
    assert [c.claimant for c in detail.claims_against] == ["Army of the Plains"]
    assert detail.claims_against[0].publisher == "Plains Post"
    assert store.corpus_event("ce-unknown") is None


def test_syndicated_copy_counts_as_an_article_not_as_a_source(store: Store) -> None:
    copy = Extraction(
        document=Document(
            id="d-meeting-copy", text=MEETING.document.text + " ", publisher="Daily Mirror"
        )
    )
    store.add(MEETING)
    store.commit_intake(
        extractions=[copy], near_duplicates=[(copy.document.id, MEETING.document.id, 0.97)]
    )
    store.add(MEETING_OTHER_SIDE)
    [row] = store.corpus_events()
    assert (row.mentions, row.articles, row.sources) == (2, 3, 2)


def test_deleting_an_article_regroups_what_remains(store: Store) -> None:
    store.add_many(ARTICLES)
    assert store.delete_document(SEIZED.document.id)
    assert not store.delete_document(SEIZED.document.id)
    groups = by_member(store)
    assert SEIZED.document.id not in groups
    # The province report was tied to the others only through the deleted article.
    assert groups[PROVINCE.document.id] != groups[DENIED.document.id]
    assert len(store.corpus_events()) == 5
    expected = snapshot(store)
    assert store.rebuild_corpus_events() == 5
    assert snapshot(store) == expected


def test_rebuild_gives_what_incremental_merging_gave(store: Store) -> None:
    for article in ARTICLES:
        store.add(article)
    incremental = snapshot(store)
    assert store.rebuild_corpus_events() == 4
    assert snapshot(store) == incremental


def test_filters_and_pages(store: Store) -> None:
    store.add_many(ARTICLES)
    assert [r.type for r in store.corpus_events(min_sources=3)] == ["FIGHT"]
    assert [r.place for r in store.corpus_events(contested=True)] == ["Tawila"]
    assert len(store.corpus_events(contested=False)) == 3
    meeting = store.corpus_events(EventQuery(type="CONSULT"))
    assert [r.place for r in meeting] == ["Kadugli"]
    # Actor filters match any mention: only the denial names the army as actor1 at Tawila.
    army = store.corpus_events(EventQuery(actor="army of the plains"))
    assert {r.place for r in army} == {"Tawila", "El Fasher"}
    assert store.corpus_events(EventQuery(country="TD")) == []
    everything = store.corpus_events()
    pages, after = [], None
    while True:
        page = store.corpus_events(EventQuery(limit=3, after=after))
        pages.extend(page)
        if len(page) < 3:
            break
        after = page[-1].cursor
    assert [r.id for r in pages] == [r.id for r in everything]
    with pytest.raises(StoreError, match="S507"):
        store.corpus_events(EventQuery(after=store.events()[0].cursor))


@pytest.mark.parametrize("order", [ARTICLES, tuple(reversed(ARTICLES))], ids=["fwd", "rev"])
def test_order_of_arrival_does_not_matter(backend: Any, order: tuple[Extraction, ...]) -> None:
    with Store(backend.url) as store:
        store.migrate()
        for article in order:
            store.add(article)
        got = snapshot(store)
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "ref.db") as ref:
        ref.migrate()
        ref.add_many(ARTICLES)
        assert got == snapshot(ref)


_REFERENCE: dict[str, set[tuple[Any, ...]]] = {}


def _reference() -> set[tuple[Any, ...]]:
    if "all" not in _REFERENCE:
        with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "ref.db") as ref:
            ref.migrate()
            for article in ARTICLES:
                ref.add(article)
            _REFERENCE["all"] = snapshot(ref)
    return _REFERENCE["all"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    order=st.permutations(range(len(ARTICLES))),
    cuts=st.lists(st.integers(min_value=1, max_value=len(ARTICLES) - 1), max_size=3),
)
def test_any_order_and_batching_gives_the_same_corpus_events(
    order: list[int], cuts: list[int]
) -> None:
    """Articles arriving in any order, in batches of any size, give the same corpus events."""
    articles = [ARTICLES[i] for i in order]
    bounds = [0, *sorted(set(cuts)), len(articles)]
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "c.db") as store:
        store.migrate()
        for start, end in itertools.pairwise(bounds):
            store.add_many(articles[start:end])
        assert snapshot(store) == _reference()
