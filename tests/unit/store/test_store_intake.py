"""Store.commit_intake and the intake queries, on real SQLite files and PostgreSQL databases."""

from __future__ import annotations

import pytest

from sitroom.errors import StoreError
from sitroom.model import Document, Extraction
from sitroom.store import InputRecord, Store
from sitroom.store.intake import MAX_BAND_KEY
from unit.store.backends import Backend

RICH = "a1b2c3d4e5f60718"


def doc(doc_id: str, title: str | None = None) -> Extraction:
    return Extraction(document=Document(id=doc_id, title=title, text=f"Text of {doc_id}."))


def sig(doc_id: str, *keys: int) -> tuple[str, bytes, list[int]]:
    return (doc_id, f"sig:{doc_id}".encode(), list(keys))


def test_commit_intake_writes_everything_together(store: Store, rich: Extraction) -> None:
    copy = doc("copy0000000000001", title="Copy")
    added = store.commit_intake(
        extractions=[rich, copy, rich],
        inputs=[
            InputRecord(
                "feed.xml#item=1",
                "processed",
                origin="feed.xml",
                document_id=RICH,
                published_from="feed",
                author="A. Writer",
                language="en",
            ),
            InputRecord("feed.xml#item=2", "near_duplicate", document_id=copy.document.id),
            InputRecord("broken.html", "error", code="S203", reason="cannot decode"),
        ],
        signatures=[sig(RICH, 1, 2, 3), sig(copy.document.id, 4, 2, 6)],
        near_duplicates=[(copy.document.id, RICH, 0.8)],
    )
    assert added == [True, True, False]
    assert store.get_extraction(RICH) == rich
    assert store.near_duplicate_of(copy.document.id) == [(RICH, 0.8)]
    assert store.near_duplicate_of(RICH) == []
    marks = {row.id: row.near_duplicate_of for row in store.documents()}
    assert marks == {RICH: None, copy.document.id: RICH}

    rows = {row.source: row for row in store.inputs()}
    first = rows["feed.xml#item=1"]
    assert (first.status, first.origin, first.document_id) == ("processed", "feed.xml", RICH)
    assert (first.published_from, first.author, first.language) == ("feed", "A. Writer", "en")
    assert first.title == rich.document.title
    assert rows["feed.xml#item=2"].title == "Copy"
    broken = rows["broken.html"]
    assert (broken.status, broken.code, broken.reason) == ("error", "S203", "cannot decode")
    assert broken.title is None
    assert broken.updated_at == first.updated_at


def test_add_many_is_commit_intake_with_extractions_only(store: Store, plain: Extraction) -> None:
    assert store.add_many([plain, plain]) == [True, False]
    assert store.add_many([]) == []
    assert store.commit_intake() == []
    assert store.inputs() == []


def test_commit_intake_is_all_or_nothing(store: Store, backend: Backend, rich: Extraction) -> None:
    store.commit_intake(inputs=[InputRecord("a.txt", "error", code="S201", reason="missing")])
    with pytest.raises(StoreError, match=r"(?i)foreign key") as info:
        store.commit_intake(
            extractions=[rich],
            inputs=[
                InputRecord("a.txt", "processed", document_id=RICH),
                InputRecord("b.txt", "processed", document_id=RICH),
            ],
            signatures=[sig(RICH, 1, 2, 3)],
            # The last statement of the transaction fails: the original was never stored.
            near_duplicates=[(RICH, "never0stored0000", 0.9)],
        )
    assert info.value.code == "S504"
    assert not store.has_document(RICH)
    assert store.input_statuses(["a.txt", "b.txt"]) == {"a.txt": "error"}
    assert store.near_candidates([1, 2, 3]) == []
    for table in ("documents", "entities", "events", "doc_signatures", "doc_bands"):
        assert backend.count(table) == 0, table
    assert backend.count("near_duplicates") == 0
    assert backend.count("inputs") == 1


