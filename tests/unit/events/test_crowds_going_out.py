"""Protest told as going out or gathering, with the real model: a crowd that takes to the
streets, or gathers or assembles to demand, protest or chant, demonstrates; gathering for
anything else is no event. Sentences written for this test."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


def _events(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(text[e.trigger[0] : e.trigger[1]], e.type) for e in doc._.sitroom_events]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Thousands took to the streets of Velmar on Sunday to demand new elections.", "took"),
        ("Nurses took to the street outside the clinic in Orvane.", "took"),
        ("About 60 teachers gathered outside the ministry to demand their pay.", "gathered"),
        (
            "Hundreds of workers assembled in the square chanting slogans against the mayor.",
            "assembled",
        ),
    ],
)
def test_a_crowd_going_out_to_protest_demonstrates(nlp: Language, text: str, trigger: str) -> None:
    assert (trigger, "PROTEST") in _events(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Relatives gathered at the funeral in Orvane.",
        "Investigators gathered evidence at the scene of the crash.",
        "The convoy took the road to Velmar.",
    ],
)
def test_gathering_for_anything_else_is_no_protest(nlp: Language, text: str) -> None:
    assert all(kind != "PROTEST" for _t, kind in _events(nlp, text))
