"""Harm a mishap did, words of conflict for sickness, weather, business and lifting, a verb
whose object names its happening, and a subject that denies it: no attack, no battle, no
withdrawal, beside the same words where someone did it. With the real English model, on
sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom.model import Event

pytestmark = pytest.mark.model


def _events(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    found: list[Event] = list(nlp(text)._.sitroom_events)
    return [(text[e.trigger[0] : e.trigger[1]], e.type, e.modality) for e in found]


# No event of the type may be coded on the word.
NO_HAPPENINGS = [
    # harm by a mishap (nonevents.by_mishap)
    (
        "A porter was killed when a wall collapsed on him at the market in Lahore.",
        "killed",
        "ASSAULT",
    ),
    ("A gas tank exploded at a bakery in Cairo, injuring nine customers.", "injuring", "ASSAULT"),
    (
        "A lorry overturned and caught fire outside Mwanza, killing three pedestrians.",
        "killing",
        "ASSAULT",
    ),
    (
        "Six hikers were killed in a collision on the mountain road near Tbilisi.",
        "killed",
        "ASSAULT",
    ),
    ("A boat capsized near Chandpur, and eight fishermen were killed.", "killed", "ASSAULT"),
    (
        "Storms swept across the coast of Luzon, destroying hundreds of fishing boats.",
        "destroying",
        "COERCE",
    ),
    ("A blaze killed four residents of a tower block in Johannesburg.", "killed", "ASSAULT"),
    ("A baker in Tunis was injured when a dough machine trapped his hand.", "injured", "ASSAULT"),
    (
        "Firecrackers exploded in a warehouse in Sivakasi, killing two workers.",
        "exploded",
        "ASSAULT",
    ),
    # words of conflict for sickness, business, weather and lifting (event_triggers.yaml)
    ("The former senator lost his battle with leukaemia on Monday.", "battle", "FIGHT"),
    ("Herders in Turkana are fighting a losing battle against drought.", "fighting", "FIGHT"),
    ("Herders in Turkana are fighting a losing battle against drought.", "battle", "FIGHT"),
    ("The bank completed its takeover of a rival lender on Friday.", "takeover", "FIGHT"),
    ("Holidaymakers fled the heat by heading into the hills.", "fled", "RETREAT"),
    ("Cranes lifted the containers off the ship in Mombasa.", "lifted", "RETREAT"),
    ("Cranes lifted the containers off the ship in Mombasa.", "lifted", "CONCEDE"),
    ("The government lifted the curfew in Kathmandu on Sunday.", "lifted", "RETREAT"),
    # one happening told by the noun a verb takes as its object
    ("Government troops fought a fierce battle with rebels near Kidal.", "fought", "FIGHT"),
]


@pytest.mark.parametrize(("text", "word", "kind"), NO_HAPPENINGS)
def test_no_happening_is_coded(nlp: Language, text: str, word: str, kind: str) -> None:
    assert not [e for e in _events(nlp, text) if e[0] == word and e[1] == kind]


# A happening of the type must be coded on the word, asserted.
HAPPENINGS = [
    ("Gunmen killed a trader when he left the market in Kano.", "killed", "ASSAULT"),
    ("A soldier was killed when his patrol came under fire near Gao.", "killed", "ASSAULT"),
    ("Two policemen were killed when their truck hit a landmine near Mopti.", "hit", "FIGHT"),
    ("The house collapsed after an air strike on Saada, killing five people.", "strike", "FIGHT"),
    ("Rebels attacked the town and three soldiers were killed.", "attacked", "ASSAULT"),
    ("Israeli fire killed two fishermen off the coast of Gaza.", "killed", "ASSAULT"),
    ("Gunmen crashed through the gate of a farm near Jos and killed a guard.", "killed", "ASSAULT"),
    ("Militias burned and destroyed a clinic in the village of Djugu.", "destroyed", "COERCE"),
    ("Government troops fought a fierce battle with rebels near Kidal.", "battle", "FIGHT"),
    ("Gunmen opened fire on worshippers in Owo, killing 40 people.", "opened", "ASSAULT"),
    ("Militants seized the town after a battle with the army.", "battle", "FIGHT"),
    ("The government lifted the curfew in Kathmandu on Sunday.", "lifted", "CONCEDE"),
    (
        "Thousands of villagers fled their homes as fighters advanced on the town.",
        "fled",
        "RETREAT",
    ),
]


@pytest.mark.parametrize(("text", "word", "kind"), HAPPENINGS)
def test_a_happening_is_coded(nlp: Language, text: str, word: str, kind: str) -> None:
    assert (word, kind, "asserted") in _events(nlp, text)


# A subject that is nobody denies the happening (modality.py with reporting.yaml negations).
NEGATED = [
    ("Nobody was injured in the incident at the border post.", "injured"),
    ("Nobody was arrested after the march in Yerevan.", "arrested"),
]


@pytest.mark.parametrize(("text", "word"), NEGATED)
def test_a_subject_of_nobody_negates(nlp: Language, text: str, word: str) -> None:
    assert [m for w, _kind, m in _events(nlp, text) if w == word] == ["negated"]
