"""Statements without a date: across articles, one shared speaker at one place is not enough.

Across articles, a mention with no date at all links only when both sides name the same two
actors ("date unknown" would chain events of any year); the store's candidate query relies on
it. Statements (verbal quads) once escaped the rule: one shared actor at the same place linked
them, but only when the store's query happened to fetch the pair, so the corpus events
depended on the order the articles arrived in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from builders import entity, event, one_day, place
from sitroom.corpus import Mention
from sitroom.model import Document, Extraction
from sitroom.store import Store
from unit.corpus.test_merge_rules import TOWN, linked, mention, why

THREAT = {"type": "THREATEN", "cameo": "13", "quad": "verbal_conflict"}
UNDATED = {"date_start": None, "date_end": None, "date_precision": None, "published": None}


def threat(doc: str, **changes: Any) -> Mention:
    return mention(doc, **{**THREAT, **changes})


def test_undated_statements_of_two_articles_need_the_same_two_actors() -> None:
    assert not linked(threat("a", **UNDATED), threat("b", **UNDATED))
    # One side dated, the other neither dated nor published: the date is still unknown.
    assert not linked(threat("a"), threat("b", **UNDATED))
    army = frozenset({"army of the plains"})
    assert linked(
        threat("a", actor2_keys=army, **UNDATED), threat("b", actor2_keys=army, **UNDATED)
    )
    # Dated, one speaker saying the same kind of thing at the same place is enough ...
    assert linked(threat("a"), threat("b"))
    # ... and within one article even without dates.
    first = threat("a", **UNDATED)
    again = dataclasses.replace(first, event_id="v2")
    assert "same article" in why(first, again)


TAWILA = place("p1", "Tawila", "SD", TOWN.lat, TOWN.lon, admin1="North Darfur", geonames_id=101)


def _threat_article(doc_id: str, text: str, *, dated: bool, with_target: bool) -> Extraction:
    """ "Free Hills Front threatened [the Army of the Plains] in Tawila." and, undated, a second
    event naming two parties (so the article's undated mentions fetch two-actor candidates)."""
    entities = [entity("a1", "Free Hills Front"), entity("a2", "Army of the Plains")]
    places = [TAWILA]
    events = [
        event(
            text, "v1", "THREATEN", "threatened", actor1="a1",
            actor2="a2" if with_target else None, place="p1", place_basis="argument",
            date=one_day(dt.date(2025, 5, 3)) if dated else None,
        ),
    ]  # fmt: skip
    if not dated:
        entities += [entity("a3", "UN envoy"), entity("a4", "Sand Brigade")]
        events.append(event(text, "v2", "CONSULT", "met", actor1="a3", actor2="a4"))
    document = Document(
        id=doc_id,
        text=text,
        publisher=f"Outlet {doc_id}",
        published=dt.date(2025, 5, 4) if dated else None,
    )
    return Extraction(document=document, entities=entities, places=places, events=events)


DATED = _threat_article(
    "d-dated",
    "Free Hills Front threatened the Army of the Plains in Tawila.",
    dated=True,
    with_target=True,
)
UNDATED_ARTICLE = _threat_article(
    "d-undated",
    "Free Hills Front threatened to march in Tawila. The UN envoy met the Sand Brigade.",
    dated=False,
    with_target=False,
)


@pytest.mark.parametrize("forward", [True, False], ids=["dated-first", "undated-first"])
def test_an_undated_statement_is_not_linked_by_one_shared_speaker_in_any_order(
    store: Store, forward: bool
) -> None:
    for article in (DATED, UNDATED_ARTICLE) if forward else (UNDATED_ARTICLE, DATED):
        store.add(article)
    dated, undated = store.corpus_ids_of("d-dated"), store.corpus_ids_of("d-undated")
    assert dated["v1"] != undated["v1"]
    assert len(store.corpus_events()) == 3
