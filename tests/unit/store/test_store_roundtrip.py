from __future__ import annotations

import pytest

from sitroom.errors import StoreError
from sitroom.model import Entity, Extraction
from sitroom.store import Store
from unit.store.backends import Backend


def test_extraction_round_trips_exactly(store: Store, rich: Extraction, plain: Extraction) -> None:
    assert store.add(rich) is True
    assert store.add(plain) is True
    for original in (rich, plain):
        loaded = store.get_extraction(original.document.id)
        assert loaded == original
        assert loaded is not None
        assert loaded.to_json() == original.to_json()


def test_unknown_document_reads_as_none(store: Store) -> None:
    assert store.get_extraction("nope") is None
    assert store.has_document("nope") is False


def test_adding_the_same_document_twice_stores_it_once(store: Store, rich: Extraction) -> None:
    assert store.add(rich) is True
    assert store.add(rich) is False
    assert store.has_document(rich.document.id)
    summary = store.summary()
    assert (summary.documents, summary.events, summary.entities) == (1, 3, 4)


def test_add_many_flags_each_input(store: Store, rich: Extraction, plain: Extraction) -> None:
    assert store.add(rich) is True
    assert store.add_many([plain, rich, plain]) == [True, False, False]
    assert store.add_many([]) == []
    assert {d.id for d in store.documents()} == {rich.document.id, plain.document.id}


def test_documents_list(filled: Store, rich: Extraction, plain: Extraction) -> None:
    # One batch shares one ingestion time, so the id breaks the tie.
    second, first = filled.documents()
    assert (second.id, first.id) == (plain.document.id, rich.document.id)
    assert first.title == rich.document.title
    assert first.published == rich.document.published
    assert (first.event_count, second.event_count) == (3, 1)
    assert second.published is None
    assert first.ingested_at.year >= 2025


def test_deleting_a_document_cascades(filled: Store, backend: Backend, rich: Extraction) -> None:
    backend.execute("DELETE FROM documents WHERE id = :id", id=rich.document.id)
    summary = filled.summary()
    assert summary.documents == 1
    assert summary.events == 1
    assert summary.claims == summary.contradictions == summary.figures == 0


def test_summary_counts(filled: Store) -> None:
    summary = filled.summary()
    assert summary.documents == 2
    assert summary.events == 4
    assert summary.events_by_type == {"ASSAULT": 2, "CONSULT": 1, "PROTEST": 1}
    assert list(summary.events_by_type) == ["ASSAULT", "CONSULT", "PROTEST"]
    assert (summary.entities, summary.places, summary.quotes) == (6, 3, 2)
    assert (summary.claims, summary.contradictions, summary.figures) == (2, 1, 2)


def test_a_failing_batch_writes_nothing(store: Store, rich: Extraction, plain: Extraction) -> None:
    twin = Entity(id="e1", name="duplicate id", label="ORG")
    broken = rich.model_copy(update={"entities": [*rich.entities, twin]})
    with pytest.raises(StoreError, match="cannot write to database") as info:
        store.add_many([plain, broken])
    assert info.value.code == "S504"
    assert store.summary().documents == 0
    assert store.add_many([plain, rich]) == [True, True]


def test_extractions_in_the_order_asked(filled: Store, rich: Extraction, plain: Extraction) -> None:
    ids = [plain.document.id, "unknown", rich.document.id, plain.document.id]
    assert list(filled.extractions(ids)) == [plain, rich, plain]
    assert list(filled.extractions([])) == []
    assert filled.document_ids() == [plain.document.id, rich.document.id]
