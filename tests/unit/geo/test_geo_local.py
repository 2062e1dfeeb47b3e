"""Named places under the gazetteer's level ("the Mosul neighbourhood of X", "the X market in
Aleppo"): the real model and the real gazetteer, sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

import sitroom.nlp.extensions  # noqa: F401  (registers doc._.sitroom_places)
from sitroom.geo.gazetteer import Gazetteer
from sitroom.geo.local import town_within
from sitroom.model import Place

pytestmark = pytest.mark.model


def _places(nlp: Any, text: str) -> dict[str, Place]:
    return {p.name: p for p in nlp(text)._.sitroom_places}


def test_a_neighbourhood_of_a_city_is_a_place_at_the_city(nlp: Any) -> None:
    places = _places(nlp, "Gunmen opened fire in the Mosul neighbourhood of Qarabeen on Tuesday.")
    local, city = places["Qarabeen"], places["Mosul"]
    assert local.kind == "locality" and local.country == "IQ"
    assert (local.lat, local.lon, local.admin1) == (city.lat, city.lon, city.admin1)
    assert local.precision == 2  # near the city, in ACLED's sense
    assert local.geonames_id is None


@pytest.mark.parametrize(
    ("text", "name", "kind", "country"),
    [
        (
            "A bomb exploded near the Tell Shurba market in northern Aleppo.",
            "Tell Shurba",
            "facility",
            "SY",
        ),
        ("Hundreds marched down Harran Street in Amman.", "Harran Street", "facility", "JO"),
        (
            "Troops shelled the Kafr Dabil and Ain Sarmin villages outside Homs.",
            "Kafr Dabil",
            "locality",
            "SY",
        ),
        (
            "Troops shelled the Kafr Dabil and Ain Sarmin villages outside Homs.",
            "Ain Sarmin",
            "locality",
            "SY",
        ),
    ],
)
def test_the_noun_of_its_kind_makes_a_name_a_place(
    nlp: Any, text: str, name: str, kind: str, country: str
) -> None:
    place = _places(nlp, text)[name]
    assert (place.kind, place.country) == (kind, country)


@pytest.mark.parametrize(
    "text",
    [
        # nothing in the sentence says where the village is
        "Rebels seized the village of Kafr Dabil on Sunday.",
        # Kirkuk is only a distance reference: the area is not at Kirkuk
        "A mine exploded in the Wadi Nasrin area, 40 km south of Kirkuk.",
        # Jordan is who reported, not where the area is
        "Jordan reported a new case of the disease in the Wadi Nasrin area on Monday.",
        # Mosul is named too far off to say it holds the village
        "Rebels seized the village of Kafr Dabil on Sunday, and government troops later"
        " withdrew from their positions north of the city of Mosul.",
    ],
)
def test_a_name_without_a_place_that_holds_it_stays_unlocated(nlp: Any, text: str) -> None:
    assert not {"Kafr Dabil", "Wadi Nasrin"} & set(_places(nlp, text))


def test_a_country_holds_a_village_at_its_own_precision(nlp: Any) -> None:
    place = _places(nlp, "Troops shelled the village of Kafr Dabil in northern Syria.")[
        "Kafr Dabil"
    ]
    assert (place.country, place.precision) == ("SY", 3)


def test_a_quarter_noun_between_two_names_makes_the_first_the_place(nlp: Any) -> None:
    places = _places(nlp, "Gunmen attacked a checkpoint in the Qarabeen district of Mosul.")
    assert places["Qarabeen"].country == "IQ"


def test_a_kind_noun_after_a_is_no_name(nlp: Any) -> None:
    assert "Qarabeen" not in _places(nlp, "A bomb exploded outside a Qarabeen school near Mosul.")


def test_an_acronym_before_a_kind_noun_is_no_place(nlp: Any) -> None:
    assert set(_places(nlp, "Rockets hit a UN school in Gaza.")) == {"Gaza"}


def test_a_town_of_the_name_inside_the_container_gives_its_own_coordinates(
    gazetteer: Gazetteer,
) -> None:
    israel = Place(id="p1", name="Israel", kind="country", country="IL", precision=3)
    jordan = Place(id="p2", name="Jordan", kind="country", country="JO", precision=3)
    town = town_within(gazetteer, "Ramla", israel)
    assert town is not None and town.country == "IL" and town.kind == "city"
    assert town_within(gazetteer, "Ramla", jordan) is None


def test_an_event_at_a_neighbourhood_is_placed_there(nlp: Any) -> None:
    text = "A car bomb exploded in the Mosul neighbourhood of Qarabeen on Tuesday."
    doc = nlp(text)
    names = {p.id: p.name for p in doc._.sitroom_places}
    event = next(e for e in doc._.sitroom_events if text[e.trigger[0] : e.trigger[1]] == "exploded")
    assert names[event.place or ""] == "Qarabeen"


def test_a_kind_noun_taken_into_the_name_is_left_out_of_it(nlp: Any) -> None:
    places = _places(nlp, "Gunmen killed two elders in Ipi village of North Waziristan on Friday.")
    assert places["Ipi"].kind == "locality"


def test_a_datelines_town_the_gazetteer_lacks_lies_in_the_country_after_it(nlp: Any) -> None:
    # The reporter files from the town, named with the country it lies in; the body's repeat
    # of the name is the same town, whose spelling names it.
    text = (
        "WARDHEERE DHEER, Somalia (Reuters) - Militants stormed a police post in Wardheere "
        "Dheer on Friday, residents said."
    )
    place = _places(nlp, text)["Wardheere Dheer"]
    assert (place.kind, place.country, place.precision) == ("locality", "SO", 3)
    assert [text[a:b] for a, b in place.mentions] == ["WARDHEERE DHEER", "Wardheere Dheer"]


def test_a_dateline_town_without_its_country_stays_unlocated(nlp: Any) -> None:
    text = "WARDHEERE DHEER (Reuters) - Militants stormed a police post on Friday."
    assert not any(p.kind == "locality" for p in _places(nlp, text).values())


def test_a_demonym_before_the_settlement_noun_gives_its_country(nlp: Any) -> None:
    # No place named around it, but "the Somali town of": a town in Somalia, at its precision.
    place = _places(nlp, "Troops pulled out of the Somali town of Wardheere on Friday.")[
        "Wardheere"
    ]
    assert (place.kind, place.country, place.precision) == ("locality", "SO", 3)
