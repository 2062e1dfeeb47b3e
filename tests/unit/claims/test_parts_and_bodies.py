"""Speakers that are a part or a national branch of an organisation, a claim noun of the
speaker's own restated, and one body noun of two countries, with the real model on sentences
written for these tests (session 17)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        (
            "Islamic State's Somalia branch said its fighters had stormed a hotel in Bosaso.",
            "islamic state",
        ),
        (
            "Human Rights Watch's Africa division said soldiers had beaten detainees. "
            "Amnesty International Uganda said police had shot two students in Gulu.",
            "amnesty international",
        ),
    ],
)
def test_a_branch_speaks_for_its_organisation_not_for_the_country(
    nlp: Language, text: str, organisation: str
) -> None:
    claims, _, names = ledger(nlp, text)
    last = claims[-1]
    assert names[last.side or ""].lower().startswith(organisation)


def test_a_country_that_names_no_branch_is_the_speaker(nlp: Language) -> None:
    claims, _, names = ledger(nlp, "Uganda said its troops had left the border town of Mpondwe.")
    assert names[claims[0].side or ""] == "Uganda"


@pytest.mark.parametrize(
    "text",
    [
        "The rebels repeated their claim that troops had burned the village of Kigoma.",
        "The rebels maintained their account that troops had burned the village of Kigoma.",
    ],
)
def test_a_restated_claim_of_ones_own_asserts_its_clause(nlp: Language, text: str) -> None:
    [claim], _, _ = ledger(nlp, text)
    assert claim.stance == "assert"
    assert claim.text == "that troops had burned the village of Kigoma"


def test_a_restated_claim_of_a_named_other_is_not_the_speakers_own(nlp: Language) -> None:
    text = "The rebels repeated the army's claim that troops had burned the village of Kigoma."
    claims, _, _ = ledger(nlp, text)
    assert not any(c.text == "that troops had burned the village of Kigoma" for c in claims)


def test_one_body_noun_of_two_countries_is_two_sides(nlp: Language) -> None:
    text = (
        "Georgia's interior ministry said Russian troops had moved the border fence near "
        "Khurvaleti overnight. Russia's interior ministry said Russian troops had not moved "
        "the border fence near Khurvaleti."
    )
    claims, contradictions, _ = ledger(nlp, text)
    said, denied = claims
    assert denied.stance == "deny"
    assert [c.claims for c in contradictions] == [(said.id, denied.id)]


@pytest.mark.parametrize(
    ("spokesman", "found"),
    [
        ("A ministry spokesman", []),  # the one ministry's own spokesman
        ("A police spokesman", [("c1", "c2")]),  # no body of the article: another side
    ],
)
def test_an_unnamed_spokesman_of_the_one_body_is_of_its_side(
    nlp: Language, spokesman: str, found: list[tuple[str, str]]
) -> None:
    text = (
        "Georgia's interior ministry said Russian troops had moved the border fence near "
        f"Khurvaleti overnight. {spokesman} said Russian troops had not moved the border fence "
        "near Khurvaleti."
    )
    claims, contradictions, _ = ledger(nlp, text)
    ids = {c.id: f"c{n}" for n, c in enumerate(claims, 1)}
    assert [(ids[a], ids[b]) for a, b in (k.claims for k in contradictions)] == found


@pytest.mark.parametrize(
    ("speakers", "found"),
    [
        ("Somali officials", 0),  # Somalia's own officials: one side
        ("Ethiopian officials", 1),  # another country's: a dispute
    ],
)
def test_officials_named_by_their_country_speak_for_it(
    nlp: Language, speakers: str, found: int
) -> None:
    text = (
        "Somalia's government said its troops had retaken the town of Bardere on Monday. "
        f"{speakers} said Somali troops had not retaken Bardere."
    )
    _, contradictions, _ = ledger(nlp, text)
    assert len(contradictions) == found


def test_nobody_who_claimed_responsibility_makes_no_claim(nlp: Language) -> None:
    text = (
        "A bomb exploded at a bus station in Quetta on Sunday, police said. "
        "No group has claimed responsibility for the blast. "
        "Nobody has admitted carrying out the attack."
    )
    claims, _, _ = ledger(nlp, text)
    assert [c.claimant_text for c in claims] == ["police"]


def test_a_director_of_an_organisation_is_of_its_side(nlp: Language) -> None:
    text = (
        "Human Rights Watch said police fired live rounds at protesters in Nairobi on Tuesday. "
        "Its director Mausi Segun said at least 13 people were shot dead."
    )
    claims, _, names = ledger(nlp, text)
    assert [names[c.side or ""] for c in claims] == ["Human Rights Watch"] * 2
