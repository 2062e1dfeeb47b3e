"""Migration 2 ("intake tables") on databases made at version 1, on both backends."""

from __future__ import annotations

import pytest

from sitroom.model import Extraction
from sitroom.store import InputRecord, Store
from sitroom.store.migrations import latest_version
from unit.store.backends import Backend
from unit.store.old_versions import INTAKE_TABLES, make_old_database, table_shape


@pytest.mark.parametrize("old_shape", [True, False], ids=["old-shape", "migration-1"])
def test_migration_2_upgrades_a_version_1_database(
    backend: Backend, rich: Extraction, old_shape: bool
) -> None:
    old = backend.url
    make_old_database(old, 1, [rich], old_shape=old_shape)
    assert all(table_shape(old, name)["exists"] is not old_shape for name in INTAKE_TABLES)

    with Store(old) as store:
        assert store.migrate() == list(range(2, latest_version() + 1))
        assert store.migrate() == []
        assert store.get_extraction(rich.document.id) == rich
        assert store.summary().documents == 1
        (row,) = store.documents()
        assert row.near_duplicate_of is None
        store.commit_intake(
            inputs=[InputRecord("vostok.html", "processed", document_id=rich.document.id)],
            signatures=[(rich.document.id, b"sig", [7, 8])],
        )
        assert store.input_statuses(["vostok.html"]) == {"vostok.html": "processed"}
        assert [d for d, _ in store.near_candidates([7])] == [rich.document.id]
    versions = backend.execute("SELECT version, name FROM schema_migrations ORDER BY 1")
    assert [tuple(v) for v in versions] == [
        (1, "create schema"),
        (2, "intake tables"),
        (3, "text search"),
        (4, "cross-document contradictions"),
        (5, "corpus events"),
        (6, "actor registry"),
        (7, "event place basis"),
        (8, "durations and inferred event fields"),
        (9, "flat views for analysts' tools"),
        (10, "watched sources and alerts"),
        (11, "claim propositions and sides"),
        (12, "background events and figure periods"),
        (13, "store revision"),
        (14, "quote search per document"),
        (15, "list query indexes"),
        (16, "corpus event and quad list indexes"),
        (17, "claim counts by measure"),
    ]

    # The upgraded tables are exactly those a fresh database gets from schema.py.
    fresh = backend.new_url()
    with Store(fresh) as store:
        assert store.migrate() == list(range(1, latest_version() + 1))
    for table in INTAKE_TABLES:
        assert table_shape(old, table) == table_shape(fresh, table), table


def test_intake_tables_match_the_metadata(store: Store, backend: Backend) -> None:
    shape = table_shape(backend.url, "doc_bands")
    assert shape["pk"] == ["document_id", "band"]
    assert ("ix_doc_bands_band_key", ("band", "key")) in shape["indexes"]
    assert [col[1] for col in shape["columns"] if col[0] == "key"] == ["BIGINT"]
    near = table_shape(backend.url, "near_duplicates")
    assert [fk[1:] for fk in near["fks"]] == [
        (("document_id",), "documents", "CASCADE"),
        (("duplicate_of",), "documents", "CASCADE"),
    ]
    assert ("ix_inputs_document_id", ("document_id",)) in table_shape(backend.url, "inputs")[
        "indexes"
    ]
