"""Doers that are bodies rather than armed men (issue 15, actor1/actor2): a court or a judge
that sentences or jails, a body named by its holder's office ("the governor's office"), and the
people they act on named by what they do ("a pensioner", "the banker").

Short reports written for these tests, each read whole by the real English model.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from readings import event_actors

pytestmark = pytest.mark.model


def _places(nlp: Language, text: str) -> dict[str, str | None]:
    doc = nlp(text)
    places = {p.id: p.name for p in doc._.sitroom_places}
    return {
        text[e.trigger[0] : e.trigger[1]]: places.get(e.place or "") for e in doc._.sitroom_events
    }


def test_a_court_or_a_judge_sentences_and_jails(nlp: Language) -> None:
    found = event_actors(
        nlp,
        "A court in the port city of Mombasa on Monday sentenced a retired teacher to three "
        "years in prison for fraud.",
    )
    assert found["sentenced"] == ("court", "teacher")
    found = event_actors(nlp, "The judge jailed the banker for six years on Thursday.")
    assert found["jailed"] == ("judge", "banker")


def test_a_place_in_front_of_a_court_says_where_it_sits(nlp: Language) -> None:
    # the dateline's city is the scene: the court's place word is no home of a person's
    text = (
        "NAIROBI - A Nairobi court on Friday jailed a pensioner for two years over a land "
        "dispute, his lawyer said."
    )
    assert event_actors(nlp, text)["jailed"] == ("court", "pensioner")
    assert _places(nlp, text)["jailed"] == "Nairobi"


def test_a_person_from_a_place_is_still_no_actor_before_the_name(nlp: Language) -> None:
    # "a Leeds man" waits for his name; only courts sit where their place says
    found = event_actors(nlp, "A Leeds man was arrested on Sunday.")
    assert found["arrested"][1] is None


def test_the_office_of_a_holder_acts_and_its_own_clause_keeps_its_doer(nlp: Language) -> None:
    found = event_actors(
        nlp,
        "Police detained two activists in the city on Tuesday, and the mayor's office banned a "
        "march planned for the weekend.",
    )
    assert found["detained"][0] == "police"
    assert found["banned"][0] == "mayor's office"
    found = event_actors(nlp, "The prosecutor's office charged three officers with murder.")
    assert found["charged"] == ("prosecutor's office", "officers")


def test_a_named_holder_or_an_indefinite_office_is_no_body(nlp: Language) -> None:
    found = event_actors(nlp, "Gunmen attacked a governor's office in the north on Monday.")
    assert found["attacked"][0] == "gunmen"
    assert found["attacked"][1] != "governor's office"
