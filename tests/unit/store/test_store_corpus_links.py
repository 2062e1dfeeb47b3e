"""Corpus links grow with the mentions, not with their pairs: a group keeps a spanning tree of
its links, and the groups are still those that every matching pair would make."""

from __future__ import annotations

import datetime as dt

import pytest

from builders import entity, event, one_day, place, span
from sitroom.model import Document, Extraction
from sitroom.store import Store
from unit.store.backends import Backend

DAY = dt.date(2025, 5, 3)
TOWN = place("p1", "Tawila", "SD", 13.5, 24.2, admin1="North Darfur", geonames_id=101)


def shelling_report(doc_id: str, reports: int, *, publisher: str = "Hill Courier") -> Extraction:
    """An article telling ``reports`` times that the Free Hills Front shelled Tawila that day."""
    sentences = [f"The Free Hills Front shelled Tawila again ({n})." for n in range(reports)]
    text = " ".join(sentences)
    events, at = [], 0
    for n, sentence in enumerate(sentences):
        at = text.index(sentence, at)
        trigger = text.index("shelled", at)
        events.append(
            event(
                text, f"v{n}", "FIGHT", (trigger, trigger + 7), actor1="a1", place="p1",
                date=one_day(DAY), in_sentence=(at, at + len(sentence)),
            )
        )  # fmt: skip
    return Extraction(
        document=Document(
            id=doc_id,
            text=text,
            publisher=publisher,
            url=f"https://{publisher.lower().replace(' ', '')}.example/{doc_id}",
            published=DAY + dt.timedelta(days=1),
        ),
        entities=[entity("a1", "Free Hills Front", mentions=[(4, 20)])],
        places=[TOWN.model_copy(update={"mentions": [span(text, "Tawila")]})],
        events=events,
    )


def _links(backend: Backend) -> int:
    [row] = backend.execute("SELECT count(*) FROM event_links")
    return int(row[0])


def test_an_article_of_many_similar_events_stores_one_link_per_mention(
    store: Store, backend: Backend
) -> None:
    store.add(shelling_report("d-long", 120))
    [row] = store.corpus_events()
    assert (row.mentions, row.articles) == (120, 1)
    # A spanning tree: 119 links, where every pair linked would be 7,140.
    assert _links(backend) == 119
    detail = store.corpus_event(row.id)
    assert detail is not None
    assert all("same article" in link.reason for link in detail.links)


def test_a_new_article_joins_a_stored_group_through_one_link(
    store: Store, backend: Backend
) -> None:
    store.add(shelling_report("d-first", 30))
    store.add(shelling_report("d-second", 30, publisher="Plains Post"))
    [row] = store.corpus_events()
    assert (row.mentions, row.articles, row.sources) == (60, 2, 2)
    assert _links(backend) == 59
    # Rebuilding finds the same group from scratch, again as a tree.
    assert store.rebuild_corpus_events() == 1
    assert _links(backend) == 59


@pytest.mark.parametrize("gone", ["d-a", "d-b", "d-c"])
def test_deleting_the_article_a_tree_went_through_keeps_the_others_together(
    store: Store, backend: Backend, gone: str
) -> None:
    """Three outlets report the same shelling; each pair matches, the tree keeps two links.
    Whichever article goes, the two left are one happening, as they would be if every pair
    had been linked."""
    outlets = {"d-a": "Hill Courier", "d-b": "Plains Post", "d-c": "Radio Desert"}
    for doc_id, outlet in outlets.items():
        store.add(shelling_report(doc_id, 1, publisher=outlet))
    assert _links(backend) == 2
    assert store.delete_document(gone)
    [row] = store.corpus_events()
    assert (row.articles, row.sources) == (2, 2)
    assert _links(backend) == 1
