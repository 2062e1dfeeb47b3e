"""Second parties, with the real model: the members of a force named by a common noun
("rangers", "commandos", "marines") are state forces the act was done to, and whom a force
acts to stop ("to stop hundreds of students marching") is the party of its act. Sentences
written for this test."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


def _parties(nlp: Language, text: str, trigger: str) -> tuple[str | None, str | None, str | None]:
    doc = nlp(text)
    entities = {e.id: e for e in doc._.sitroom_entities}
    event = next(e for e in doc._.sitroom_events if text[e.trigger[0] :].startswith(trigger))
    a1 = entities.get(event.actor1 or "")
    a2 = entities.get(event.actor2 or "")
    return (a1.name if a1 else None, a2.name if a2 else None, a2.actor_type if a2 else None)


@pytest.mark.parametrize(
    ("text", "trigger", "victims"),
    [
        (
            "Militants detonated a bomb near Ortiga, killing three rangers on patrol.",
            "detonated",
            "Rangers",
        ),
        (
            "Gunmen ambushed a truck carrying commandos outside Lerma, killing four.",
            "ambushed",
            "Commandos",
        ),
        ("A sniper shot two marines at a checkpoint in Valdor.", "shot", "Marines"),
    ],
)
def test_a_force_named_by_a_common_noun_is_a_state_party(
    nlp: Language, text: str, trigger: str, victims: str
) -> None:
    _doer, party, kind = _parties(nlp, text, trigger)
    assert (party, kind) == (victims, "government")


def test_whom_a_force_acts_to_stop_is_its_party(nlp: Language) -> None:
    text = "Riot police fired tear gas to stop hundreds of students marching on the ministry."
    doer, party, _kind = _parties(nlp, text, "fired")
    assert (doer, party) == ("Riot police", "Students")
