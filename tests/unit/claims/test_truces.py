"""A truce one side says was broken and another says holds or is kept contradict, the holding
being the denial; two sides agreeing that it holds, or a breach negated, are no such pair.
Real model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "The government said the rebels had violated the ceasefire near Bor. "
        "A rebel spokesman said the truce was holding.",
        "The rebels said the truce had been breached by the army. "
        "The defence minister said the ceasefire was being respected.",
    ],
)
def test_a_truce_broken_and_a_truce_held_contradict(nlp: Language, text: str) -> None:
    claims, contradictions, _ = ledger(nlp, text)
    assert [k.claims for k in contradictions] == [(claims[0].id, claims[1].id)], text
    assert [c.stance for c in claims] == ["assert", "deny"], text


@pytest.mark.parametrize(
    "text",
    [
        # agreement
        "The government said the ceasefire was holding. A rebel spokesman said the truce held.",
        # one side alone
        "The government said the rebels had violated the ceasefire. "
        "The army said the truce had been breached twice.",
        # a holding that no longer is
        "The government said the rebels had violated the ceasefire. "
        "A rebel spokesman said the truce no longer held.",
    ],
)
def test_agreement_or_one_side_is_no_truce_dispute(nlp: Language, text: str) -> None:
    claims, contradictions, _ = ledger(nlp, text)
    assert contradictions == [], text
    assert claims[0].stance == "assert", text
