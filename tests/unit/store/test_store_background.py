"""Background events and figure periods in the store: migration 12, default listings without
background, ``include_background`` with them, and corpus events background only when every
mention is; on both backends."""

from __future__ import annotations

from sitroom.model import Extraction
from sitroom.store import EventQuery, Store
from sitroom.store.migrations import latest_version
from unit.store.backends import Backend
from unit.store.old_versions import make_old_database, table_shape


def _with_background(base: Extraction, event_id: str) -> Extraction:
    """``base`` with one event flagged background and its figures cumulative."""
    return base.model_copy(
        update={
            "events": [
                e.model_copy(update={"background": True}) if e.id == event_id else e
                for e in base.events
            ],
            "figures": [
                f.model_copy(update={"period": "cumulative"}) if f.event == event_id else f
                for f in base.figures
            ],
        }
    )


def test_migration_12_adds_background_and_period(backend: Backend, rich: Extraction) -> None:
    old = backend.url
    make_old_database(old, 11, [rich], old_shape=False)
    backend.execute("DROP VIEW events_flat")
    backend.execute("DROP VIEW corpus_events_flat")
    for table, column in (
        ("events", "background"),
        ("corpus_events", "background"),
        ("figures", "period"),
    ):
        backend.execute(f"ALTER TABLE {table} DROP COLUMN {column}")

    with Store(old) as store:
        assert store.migrate() == list(range(12, latest_version() + 1))
        # Rows stored before read as they were shown: news, current figures.
        assert store.get_extraction(rich.document.id) == rich
        newer = _with_background(rich, "ev1").model_copy(
            update={"document": rich.document.model_copy(update={"id": "f" * 16})}
        )
        store.add(newer)
        assert store.get_extraction(newer.document.id) == newer

    fresh = backend.new_url()
    with Store(fresh) as store:
        store.migrate()
    for table in ("events", "corpus_events", "figures"):
        old_shape, fresh_shape = table_shape(old, table), table_shape(fresh, table)
        assert sorted(old_shape.pop("columns")) == sorted(fresh_shape.pop("columns")), table
        assert old_shape == fresh_shape, table


def test_background_events_leave_default_listings(store: Store, rich: Extraction) -> None:
    store.add(_with_background(rich, "ev1"))
    everything = EventQuery(include_background=True)
    listed = {row.event_id for row in store.events()}
    assert "ev1" not in listed
    assert listed
    with_background = {row.event_id: row.background for row in store.events(everything)}
    assert with_background["ev1"] is True
    assert set(with_background) - {"ev1"} == listed
    assert not everything.filtered  # a scope, not a filter


def test_corpus_event_is_background_only_when_every_mention_is(
    store: Store, rich: Extraction
) -> None:
    second = rich.model_copy(update={"document": rich.document.model_copy(update={"id": "b" * 16})})
    store.add_many([_with_background(rich, "ev1"), second])
    # ev1 of the second copy is news, so their happening is too.
    merged = store.corpus_events(EventQuery(include_background=True))
    assert merged
    assert all(not row.background for row in merged)
    assert {r.id for r in store.corpus_events()} == {r.id for r in merged}

    store.add(_with_background(second, "ev1").model_copy(
        update={"document": rich.document.model_copy(update={"id": "c" * 16})}
    ))  # fmt: skip
    assert store.delete_document(second.document.id)
    flagged = [r for r in store.corpus_events(EventQuery(include_background=True)) if r.background]
    assert flagged
    assert not {r.id for r in flagged} & {r.id for r in store.corpus_events()}
