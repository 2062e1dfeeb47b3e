"""The flat SQL views (migration 9) on both back ends: names, not per-article ids."""

from __future__ import annotations

from sitroom.model import Extraction
from sitroom.store import Store
from sitroom.store.migrations import latest_version
from sitroom.store.views import VIEWS
from unit.store.backends import Backend
from unit.store.extractions import build_fiji
from unit.store.old_versions import make_old_database


def _flat_events(backend: Backend) -> list[tuple[object, ...]]:
    rows = backend.execute(
        "SELECT document_id, event_id, actor1, actor2, place, country, actor1_type "
        "FROM events_flat ORDER BY document_id, event_id"
    )
    return [tuple(row) for row in rows]


def test_views_give_what_the_store_gives(backend: Backend, rich: Extraction) -> None:
    with Store(backend.url) as store:
        store.migrate()
        store.add_many([rich, build_fiji()])
        events = sorted(store.events(), key=lambda r: (r.document_id, r.event_id))
        claims = store.claims()
        happenings = store.corpus_events()
    assert _flat_events(backend) == [
        (r.document_id, r.event_id, r.actor1, r.actor2, r.place, r.country, r.actor1_type)
        for r in events
    ]
    fiji = [row for row in _flat_events(backend) if row[0].startswith("fj")]
    assert ("fj0000000000c0de", "ev1", "Taveuni Front", "Fiji Police Force", "Waiyevo") in [
        row[:5] for row in fiji
    ]
    claimants = backend.execute("SELECT claimant FROM claims_flat ORDER BY document_id, claim_id")
    assert sorted(str(row[0]) for row in claimants) == sorted(str(c.claimant) for c in claims)
    (count,) = backend.execute("SELECT count(*) FROM corpus_events_flat")[0]
    assert count == len(happenings) > 0


def test_migration_9_adds_the_views_to_a_version_8_database(
    backend: Backend, rich: Extraction
) -> None:
    make_old_database(backend.url, 8, [rich], old_shape=False)
    for name in VIEWS:
        backend.execute(f"DROP VIEW IF EXISTS {name}")
    with Store(backend.url) as store:
        assert store.migrate() == list(range(9, latest_version() + 1))
        names = sorted((r.event_id, r.actor1, r.place) for r in store.events())
    flat = sorted((row[1], row[2], row[4]) for row in _flat_events(backend))
    assert flat == names
    assert any(actor for _, actor, _ in flat)
