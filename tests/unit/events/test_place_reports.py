"""Where events happened, on short conflict reports written for these tests (issue #15 "Where"):
towns, camps and districts, "near"/"outside"/"north of", "X's Y", "the town of X", datelines,
sides named by their base ("Mali-based"), where someone spoke, and places named only in an
earlier sentence. Read with the real English model and the whole pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from unit.events.reading import place_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        (
            "Gunmen killed five villagers in the town of Dikwa in Borno state on Tuesday.",
            "killed",
            "Dikwa",
        ),
        ("Police arrested 12 protesters outside the parliament in Tbilisi.", "arrested", "Tbilisi"),
        (
            "An airstrike hit a market 15 km north of Idlib, killing nine people.",
            "airstrike",
            "Idlib",
        ),
        ("Militants attacked an army post near Menaka on Sunday.", "attacked", "Ménaka"),
        ("Coalition jets bombed Yemen's Hodeidah port on Monday.", "bombed", "Port of Hodeidah"),
        ("Fighting raged in the Kutum district of North Darfur.", "Fighting", "Kutum"),
        (
            "KABUL, May 3 (Reuters) - A roadside bomb killed four soldiers in Helmand province on "
            "Saturday.",
            "killed",
            "Helmand",
        ),
        (
            "Gunmen from a Mali-based group attacked a police station in Djibo, Burkina Faso.",
            "attacked",
            "Djibo",
        ),
        (
            "The UN envoy told reporters in Geneva that government forces had shelled Homs "
            "overnight.",
            "shelled",
            "Homs",
        ),
        (
            "Speaking in Brussels, the minister said troops had killed 30 militants in Kunduz.",
            "killed",
            "Kunduz",
        ),
        ("Protesters marched through the streets of Lagos on Saturday.", "marched", "Lagos"),
        ("Russian troops withdrew from Izium on Friday.", "withdrew", "Izyum"),
        (
            "Two soldiers were killed when their vehicle hit a mine outside Gao.",
            "killed",
            "Gao",
        ),
        (
            "A car bomb exploded near a checkpoint on the outskirts of Mogadishu, killing seven.",
            "exploded",
            "Mogadishu",
        ),
        (
            "Armed men abducted 30 students from a school in Kaduna state.",
            "abducted",
            "Kaduna State",
        ),
        ("The town of Kidal fell to rebels on Saturday.", "fell", "Kidal"),
        (
            "Hundreds of people demonstrated in front of the US embassy in Baghdad.",
            "demonstrated",
            "Baghdad",
        ),
        (
            "Police in Nairobi said gunmen had shot dead a trader in Mombasa.",
            "shot",
            "Mombasa",
        ),
        (
            "Soldiers opened fire on protesters in Mandalay, killing three, witnesses told "
            "reporters in Yangon.",
            "opened",
            "Mandalay",
        ),
        (
            "Insurgents ambushed a patrol in Cabo Delgado province, Mozambique's army said in a "
            "statement from Maputo.",
            "ambushed",
            "Cabo Delgado",
        ),
        (
            "Boko Haram fighters raided the village of Kautikari near Chibok, abducting 17 women.",
            "raided",
            "Kautikari",
        ),
        (
            "Police broke up a rally in Hong Kong's Mong Kok district on Sunday.",
            "rally",
            "Mong Kok",
        ),
    ],
)
def test_a_report_places_its_event(nlp: Language, text: str, trigger: str, place: str) -> None:
    assert place_of(nlp, text, trigger) == place


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        # A pronoun subject goes on with the story of the sentence before.
        (
            "Fighters entered the town of Bama on Monday. They burned dozens of homes and killed "
            "at least 20 people.",
            "burned",
            "Bama",
        ),
        # A definite event noun restates the event told before.
        (
            "A suicide bomber blew himself up at a mosque in Peshawar on Friday. Thirty people "
            "died in the attack, police said.",
            "attack",
            "Peshawar",
        ),
        (
            "Insurgents attacked an army base outside Mopti on Sunday. The soldiers repelled the "
            "assault after two hours.",
            "repelled",
            "Mopti",
        ),
        (
            "Police clashed with students at the university in Dhaka. The officers arrested 40 "
            "of them.",
            "arrested",
            "Dhaka",
        ),
    ],
)
def test_an_event_told_as_part_of_the_story_is_where_the_story_was(
    nlp: Language, text: str, trigger: str, place: str
) -> None:
    assert place_of(nlp, text, trigger) == place


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # Someone new, not the story's people: nothing says where.
        (
            "Rebels shelled the town of Bama on Monday. Another man was arrested on Tuesday.",
            "arrested",
        ),
        # A new paragraph may have moved on, when the report names two scenes.
        (
            "Fighters entered the town of Bama on Monday. Troops shelled Gwoza the same day."
            "\n\nThey burned dozens of homes.",
            "burned",
        ),
        # Where someone spoke is no place of the story.
        (
            "The minister spoke to reporters in Geneva on Monday. He said the rebels had shelled "
            "a village overnight.",
            "shelled",
        ),
    ],
)
def test_the_story_place_does_not_carry_to_other_events(
    nlp: Language, text: str, trigger: str
) -> None:
    assert place_of(nlp, text, trigger) is None
