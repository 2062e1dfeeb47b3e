"""Where an event happened, read with the real English model: the more specific of "X's Y",
"north of X" and "near the city of X" (near it: ACLED geo-precision 2), and never the place
where someone spoke."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


def _placed(nlp: Language, text: str, trigger: str) -> tuple[str | None, int | None]:
    """The name and precision of the place of the event whose trigger is ``trigger``."""
    doc = nlp(text)
    places = {p.id: p for p in doc._.sitroom_places}
    for event in doc._.sitroom_events:
        if text[event.trigger[0] : event.trigger[1]] == trigger:
            place = places.get(event.place or "")
            return (place.name, place.precision) if place else (None, None)
    raise AssertionError(f"no event on {trigger!r} in {text!r}")


def test_the_owned_place_is_more_specific_than_its_owner(nlp: Language) -> None:
    assert _placed(nlp, "Protesters rallied in Spain's Catalonia region.", "rallied")[0] == (
        "Catalonia"
    )
    assert _placed(nlp, "Government forces bombed Syria's Idlib province.", "bombed")[0] == "Idlib"


@pytest.mark.parametrize(
    ("text", "trigger", "city"),
    [
        ("Clashes erupted 20 km north of Mosul on Friday.", "Clashes", "Mosul"),
        ("Fighting broke out near the city of Marib.", "Fighting", "Ma'rib"),
        ("Gunmen ambushed a convoy south of Kandahar.", "ambushed", "Kandahār"),
    ],
)
def test_an_event_near_a_town_is_placed_near_it(
    nlp: Language, text: str, trigger: str, city: str
) -> None:
    assert _placed(nlp, text, trigger) == (city, 2)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Speaking in Geneva, the UN envoy said fighting had killed 20 people.", "fighting"),
        ("The minister told reporters in Washington that militants attacked a base.", "attacked"),
        (
            "Two soldiers were shot dead, according to a statement from the ministry in Nairobi.",
            "shot",
        ),
    ],
)
def test_where_someone_spoke_is_not_the_event_place(nlp: Language, text: str, trigger: str) -> None:
    assert _placed(nlp, text, trigger) == (None, None)


def test_a_place_named_with_the_event_wins_over_where_it_was_told(nlp: Language) -> None:
    text = "The army said at a news conference in Kabul that it killed ten militants in Helmand."
    assert _placed(nlp, text, "killed")[0] == "Helmand"


@pytest.mark.parametrize(
    ("text", "trigger", "town"),
    [
        ("Al-Shabaab fighters attacked Mandera on Tuesday.", "attacked", "Mandera"),
        ("The capture of Kidal by Tuareg rebels alarmed the region.", "capture", "Kidal"),
        ("The siege of Mariupol lasted three months.", "siege", "Mariupol"),
    ],
)
def test_a_place_attacked_or_seized_is_the_event_place_not_its_victim(
    nlp: Language, text: str, trigger: str, town: str
) -> None:
    doc = nlp(text)
    places = {p.id: p.name for p in doc._.sitroom_places}
    event = next(e for e in doc._.sitroom_events if text[e.trigger[0] : e.trigger[1]] == trigger)
    assert places.get(event.place or "") == town
    assert event.actor2 is None


@pytest.mark.parametrize(
    ("text", "trigger", "town"),
    [
        ("A car bomb exploded outside a police station in Kirkuk on Monday.", "exploded", "Kirkuk"),
        ("The bomber detonated his vest at a checkpoint in Kandahar.", "detonated", "Kandahār"),
        ("Government troops liberated the town of Palmyra in March.", "liberated", "Palmyra"),
    ],
)
def test_a_bomb_that_goes_off_is_an_event_where_it_went_off(
    nlp: Language, text: str, trigger: str, town: str
) -> None:
    assert _placed(nlp, text, trigger)[0] == town


def test_an_economy_that_explodes_is_no_event(nlp: Language) -> None:
    doc = nlp("Demand for electric cars exploded in Norway last year.")
    assert not any(e.type == "ASSAULT" for e in doc._.sitroom_events)


@pytest.mark.parametrize(
    ("text", "trigger", "town"),
    [
        (
            "Troops killed dozens of rebels who tried to break the siege of the city of Homs.",
            "killed",
            "Homs",
        ),
        (
            "Hundreds of fighters have been killed since the start of the Mosul operation.",
            "killed",
            "Mosul",
        ),
    ],
)
def test_a_siege_of_a_town_or_a_town_before_an_event_noun_says_where(
    nlp: Language, text: str, trigger: str, town: str
) -> None:
    assert _placed(nlp, text, trigger)[0] == town


def test_a_country_before_an_event_noun_says_who_not_where(nlp: Language) -> None:
    assert _placed(nlp, "Dozens were killed in a U.S. airstrike.", "killed") == (None, None)
    assert _placed(nlp, "A car bomb detonated near a US convoy.", "detonated") == (None, None)


@pytest.mark.parametrize(
    ("text", "trigger", "town"),
    [
        ("Thousands fled from Kadugli after the shelling.", "fled", "Kadugli"),
        ("Protesters marched from Nairobi to the coast.", "marched", "Nairobi"),
        ("Rockets were fired from Gaza at Israeli towns.", "fired", None),
    ],
)
def test_from_x_is_the_place_left_not_where_weapons_came_from(
    nlp: Language, text: str, trigger: str, town: str | None
) -> None:
    assert _placed(nlp, text, trigger)[0] == town


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        # a district of a city named before the city: the district
        ("Gunmen opened fire in the Qarabeen district of Mosul on Friday.", "opened", "Qarabeen"),
        # a neighbourhood named after its city: the neighbourhood
        (
            "A bomb exploded in the Mosul neighbourhood of Qarabeen on Friday.",
            "exploded",
            "Qarabeen",
        ),
    ],
)
def test_the_finest_place_of_a_noun_phrase_is_where(
    nlp: Language, text: str, trigger: str, place: str
) -> None:
    assert _placed(nlp, text, trigger)[0] == place


def test_a_sentence_naming_the_whole_country_does_not_take_the_focus_town(
    nlp: Language,
) -> None:
    text = (
        "Fighting raged in Kunduz on Monday. Rebels shelled Kunduz again. Kunduz is besieged. "
        "Before a rebel offensive ousted the governor in May, Afghanistan was already poor."
    )
    assert _placed(nlp, text, "offensive")[0] != "Kunduz"
    assert _placed(nlp, text, "shelled")[0] == "Kunduz"
