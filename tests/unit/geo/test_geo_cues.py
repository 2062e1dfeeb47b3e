"""Names the small model calls organisations that the words around them make places (issue #15):
"to" after a verb of going ("fighting spread to El Fasher") and the place of a dateline
("YANGON, Myanmar -"); a bare "to" after other verbs does not ("sold its striker to Napoli").
A place entity whose first word the model left out is the longer name the gazetteer has ("Goz
Beida"). A settlement's cue word followed by "of" names the next name ("the Gaza city of
Rafah"), which is where what hit it happened. A road named by its ends makes them places ("the
road between Bannu and X"). Sentences written for these tests, read with the real English
model."""

from __future__ import annotations

import pytest
from spacy.language import Language

from unit.events.reading import place_of

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
        # The model labels "Beida" alone: the gazetteer has the longer name as written.
        (
            "Soldiers pulled out of the town of Goz Beida in eastern Chad on Friday.",
            ["Goz Beida", "Chad"],
        ),
        # "the Gaza city of Rafah": the city is Rafah's, not part of a name "Gaza city".
        ("Israeli airstrikes hit the southern Gaza city of Rafah overnight.", ["Gaza", "Rafaḩ"]),
        # an end of a road named by its ends, which the model calls an organisation
        (
            "Gunmen killed six police officers on the road between Bannu and Lakki Marwat.",
            ["Bannu"],
        ),
    ],
)
def test_words_of_place_around_a_mislabelled_name(
    nlp: Language, text: str, places: list[str]
) -> None:
    assert [p.name for p in nlp(text)._.sitroom_places] == places


def test_what_hits_the_city_of_a_name_happens_there(nlp: Language) -> None:
    text = "Israeli airstrikes hit the southern Gaza city of Rafah overnight, killing 20 people."
    assert place_of(nlp, text, "airstrikes") == "Rafaḩ"
