"""A beating by armed men or the police is an assault, a contest won is none; the doer of an
infinitive under a verb of object control is the object ("forced the president to flee"). With
the real model, on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from unit.events.reading import coded

pytestmark = pytest.mark.model


_events = coded


@pytest.mark.parametrize(
    ("text", "trigger", "doer", "victim"),
    [
        (
            "Nurses marching for better pay were beaten by police in Lilongwe.",
            "beaten",
            "police",
            "nurses",
        ),
        ("Militiamen beat the traders at the market in Bangui.", "beat", "militiamen", "traders"),
    ],
)
def test_a_beating_by_force_is_an_assault(
    nlp: Language, text: str, trigger: str, doer: str, victim: str
) -> None:
    assert (trigger, "ASSAULT", doer, victim) in _events(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The home side beat the visitors 3-0 in Lusaka on Sunday.",
        "The opposition beat the ruling party in the vote in Accra.",
    ],
)
def test_a_contest_won_is_no_assault(nlp: Language, text: str) -> None:
    assert not [e for e in _events(nlp, text) if e[1] == "ASSAULT"]


def test_who_was_forced_to_flee_fled_not_who_forced_him(nlp: Language) -> None:
    found = _events(nlp, "Rioters stormed the town hall in Jinja and forced the mayor to flee.")
    fled = [e for e in found if e[0] == "flee"]
    assert fled and fled[0][2] != "rioters"
