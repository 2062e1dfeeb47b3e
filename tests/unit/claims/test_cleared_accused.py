"""A content that clears someone ("his client was innocent", "she is not guilty") denies what
he is accused of in the article; a second clause reported with a mark of its own ("argued that
A and that B") is a claim of its own. Real model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model


def test_two_marked_clauses_are_two_claims(nlp: Language) -> None:
    text = "The lawyer said that the driver was tired and that the road was icy."
    first, second = ledger(nlp, text)[0]
    assert first.text == "that the driver was tired"
    assert second.text == "the road was icy"
    assert first.claimant == second.claimant


def test_a_clause_without_a_mark_of_its_own_stays_in_the_claim(nlp: Language) -> None:
    [claim], _, _ = ledger(nlp, "The lawyer said that the driver was tired and the road was icy.")
    assert claim.text.endswith("the road was icy")


def test_an_unnamed_client_declared_innocent_denies_the_accusation(nlp: Language) -> None:
    text = (
        "Prosecutors allege that Pavel Novak stabbed Ivan Horak outside a bar in Brno. "
        "His lawyer, Maria Kral, argued that nobody saw the fight and that her client was "
        "innocent."
    )
    claims, [contradiction], _ = ledger(nlp, text)
    stabbed, *_, innocent = claims
    assert innocent.text == "her client was innocent" and innocent.stance == "deny"
    assert contradiction.claims == (stabbed.id, innocent.id)
    # it denies what the prosecutors assert, so that it meets other articles' reports of it
    assert innocent.proposition == stabbed.proposition


def test_a_named_person_not_guilty_denies_only_his_own_deed(nlp: Language) -> None:
    text = (
        "Police said Tomas Berg shot a guard in Oslo and Erik Lund set fire to a car. "
        "Erik Lund's mother said her son was not guilty."
    )
    claims, contradictions, _ = ledger(nlp, text)
    cleared = claims[-1]
    assert cleared.stance == "deny"
    fire = [c for c in claims if "set fire" in c.text]
    assert [k.claims for k in contradictions] == [(fire[0].id, cleared.id)]


def test_innocence_asserted_of_no_one_accused_contradicts_nothing(nlp: Language) -> None:
    text = "The villagers said the children were innocent."
    [claim], contradictions, _ = ledger(nlp, text)
    assert claim.stance == "deny" and contradictions == []


def test_a_doer_is_named_without_his_middle_name(nlp: Language) -> None:
    [claim], _, _ = ledger(nlp, "Police said Daniel Joseph Harper shot a guard in Leeds.")
    assert claim.proposition is not None and claim.proposition.actors == ["Daniel Harper"]


def test_a_name_with_a_suffix_keeps_its_words(nlp: Language) -> None:
    [claim], _, _ = ledger(nlp, "Police said Daniel Harper Jr shot a guard in Leeds.")
    assert claim.proposition is not None and claim.proposition.actors == ["Daniel Harper Jr"]
