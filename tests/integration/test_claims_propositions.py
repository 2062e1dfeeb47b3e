"""Claimants, sides, propositions and contradictions with the English model, on sentences
written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model


def test_a_claimant_that_is_no_known_actor_keeps_its_words(nlp: Language) -> None:
    text = "Prosecutors said the driver fled the country after the crash."
    [claim], _, _ = ledger(nlp, text)
    assert claim.claimant is None
    assert claim.claimant_text == "Prosecutors"
    assert claim.claimant_span == (0, len("Prosecutors"))


def test_a_spokesman_for_the_ministry_speaks_for_the_named_ministry(nlp: Language) -> None:
    text = (
        "The Health Ministry of Veldara reported twelve deaths on Monday. "
        "A spokesman for the ministry said the toll would rise."
    )
    claims, _, names = ledger(nlp, text)
    spokesman = claims[-1]
    assert spokesman.claimant_text is not None and "spokesman" in spokesman.claimant_text
    assert names[spokesman.side or ""] == "Health Ministry of Veldara"


def test_a_rejected_claim_is_recorded_for_its_owner_and_contradicted(nlp: Language) -> None:
    text = "The army rejected the rebels' claim that they had captured Dorla."
    claims, contradictions, names = ledger(nlp, text)
    denial, embedded = claims
    assert denial.stance == "deny" and names[denial.claimant or ""] == "Army"
    assert embedded.stance == "assert" and embedded.embedded_in == denial.id
    assert embedded.text == "that they had captured Dorla"
    assert embedded.claimant_text == "the rebels"
    [contradiction] = contradictions
    assert contradiction.claims == (embedded.id, denial.id)
    # "the rebels" is an actor (group nouns own a possessive), so the side carries its name
    assert contradiction.sides == ("Rebels", "Army")


def test_a_negated_act_denies_it_and_contradicts_the_other_side(nlp: Language) -> None:
    text = (
        "Police said Marko Petrov called the victim twice that night. "
        "His lawyer, Tom Reyes, said Petrov did not call the victim."
    )
    claims, contradictions, _ = ledger(nlp, text)
    said, denied = claims
    assert (said.stance, denied.stance) == ("assert", "deny")
    # "the victim" is an unnamed person the actors stage names "Victim"
    assert denied.proposition is not None and denied.proposition.predicate.lower() == "call victim"
    [contradiction] = contradictions
    assert contradiction.claims == (said.id, denied.id)
    assert contradiction.sides == ("Police", "Tom Reyes")
    assert contradiction.proposition and "call victim" in contradiction.proposition.lower()


def test_a_spokesman_never_contradicts_his_own_organisation(nlp: Language) -> None:
    text = (
        "The Eastern Front said its fighters captured the town of Dorla on Sunday. "
        "A spokesman for the front later denied that its fighters captured Dorla."
    )
    claims, contradictions, names = ledger(nlp, text)
    assert [c.stance for c in claims] == ["assert", "deny"]
    assert {names[c.side or ""] for c in claims} == {"Eastern Front"}
    assert contradictions == []


def test_responsibility_names_who_did_it(nlp: Language) -> None:
    text = "The Liberation Army claimed responsibility for the bombing in Kessel."
    [claim], _, _ = ledger(nlp, text)
    assert claim.proposition is not None
    assert (claim.proposition.kind, claim.proposition.family) == ("event", "violence")
    assert claim.proposition.actors == ["Liberation Army"]


def test_no_evidence_that_p_denies_p(nlp: Language) -> None:
    text = "Officials said there was no evidence that the missiles came from Varnia."
    [claim], _, _ = ledger(nlp, text)
    assert claim.stance == "deny"
    assert claim.proposition is not None and claim.proposition.subject == "missile"
    assert (claim.proposition.predicate or "").startswith("come from ")


def test_a_plea_of_not_guilty_denies_the_charges(nlp: Language) -> None:
    text = "Marko Petrov pleaded not guilty to two murder charges on Friday."
    [claim], _, names = ledger(nlp, text)
    assert claim.stance == "deny" and names[claim.claimant or ""] == "Marko Petrov"
    assert claim.text == "two murder charges"
    # The charge names the act: a denial that he did it, which meets the prosecution's account.
    assert claim.proposition is not None
    assert (claim.proposition.kind, claim.proposition.family) == ("event", "violence")
    assert claim.proposition.actors == ["Marko Petrov"]


def test_a_plea_contradicts_the_prosecutions_account(nlp: Language) -> None:
    text = (
        "Prosecutors allege Marko Petrov shot the woman in Kessel. "
        "Petrov has pleaded not guilty to a murder charge."
    )
    claims, contradictions, _ = ledger(nlp, text)
    alleged, plea = claims
    assert alleged.claimant_text == "Prosecutors" and alleged.stance == "assert"
    assert plea.stance == "deny"
    [contradiction] = contradictions
    assert contradiction.claims == (alleged.id, plea.id)


def test_rival_death_tolls_of_one_attack_contradict_each_other(nlp: Language) -> None:
    text = (
        "The Interior Ministry said five people were killed in the attack on Dorla. "
        "The rebels said 40 people were killed in the attack on Dorla."
    )
    claims, contradictions, _ = ledger(nlp, text)
    assert [c.proposition.killed for c in claims if c.proposition] == [5, 40]
    [contradiction] = contradictions
    assert contradiction.claims == (claims[0].id, claims[1].id)
    assert "another toll" in contradiction.reason


def test_scare_quotes_are_no_quotes_but_quoted_words_in_speech_are(nlp: Language) -> None:
    text = (
        'The so-called "peace plan" was published on Monday. '
        'Senator Ann Kole said the vote was "rigged".'
    )
    doc = nlp(text)
    quoted = [(q.text, q.kind) for q in doc._.sitroom_quotes if q.kind != "indirect"]
    assert quoted == [("rigged", "partial")]
