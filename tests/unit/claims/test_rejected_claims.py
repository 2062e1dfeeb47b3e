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
