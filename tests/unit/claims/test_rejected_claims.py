"""'X rejected Y's claim that P': Y asserts P and X denies P itself; a spokesman's words in
between never hide the claim his organisation rejects. Real model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger
from sitroom.corpus.claims import SidedClaim, contradicts

pytestmark = pytest.mark.model


def test_the_denial_of_a_named_claim_denies_its_proposition(nlp: Language) -> None:
    text = "The army rejected the rebels' assertion that they controlled the airport."
    claims, [contradiction], _ = ledger(nlp, text)
    denial, embedded = claims
    assert denial.stance == "deny" and embedded.stance == "assert"
    assert denial.proposition is not None and embedded.proposition is not None
    # one proposition, whose "they" is the owner of the claim, not the denier
    assert denial.proposition.predicate == embedded.proposition.predicate == "control airport"
    # (a party named by a kind of party, by that kind's word: "rebel")
    assert denial.proposition.subject == embedded.proposition.subject == "rebel"
    assert contradiction.claims == (embedded.id, denial.id)


def test_a_spokesman_between_a_claim_and_his_organisations_denial(nlp: Language) -> None:
    text = (
        "The Eastern Front said it had captured the airport. "
        "Army spokesman Omar Said said the town was calm. "
        "The army denied the claim."
    )
    claims, [contradiction], names = ledger(nlp, text)
    front, spokesman, denial = claims
    assert names[spokesman.side or ""] == names[denial.side or ""] == "Army"
    # the denial rejects the front's claim, never the army's own spokesman's words
    assert contradiction.claims == (front.id, denial.id)


def test_a_denial_of_the_claim_denies_its_proposition_across_articles(nlp: Language) -> None:
    text = "The Eastern Front said it had captured the airport. The army denied the claim."
    [front, denial], _, _ = ledger(nlp, text)
    assert denial.proposition == front.proposition  # the army denies what the front says
    other, _, _ = ledger(nlp, "The Eastern Front said on Monday it had captured the airport.")
    assert other[0].proposition is not None and denial.proposition is not None
    said = SidedClaim("b", other[0].id, "assert", "Eastern Front", other[0].proposition)
    denied = SidedClaim("a", denial.id, "deny", "Army", denial.proposition)
    assert contradicts(said, denied)


def test_the_report_is_false_in_reported_speech_is_the_speakers_denial(nlp: Language) -> None:
    text = (
        "The rebels said they had captured the airport. "
        "The army said the report was completely false."
    )
    claims, [contradiction], names = ledger(nlp, text)
    rebels, denial = claims[0], next(c for c in claims if c.stance == "deny")
    assert names[denial.claimant or ""] == "Army"
    # the army rejects the rebels' claim, not its own words
    assert contradiction.claims == (rebels.id, denial.id)


def test_reports_with_their_clause_called_baseless_are_denied(nlp: Language) -> None:
    text = (
        "Rebels said the air force bombed a bakery in Kauda. "
        "The air force called the reports that it bombed a bakery in Kauda baseless."
    )
    claims, contradictions, _ = ledger(nlp, text)
    denials = [c for c in claims if c.stance == "deny"]
    assert len(denials) == 1
    [denial] = denials
    assert "baseless" not in denial.text and denial.text.startswith("the reports")
    assert denial.proposition is not None and denial.proposition.family == "violence"
    assert any(k.claims == (claims[0].id, denial.id) for k in contradictions)


def test_a_report_called_disinformation_is_denied(nlp: Language) -> None:
    text = (
        "Rebels said the air force bombed a bakery in Kauda. "
        "An air force spokesman called the report disinformation."
    )
    claims, [contradiction], _ = ledger(nlp, text)
    said, denial = claims
    assert denial.stance == "deny" and "disinformation" not in denial.text
    assert contradiction.claims == (said.id, denial.id)


def test_an_allegation_called_baseless_before_a_conjoined_account_is_denied(
    nlp: Language,
) -> None:
    # the parser reads "the allegation baseless" as one noun phrase when "and said" follows
    text = (
        "Ghana's police said Togolese soldiers shot two traders near Aflao on Monday. "
        "Togo's army called the allegation baseless and said the traders had crossed at night."
    )
    claims, contradictions, _ = ledger(nlp, text)
    denial = next(c for c in claims if c.stance == "deny")
    assert denial.text.startswith("the allegation") and "baseless" not in denial.text
    assert any(k.claims == (claims[0].id, denial.id) for k in contradictions)


def test_a_claim_rejected_then_called_false_is_rejected_once(nlp: Language) -> None:
    text = (
        "The air force rejected the claim that its jets had bombed a bakery in Kauda. "
        "Its spokesman called the claim false."
    )
    claims, contradictions, _ = ledger(nlp, text)
    assert [c.stance for c in claims] == ["deny", "assert", "deny"]
    # the claim the air force rejects is nobody's: its spokesman's second rejection of it is
    # no dispute of his with an unknown side
    assert contradictions == []


def test_a_rejected_claim_of_firing_on_positions_denies_the_shelling(nlp: Language) -> None:
    text = (
        "Rebels said government troops shelled their trenches near Kauda. "
        "The army rejected the claim that its troops had fired on rebel trenches near Kauda."
    )
    claims, contradictions, _ = ledger(nlp, text)
    denial = next(c for c in claims if c.stance == "deny")
    assert denial.proposition is not None and denial.proposition.family == "violence"
    assert any(k.claims == (claims[0].id, denial.id) for k in contradictions)


def test_a_verb_of_force_aimed_at_nothing_names_no_attack(nlp: Language) -> None:
    claims, _, _ = ledger(nlp, "The company said it had fired its chief executive.")
    [said] = claims
    assert said.proposition is not None and said.proposition.family is None
