"""Names the small model calls organisations that the words around them make places (issue #15):
"to" after a verb of going ("fighting spread to El Fasher") and the place of a dateline
("YANGON, Myanmar -"); a bare "to" after other verbs does not ("sold its striker to Napoli").
Sentences written for these tests, read with the real English model."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "Fighting between the army and the Rapid Support Forces spread to El Fasher on "
            "Monday, residents said.",
            ["El Fasher"],
        ),
        (
            "YANGON, Myanmar - Myanmar's military carried out airstrikes on a village.",
            ["Yangon", "Myanmar"],
        ),
        ("The club sold its striker to Napoli on Monday.", []),
    ],
)
def test_words_of_place_around_a_mislabelled_name(
    nlp: Language, text: str, places: list[str]
) -> None:
    assert [p.name for p in nlp(text)._.sitroom_places] == places
