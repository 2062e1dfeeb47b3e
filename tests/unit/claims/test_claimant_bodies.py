"""Claimants that are bodies of a country ("the Kenyan health ministry") and passive reports,
with the real model on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "body", "country"),
    [
        (
            "The Kenyan health ministry said twelve people had died of cholera.",
            "The Kenyan health ministry",
            "Kenyan",
        ),
        (
            "The Afghan interior ministry said the road to the border was closed.",
            "The Afghan interior ministry",
            "Afghan",
        ),
    ],
)
def test_a_body_of_a_country_is_the_claimant_and_the_country_its_side(
    nlp: Language, text: str, body: str, country: str
) -> None:
    [claim], _, names = ledger(nlp, text)
    assert claim.claimant is None  # the body is no known actor: it keeps its words
    assert claim.claimant_text == body
    assert names[claim.side or ""] == country


def test_a_body_of_a_country_contradicts_another_side(nlp: Language) -> None:
    text = (
        "The rebels said they had taken the airport. The Kenyan defence ministry denied the claim."
    )
    claims, [contradiction], names = ledger(nlp, text)
    assert contradiction.claims == (claims[0].id, claims[1].id)
    assert names[claims[1].side or ""] == "Kenyan"


def test_the_agent_of_a_passive_denial_denies_its_subject(nlp: Language) -> None:
    text = "The rebels said they had taken the airport. The claim was denied by the army."
    claims, [contradiction], _ = ledger(nlp, text)
    said, denial = claims
    assert denial.stance == "deny" and denial.text == "The claim"
    assert denial.claimant_text == "the army"
    assert contradiction.claims == (said.id, denial.id)


def test_a_report_saying_speaks_for_the_body_that_owns_it(nlp: Language) -> None:
    text = (
        "We told people to go home following the weather office report saying that the "
        "storm had passed."
    )
    claims, _, _ = ledger(nlp, text)
    reported = claims[-1]
    assert reported.text == "that the storm had passed"
    assert reported.claimant_text == "office"


def test_a_report_named_by_its_kind_has_no_owner_that_speaks(nlp: Language) -> None:
    text = (
        "We told people to stay inside following a DNA report confirming that the bodies "
        "were those of the missing men."
    )
    claims, _, _ = ledger(nlp, text)
    assert claims[-1].claimant_text != "DNA"


def test_who_argues_the_evidence_shows_something_is_its_claimant(nlp: Language) -> None:
    text = (
        "Lawyers for the miners argued the evidence showed that guards beat the strikers in "
        "Marikana."
    )
    claims, _, _ = ledger(nlp, text)
    assert claims and all(c.claimant_text != "the evidence" for c in claims)
    assert len({c.claimant_text for c in claims}) == 1  # the lawyers say both


def test_evidence_with_an_author_speaks_for_its_author(nlp: Language) -> None:
    text = "The army said a United Nations report showed that the rebels fired first."
    claims, _, _ = ledger(nlp, text)
    inner = claims[-1]
    assert inner.text.startswith("that the rebels") or inner.text.startswith("the rebels")
    assert inner.claimant_text != "The army"
