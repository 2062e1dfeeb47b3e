"""A name that owns a thing that is no place ("Biden's motorcade") is read only by its exact
name, never by a spelling variant (Budaun for "Biden"); one that owns a place ("Falluja's
outskirts", "Falluja's market") still is. Sentences written for these tests, read with the real
English model."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "Protesters clashed with police near Biden's motorcade in Warsaw on Tuesday.",
            ["Warsaw"],
        ),
        ("Jets bombed Falluja's outskirts on Monday.", ["Al Fallūjah"]),
        ("Jets bombed Falluja's market on Monday.", ["Al Fallūjah"]),
    ],
)
def test_an_owner_of_a_thing_is_no_misspelt_town(
    nlp: Language, text: str, places: list[str]
) -> None:
    assert [p.name for p in nlp(text)._.sitroom_places] == places
