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


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        # the city named as holding the scene ("the Marseille district of X") is no second
        # scene, nor, as the dateline's focus, where the later arrests were
        (
            "MARSEILLE - A man was shot dead outside a bakery in the Marseille district of "
            "Frais-Vallon on Saturday night, police said.\n\n"
            "Officers arrested two suspects a few hours later, the prosecutor said.",
            "arrested",
            "Frais-Vallon",
        ),
        # an area named as holding the verb's place ("raided the town of X in the West Bank"),
        # and a place inside what a state runs since ("since the fighting in Gaza began")
        (
            "JERUSALEM - Israeli forces raided the town of Qabatiya in the occupied West Bank on "
            "Monday and detained nine men.\n\n"
            "Gunmen fired at the soldiers from an alley, the army said.\n\n"
            "Raids across the West Bank have grown more frequent since the fighting in Gaza began.",
            "fired",
            "Qabāţīyah",
        ),
        (
            "Gunmen stormed a police post in the town of Khash on Friday, killing three "
            "policemen. Attacks on the police have doubled since the fighting in Lashkar Gah "
            "ended.\n\n"
            "The attackers also burned two police cars, officials said.",
            "burned",
            "Khāsh",
        ),
    ],
)
def test_a_holder_or_a_since_clause_names_no_second_scene(
    nlp: Language, text: str, trigger: str, place: str
) -> None:
    assert place_of(nlp, text, trigger) == place
