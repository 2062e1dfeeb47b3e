"""A spokesman's "we" is the party he speaks for, so that his denial meets the claims about
that party; a clause saying that a happening took place is about that happening. Real model,
sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model


def test_a_spokesmans_we_is_his_party(nlp: Language) -> None:
    text = (
        "Villagers said the Sahel Liberation Front attacked the convoy near Gao. "
        'Omar Farah, a spokesman for the Sahel Liberation Front, said: "We did not attack '
        'any convoy."'
    )
    claims, contradictions, _ = ledger(nlp, text)
    denial = claims[-1]
    assert denial.stance == "deny" and denial.proposition is not None
    assert denial.proposition.actors == ["Sahel Liberation Front"]
    assert [k.claims for k in contradictions] == [(claims[0].id, denial.id)]


def test_a_we_of_no_party_is_left_to_the_speaker(nlp: Language) -> None:
    [claim], _, _ = ledger(nlp, 'Anna Kovac said: "We did not see the fight."')
    assert claim.proposition is not None and "Anna Kovac" in (claim.proposition.subject or "")


def test_a_happening_said_not_to_have_taken_place_is_denied(nlp: Language) -> None:
    text = (
        "Residents said soldiers raided the market in Kindu on Monday. "
        "The army denied that the raid took place."
    )
    claims, contradictions, _ = ledger(nlp, text)
    raid, denial = claims[0], claims[-1]
    assert denial.stance == "deny" and denial.proposition is not None
    assert denial.proposition.kind == "event"
    assert raid.proposition is not None
    assert denial.proposition.family == raid.proposition.family
    assert [k.claims for k in contradictions] == [(raid.id, denial.id)]
