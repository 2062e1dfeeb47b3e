"""Names on unseen reports (issue #15 "Where"): a first-level area of the country whose people a
sentence names wins over a like-named town abroad ("Colombian police ... in Antioquia" is the
department, not Antakya); a long name the model cut into pieces is read whole ("Dera" + "Ismail
Khan"); the area after a comma picks the reading ("Bountiful, BC" is no town in Utah); a path
through a name the model calls an organisation ("marched through Dhaka") names a place.
Sentences written for these tests, read with the real English model."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


def _places(nlp: Language, text: str) -> dict[str, tuple[str | None, str]]:
    return {p.name: (p.country, p.kind) for p in nlp(text)._.sitroom_places}


@pytest.mark.parametrize(
    ("text", "name", "country", "kind"),
    [
        (
            "Colombian police said gunmen killed three farmers in Antioquia on Tuesday.",
            "Antioquia",
            "CO",
            "admin1",
        ),
        (
            "Venezuelan soldiers clashed with smugglers in Zulia on Sunday.",
            "Zulia",
            "VE",
            "admin1",
        ),
        ("Filipino troops clashed with rebels in Samar on Monday.", "Samar", "PH", "admin1"),
        ("Peruvian miners blocked roads in Apurimac on Friday.", "Apurímac", "PE", "admin1"),
    ],
)
def test_the_area_of_the_people_named(
    nlp: Language, text: str, name: str, country: str, kind: str
) -> None:
    assert _places(nlp, text)[name] == (country, kind)


def test_a_spelling_variant_does_not_leave_the_country_of_a_well_known_place(
    nlp: Language,
) -> None:
    # "Abbassiya" spelled like a town in Cote d'Ivoire is no reading beside Cairo: a district
    # of the city.
    places = _places(
        nlp, "The explosion in the city's Abbassiya district hit a church in Cairo on Sunday."
    )
    assert {country for country, _ in places.values()} == {"EG"}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Pakistani police said a bomb exploded in Dera Ismail Khan on Monday.",
            "Dera Ismail Khan",
            "PK",
        ),
        ("A grenade went off at a market in Dera Ghazi Khan on Monday.", "Dera Ghazi Khan", "PK"),
    ],
)
def test_a_long_name_cut_by_the_model_is_read_whole(
    nlp: Language, text: str, name: str, country: str
) -> None:
    places = _places(nlp, text)
    assert places[name][0] == country
    assert not any(n.startswith("D") and n != name for n in places)


def test_a_hyphenated_name_the_tokenizer_split_is_read_whole(nlp: Language) -> None:
    places = _places(
        nlp,
        "Haitian police said gangs torched homes in the Port-au-Prince suburb of "
        "Croix-des-Bouquets on Friday.",
    )
    assert places == {"Port-au-Prince": ("HT", "city"), "Croix-des-Bouquets": ("HT", "city")}


def test_a_hyphenated_name_is_any_of_the_gazetteers_spellings(nlp: Language) -> None:
    # GeoNames spells it "Mazar-e Sharif"; the hyphenated "Mazar-i-Sharif" is another of its
    # names, and the model tags only "Mazar".
    places = _places(
        nlp,
        "A bomb exploded at a bus station in the northern city of Mazar-i-Sharif on Monday.",
    )
    assert [country for country, _ in places.values()] == ["AF"]


def test_the_area_after_a_comma_picks_the_reading(nlp: Language) -> None:
    places = _places(nlp, "Police in Bountiful, BC arrested two men after a brawl on Friday.")
    assert places == {"British Columbia": ("CA", "admin1")}
    places = _places(nlp, "Protesters gathered in Bountiful, Utah on Monday.")
    assert places["Bountiful"] == ("US", "city")


def test_a_list_after_a_comma_qualifies_nothing(nlp: Language) -> None:
    places = _places(nlp, "Envoys from Tehran, Washington and Moscow met in Vienna on Monday.")
    assert places["Tehran"] == ("IR", "city")
    places = _places(nlp, "Drone strikes hit targets in Syria, Iraq and Yemen last week.")
    assert {"Syria", "Iraq", "Yemen"} <= set(places)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("WASHINGTON (AP) - The senator said on Monday that talks had stalled.", "Washington"),
        ("(NEW YORK) — Firefighters put out a blaze in a subway tunnel.", "New York City"),
    ],
)
def test_a_dateline_names_a_town(nlp: Language, text: str, name: str) -> None:
    assert _places(nlp, text)[name] == ("US", "city")


def test_a_path_through_a_name_is_through_a_place(nlp: Language) -> None:
    places = _places(nlp, "Thousands of students marched through Dhaka on Sunday.")
    assert places["Dhaka"] == ("BD", "city")
