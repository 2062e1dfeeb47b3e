""" "It" is one thing or one body: never a plural common noun's pronoun, and as an object it is
the thing named nearer than any other party ("... the base before gunmen stormed it": the base,
no actor). With the real model, on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


def _parties(nlp: Language, text: str, trigger: str) -> tuple[str | None, str | None]:
    doc = nlp(text)
    names = {e.id: e.name.lower() for e in doc._.sitroom_entities}
    event = next(e for e in doc._.sitroom_events if text[e.trigger[0] : e.trigger[1]] == trigger)
    return names.get(event.actor1 or ""), names.get(event.actor2 or "")


@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        (
            "The militants detonated a truck bomb at the gate of the camp before gunmen "
            "stormed it.",
            "stormed",
            "gunmen",
        ),
        ("Rebels shelled the airport for hours and then seized it on Friday.", "seized", "rebels"),
    ],
)
def test_an_object_it_after_a_thing_is_that_thing_and_no_party(
    nlp: Language, text: str, trigger: str, doer: str
) -> None:
    assert _parties(nlp, text, trigger) == (doer, None)


def test_an_object_it_after_a_body_is_that_body(nlp: Language) -> None:
    text = "The European Union condemned the junta and sanctioned it on Monday."
    assert _parties(nlp, text, "sanctioned") == ("european union", "junta")
