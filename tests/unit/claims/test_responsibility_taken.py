"""Responsibility taken, accepted or assumed is claimed like "claimed responsibility"; nobody
who took it makes no claim; and an account that names no doer is no rival of one who claims
the deed, whoever its linked event was laid on. Real model, sentences written for these tests
(session 17)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import contradiction_pairs, ledger

pytestmark = pytest.mark.model

BLAST = "A bomb exploded at a bus station in Quetta on Sunday, killing nine people, police said. "


@pytest.mark.parametrize("verb", ["took", "accepted", "assumed"])
def test_responsibility_taken_is_a_claim_of_the_deed(nlp: Language, verb: str) -> None:
    claims, _, names = ledger(nlp, BLAST + f"The Baloch Liberation Army {verb} responsibility.")
    taken = claims[-1]
    assert taken.stance == "assert" and taken.text.startswith("responsibility")
    assert names[taken.side or ""] == "Baloch Liberation Army"


@pytest.mark.parametrize(
    "sentence",
    [
        "Nobody has taken responsibility for the bombing.",
        "The Baloch Liberation Army did not take responsibility for the bombing.",
    ],
)
def test_responsibility_nobody_took_is_no_claim(nlp: Language, sentence: str) -> None:
    claims, _, _ = ledger(nlp, BLAST + sentence)
    assert [c.claimant_text for c in claims] == ["police"]


def test_a_claimed_deed_rivals_a_blamed_doer_not_an_account_that_names_none(
    nlp: Language,
) -> None:
    text = (
        BLAST + "The Baloch Liberation Army took responsibility for the bombing. "
        "Officials blamed the Pakistani Taliban for the attack."
    )
    pairs = contradiction_pairs(nlp, text)
    assert pairs == [("responsibility for the bombing", "the Pakistani Taliban for the attack")]