def test_invalid_batches_fail_before_writing(store: Store, rich: Extraction) -> None:
    bad_batches: list[dict[str, object]] = [
        {"inputs": [InputRecord("x", "done")]},  # type: ignore[arg-type]
        {"inputs": [InputRecord("", "processed")]},
        {"signatures": [sig(RICH, 1, -1)]},
        {"signatures": [sig(RICH, MAX_BAND_KEY + 1)]},
        {"signatures": [(RICH, b"s", [1.5])]},
        {"near_duplicates": [(RICH, RICH, 1.0)]},
        {"near_duplicates": [(RICH, "other", 1.5)]},
        {"near_duplicates": [(RICH, "other", float("nan"))]},
    ]
    for batch in bad_batches:
        with pytest.raises(StoreError) as info:
            store.commit_intake(extractions=[rich], **batch)  # type: ignore[arg-type]
        assert info.value.code == "S507", batch
    assert not store.has_document(RICH)
    with pytest.raises(StoreError, match="63-bit"):
        store.near_candidates([2**63])


def test_a_later_record_replaces_an_earlier_one(store: Store, plain: Extraction) -> None:
    store.commit_intake(
        inputs=[
            InputRecord("page.html", "error", origin="list.txt", code="S502", reason="timeout"),
            InputRecord("other.html", "unsupported", reason="language 'xx'"),
        ]
    )
    store.commit_intake(
        extractions=[plain],
        inputs=[
            InputRecord("page.html", "error", code="S203", reason="first"),
            # Within one call the last record for a source wins.
            InputRecord("page.html", "processed", document_id=plain.document.id),
        ],
    )
    rows = {row.source: row for row in store.inputs()}
    assert len(rows) == 2
    page = rows["page.html"]
    assert (page.status, page.document_id, page.code, page.reason, page.origin) == (
        "processed",
        plain.document.id,
        None,
        None,
        None,
    )
    assert page.updated_at > rows["other.html"].updated_at
    assert [row.source for row in store.inputs()] == ["page.html", "other.html"]

    # A row read back can be written again as it is.
    store.commit_intake(inputs=[rows["other.html"]])
    assert store.input_statuses(["other.html"]) == {"other.html": "unsupported"}


def test_input_statuses_over_many_sources(store: Store) -> None:
    statuses = ("processed", "duplicate", "near_duplicate", "unsupported", "error")
    records = [
        InputRecord(f"big.jsonl#line={n}", statuses[n % len(statuses)])  # type: ignore[arg-type]
        for n in range(1203)
    ]
    store.commit_intake(inputs=records)
    asked = [f"big.jsonl#line={n}" for n in range(0, 1300)] + ["big.jsonl#line=7"]
    found = store.input_statuses(asked)
    assert found == {r.source: r.status for r in records}
    assert store.input_statuses([]) == {}
    assert store.input_statuses(["nothing"]) == {}


def test_near_candidates_share_a_band_and_key(store: Store) -> None:
    a, b, c = doc("aaaa000000000000"), doc("bbbb000000000000"), doc("cccc000000000000")
    store.commit_intake(
        extractions=[a, b, c],
        signatures=[
            sig(a.document.id, 10, 20, 30),
            sig(b.document.id, 40, 50, 60),
            sig(c.document.id, 70, 20, MAX_BAND_KEY),
        ],
    )
    ids = [a.document.id, b.document.id, c.document.id]
    assert store.near_candidates([99, 20, 98]) == [
        (ids[0], b"sig:" + ids[0].encode()),
        (ids[2], b"sig:" + ids[2].encode()),
    ]
    # The same key in another band is not a match.
    assert store.near_candidates([20, 99, 98]) == []
    assert [d for d, _ in store.near_candidates([40, 99, MAX_BAND_KEY])] == ids[1:]
    assert store.near_candidates([]) == []
    # More bands than one statement's parameters allow: the match is in the last band.
    store.commit_intake(signatures=[sig(b.document.id, *range(1000, 1400), 5)])
    assert [d for d, _ in store.near_candidates([*range(2000, 2400), 5])] == [ids[1]]

    # A new signature replaces all of the document's earlier bands.
    store.commit_intake(signatures=[sig(a.document.id, 11, 21)])
    assert [d for d, _ in store.near_candidates([99, 20, 98])] == [ids[2]]
    assert [d for d, _ in store.near_candidates([11])] == [ids[0]]


