"""Whom ground was taken from, with the real model: the side of the fighting the taking
followed, also when a span of it is told ("after three weeks of fighting with the rebels"),
before a place phrase that names a country ("on Chad's border"). Sentences written for this
test."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


def _taken_from(nlp: Language, text: str, trigger: str) -> str | None:
    doc = nlp(text)
    names = {e.id: e.name for e in doc._.sitroom_entities}
    event = next(e for e in doc._.sitroom_events if text[e.trigger[0] :].startswith(trigger))
    return names.get(event.actor2 or "")


@pytest.mark.parametrize(
    ("text", "trigger", "side"),
    [
        (
            "Government troops retook the district of Kalmar after three weeks of fighting "
            "with the rebels.",
            "retook",
            "Rebels",
        ),
        (
            "The militia captured the village of Dorra on Chad's border on Friday after hours "
            "of clashes with soldiers.",
            "captured",
            "Soldiers",
        ),
    ],
)
def test_ground_is_taken_from_the_side_fought(
    nlp: Language, text: str, trigger: str, side: str
) -> None:
    assert _taken_from(nlp, text, trigger) == side
