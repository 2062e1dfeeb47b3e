""" "Shooting" as a noun is an attack with small arms ("the shooting took place in the district",
"a mass shooting at a school"), but not a film shoot or a shooting competition; read with the
real English model on sentences written for this test."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


def _events(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(text[e.trigger[0] : e.trigger[1]], e.type) for e in doc._.sitroom_events]


@pytest.mark.parametrize(
    "text",
    [
        "The shooting took place outside a market in the north of the city.",
        "Nine people died in a mass shooting at a school on Tuesday.",
    ],
)
def test_a_shooting_is_an_attack(nlp: Language, text: str) -> None:
    assert ("shooting", "ASSAULT") in _events(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The shooting of the film began in the desert last spring.",
        "The shooting at the national championship resumed after the rain.",
    ],
)
def test_a_film_or_a_sport_is_no_attack(nlp: Language, text: str) -> None:
    assert all(trigger != "shooting" for trigger, _ in _events(nlp, text))
