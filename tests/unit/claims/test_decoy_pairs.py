"""Pairs of claims that look alike but are no dispute, beside true disputes: what two claims of
one article must share to contradict (one period for tolls, one whole, one part of a happening,
one day, opposite sides) and what is no claim at all (a rejected demand). Real model, sentences
written here."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from builders import contradiction_pairs, ledger
from sitroom.ingest.text import make_document
from sitroom.service import Extractor

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        # A toll that rose is a later figure of one count, not a rival one.
        "Police said six people were killed in the blast in Sukkur. The toll later rose to 14, "
        "a doctor at the city hospital, Farid Memon, said.",
        "Rescuers said nine people died in the landslide. Provincial officials later raised the "
        "toll to 17.",
        # A definite count refers back to a toll already given.
        "The navy said its gunboats sank a smuggling boat off Tobruk, killing three crew. A port "
        "official, Salem Idris, said the two dead were fishermen.",
        # A part (one group, one town) below the whole is no rival figure.
        "The health ministry said at least 20 people were killed in the clashes in Sirte. A "
        "militia commander, Faraj Barasi, said the militia had lost four fighters.",
        "Officials said the storms killed at least seven people across the island. The mayor of "
        "Baracoa, Luis Frometa, said one person died in the town of Baracoa.",
    ],
)
def test_figures_of_another_period_or_of_a_part_are_no_rivals(nlp: Language, text: str) -> None:
    assert contradiction_pairs(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        # "nobody was hurt" denies the hurt, not the strike it was hurt in.
        "The coast guard said a drone hit a cargo ship off Hodeidah. The ship's owner, Elias "
        "Marinakis, said nobody was hurt in the attack on the ship.",
        # A toll with no doer does not say that the doer a denial names did the deed it denies.
        "Congo's army denied that M23 had seized the bridge at Kalemie. A doctor at the Kalemie "
        "hospital, Jean Mwamba, said dozens of people were killed in the fighting.",
    ],
)
def test_a_denial_meets_the_part_of_the_happening_it_denies(nlp: Language, text: str) -> None:
    assert contradiction_pairs(nlp, text) == []


def test_a_denial_of_another_day_is_no_dispute(nlp: Language) -> None:
    extractor = Extractor(nlp=nlp)

    def found(text: str) -> int:
        document = make_document(
            text, source="t", publisher="Desert Wire", published=dt.date(2025, 3, 9)
        )
        return len(extractor.extract(document).contradictions)

    day = "The army said the militia attacked the base at Ati on Monday. The militia denied {}."
    assert found(day.format("attacking the base at Ati on Friday")) == 0
    assert found(day.format("attacking the base at Ati on Monday")) == 1


def test_a_rejected_demand_is_no_claim(nlp: Language) -> None:
    text = (
        "The union said guards beat striking miners at the Kolwezi pit. The mining company "
        "rejected the union's demand for a pay rise."
    )
    claims, found, _ = ledger(nlp, text)
    assert [c.stance for c in claims] == ["assert"]
    assert found == []


def test_charges_of_a_deed_are_the_claim_not_its_claimant(nlp: Language) -> None:
    text = (
        "Prosecutors say Ivo Marek stole paintings from the museum. Marek has denied charges of "
        "fraud."
    )
    claims, _, _ = ledger(nlp, text)
    assert all(c.claimant_text != "fraud" for c in claims)


def test_a_country_and_its_adjective_are_one_doer(nlp: Language) -> None:
    text = (
        "The UN said Ethiopian shells hit the clinic in Adigrat. Ethiopia did not deny that its "
        "shells hit the clinic."
    )
    assert contradiction_pairs(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        # "It said" goes on with the body that spoke before, not the group it named.
        "Chad's army denied that the rebels had captured the garrison at Faya. It said it had "
        "repelled the attack. Army spokesman Issa Mahamat said dozens of rebels were killed.",
        # An officer of the army, a lawyer of the accused: one side each.
        "The army said its troops killed 30 rebels near Bunia. An army commander, General Paul "
        "Kaseba, said 45 rebels were killed near Bunia.",
    ],
)
def test_claims_of_one_side_are_no_dispute(nlp: Language, text: str) -> None:
    assert contradiction_pairs(nlp, text) == []


def test_a_lawyer_speaks_for_his_client(nlp: Language) -> None:
    text = (
        "Prosecutors allege Dan Holt stabbed his neighbour. Holt pleaded not guilty to murder. "
        "His lawyer, Amy Ross, said his client was innocent. Ross said Holt was at work when his "
        "neighbour was killed."
    )
    # The prosecution against the defence; never the defendant against his lawyer.
    assert {a for a, _ in contradiction_pairs(nlp, text)} == {"Dan Holt stabbed his neighbour"}


@pytest.mark.parametrize(
    ("text", "said", "denied"),
    [
        (
            "The rebels said they had captured the town of Kadugli. The army denied that "
            "Kadugli had fallen.",
            "they had captured the town of Kadugli",
            "Kadugli had fallen",
        ),
        (
            "Amnesty accused the police of torturing detainees in Gulu. The police rejected the "
            "accusation.",
            "the police of torturing detainees in Gulu",
            "the accusation",
        ),
        (
            "The health ministry said 40 civilians were killed in the air strike on Bentiu. The "
            "air force said only two people were killed in the strike on Bentiu.",
            "40 civilians were killed in the air strike on Bentiu",
            "only two people were killed in the strike on Bentiu",
        ),
    ],
)
def test_true_disputes_are_still_found(nlp: Language, text: str, said: str, denied: str) -> None:
    pairs = contradiction_pairs(nlp, text)
    assert any(said in a and denied in b for a, b in pairs), pairs


def test_a_denial_of_harm_to_one_people_is_not_of_harm_to_another(nlp: Language) -> None:
    text = (
        "Syrian state media said 30 Turkish soldiers were killed in the shelling of the outpost. "
        "Russia's defence ministry said there were no Russian casualties. Turkey's defence "
        "minister said no Turkish soldiers were killed in the shelling."
    )
    pairs = contradiction_pairs(nlp, text)
    assert [b for _, b in pairs] == ["no Turkish soldiers were killed in the shelling"], pairs


def test_a_negated_assertion_asserts_nothing(nlp: Language) -> None:
    text = "The Red Cross said it could not confirm the number of dead in the camp."
    claims, _, _ = ledger(nlp, text)
    assert [c.text for c in claims] == ["it could not confirm the number of dead in the camp"]


@pytest.mark.parametrize(
    ("text", "said", "denied"),
    [
        # "the camp", "the airport": the site named before, at the place it was named with
        (
            "Niger's army said six soldiers were killed when gunmen attacked a military camp near "
            "Agadez. The Islamic State claimed it had overrun the camp. The army denied that the "
            "camp had fallen.",
            "it had overrun the camp",
            "the camp had fallen",
        ),
        (
            "Militiamen said they had seized the Sirte airport after heavy clashes. The Libyan "
            "National Army denied losing the airport.",
            "they had seized the Sirte airport after heavy clashes",
            "losing the airport",
        ),
    ],
)
def test_a_site_referred_back_to_is_captured_where_it_was_named(
    nlp: Language, text: str, said: str, denied: str
) -> None:
    pairs = contradiction_pairs(nlp, text)
    assert any(said in a and denied in b for a, b in pairs), pairs
    assert all("soldiers were killed" not in a for a, _ in pairs), pairs


def test_a_body_qualified_in_its_speakers_words_is_that_country(nlp: Language) -> None:
    text = (
        "Kenya's army said Somali militants attacked a base near Mandera, killing four soldiers. "
        "Somalia's army spokesman denied that its troops had crossed the border. He said Somali "
        "troops had fought al-Shabaab near Beled Hawo on Tuesday."
    )
    claims, found, _ = ledger(nlp, text)
    sides = {c.id: c.side for c in claims}
    # the spokesman and "he" are Somalia's army: the Kenyan report is all they dispute
    assert all(sides[k.claims[0]] != sides[k.claims[1]] for k in found)
    assert {claims[0].id} >= {k.claims[0] for k in found}


def test_an_officer_of_a_body_speaks_for_it(nlp: Language) -> None:
    text = (
        "Pakistan's army said Indian fire killed five civilians in Kotli. India's army said "
        "Pakistani shelling killed two villagers near Poonch. An Indian army officer, Major Arun "
        "Rao, said at most one person had been killed in Kotli."
    )
    # the officer's toll rivals Pakistan's, never his own army's
    assert contradiction_pairs(nlp, text) == [
        (
            "Indian fire killed five civilians in Kotli",
            "at most one person had been killed in Kotli",
        )
    ]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # "the claims" are the accusations against the denier, not the neutral words between
        (
            "Chad said Sudanese jets bombed the Adre camp. The UN said 30,000 refugees lived in "
            "the camp. Sudan rejected the claims.",
            "Sudanese jets bombed the Adre camp",
        ),
        (
            "The UN said Israeli shells killed 40 people near the school. Its spokesman said the "
            "UN had given the army the coordinates of the school. Israel rejected the accusation.",
            "Israeli shells killed 40 people near the school",
        ),
        # else the nearest that tells a happening, not a statement of intent
        (
            "Iran said its missiles killed 80 American soldiers. Trump said the United States was "
            "ready to embrace peace. The Pentagon dismissed the claim.",
            "its missiles killed 80 American soldiers",
        ),
    ],
)
def test_a_denial_of_the_claims_rejects_the_accusation(nlp: Language, text: str, said: str) -> None:
    assert [a for a, _ in contradiction_pairs(nlp, text)] == [said]


def test_a_further_happening_is_not_the_one_denied(nlp: Language) -> None:
    text = (
        "Chad's army said Sudanese jets bombed the Adre camp on Thursday. Sudan's army spokesman "
        "denied that the army had bombed the camp. Chad's army said Sudan had also bombed the town "
        "of Tine last week."
    )
    assert [a for a, _ in contradiction_pairs(nlp, text)] == [
        "Sudanese jets bombed the Adre camp on Thursday"
    ]


def test_a_threat_under_a_condition_is_no_claim(nlp: Language) -> None:
    text = (
        "The army said the rebels shelled Bukavu. If the army kept attacking, the rebel spokesman "
        "said, the rebels would take Uvira."
    )
    claims, found, _ = ledger(nlp, text)
    assert [c.text for c in claims] == ["the rebels shelled Bukavu"]
    assert found == []
