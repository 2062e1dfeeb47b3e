"""The store revision: every write transaction bumps it, reads and failed writes do not."""

from __future__ import annotations

import pytest

from sitroom.errors import StoreError
from sitroom.model import Extraction
from sitroom.store import Store
from unit.store.backends import Backend
from unit.store.old_versions import make_old_database


def test_writes_bump_the_revision_and_reads_do_not(
    store: Store, rich: Extraction, plain: Extraction
) -> None:
    start = store.revision()
    store.add(rich)
    after_add = store.revision()
    assert after_add > start
    store.events()
    store.corpus_events()
    store.stats()
    assert store.revision() == after_add
    store.add(plain)
    assert store.revision() > after_add
    before = store.revision()
    assert store.delete_document(plain.document.id)
    assert store.revision() > before
    before = store.revision()
    store.rebuild_corpus_events()
    assert store.revision() > before


def test_a_failed_write_leaves_the_revision(store: Store, rich: Extraction) -> None:
    store.add(rich)
    before = store.revision()
    with pytest.raises(StoreError):
        # A near-duplicate link to a document that does not exist: the transaction fails.
        store.commit_intake(near_duplicates=[(rich.document.id, "no-such-document", 0.9)])
    assert store.revision() == before


def test_another_store_sees_the_new_revision(
    store: Store, backend: Backend, plain: Extraction
) -> None:
    with Store(backend.url) as other:
        seen = other.revision()
        store.add(plain)
        assert other.revision() == seen + 1


def test_an_upgraded_database_has_a_revision(backend: Backend, rich: Extraction) -> None:
    make_old_database(backend.url, 10, [rich], old_shape=False)
    with Store(backend.url) as store:
        store.migrate()
        start = store.revision()
        assert store.delete_document(rich.document.id)
        assert store.revision() == start + 1
