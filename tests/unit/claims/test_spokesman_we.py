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


def test_who_denies_doing_it_is_its_doer(nlp: Language) -> None:
    text = "The Sahel Liberation Front denied attacking the convoy near Gao."
    [denial], _, _ = ledger(nlp, text)
    assert denial.stance == "deny" and denial.proposition is not None
    assert denial.proposition.actors == ["Sahel Liberation Front"]
    assert denial.proposition.responsibility


def test_a_passive_agent_names_the_happening(nlp: Language) -> None:
    text = (
        "Local officials said the clinic was hit by an air strike that killed at least nine "
        "patients. The government said no patients were killed."
    )
    [hit, denial], [contradiction], _ = ledger(nlp, text)
    assert hit.proposition is not None and hit.proposition.kind == "event"
    assert hit.proposition.family == "violence"
    assert contradiction.claims == (hit.id, denial.id)


def test_a_denial_of_the_accusation_by_an_unnamed_body(nlp: Language) -> None:
    text = (
        "Human rights groups accused the army of killing civilians in Tarvo. "
        "The defence ministry rejected the accusation."
    )
    [accusation, denial], [contradiction], _ = ledger(nlp, text)
    assert denial.stance == "deny"
    assert contradiction.claims == (accusation.id, denial.id)
