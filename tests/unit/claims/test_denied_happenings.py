"""A denial about no happening of its own is about the happening of the assertion it
contradicts in its article, so that across articles it meets the claims about that happening
only. Real model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model


def test_a_plea_is_about_the_act_the_prosecution_reports(nlp: Language) -> None:
    text = (
        "An Ohio man has pleaded not guilty to two murder charges for the death of his "
        "neighbour. Prosecutors say John Carver shot his neighbour after an argument."
    )
    [plea, prosecution], [contradiction], _ = ledger(nlp, text)
    assert plea.stance == "deny" and prosecution.stance == "assert"
    assert contradiction.claims == (prosecution.id, plea.id)
    assert prosecution.event is not None and plea.event == prosecution.event


def test_no_casualties_is_about_the_raid_it_answers(nlp: Language) -> None:
    text = (
        "The rebels said they had shelled the barracks on Monday. "
        "The governor said there were no casualties."
    )
    [raid, none], [contradiction], _ = ledger(nlp, text)
    assert none.stance == "deny" and contradiction.claims == (raid.id, none.id)
    assert raid.event is not None and none.event == raid.event


def test_an_assertion_keeps_its_own_happening(nlp: Language) -> None:
    text = "The rebels said they had shelled the barracks on Monday."
    [raid], [], _ = ledger(nlp, text)
    assert raid.event is not None and raid.stance == "assert"


def test_a_plea_takes_the_doer_the_prosecution_names(nlp: Language) -> None:
    text = (
        "An Ohio man has pleaded not guilty to two murder charges for the death of his "
        "neighbour. Prosecutors say John Carver shot his neighbour after an argument."
    )
    [plea, _], _, _ = ledger(nlp, text)
    assert plea.proposition is not None and plea.proposition.actors == ["John Carver"]


def test_no_casualties_names_no_doer(nlp: Language) -> None:
    text = (
        "Police said the Eastern Front had shelled the barracks on Monday. "
        "The governor said there were no casualties."
    )
    [raid, none], [_], _ = ledger(nlp, text)
    assert raid.proposition is not None and raid.proposition.actors == ["Eastern Front"]
    assert none.proposition is not None and none.proposition.actors == []
    assert none.event == raid.event  # about the shelling all the same


def test_a_plea_in_the_deaths_of_people_denies_killing_them(nlp: Language) -> None:
    text = (
        "A Texas man pleaded not guilty in the deaths of two hikers. "
        "Prosecutors say Dale Hobbs shot the hikers near Austin."
    )
    [plea, prosecution], [contradiction], _ = ledger(nlp, text)
    assert plea.stance == "deny" and plea.proposition is not None
    assert plea.proposition.family == "violence"
    assert contradiction.claims == (prosecution.id, plea.id)
    assert plea.event == prosecution.event


def test_not_behind_a_bombing_denies_doing_it(nlp: Language) -> None:
    text = (
        "The Eastern Front claimed responsibility for the bombing of the market. "
        "The police said the Eastern Front was not behind the bombing."
    )
    [claimed, denial], [contradiction], _ = ledger(nlp, text)
    assert denial.stance == "deny" and denial.proposition is not None
    assert denial.proposition.family == "violence"
    assert denial.proposition.actors == ["Eastern Front"]
    assert contradiction.claims == (claimed.id, denial.id)


def test_a_negated_belief_denies_nothing(nlp: Language) -> None:
    text = (
        "Jets bombed a school in Kalay on Monday, residents said. "
        "A teacher said the villagers believed no one would bomb a school."
    )
    _, contradictions, _ = ledger(nlp, text)
    assert contradictions == []
