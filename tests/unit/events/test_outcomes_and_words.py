"""What a happening did is that happening ("the attack killed twelve", "a bombing was reported to
have killed"), casualties counted without a doer belong to the attack told before, and the words
of violence, release and withdrawal are read as news uses them. With the real English model, on
sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom.model import Event

pytestmark = pytest.mark.model


def _events(nlp: Language, text: str) -> list[Event]:
    return list(nlp(text)._.sitroom_events)


def _coded(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(text[e.trigger[0] : e.trigger[1]], e.type) for e in _events(nlp, text)]


def test_what_a_reported_attack_killed_is_that_attack(nlp: Language) -> None:
    text = "Rebels attacked a checkpoint in Kunduz on Monday. The attack killed twelve soldiers."
    [attack] = _events(nlp, text)
    assert text[attack.trigger[0] : attack.trigger[1]] == "attacked"
    assert attack.fatalities == 12
    assert attack.place is not None


def test_a_happening_said_to_have_killed_is_one_with_the_killing(nlp: Language) -> None:
    text = "A bombing was reported to have killed a cameraman in the port of Aden on Friday."
    assert len([e for e in _events(nlp, text) if e.type in {"ASSAULT", "FIGHT"}]) == 1


def test_a_killing_with_its_own_subject_stays_its_own(nlp: Language) -> None:
    text = "Rebels attacked a checkpoint in Kunduz. Soldiers killed three rebels in Baghlan."
    assert len(_events(nlp, text)) == 2


def test_people_hurt_without_a_doer_are_casualties_of_the_attack_before(nlp: Language) -> None:
    text = "A man stabbed a guard at a mall in Leeds on Sunday. Two women and a boy were injured."
    [attack] = _events(nlp, text)
    assert text[attack.trigger[0] : attack.trigger[1]] == "stabbed"


def test_people_arrested_after_an_attack_are_another_act(nlp: Language) -> None:
    text = "A man stabbed a guard at a mall in Leeds on Sunday. Two suspects were arrested."
    assert [t for _, t in _coded(nlp, text)] == ["ASSAULT", "COERCE"]


@pytest.mark.parametrize(
    "text",
    [
        "A man stabbed two guards outside the prison on Friday.",
        "The stabbing of a teacher shocked the town.",
        "Gunmen gunned down a judge in the capital.",
        "The abduction of the aid workers was condemned.",
    ],
)
def test_violence_by_hand_and_abduction_are_attacks(nlp: Language, text: str) -> None:
    assert "ASSAULT" in [t for _, t in _coded(nlp, text)]


def test_a_stab_at_a_title_is_no_attack(nlp: Language) -> None:
    assert all(t != "ASSAULT" for _, t in _coded(nlp, "The champion stabbed at the title."))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Two suicide bombings took place in the capital last month.", "ASSAULT"),
        ("A bombing at the bus station killed four people.", "ASSAULT"),
        ("The aerial bombing of the villages went on for weeks.", "FIGHT"),
    ],
)
def test_a_bombing_is_a_bomb_attack_unless_from_the_air(
    nlp: Language, text: str, kind: str
) -> None:
    events = _events(nlp, text)
    assert events and events[0].type == kind
    assert (events[0].mode == "aerial") == (kind == "FIGHT")


def test_protesters_who_storm_a_building_protest(nlp: Language) -> None:
    coded = _coded(nlp, "Protesters stormed the parliament building on Monday.")
    assert coded == [("stormed", "PROTEST")]


def test_soldiers_who_storm_a_building_fight(nlp: Language) -> None:
    coded = _coded(nlp, "Soldiers stormed the rebel headquarters on Monday.")
    assert ("stormed", "FIGHT") in coded


@pytest.mark.parametrize(
    "text",
    [
        "According to a statement released by the ministry, talks continue.",
        "The suspect was released on bail on Tuesday.",
        "Police released him pending investigation.",
        "The army released footage of the raid.",
    ],
)
def test_releasing_words_or_letting_a_suspect_go_is_no_release_of_captives(
    nlp: Language, text: str
) -> None:
    assert all(t != "RETREAT" for _, t in _coded(nlp, text))


def test_rebels_releasing_hostages_retreat(nlp: Language) -> None:
    assert ("released", "RETREAT") in _coded(nlp, "The rebels released twenty hostages.")


@pytest.mark.parametrize(
    "text",
    [
        "The government will withdraw the bill next week.",
        "Protesters welcomed the withdrawal of the extradition bill.",
    ],
)
def test_withdrawing_a_bill_is_a_concession_not_a_retreat(nlp: Language, text: str) -> None:
    types = [t for _, t in _coded(nlp, text)]
    assert "CONCEDE" in types and "RETREAT" not in types


def test_troops_withdrawing_retreat(nlp: Language) -> None:
    assert "RETREAT" in [t for _, t in _coded(nlp, "The army withdrew its troops from the town.")]


def test_what_a_participle_acts_on_is_its_noun(nlp: Language) -> None:
    # "weapons seized by police": a seizure of weapons, not of ground.
    events = _events(nlp, "Police said the weapons seized by officers included rifles.")
    assert [(e.type, e.mode) for e in events] == [("COERCE", "disrupt")]


@pytest.mark.parametrize(
    "text",
    [
        "Turkey will guard the captured fighters and their families.",
        "The court issued arrest warrants for twelve officials.",
        "Student protester Anna Lee spoke to reporters on Friday.",
        "Attack helicopters circled over the city.",
    ],
)
def test_a_state_a_paper_a_title_or_a_purpose_is_no_event(nlp: Language, text: str) -> None:
    assert all(t not in {"FIGHT", "COERCE", "PROTEST", "ASSAULT"} for _, t in _coded(nlp, text))


@pytest.mark.parametrize(
    ("text", "kind", "mode"),
    [
        ("Militants bombed a police station in the north.", "ASSAULT", "bombing"),
        ("The army bombed rebel positions in the north.", "FIGHT", "aerial"),
        ("Warplanes bombed the town overnight.", "FIGHT", "aerial"),
    ],
)
def test_who_bombs_says_whether_from_the_air(
    nlp: Language, text: str, kind: str, mode: str
) -> None:
    [event] = _events(nlp, text)
    assert (event.type, event.mode) == (kind, mode)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Police fired tear gas at the crowd in the square.", "COERCE"),
        ("Police used water cannon against the marchers.", "COERCE"),
        ("The militia launched rockets at the airport.", "FIGHT"),
        ("Soldiers fired at the convoy near the bridge.", "FIGHT"),
    ],
)
def test_crowd_control_coerces_and_missiles_launched_fight(
    nlp: Language, text: str, kind: str
) -> None:
    assert _events(nlp, text)[0].type == kind


def test_what_a_strike_did_after_a_comma_is_that_strike(nlp: Language) -> None:
    text = "Israeli airstrikes hit a school in Gaza City on Thursday, killing at least 20 people."
    [strike] = _events(nlp, text)
    assert (text[strike.trigger[0] : strike.trigger[1]], strike.type) == ("airstrikes", "FIGHT")
    assert strike.fatalities == 20


def test_people_killed_in_the_attack_told_before_are_its_dead(nlp: Language) -> None:
    text = "Militias attacked the town of Djugu on Friday. Thirty people were killed in the raid."
    [raid] = _events(nlp, text)
    assert (text[raid.trigger[0] : raid.trigger[1]], raid.fatalities) == ("attacked", 30)


def test_people_killed_in_another_attack_are_another_event(nlp: Language) -> None:
    text = (
        "Militias attacked the town of Djugu on Friday. "
        "Two soldiers were killed in an ambush near Bunia on Sunday."
    )
    assert len(_events(nlp, text)) == 2


def test_what_a_deed_carried_out_did_is_that_deed(nlp: Language) -> None:
    text = "The junta carried out airstrikes on a village in Sagaing region, killing 100 people."
    [strike] = _events(nlp, text)
    assert (text[strike.trigger[0] : strike.trigger[1]], strike.fatalities) == ("airstrikes", 100)


def test_arrests_during_protests_are_not_the_protesters_doing(nlp: Language) -> None:
    doc = nlp("Security forces arrested 45 people during protests in Tehran.")
    names = {e.id: e.name.lower() for e in doc._.sitroom_entities}
    protest = next(e for e in doc._.sitroom_events if e.type == "PROTEST")
    assert names.get(protest.actor1 or "") != "security forces"


def test_people_killed_and_wounded_in_the_attack_told_before_are_its_casualties(
    nlp: Language,
) -> None:
    text = (
        "Militias attacked the town of Djugu on Friday. "
        "Thirty people were killed and dozens wounded in the raid."
    )
    [raid] = _events(nlp, text)
    assert raid.fatalities == 30


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        (
            "The shelling of Kramatorsk by Russian forces killed four civilians.",
            "shelling",
            "FIGHT",
        ),
        (
            "Clashes between herders and farmers in Plateau state killed 12 people.",
            "Clashes",
            "FIGHT",
        ),
    ],
)
def test_the_happening_stands_for_what_it_did(
    nlp: Language, text: str, trigger: str, kind: str
) -> None:
    [event] = _events(nlp, text)
    assert (text[event.trigger[0] : event.trigger[1]], event.type) == (trigger, kind)
