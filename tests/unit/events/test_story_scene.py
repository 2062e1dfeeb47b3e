"""The one scene of a story (events/story_place.py): a report that names one town or site as
where something happens, though only once, is set there, and its later violent events that name
no place happened there, in whatever paragraph; not when the report names two scenes, when the
event's sentence names another place, when it is background, nor before the scene is named.
Short reports written for these tests, read with the real English model and the whole
pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from unit.events.reading import place_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        # A later paragraph's arrests, after the lede's attack.
        (
            "Gunmen attacked a market in Kidal on Sunday, residents said.\n\n"
            "Soldiers arrested three suspects on Monday.",
            "arrested",
            "Kidal",
        ),
        # A country that holds the scene, even as whose police act, is no other place.
        (
            "Villagers clashed with soldiers near the market in Gao on Friday.\n\n"
            "Mali police detained twelve men after the clashes.",
            "detained",
            "Gao",
        ),
        # Where the leavers went is no place of their own: they left the scene.
        (
            "Rebels seized the town of Bunia on Tuesday after two days of fighting, local "
            "officials said.\n\nGovernment soldiers fled across the border into Uganda.",
            "fled",
            "Bunia",
        ),
        # One doer's acts told together share the scene a clause on the second's object names.
        (
            "Soldiers fired into the air and beat students protesting outside the university "
            "in Kampala on Monday.",
            "fired",
            "Kampala",
        ),
    ],
)
def test_the_one_scene_carries_to_later_events(
    nlp: Language, text: str, trigger: str, place: str
) -> None:
    assert place_of(nlp, text, trigger) == place


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # Two scenes: the story may be at either.
        (
            "Gunmen attacked a checkpoint in Kidal on Sunday. In a separate incident, a bomb "
            "exploded at a market in Gao.\n\nSoldiers arrested three suspects on Monday.",
            "arrested",
        ),
        # Another country in the event's own sentence, even as whose drone struck.
        (
            "Gunmen attacked a market in Kidal on Sunday, residents said.\n\n"
            "A U.S. drone struck the attackers on Monday.",
            "struck",
        ),
        # Background: a happening of years before is no part of the story.
        (
            "Gunmen attacked a market in Kidal on Sunday, residents said.\n\n"
            "Two years ago, soldiers killed 40 civilians.",
            "killed",
        ),
        # Told before the scene is named.
        (
            "Gunmen killed two soldiers overnight, the army said.\n\n"
            "On Monday, hundreds of protesters marched through Kidal.",
            "killed",
        ),
        # A province says too little of where: no scene.
        (
            "Police arrested three men in Oxfordshire on Monday.\n\n"
            "Officers detained a fourth man on Tuesday.",
            "detained",
        ),
    ],
)
def test_no_scene_for_these(nlp: Language, text: str, trigger: str) -> None:
    assert place_of(nlp, text, trigger) is None


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # Another happening: "another", "in a separate attack", "elsewhere".
        (
            "Rebels shelled the town of Bama on Monday.\n\nAnother man was arrested on Tuesday.",
            "arrested",
        ),
        (
            "Rebels shelled the town of Bama on Monday.\n\nElsewhere, gunmen killed four farmers.",
            "killed",
        ),
        # The event's own place, a base the story named without saying where.
        (
            "Rebels shelled an army base in Kidal on Monday. On Tuesday they attacked a base "
            "near the border.\n\nGunmen raided the base again on Friday.",
            "raided",
        ),
    ],
)
def test_no_scene_for_another_happening(nlp: Language, text: str, trigger: str) -> None:
    assert place_of(nlp, text, trigger) is None


def test_the_scene_and_the_dateline(nlp: Language) -> None:
    # The body's one scene, not the dateline, is where the follow-up happened.
    text = (
        "NAIROBI (Reuters) - Gunmen killed nine people on a bus near the town of Mandera on "
        "Sunday.\n\nPolice arrested two suspects, officials said."
    )
    assert place_of(nlp, text, "arrested") == "Mandera"
