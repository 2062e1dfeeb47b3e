"""What a denial contradicts when several assertions of other sides stand before it: the
accusation it answers (the claim reported inside it, the account of its doers' deed, the
nearest report that blames someone), with every other account of that same happening, never a
neutral fact, another deed or the claimant's account of its own deed. Real model, sentences
written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import contradiction_pairs, ledger

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "accusation"),
    [
        # What befell the shops names no doer: the accusation is the article's first claim.
        (
            "Officials said Delta Brigade fighters set fire to a clinic in Ondo on Monday. A "
            "teacher said three shops had burned down. The Delta Brigade rejected the accusation.",
            "Delta Brigade fighters set fire to a clinic in Ondo on Monday",
        ),
        # The army's account of what its own helicopters did accuses the brigade of nothing.
        (
            "The police said gunmen of the Northern Brigade burned a bus outside Kasese on "
            "Monday. The army said its helicopters had destroyed a brigade camp near Bundibugyo. "
            "The Northern Brigade rejected the accusation.",
            "gunmen of the Northern Brigade burned a bus outside Kasese on Monday",
        ),
    ],
)
def test_a_denial_of_the_accusation_rejects_the_report_that_blames_the_denier(
    nlp: Language, text: str, accusation: str
) -> None:
    assert contradiction_pairs(nlp, text) == [(accusation, "the accusation")]


def test_a_denial_of_its_soldiers_deed_meets_the_account_of_that_deed(nlp: Language) -> None:
    text = (
        "Human rights groups said Burundian soldiers killed nine villagers in Rumonge on Tuesday. "
        "The groups also said bandits had killed two traders in Rumonge. The army denied that "
        "its soldiers had killed villagers in Rumonge."
    )
    # the bandits' killing is another deed by other doers, in the same town
    assert contradiction_pairs(nlp, text) == [
        (
            "Burundian soldiers killed nine villagers in Rumonge on Tuesday",
            "that its soldiers had killed villagers in Rumonge",
        )
    ]


@pytest.mark.parametrize(
    ("text", "other"),
    [
        (
            "The navy said the rebels fired a rocket at a tanker off Mokha on Monday. Residents "
            "said the rebels had shelled a market in Mokha on Sunday. The rebels rejected the "
            "navy's claim that they had fired at the tanker.",
            "the rebels had shelled a market in Mokha on Sunday",
        ),
        (
            "Police said the Eastern Front attacked a checkpoint in Garissa. Villagers said Front "
            "fighters had burned a school in Garissa. The Front rejected the police claim that it "
            "attacked the checkpoint.",
            "Front fighters had burned a school in Garissa",
        ),
    ],
)
def test_a_rejected_claim_is_the_target_not_another_deed_of_the_accused(
    nlp: Language, text: str, other: str
) -> None:
    pairs = contradiction_pairs(nlp, text)
    assert pairs, text
    assert all(other not in pair for pair in pairs)


def test_two_accounts_of_one_ambush_are_both_denied(nlp: Language) -> None:
    text = (
        "The army said the rebels ambushed a convoy near Kidal on Sunday. The governor of Kidal "
        "said the rebels had ambushed the convoy near Kidal. A rebel spokesman denied that the "
        "rebels had ambushed the convoy."
    )
    denial = "that the rebels had ambushed the convoy"
    assert contradiction_pairs(nlp, text) == [
        ("the rebels ambushed a convoy near Kidal on Sunday", denial),
        ("the rebels had ambushed the convoy near Kidal", denial),
    ]


@pytest.mark.parametrize(
    ("text", "accusation", "denial"),
    [
        # the accusation names the denier's fighters by another name than "its fighters"
        (
            "The army said Sun Valley rebels ambushed a patrol near Tabuk on Monday. The Sun "
            "Valley Front denied that its fighters had carried out the ambush.",
            "Sun Valley rebels ambushed a patrol near Tabuk on Monday",
            "that its fighters had carried out the ambush",
        ),
        # the nurse's toll names no doer: the denial of the deed is not a denial of it
        (
            "The army said NPA rebels ambushed a patrol near Borongan on Monday. A nurse said two "
            "soldiers died in the hospital. NPA spokesman Ka Diego denied that its fighters had "
            "carried out the ambush.",
            "NPA rebels ambushed a patrol near Borongan on Monday",
            "that its fighters had carried out the ambush",
        ),
        # "his fighters" of a commander are his group's, not his own person
        (
            "The governor said ELN guerrillas attacked a police post near Tame on Sunday. A nurse "
            "said three officers were wounded. ELN commander Pablo Beltran dismissed claims that "
            "his fighters had attacked the post.",
            "ELN guerrillas attacked a police post near Tame on Sunday",
            "claims that his fighters had attacked the post",
        ),
    ],
)
def test_a_denial_of_what_its_own_people_did_meets_the_accusation_of_its_side(
    nlp: Language, text: str, accusation: str, denial: str
) -> None:
    assert contradiction_pairs(nlp, text) == [(accusation, denial)]


def test_a_denial_of_a_deed_meets_no_toll_that_names_no_doer(nlp: Language) -> None:
    text = (
        "Police said eleven people died in the blast at the market in Jolo. The Sulu Front denied "
        "that its fighters had planted the bomb."
    )
    assert contradiction_pairs(nlp, text) == []


def test_a_denial_of_its_own_peoples_deed_takes_the_doers_of_the_accusation(
    nlp: Language,
) -> None:
    text = (
        "The army said NPA rebels ambushed a patrol near Borongan on Monday. NPA spokesman Ka "
        "Diego denied that its fighters had carried out the ambush."
    )
    claims, [found], _ = ledger(nlp, text)
    accusation, denial = claims
    assert found.claims == (accusation.id, denial.id)
    assert denial.proposition is not None and accusation.proposition is not None
    # the party the accusation names, not the word "fighter", so other articles' claims meet it
    assert denial.proposition.actors == accusation.proposition.actors == ["NPA"]
    assert "by fighter" not in denial.proposition.text
