"""The full-text index behind ``EventQuery.text``: kept current on writes, added by migration 3."""

from __future__ import annotations

import pytest
from sqlalchemy.dialects import postgresql, sqlite

from sitroom.model import Extraction
from sitroom.store import EventQuery, Store
from sitroom.store.migrations import latest_version
from sitroom.store.queries import events_select
from unit.store.backends import Backend
from unit.store.extractions import build_fiji
from unit.store.old_versions import make_old_database


def found(store: Store, text: str) -> list[str]:
    """Ids of the documents whose events the search finds."""
    rows = store.events(EventQuery(text=text))
    return sorted({row.document_id for row in rows})


RICH, PLAIN, FIJI = "a1b2c3d4e5f60718", "0f0e0d0c0b0a0908", "fj0000000000c0de"


def test_deleting_a_document_removes_it_from_the_index(filled: Store, backend: Backend) -> None:
    filled.add(build_fiji())
    assert found(filled, "boat") == [FIJI]
    backend.execute("DELETE FROM documents WHERE id = :id", id=FIJI)
    assert found(filled, "boat") == []
    assert found(filled, "Vostok") == [RICH]
    if backend.name == "sqlite":
        assert backend.count("documents_search") == backend.count("documents") == 2
        assert backend.count("documents_search_keys") == 2


def test_changed_title_and_text_are_searched(filled: Store, backend: Backend) -> None:
    backend.execute("UPDATE documents SET title = 'Tractors in Kessel' WHERE id = :id", id=PLAIN)
    assert found(filled, "tractors") == [PLAIN]
    backend.execute("UPDATE documents SET text = 'Nothing happened.' WHERE id = :id", id=PLAIN)
    assert found(filled, "farmers") == []
    assert found(filled, "tractors nothing") == [PLAIN]


def test_quote_rows_are_searched(filled: Store, backend: Backend) -> None:
    """A quote is indexed from its own row, whatever the document text holds."""
    backend.execute(
        "INSERT INTO quotes (document_id, id, seq, text, span_start, span_end, kind) "
        "VALUES (:doc, 'q9', 9, 'Zanzibarite fishermen agree', 0, 5, 'direct')",
        doc=PLAIN,
    )
    assert found(filled, "zanzibarite") == [PLAIN]
    assert found(filled, "only returned fire") == [RICH]
    backend.execute("DELETE FROM quotes WHERE document_id = :doc AND id = 'q9'", doc=PLAIN)
    assert found(filled, "zanzibarite") == []
    assert found(filled, "only returned fire") == [RICH]


def test_no_duplicates_when_text_and_quotes_both_match(filled: Store) -> None:
    rows = filled.events(EventQuery(text="returned fire"))
    assert [row.event_id for row in rows] == ["ev3", "ev1", "ev2"]


@pytest.mark.parametrize("old_shape", [True, False], ids=["old-shape", "migration-1"])
def test_migration_3_indexes_documents_stored_before_it(
    backend: Backend, rich: Extraction, plain: Extraction, old_shape: bool
) -> None:
    make_old_database(backend.url, 2, [rich, plain], old_shape=old_shape)
    with Store(backend.url) as store:
        assert store.migrate() == list(range(3, latest_version() + 1))
        assert store.migrate() == []
        assert found(store, "Vostok") == [RICH]
        assert found(store, "only returned fire") == [RICH]
        assert found(store, "farmers") == [PLAIN]
        store.add(build_fiji())
        assert found(store, "boat") == [FIJI]
    if backend.name == "sqlite":
        assert backend.count("documents_search") == 3


def test_text_search_is_served_by_the_index(filled: Store, backend: Backend) -> None:
    dialect = sqlite.dialect() if backend.name == "sqlite" else postgresql.dialect()
    sql = events_select(EventQuery(text="shelling")).compile(
        dialect=dialect, compile_kwargs={"literal_binds": True}
    )
    if backend.name == "sqlite":
        plan = backend.execute(f"EXPLAIN QUERY PLAN {sql}")
        text = "\n".join(str(row[-1]) for row in plan)
        assert "SCAN documents_search VIRTUAL TABLE INDEX" in text, text
    else:
        # Sequential scans off, so the plan shows whether the indexes can serve the search.
        plan = backend.execute(f"SET enable_seqscan = off; EXPLAIN {sql}")
        text = "\n".join(str(row[0]) for row in plan)
        assert "ix_documents_search" in text, text
        assert "ix_quotes_search" in text, text
