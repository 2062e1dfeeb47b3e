"""A charge denied: "X accuses Y of Z, a charge Y denies", "Y denied the charges". The charge
is the accusation told before it, and the denial contradicts the accuser. Real model, sentences
written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "The governor accused the militia of burning the market, a charge the militia denies.",
        "The governor accused the militia of burning the market. The militia denied the charges.",
    ],
)
def test_a_denied_charge_contradicts_the_accuser(nlp: Language, text: str) -> None:
    claims, contradictions, _ = ledger(nlp, text)
    assert [c.stance for c in claims] == ["assert", "deny"]
    [contradiction] = contradictions
    assert contradiction.claims == (claims[0].id, claims[1].id)


def test_charges_filed_are_no_claim_denied(nlp: Language) -> None:
    _, contradictions, _ = ledger(nlp, "Prosecutors filed charges against two men in Jos.")
    assert contradictions == []
