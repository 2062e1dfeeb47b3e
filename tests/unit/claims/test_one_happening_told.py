"""A denial that names the happening by another word than the account still denies it when
the deed was done to one thing ("shelled the depot" / "the depot was not attacked") or the
denial refers back to it ("no such attack took place"); a thing named indefinitely is
another happening. And claims called absurd, ridiculous, staged or a lie are
denied. Real model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model

SHELLED = "The rebels said they had shelled the fuel depot at Aweil. "


@pytest.mark.parametrize(
    "said",
    [
        "The army said the depot had not been attacked.",
        "The army said no such attack took place.",
    ],
)
def test_a_denial_of_one_target_or_referring_back_meets_the_account(
    nlp: Language, said: str
) -> None:
    claims, contradictions, _ = ledger(nlp, SHELLED + said)
    assert [k.claims for k in contradictions] == [(claims[0].id, claims[1].id)], said


def test_a_thing_named_indefinitely_is_another_happening(nlp: Language) -> None:
    _, contradictions, _ = ledger(nlp, SHELLED + "The army said a school had not been attacked.")
    assert contradictions == []


@pytest.mark.parametrize(
    "said",
    [
        "The army said the accusation was absurd.",
        "The army called the rebels' account ridiculous.",
        "The army said that was a lie.",
    ],
)
def test_claims_called_absurd_or_a_lie_are_denied(nlp: Language, said: str) -> None:
    claims, contradictions, _ = ledger(nlp, SHELLED + said)
    assert claims[-1].stance == "deny", said
    assert [k.claims[0] for k in contradictions] == [claims[0].id], said
