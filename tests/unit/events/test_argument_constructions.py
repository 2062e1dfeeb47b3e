"""Who acts, in constructions news uses: a nominalisation's "by" agent that is a common-noun force
("the capture of X by rebel forces"), fighters led by a person ("fighters loyal to X"), fighting
"between" two sides told by a gerund, a state body named by a common noun. With the real English
model, on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


def _parties(nlp: Language, text: str) -> list[tuple[str, str | None, str | None]]:
    doc = nlp(text)
    names = {e.id: e.name.lower() for e in doc._.sitroom_entities}
    return [
        (
            text[e.trigger[0] : e.trigger[1]],
            names.get(e.actor1 or ""),
            names.get(e.actor2 or ""),
        )
        for e in doc._.sitroom_events
    ]


def test_a_common_noun_force_is_the_agent_of_a_capture(nlp: Language) -> None:
    found = _parties(nlp, "The capture of the airport by rebel forces was confirmed on Monday.")
    assert ("capture", "rebel forces", None) in found


def test_fighters_loyal_to_a_person_act_for_that_person(nlp: Language) -> None:
    found = _parties(nlp, "Fighters loyal to Ahmed Salim attacked the base on Sunday.")
    assert found and found[0][:2] == ("attacked", "ahmed salim")


def test_fighting_between_two_sides_names_both(nlp: Language) -> None:
    found = _parties(nlp, "Fighting between the army and the rebels broke out on Friday.")
    assert ("Fighting", "army", "rebels") in found


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("The interior ministry detained two journalists.", "interior ministry"),
        ("Border guards detained six migrants near the crossing.", "border guards"),
    ],
)
def test_a_state_body_named_by_common_nouns_acts(nlp: Language, text: str, body: str) -> None:
    assert [a1 for _, a1, _ in _parties(nlp, text)] == [body]
