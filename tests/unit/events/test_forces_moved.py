"""Forces moved by a passive that names no mover are the doers of the deployment; with a mover
named, or in the active, the mover is. The ground a withdrawal leaves, named as the object of
its verb, is where it happened. With the real English model, on sentences written for these
tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


def _deployment(nlp: Language, text: str) -> tuple[str | None, str | None]:
    doc = nlp(text)
    names = {e.id: e.name.lower() for e in doc._.sitroom_entities}
    [event] = [e for e in doc._.sitroom_events if e.type == "MOBILIZE"]
    return names.get(event.actor1 or ""), names.get(event.actor2 or "")


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("The National Guard was deployed in Minneapolis on Friday.", "national guard"),
        ("Police were deployed across Valparaiso after the unrest.", "police"),
        ("Thousands of soldiers were mobilised in Yerevan on Sunday.", "soldiers"),
    ],
)
def test_forces_moved_without_a_mover_are_the_doers(nlp: Language, text: str, doer: str) -> None:
    actor1, actor2 = _deployment(nlp, text)
    assert actor1 is not None and doer in actor1
    assert actor2 is None


def test_a_named_mover_stays_the_doer(nlp: Language) -> None:
    actor1, _ = _deployment(nlp, "The Pentagon deployed 1,500 troops to the Gulf on Monday.")
    assert actor1 == "pentagon"


def test_a_mover_named_by_by_stays_the_doer(nlp: Language) -> None:
    actor1, actor2 = _deployment(nlp, "Troops were deployed by the junta to the northern border.")
    assert actor1 is None or "junta" in actor1
    assert actor2 is None or "troop" in actor2


def _withdrawal_place(nlp: Language, text: str) -> str | None:
    doc = nlp(text)
    places = {p.id: p.name for p in doc._.sitroom_places}
    [event] = [e for e in doc._.sitroom_events if e.type == "RETREAT"]
    return places.get(event.place or "")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("French troops are leaving Mali after nine years.", "Mali"),
        ("The last Canadian soldiers left Afghanistan on Tuesday.", "Afghanistan"),
    ],
)
def test_the_ground_left_is_where_a_withdrawal_happened(
    nlp: Language, text: str, place: str
) -> None:
    assert _withdrawal_place(nlp, text) == place
