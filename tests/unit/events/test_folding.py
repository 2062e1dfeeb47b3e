"""One happening in one sentence is coded once (event_folding.yaml), with the real model; two
happenings stay two. The sentences are made up for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


def coded(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(text[e.trigger[0] : e.trigger[1]], e.type) for e in doc._.sitroom_events]


def test_the_people_protesting_and_their_march_are_one_protest(nlp: Language) -> None:
    assert coded(nlp, "Protesters marched through the centre of Nairobi on Saturday.") == [
        ("marched", "PROTEST")
    ]


def test_a_death_in_fighting_is_part_of_the_fighting(nlp: Language) -> None:
    doc = nlp("The army said two soldiers were killed in fighting with the rebels in Kadugli.")
    [event] = doc._.sitroom_events
    assert event.type in {"ASSAULT", "FIGHT"}
    assert event.fatalities == 2
    assert event.place is not None


def test_what_is_promised_or_demanded_is_no_second_happening(nlp: Language) -> None:
    assert coded(nlp, "The minister pledged to keep food aid flowing to the region.") == [
        ("pledged", "AGREE")
    ]
    assert coded(nlp, "The opposition called for the release of its leader.") == [
        ("called", "DEMAND")
    ]


def test_the_same_act_at_two_places_is_two_happenings(nlp: Language) -> None:
    text = "Rebels attacked a convoy near Goma and attacked a base in Bunia."
    assert coded(nlp, text) == [("attacked", "ASSAULT"), ("attacked", "ASSAULT")]


def test_an_act_after_another_is_another_happening(nlp: Language) -> None:
    found = coded(nlp, "Police arrested ten people after the protest in Lagos.")
    assert ("arrested", "COERCE") in found and ("protest", "PROTEST") in found


def test_the_meeting_named_again_is_the_meeting_reported_before(nlp: Language) -> None:
    text = "Officials held a meeting in Doha on Monday. The meeting ended without a deal."
    meetings = [e for e in nlp(text)._.sitroom_events if e.type == "CONSULT"]
    assert len(meetings) == 1
    assert text[meetings[0].trigger[0] : meetings[0].trigger[1]] == "meeting"
    assert meetings[0].trigger[0] < text.index(".")


def test_ids_are_numbered_again_after_folding(nlp: Language) -> None:
    doc = nlp("Protesters marched in Accra. Police arrested two protesters in Kumasi.")
    assert [e.id for e in doc._.sitroom_events] == [
        f"v{n}" for n in range(1, len(doc._.sitroom_events) + 1)
    ]


def test_the_people_of_a_protest_named_later_are_that_protest(nlp: Language) -> None:
    text = (
        "Thousands of students marched through Santiago on Thursday. "
        "Police fired tear gas at the protesters near the palace."
    )
    protests = [e for e in nlp(text)._.sitroom_events if e.type == "PROTEST"]
    assert len(protests) == 1
    assert protests[0].trigger[0] < text.index(".")
