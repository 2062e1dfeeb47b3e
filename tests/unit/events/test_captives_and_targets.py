"""Hostages taken and freed, attacks told by "target", and the dead of an execution or a
massacre. With the real English model, on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


def _coded(nlp: Language, text: str) -> list[tuple[str, str, str | None, str | None, int | None]]:
    doc = nlp(text)
    names = {e.id: e.name.lower() for e in doc._.sitroom_entities}
    return [
        (
            text[e.trigger[0] : e.trigger[1]],
            f"{e.type}/{e.mode}",
            names.get(e.actor1 or ""),
            names.get(e.actor2 or ""),
            e.fatalities,
        )
        for e in doc._.sitroom_events
    ]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Gunmen took 12 hostages at a bank in Ouagadougou.", "took"),
        ("Pirates seized 18 hostages from a tanker off Somalia.", "seized"),
        ("Militants held 40 teachers hostage in a school in Kaduna.", "held"),
        ("Two engineers were taken hostage near Timbuktu.", "taken"),
    ],
)
def test_taking_hostages_is_one_abduction(nlp: Language, text: str, trigger: str) -> None:
    assert [(t, kind) for t, kind, *_ in _coded(nlp, text)] == [(trigger, "ASSAULT/abduct")]


def test_hostages_freed_are_the_party_of_a_release_not_a_new_abduction(nlp: Language) -> None:
    coded = _coded(nlp, "The rebels released four hostages held in Ituri since March.")
    assert [(t, kind) for t, kind, *_ in coded] == [("released", "RETREAT/release")]


def test_an_arrest_of_people_wanted_stays_one_arrest(nlp: Language) -> None:
    coded = _coded(nlp, "Police arrested two men wanted in Kisumu.")
    assert [t for t, *_ in coded] == ["arrested"]


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Hezbollah said it had targeted an Israeli position with rockets.", "hezbollah"),
        ("The rebels targeted a military convoy near Bunia.", "rebels"),
    ],
)
def test_targeting_a_position_is_an_attack(nlp: Language, text: str, doer: str) -> None:
    assert ("ASSAULT", doer) in [
        (kind.split("/")[0], a1) for _, kind, a1, _, _ in _coded(nlp, text)
    ]


def test_a_policy_that_targets_inflation_is_no_attack(nlp: Language) -> None:
    assert _coded(nlp, "The new measures target inflation and the budget deficit.") == []


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Soldiers executed at least 37 villagers in Djibo in March.", 37),
        ("Militiamen massacred 60 displaced people at a camp in Ituri.", 60),
    ],
)
def test_an_execution_or_a_massacre_counts_its_dead(nlp: Language, text: str, dead: int) -> None:
    assert [d for *_, d in _coded(nlp, text)] == [dead]


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        (
            "Two suicide bombings struck a market in Maiduguri.",
            "bombings",
            "ASSAULT/suicide_bombing",
        ),
        ("A suicide bombing hit a checkpoint in Mogadishu.", "bombing", "ASSAULT/suicide_bombing"),
    ],
)
def test_a_compound_kind_of_an_act_is_that_act_of_its_kind(
    nlp: Language, text: str, trigger: str, kind: str
) -> None:
    assert [(t, k) for t, k, *_ in _coded(nlp, text)] == [(trigger, kind)]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The army said it had pushed the rebels back from the town of Kalehe.", "pushed"),
        ("Villagers fought off the attackers in Zamfara on Sunday.", "fought"),
    ],
)
def test_force_that_drives_the_other_side_off_is_fighting(
    nlp: Language, text: str, trigger: str
) -> None:
    assert (trigger, "FIGHT/defend") in [(t, k) for t, k, *_ in _coded(nlp, text)]


def test_a_vote_pushed_back_is_no_fighting(nlp: Language) -> None:
    assert all(k.split("/")[0] != "FIGHT" for _, k, *_ in _coded(nlp, "MPs pushed back the vote."))


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ('A spokesman for the army said: "We repelled the attack."', "army"),
        ('An official of the Taliban said: "We have captured Nahrin."', "taliban"),
    ],
)
def test_we_in_what_a_spokesman_says_is_the_group_he_speaks_for(
    nlp: Language, text: str, doer: str
) -> None:
    assert [a1 for _, _, a1, _, _ in _coded(nlp, text)] == [doer]
