"""Migration 8 (durations, inferred event fields) on a database made at version 7, both backends."""

from __future__ import annotations

import datetime as dt

from sitroom.model import Duration, Extraction
from sitroom.store import Store
from sitroom.store.migrations import latest_version
from unit.store.backends import Backend
from unit.store.old_versions import make_old_database, table_shape


def _with_durations(base: Extraction) -> Extraction:
    first, *rest = base.events
    return base.model_copy(
        update={
            "durations": [
                Duration(
                    text="more than three weeks",
                    value="P3W",
                    amount=3,
                    unit="week",
                    qualifier="more_than",
                    start=dt.date(2025, 2, 10),
                    end=dt.date(2025, 3, 3),
                    span=(0, 5),
                ),
                Duration(text="years", value="PXY", unit="year", span=(6, 11)),
            ],
            "events": [
                first.model_copy(update={"inferred": ["actor2"], "co_actors2": ["e9", "e7"]}),
                *rest,
            ],
        }
    )


def test_migration_8_adds_durations_and_inferred_fields(backend: Backend, rich: Extraction) -> None:
    old = backend.url
    make_old_database(old, 7, [rich], old_shape=False)
    backend.execute("DROP TABLE durations")
    backend.execute("ALTER TABLE events DROP COLUMN inferred")
    backend.execute("ALTER TABLE events DROP COLUMN co_actors1")
    backend.execute("ALTER TABLE events DROP COLUMN co_actors2")
    assert not table_shape(old, "durations")["exists"]

    with Store(old) as store:
        assert store.migrate() == list(range(8, latest_version() + 1))
        assert store.get_extraction(rich.document.id) == rich  # nothing inferred, no durations
        newer = _with_durations(rich).model_copy(
            update={"document": rich.document.model_copy(update={"id": "f" * 16})}
        )
        store.add(newer)
        assert store.get_extraction(newer.document.id) == newer

    fresh = backend.new_url()
    with Store(fresh) as store:
        store.migrate()
    assert table_shape(old, "durations") == table_shape(fresh, "durations")
    # ALTER TABLE appends the column; a fresh database has it beside place_basis.
    old_events, fresh_events = table_shape(old, "events"), table_shape(fresh, "events")
    assert sorted(old_events.pop("columns")) == sorted(fresh_events.pop("columns"))
    assert old_events == fresh_events
