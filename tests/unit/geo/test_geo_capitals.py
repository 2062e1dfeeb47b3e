"""A country's capital named by a common noun is that capital city (``sitroom.geo.capitals``),
read with the real English model and gazetteer."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom.geo.gazetteer import Gazetteer

pytestmark = pytest.mark.model


def _capital_place(nlp: Language, text: str) -> str | None:
    """The name of the place the word "capital" refers to, if any."""
    doc = nlp(text)
    start = text.index("capital")
    names = {p.id: p.name for p in doc._.sitroom_places}
    for (a, b), place_id in doc._.sitroom_place_references:
        if a <= start < b:
            return str(names[place_id])
    return None


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Gunmen stormed a hotel in the Kenyan capital late on Friday.", "Nairobi"),
        ("Thousands rallied in Peru's capital against the new tax.", "Lima"),
        ("A car bomb exploded in the capital of Iraq on Tuesday.", "Baghdad"),
        ("Militants attacked a police post in the capital of Helmand province.", "Lashkar Gāh"),
        ("Clashes erupted in Helmand's capital on Monday.", "Lashkar Gāh"),
        (
            "Taliban fighters attacked checkpoints in Helmand on Monday. "
            "Later they shelled the provincial capital.",
            "Lashkar Gāh",
        ),
        (
            "Fighting spread across Sudan this week. Troops clashed in Darfur and in Kordofan. "
            "Sudan's army said the capital was calm.",
            "Khartoum",
        ),
    ],
)
def test_a_country_capital_is_its_city(nlp: Language, text: str, city: str) -> None:
    assert _capital_place(nlp, text) == city


@pytest.mark.parametrize(
    "text",
    [
        "Rebels shelled the provincial capital overnight, officials in Kenya said.",
        "Investors poured capital into the Kenyan market.",
        "Police patrolled the Kenyan capital, Nairobi, on Sunday.",
        "The regional capital was quiet, residents said.",
    ],
)
def test_another_seat_or_a_named_city_is_no_reading(nlp: Language, text: str) -> None:
    assert _capital_place(nlp, text) is None


def test_the_event_in_the_capital_is_placed_there(nlp: Language) -> None:
    text = "Gunmen attacked a hotel in the Ugandan capital on Sunday, killing four guards."
    doc = nlp(text)
    names = {p.id: p.name for p in doc._.sitroom_places}
    placed = [names.get(e.place or "") for e in doc._.sitroom_events]
    assert "Kampala" in placed


def test_the_gazetteer_knows_each_country_capital(gazetteer: Gazetteer) -> None:
    found = gazetteer.capital("KE")
    assert found is not None and (found.name, found.kind) == ("Nairobi", "city")
    assert gazetteer.capital("XX") is None


def test_a_capital_noun_is_a_reference_not_a_toponym(nlp: Language) -> None:
    text = "Gunmen stormed a hotel in the Kenyan capital late on Friday."
    doc = nlp(text)
    (nairobi,) = [p for p in doc._.sitroom_places if p.name == "Nairobi"]
    assert nairobi.mentions == []  # not named: only referred to
    assert [i for _, i in doc._.sitroom_place_references] == [nairobi.id]
