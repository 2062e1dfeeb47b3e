"""Places a sentence names that are no place of its event (events/place_roles.py), read with the
real English model: a clause of another time set apart by a stretch of time, where the hurt
were carried, and the ends of a road when the text names the spot on it."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


def _placed(nlp: Language, text: str, trigger: str) -> str | None:
    """The name of the place of the first event whose trigger is ``trigger``."""
    doc = nlp(text)
    places = {p.id: p.name for p in doc._.sitroom_places}
    for event in doc._.sitroom_events:
        if text[event.trigger[0] : event.trigger[1]] == trigger:
            return places.get(event.place or "")
    raise AssertionError(f"no event on {trigger!r} in {text!r}")


def test_a_place_in_a_clause_hours_before_is_not_the_events(nlp: Language) -> None:
    text = "The airstrike came hours after tanks pushed into Kherson, officials said."
    assert _placed(nlp, text, "airstrike") is None


def test_a_clause_of_cause_without_a_stretch_of_time_keeps_its_place(nlp: Language) -> None:
    text = "Three people were killed after a bomb exploded in a market in Kabul."
    assert _placed(nlp, text, "killed") == "Kabul"


def test_the_main_clause_place_stays_for_the_event_days_before(nlp: Language) -> None:
    # The blast that destroyed the port may well be in the city the protest was in.
    text = "Protesters marched in Beirut on Sunday, days after a blast destroyed the port."
    assert _placed(nlp, text, "marched") == "Beirut"


def test_the_spot_on_a_road_is_the_place_not_its_ends(nlp: Language) -> None:
    text = "A roadside bomb struck a checkpoint on the Baghdad-Basra road near Kut."
    assert _placed(nlp, text, "struck") not in {"Baghdad", "Basra", None}


def test_a_road_named_by_its_ends_alone_keeps_an_end(nlp: Language) -> None:
    text = "Gunmen ambushed a convoy on the Kabul-Jalalabad highway on Tuesday."
    assert _placed(nlp, text, "ambushed") is not None


def test_where_the_wounded_were_taken_is_not_where_they_were_hurt(nlp: Language) -> None:
    text = (
        "A suicide bomber killed six people at a market in Maiduguri. "
        "The wounded were taken to hospital in Kano."
    )
    assert _placed(nlp, text, "killed") == "Maiduguri"
    assert _placed(nlp, text, "wounded") != "Kano"


@pytest.mark.parametrize(
    ("text", "trigger", "city"),
    [
        # others carried someone after the event: the station may well be where it was
        (
            "Police arrested the suspect and took him to a police station in Mombasa.",
            "arrested",
            "Mombasa",
        ),
        # no carrying anywhere: the bus is in Damascus
        (
            "An explosion hit a bus carrying soldiers in Damascus, killing 14.",
            "killing",
            "Damascus",
        ),
    ],
)
def test_a_place_after_a_verb_of_carrying_that_stays(
    nlp: Language, text: str, trigger: str, city: str
) -> None:
    assert _placed(nlp, text, trigger) == city


def test_the_seat_of_a_ministry_is_not_where_the_dead_were_killed(nlp: Language) -> None:
    text = (
        "Soldiers raided a village near Kidal on Monday.\n\n"
        "The defence ministry in Bamako said four men were killed."
    )
    assert _placed(nlp, text, "killed") != "Bamako"


def test_a_government_seat_is_no_second_scene_of_the_story(nlp: Language) -> None:
    text = (
        "Gunmen attacked a mosque in the town of Tahoua on Friday, killing nine people.\n\n"
        "The government in Niamey declared two days of mourning.\n\n"
        "Troops later arrested three suspects."
    )
    assert _placed(nlp, text, "arrested") == "Tahoua"


def test_where_a_spokesman_spoke_keeps_no_event_from_the_scene(nlp: Language) -> None:
    text = (
        "Riot police in Kisumu fired tear gas at opposition supporters on Monday.\n\n"
        "Officers detained twenty people, a police spokesman told reporters in Nairobi."
    )
    assert _placed(nlp, text, "detained") == "Kisumu"


def test_a_country_owning_the_speaker_keeps_no_event_from_the_town(nlp: Language) -> None:
    text = (
        "Thousands of students marched through central Bogota on Thursday.\n\n"
        "Police detained 30 people, Colombia's defence ministry said."
    )
    assert _placed(nlp, text, "detained") == "Bogotá"


def test_where_a_victim_later_died_is_not_where_he_was_shot(nlp: Language) -> None:
    text = "A shopkeeper was shot twice and later died at a hospital in Memphis."
    assert _placed(nlp, text, "shot") is None


def test_a_later_deed_joined_by_and_keeps_its_place(nlp: Language) -> None:
    # Only dying later is told elsewhere: "later torched" may well be at the same village.
    text = "Bandits looted shops and later torched houses in Zurmi."
    assert _placed(nlp, text, "looted") == "Zurmi"


def test_a_town_named_beside_its_area_is_the_finer_place(nlp: Language) -> None:
    assert _placed(nlp, "Gunmen attacked a convoy in Borno state near Maiduguri.", "attacked") == (
        "Maiduguri"
    )
    # the area alone stays the area
    assert _placed(nlp, "Gunmen attacked a convoy in Borno state.", "attacked") == "Borno"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # the hurt, joined by "and" to a verb of carrying them: where they were carried
        (
            "Two soldiers were wounded and taken to a hospital in Cotabato City after militants "
            "opened fire on their post.",
            "wounded",
        ),
        # ... for every event of the sentence, not only the passive's
        (
            "Two soldiers were wounded and taken to a hospital in Cotabato City after militants "
            "opened fire on their post.",
            "opened",
        ),
        # where the captured were sent away to
        (
            "Two reporters were captured at a checkpoint in May and deported to a prison in "
            "Tehran.",
            "captured",
        ),
    ],
)
def test_where_the_hurt_were_wounded_and_taken_is_no_place_of_the_sentence(
    nlp: Language, text: str, trigger: str
) -> None:
    assert _placed(nlp, text, trigger) is None


def test_where_a_spokesman_for_a_body_was_is_not_where_troops_went(nlp: Language) -> None:
    text = "A spokesman for the army in Abuja said troops had been deployed after the raid."
    assert _placed(nlp, text, "deployed") is None
