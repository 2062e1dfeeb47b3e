"""The store-wide actor registry: one row per actor across articles, on every back end."""

from __future__ import annotations

import itertools
import tempfile
from pathlib import Path

from sitroom.model import Document, Entity, Extraction
from sitroom.store import Store


def article(doc_id: str, *entities: tuple[str, str, list[str]]) -> Extraction:
    text = f"Report {doc_id}."
    return Extraction(
        document=Document(id=doc_id, text=text),
        entities=[
            Entity(id=f"e{i}", name=name, label=label, aliases=aliases, mentions=[(0, 6)] * (i + 1))
            for i, (name, label, aliases) in enumerate(entities)
        ],
    )


FRONT = ("National Resistance Front", "ORG", ["NRF"])
FRONT_SHORT = ("NRF", "ORG", [])
MASSOUD = ("Ahmad Massoud", "PERSON", ["Ahmed Massoud", "Massoud"])
MASSOUD_VARIANT = ("Ahmed Massoud", "PERSON", [])
OTHER_MASSOUD = ("Ahmad Shah Massoud", "PERSON", ["Massoud"])
ARTICLES = (
    article("doc-a", FRONT, MASSOUD),
    article("doc-b", FRONT_SHORT, MASSOUD_VARIANT),
    article("doc-c", OTHER_MASSOUD),
)


def rows(store: Store) -> dict[str, tuple[str, int, tuple[str, ...]]]:
    return {r.name: (r.id, r.documents, tuple(r.aliases)) for r in store.actors()}


def test_one_row_per_actor_across_articles(store: Store) -> None:
    store.add_many(ARTICLES)
    found = rows(store)
    assert set(found) == {"National Resistance Front", "Ahmad Massoud", "Ahmad Shah Massoud"}
    assert found["National Resistance Front"][1:] == (2, ("NRF",))
    # Spelling variants are one person; a namesake sharing only the surname is not.
    assert found["Ahmad Massoud"][1] == 2
    assert "Ahmed Massoud" in found["Ahmad Massoud"][2]
    assert found["Ahmad Shah Massoud"][1] == 1
    assert store.actor_of("doc-b", "e0") == found["National Resistance Front"][0]
    assert [r.name for r in store.actors(q="nrf")] == ["National Resistance Front"]


def test_order_deletion_and_rebuild_agree(store: Store) -> None:
    store.add_many(ARTICLES)
    expected = rows(store)
    for order in itertools.permutations(ARTICLES):
        with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "r.db") as other:
            other.migrate()
            for x in order:
                other.add(x)
            assert rows(other) == expected
    store.delete_document("doc-a")
    after = rows(store)
    assert after["NRF"][1] == 1 and after["Ahmed Massoud"][1] == 1
    store.rebuild_corpus_events()
    assert rows(store) == after


def test_an_entity_with_an_empty_name_is_still_registered(store: Store) -> None:
    store.add(article("doc-empty", ("", "ORG", []), FRONT))
    assert {r.name for r in store.actors()} == {"", "National Resistance Front"}


def mentions(store: Store) -> dict[str, int]:
    return {r.name: r.mentions for r in store.actors()}


def test_mentions_are_summed_over_the_articles_of_an_actor(store: Store) -> None:
    # The registry counts each entity's mentions in the database, not from the decoded list.
    store.add_many(ARTICLES)
    store.add(article("doc-d", ("Kabul Police", "ORG", [])))
    expected = {
        "National Resistance Front": 2,
        "Ahmad Massoud": 4,
        "Ahmad Shah Massoud": 1,
        "Kabul Police": 1,
    }
    assert mentions(store) == expected
    store.delete_document("doc-b")
    after = {**expected, "National Resistance Front": 1, "Ahmad Massoud": 2}
    assert mentions(store) == after
    store.rebuild_corpus_events()
    assert mentions(store) == after


def test_an_entity_named_but_never_located_counts_no_mentions(store: Store) -> None:
    unplaced = Extraction(
        document=Document(id="doc-bare", text="Report bare."),
        entities=[Entity(id="e0", name="Harbour Authority", label="ORG", mentions=[])],
    )
    store.add(unplaced)
    assert mentions(store) == {"Harbour Authority": 0}
