"""Where events happened when the NER mislabels the town, the gazetteer lacks it, or the verb
says the place without a preposition of place (issue #15 "Where"): "Kidal fell to the rebels",
"pulled out of X", "attacked the town of X" in a report filed from the capital, "the site",
"X, whose airport was bombed". Short reports written for these tests, read with the real
English model and the whole pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from unit.events.reading import place_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        ("Fighting erupted near Kidal on Tuesday, the Malian army said.", "Fighting", "Kidal"),
        ("Rebels pulled out of Gao on Monday after two days of clashes.", "pulled", "Gao"),
        ("Armenian forces pulled out of the Kalbajar district on Friday.", "pulled", "Kalbajar"),
        ("The town of Kidal fell to the rebels on Sunday.", "fell", "Kidal"),
        ("Russian troops withdrew from Kherson on Friday.", "withdrew", "Kherson"),
        ("Jihadists attacked an army post in Tillaberi on Monday.", "attacked", "Tillabéri"),
        (
            "Families of workers at the Tuwaitha plant outside Baghdad rallied at the site on "
            "Monday.",
            "rallied",
            "Tuwaitha",
        ),
        (
            "Aleppo, whose airport was bombed by government jets on Monday, remains tense.",
            "bombed",
            "Aleppo",
        ),
    ],
)
def test_the_place_of_an_event(nlp: Language, text: str, trigger: str, place: str) -> None:
    assert place_of(nlp, text, trigger) == place


REPORT = (
    "MOGADISHU, Somalia (Reuters) - Security was tight in Mogadishu on Sunday after officials "
    "met in Mogadishu. Militants attacked the town of Qorqorweyn on Monday, killing five "
    "soldiers. They burned dozens of homes."
)


def test_a_town_the_gazetteer_lacks_is_not_replaced_by_the_dateline_city(nlp: Language) -> None:
    # Qorqorweyn (made up): the attack is there, somewhere in Somalia, not in Mogadishu.
    assert place_of(nlp, REPORT, "attacked") == "Somalia"
    # and so is what the next sentence tells of it
    assert place_of(nlp, REPORT, "burned") == "Somalia"


def test_a_town_the_gazetteer_lacks_leaves_the_event_unplaced_without_an_area(
    nlp: Language,
) -> None:
    text = (
        "Officials met in Mogadishu on Sunday and again in Mogadishu on Monday. Militants "
        "attacked the village of Qorqorweyn on Tuesday, killing five soldiers."
    )
    assert place_of(nlp, text, "attacked") is None


def test_the_town_after_a_town_the_gazetteer_lacks_is_that_town_not_the_capital(
    nlp: Language,
) -> None:
    # "the town" refers back to the unknown town, not to the capital named after it.
    text = (
        "NAIROBI - Somali forces recaptured the town of Mahas from al-Shabaab on Tuesday. In "
        "Mogadishu, the capital, officials said the militants had fled.\n\n"
        "The fighting in the town left 20 militants dead."
    )
    assert place_of(nlp, text, "recaptured") is None
    assert place_of(nlp, text, "fighting") is None
