"""Accusations between governments named by their capitals: the capital that accuses acts for its
state even when the model tags no entity there, the one accused is a party and not a place, and
the accused act is done by the accused, on the accuser's word. With the real English model, on
sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


def _coded(nlp: Language, text: str) -> list[tuple[str, str | None, str | None, str, bool]]:
    doc = nlp(text)
    names = {e.id: e.name for e in doc._.sitroom_entities}
    return [
        (
            text[e.trigger[0] : e.trigger[1]],
            names.get(e.actor1 or ""),
            names.get(e.actor2 or ""),
            e.modality,
            e.place is not None,
        )
        for e in doc._.sitroom_events
    ]


def test_a_capital_accuses_for_its_state_and_the_accused_capital_is_a_party(
    nlp: Language,
) -> None:
    coded = _coded(nlp, "Kyiv accused Moscow of shelling the power plant.")
    assert ("accused", "Ukraine", "Russia", "asserted", False) in coded


def test_the_accused_act_is_done_by_the_accused_on_the_accusers_word(nlp: Language) -> None:
    coded = _coded(nlp, "Amnesty blamed the army for killing 40 villagers in Mopti.")
    killing = next(c for c in coded if c[0] == "killing")
    assert killing[1:4] == ("Army", "Villagers", "claimed")


def test_a_capital_urged_is_the_government_addressed(nlp: Language) -> None:
    coded = _coded(nlp, "The European Union urged Tehran to release the detainees.")
    assert ("urged", "European Union", "Iran", "asserted", False) in coded


def test_a_charge_denied_after_an_accusation_leaves_the_accusation_made(nlp: Language) -> None:
    doc = nlp("Mali accuses Algeria of arming the rebels, a charge Algiers denies.")
    found = {(doc.text[e.trigger[0] : e.trigger[1]], e.modality) for e in doc._.sitroom_events}
    assert ("accuses", "asserted") in found


def test_the_past_perfect_of_a_claim_is_no_background(nlp: Language) -> None:
    doc = nlp("The army denied the rebels' claim that they had captured Goma.")
    assert [(e.modality, e.background) for e in doc._.sitroom_events] == [("denied", False)]
