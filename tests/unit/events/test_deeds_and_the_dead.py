"""Who did a deed told by a participle after it ("the attack, carried out by X", "a raid blamed on
Y"), "he" after a person named by a common noun of a group ("a police officer ... he shot"), and
the dead a deed leaves ("leaving nine people dead"). With the real English model, on sentences
written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom.model import Event

pytestmark = pytest.mark.model


def _coded(nlp: Language, text: str) -> list[tuple[str, str | None, str | None, Event]]:
    doc = nlp(text)
    names = {e.id: e.name.lower() for e in doc._.sitroom_entities}
    return [
        (text[e.trigger[0] : e.trigger[1]], names.get(e.actor1 or ""), names.get(e.actor2 or ""), e)
        for e in doc._.sitroom_events
    ]


@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        ("Eleven guards died in the raid, apparently conducted by the Houthis.", "raid", "houthis"),
        ("The ambush, carried out by al-Shabaab, was condemned.", "ambush", "al-shabaab"),
        ("An ambush blamed on the rebels killed four soldiers near Bunia.", "ambush", "rebels"),
        ("The bombing was another attack attributed to the Houthis.", "bombing", "houthis"),
    ],
)
def test_a_participle_after_a_deed_names_its_doer(
    nlp: Language, text: str, trigger: str, doer: str
) -> None:
    found = {(t, a1) for t, a1, _, _ in _coded(nlp, text)}
    assert (trigger, doer) in found


def test_blamed_on_is_no_accusation_of_its_own(nlp: Language) -> None:
    coded = _coded(nlp, "An ambush blamed on the rebels killed four soldiers near Bunia.")
    assert [(t, e.fatalities) for t, *_, e in coded] == [("ambush", 4)]


def test_he_refers_back_to_an_officer_of_a_group(nlp: Language) -> None:
    text = "A police officer was surrounded in Mong Kok. He drew his pistol and shot a man."
    found = {(t, a1) for t, a1, _, _ in _coded(nlp, text)}
    assert ("shot", "police") in found


def test_he_does_not_refer_back_to_a_group(nlp: Language) -> None:
    text = "The ministry opened an inquiry in Lagos. He shot a man on Monday."
    found = {(t, a1) for t, a1, _, _ in _coded(nlp, text)}
    assert ("shot", "ministry") not in found


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Militants stormed a hotel in Mogadishu on Sunday, leaving nine people dead.", 9),
        ("A drone attack on Friday left six soldiers dead in Marib.", 6),
        ("The bombing in Quetta left at least 20 people dead.", 20),
        ("Clashes between rival gangs in Port-au-Prince left at least 31 dead.", 31),
        ("Fighting in the town left at least 14 dead and dozens wounded.", 14),
    ],
)
def test_a_deed_that_leaves_people_dead_counts_them(nlp: Language, text: str, dead: int) -> None:
    assert next(e.fatalities for *_, e in _coded(nlp, text)) == dead


def test_leaving_people_other_than_dead_counts_no_dead(nlp: Language) -> None:
    coded = _coded(nlp, "Gunmen attacked a village near Jos, leaving nine families homeless.")
    assert coded and coded[0][3].fatalities is None


def test_they_after_one_person_who_reports_are_his_group(nlp: Language) -> None:
    text = "The rebels entered Nahrin. Their spokesman Ali Said said they killed twelve soldiers."
    assert ("killed", "rebels") in [(t, a1) for t, a1, _, _ in _coded(nlp, text)]


def test_they_after_one_person_who_reports_and_no_group_are_his(nlp: Language) -> None:
    coded = _coded(nlp, "Sheriff Lee said they arrested one person near the gate.")
    assert [(t, a1) for t, a1, _, _ in coded] == [("arrested", "lee")]


def test_they_after_a_group_that_reports_are_that_group(nlp: Language) -> None:
    coded = _coded(nlp, "The rebels said they had captured the town of Nahrin.")
    assert [(t, a1) for t, a1, _, _ in coded] == [("captured", "rebels")]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Security forces shot dead two demonstrators in Kano on Monday.", 2),
        ("Two farmers were hacked to death in Benue on Friday.", 2),
    ],
)
def test_an_attack_done_to_death_counts_the_dead(nlp: Language, text: str, dead: int) -> None:
    assert [e.fatalities for *_, e in _coded(nlp, text) if e.type == "ASSAULT"] == [dead]


def test_a_sentence_to_death_counts_no_dead(nlp: Language) -> None:
    coded = _coded(nlp, "A court in Cairo sentenced five men to death on Monday.")
    assert all(e.fatalities is None for *_, e in coded)


@pytest.mark.parametrize(
    "text",
    [
        "Militants set fire to homes in the village of Tillia.",
        "Soldiers set the market on fire in Bambari.",
        "Gunmen torched dozens of homes near Jos.",
    ],
)
def test_arson_is_an_attack(nlp: Language, text: str) -> None:
    coded = _coded(nlp, text)
    assert [(e.type, a1 is not None) for _, a1, _, e in coded] == [("ASSAULT", True)]


def test_setting_a_date_is_no_arson(nlp: Language) -> None:
    assert _coded(nlp, "The government set a date for the vote.") == []


def test_protesters_who_burn_or_attack_riot(nlp: Language) -> None:
    coded = _coded(nlp, "Protesters set fire to a police station in Kano on Monday.")
    assert [(e.type, e.mode, e.modality) for *_, e in coded] == [("PROTEST", "riot", "asserted")]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Protesters set fire to a police station in Kano on Monday.", "asserted"),
        ("Talks are set to resume in Doha next week.", "planned"),
    ],
)
def test_a_word_of_planning_plans_what_it_governs_not_who_does_it(
    nlp: Language, text: str, modality: str
) -> None:
    assert [e.modality for *_, e in _coded(nlp, text)] == [modality]


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("The rebels fired a ballistic missile at the port of Jizan on Sunday.", "artillery"),
        ("Gunmen fired at a police station in Quetta on Sunday.", "small_arms"),
    ],
)
def test_fire_from_afar_is_no_gunfire(nlp: Language, text: str, mode: str) -> None:
    coded = _coded(nlp, text)
    assert [e.mode for t, *_, e in coded if t == "fired"] == [mode]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Three soldiers were wounded when their patrol hit a mine near Menaka.", "wounded"),
        ("A patrol was ambushed near Diffa on Tuesday.", "ambushed"),
        ("Gunmen opened fire on an army patrol outside Maiduguri.", "opened"),
        ("Gunmen fired at an army patrol outside Maiduguri.", "fired"),
        ("Rebels ambushed a police patrol in Kirkuk, killing two officers.", "ambushed"),
    ],
)
def test_a_patrol_attacked_is_a_party_not_a_deployment(
    nlp: Language, text: str, trigger: str
) -> None:
    assert [t for t, *_ in _coded(nlp, text)] == [trigger]


def test_patrols_stepped_up_are_a_deployment(nlp: Language) -> None:
    coded = _coded(nlp, "Troops stepped up patrols in Bamako after the curfew began.")
    assert ("patrols", "MOBILIZE") in [(t, e.type) for t, *_, e in coded]


@pytest.mark.parametrize(
    ("text", "act", "place"),
    [
        ("The rebels vowed to retake the town of Goma within a week.", "vowed", "goma"),
        ("The army pledged to recapture Mosul before winter.", "pledged", "mosul"),
    ],
)
def test_a_promise_concerns_where_its_content_would_happen(
    nlp: Language, text: str, act: str, place: str
) -> None:
    doc = nlp(text)
    places = {p.id: p.name.lower() for p in doc._.sitroom_places}
    found = {
        (text[e.trigger[0] : e.trigger[1]], places.get(e.place or "")) for e in doc._.sitroom_events
    }
    assert (act, place) in found


@pytest.mark.parametrize(
    "text",
    [
        "In 2019 the group carried out a car bombing in the city that killed more than 80 people.",
        "A car bombing at a checkpoint that killed 80 people shook Mogadishu.",
    ],
)
def test_a_relative_clause_hung_on_the_place_tells_the_dead_of_the_deed(
    nlp: Language, text: str
) -> None:
    coded = [(e.type, e.fatalities) for *_, e in _coded(nlp, text)]
    assert coded == [("ASSAULT", 80)]


def test_the_dead_of_a_when_clause_are_the_dead_of_its_deed(nlp: Language) -> None:
    coded = _coded(nlp, "Five people died when soldiers opened fire on protesters in Mandalay.")
    fire = [event for trigger, _doer, _done_to, event in coded if trigger == "opened"]
    assert [e.fatalities for e in fire] == [5]


def test_the_hurt_a_deed_leaves_are_no_second_deed(nlp: Language) -> None:
    # The parser reads "and 20 wounded" as a clause with "20" for subject.
    [(_trigger, _doer, _done_to, blast)] = _coded(
        nlp, "The blast left four people dead and 20 wounded."
    )
    assert blast.fatalities == 4