def test_links_cascade_with_their_documents(store: Store, backend: Backend) -> None:
    a, b = doc("aaaa000000000000"), doc("bbbb000000000000")
    store.commit_intake(
        extractions=[a, b],
        signatures=[sig(a.document.id, 1), sig(b.document.id, 1)],
        near_duplicates=[(b.document.id, a.document.id, 0.7)],
    )
    backend.execute("DELETE FROM documents WHERE id = :id", id=a.document.id)
    assert store.near_duplicate_of(b.document.id) == []
    assert [d for d, _ in store.near_candidates([1])] == [b.document.id]


def test_near_duplicate_of_closest_first(store: Store) -> None:
    a, b, c = doc("aaaa000000000000"), doc("bbbb000000000000"), doc("cccc000000000000")
    store.commit_intake(
        extractions=[a, b, c],
        near_duplicates=[(c.document.id, a.document.id, 0.6), (c.document.id, b.document.id, 0.9)],
    )
    assert store.near_duplicate_of(c.document.id) == [(b.document.id, 0.9), (a.document.id, 0.6)]
    # Linking again updates the similarity instead of failing.
    store.commit_intake(near_duplicates=[(c.document.id, a.document.id, 0.95)])
    assert store.near_duplicate_of(c.document.id)[0] == (a.document.id, 0.95)
    (row,) = [r for r in store.documents() if r.id == c.document.id]
    assert row.near_duplicate_of == a.document.id


def test_summary_counts_inputs_and_near_duplicates(store: Store) -> None:
    empty = store.summary()
    assert (empty.inputs_by_status, empty.near_duplicates) == ({}, 0)
    a, b, c = doc("aaaa000000000000"), doc("bbbb000000000000"), doc("cccc000000000000")
    store.commit_intake(
        extractions=[a, b, c],
        inputs=[
            InputRecord("a", "processed", document_id=a.document.id),
            InputRecord("b", "near_duplicate", document_id=b.document.id),
            InputRecord("c", "near_duplicate", document_id=c.document.id),
            InputRecord("c2", "duplicate", document_id=c.document.id),
            InputRecord("x", "error", code="S201"),
            InputRecord("y", "error", code="S202"),
            InputRecord("z", "error", code="S203"),
        ],
        near_duplicates=[
            (b.document.id, a.document.id, 0.8),
            (c.document.id, a.document.id, 0.7),
            (c.document.id, b.document.id, 0.9),
        ],
    )
    summary = store.summary()
    assert summary.documents == 3
    assert summary.inputs_by_status == {
        "error": 3,
        "near_duplicate": 2,
        "duplicate": 1,
        "processed": 1,
    }
    assert list(summary.inputs_by_status) == ["error", "near_duplicate", "duplicate", "processed"]
    assert summary.near_duplicates == 2


def test_inputs_filter_and_limit(store: Store) -> None:
    store.commit_intake(inputs=[InputRecord("old", "error", code="S201")])
    store.commit_intake(
        inputs=[
            InputRecord("b", "error", code="S203"),
            InputRecord("a", "error", code="S204"),
            InputRecord("ok", "processed"),
        ]
    )
    assert [r.source for r in store.inputs(status="error")] == ["a", "b", "old"]
    assert [r.source for r in store.inputs(status="error", limit=2)] == ["a", "b"]
    assert [r.source for r in store.inputs(status="processed")] == ["ok"]
    assert store.inputs(status="duplicate") == []
    assert len(store.inputs()) == 4
    assert store.inputs(limit=0) == []
    with pytest.raises(StoreError, match="unknown input status 'failed'") as info:
        store.inputs(status="failed")
    assert info.value.code == "S507"
    with pytest.raises(StoreError, match="negative") as info:
        store.inputs(limit=-1)
    assert info.value.code == "S507"


def test_intake_methods_refuse_an_unmigrated_database(backend: Backend) -> None:
    with Store(backend.url) as store:
        for call in (
            lambda: store.input_statuses(["a"]),
            store.inputs,
            lambda: store.near_candidates([1]),
            lambda: store.near_duplicate_of("a"),
            lambda: store.commit_intake(inputs=[InputRecord("a", "error")]),
        ):
            with pytest.raises(StoreError, match="migrate") as info:
                call()
            assert info.value.code == "S506"
