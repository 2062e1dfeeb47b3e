"""ACLED sub-event types with the real model: triggers that decide a sub-type from their
arguments (weapons found or seized, prisoners swapped) and cues tied to the trigger. The
sentences are made up for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom.ingest.text import make_document
from sitroom.service import Extractor

pytestmark = pytest.mark.model


def _types(nlp: Language, text: str) -> dict[str, str | None]:
    found = Extractor(nlp=nlp).extract(make_document(text))
    return {
        text[e.trigger[0] : e.trigger[1]]: e.acled.sub_event_type if e.acled else None
        for e in found.events
    }


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Police seized four pistols and 300 rounds of ammunition at a farm.", "seized"),
        ("Two homemade explosive devices were found under a bridge on Monday.", "found"),
        ("Engineers destroyed forty landmines along the old front line.", "destroyed"),
        ("Soldiers discovered a large amount of ammunition in a cave.", "discovered"),
    ],
)
def test_weapons_taken_before_use_are_disrupted(nlp: Language, text: str, trigger: str) -> None:
    assert _types(nlp, text)[trigger] == "Disrupted weapons use"


def test_a_town_seized_is_still_territory(nlp: Language) -> None:
    types = _types(nlp, "Rebels seized the town of Amberly after a week of fighting.")
    assert types["seized"] == "Non-state actor overtakes territory"


def test_a_prisoner_swap_and_a_surrender_are_agreements(nlp: Language) -> None:
    assert _types(nlp, "The two armies swapped prisoners at the border crossing.")["swapped"] == (
        "Agreement"
    )
    assert _types(nlp, "Forty militiamen surrendered to the army on Friday.")["surrendered"] == (
        "Agreement"
    )


@pytest.mark.parametrize(
    ("text", "trigger", "sub_type"),
    [
        (
            "A bomb hidden in a parked car exploded near the bus station.",
            "exploded",
            "Remote explosive/landmine/IED",
        ),
        ("Fire crews said a gas cylinder exploded in a kitchen.", "exploded", None),
        ("A gunman hurled two grenades at the crowd outside the hall.", "hurled", "Grenade"),
        ("The men molested a woman on the train.", "molested", "Sexual violence"),
    ],
)
def test_bombs_grenades_and_sexual_violence(
    nlp: Language, text: str, trigger: str, sub_type: str | None
) -> None:
    assert _types(nlp, text).get(trigger) == sub_type


def test_forces_leaving_ground_hand_it_over(nlp: Language) -> None:
    left = _types(nlp, "The garrison withdrew from the hill town overnight.")
    assert left["withdrew"] == "Non-violent transfer of territory"
    talks = _types(nlp, "The party withdrew from the coalition talks on Monday.")
    assert talks.get("withdrew") is None


def test_ground_won_by_driving_the_other_side_out(nlp: Language) -> None:
    driven = _types(nlp, "Government forces pushed the rebels out of three villages.")
    assert driven["pushed"] == "Government regains territory"
    freed = _types(nlp, "The army liberated the town from the militants.")
    assert freed["liberated"] == "Government regains territory"
    # No one driven out: a trip, no takeover.
    assert "drove" not in _types(nlp, "The family drove out of the city on Sunday.")


def test_fire_from_afar_that_lands_hits_or_pounds(nlp: Language) -> None:
    shelling = "Shelling/artillery/missile attack"
    assert _types(nlp, "Several mortar rounds landed near the airport on Thursday.")["landed"] == (
        shelling
    )
    assert _types(nlp, "A rocket hit the market square at noon.")["hit"] == shelling
    assert _types(nlp, "Artillery pounded the rebel positions near the river.")["pounded"] == (
        shelling
    )
    # A bullet ("a live round") that hits is no shelling; weather and aircraft are no attack.
    assert _types(nlp, "A student was hit by a live round near the campus.").get("hit") is None
    assert "pounded" not in _types(nlp, "Heavy rain pounded the coast for a third day.")
    assert "landed" not in _types(nlp, "The plane landed safely in the capital.")


def test_the_attack_after_a_bombing_is_that_bombing(nlp: Language) -> None:
    text = (
        "Two suicide bombers blew themselves up at the gate of the base. "
        "Officials said the attack killed four guards."
    )
    # What "the attack" did is the bombing's: folded into it, with its dead.
    found = _types(nlp, text)
    assert "killed" not in found and found["blew"] == "Suicide bomb"
    # A killing with a doer of its own is another event.
    other = "Gunmen killed three farmers in the north. In the south, shelling hit a market."
    assert _types(nlp, other)["killed"] == "Attack"


def test_a_protest_told_again_after_its_violence_keeps_it(nlp: Language) -> None:
    text = (
        "Farmers blocked highways and burned tyres across the state on Monday. "
        "They are protesting against the new farm law."
    )
    assert _types(nlp, text)["protesting"] == "Violent demonstration"
    calm = (
        "Thousands marched peacefully through the capital on Sunday. "
        "Police later detained two organisers."
    )
    assert _types(nlp, calm)["marched"] == "Peaceful protest"
