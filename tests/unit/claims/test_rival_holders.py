"""Two sides that each say who holds one place now ("the town remained in our hands", "the
army is in full control of the town") contradict each other, with no capture told; the same
holder named by two sides, one side's two places, or a holding denied are no rival holders.
Real model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "The rebels said Kapoeta was still in their hands. "
        "The army said its troops were in full control of the town.",
        "The militia said the town of Kapoeta remained under its control. "
        "A military spokesman said the army held Kapoeta.",
        "The army said it controls Kapoeta. The rebels said they hold the town.",
    ],
)
def test_two_sides_each_holding_a_place_contradict(nlp: Language, text: str) -> None:
    claims, contradictions, _ = ledger(nlp, text)
    assert [k.claims for k in contradictions] == [(claims[0].id, claims[1].id)], text


@pytest.mark.parametrize(
    "text",
    [
        # both say the army holds it
        "The army said it controls Kapoeta. The rebels said the army holds the town.",
        # another place
        "The rebels said Kapoeta was still in their hands. "
        "The army said its troops were in full control of Torit.",
        # a holding denied
        "The rebels said Kapoeta was still in their hands. "
        "The army said it was no longer in control of the town.",
        # a neutral observer and a side agree
        "The rebels said Kapoeta was in their hands. The UN said the rebels held the town.",
    ],
)
def test_one_holder_or_other_places_are_no_rivals(nlp: Language, text: str) -> None:
    _, contradictions, _ = ledger(nlp, text)
    assert contradictions == [], text
