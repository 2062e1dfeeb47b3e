"""Doers that the clause around a trigger does not give: an act answered by another ("in
retaliation for the ambush") was done by someone other than who answers it; a gathering where
an act took place ("blew himself up at a rally") was not held by the act's doer; a pronoun
doer of a rally is never the police who broke it up; groups named by a nationality and a noun
of their own ("Israeli settlers", "Haitian gangs") are those groups, not the state. Real
model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from unit.events.reading import coded

pytestmark = pytest.mark.model


def _doer(nlp: Language, text: str, trigger: str) -> str | None:
    rows = [row for row in coded(nlp, text) if row[0] == trigger]
    assert rows, (trigger, coded(nlp, text))
    return rows[0][2]


@pytest.mark.parametrize(
    ("text", "trigger", "retaliator"),
    [
        (
            "Government troops shelled rebel villages in retaliation for the ambush of a patrol "
            "near Bouar.",
            "ambush",
            "government troops",
        ),
        (
            "The militia said it had fired mortars at a police base in response to the killing "
            "of two of its fighters.",
            "killing",
            "militia",
        ),
        (
            "Soldiers raided the camp on Friday to avenge the attack on their convoy.",
            "attack",
            "soldiers",
        ),
    ],
)
def test_an_answered_act_is_not_the_answering_side_s(
    nlp: Language, text: str, trigger: str, retaliator: str
) -> None:
    assert _doer(nlp, text, trigger) != retaliator


def test_the_act_answered_keeps_a_doer_the_text_gives_it(nlp: Language) -> None:
    text = (
        "The army bombed rebel bases in retaliation for an attack by the rebels on a market "
        "in Kaga Bandoro."
    )
    assert _doer(nlp, text, "attack") == "rebels"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("A gunman opened fire at a wedding party in the village, killing seven guests.", "party"),
        ("A suicide bomber blew himself up at a campaign rally outside Quetta.", "rally"),
    ],
)
def test_a_gathering_where_an_act_happened_is_not_its_doer_s(
    nlp: Language, text: str, trigger: str
) -> None:
    for row in coded(nlp, text):
        if row[0] == trigger:
            assert row[2] not in {"gunman", "bomber"}


def test_an_act_at_a_gathering_still_is_its_doer_s(nlp: Language) -> None:
    text = "A gunman opened fire at a wedding party in the village, killing seven guests."
    assert _doer(nlp, text, "opened") == "gunman"


def test_they_who_rallied_are_the_protesters_not_the_police(nlp: Language) -> None:
    text = (
        "Riot police beat and detained students outside the ministry in Yerevan as they "
        "marched against the new decree."
    )
    assert _doer(nlp, text, "marched") != "riot police"
    assert _doer(nlp, text, "detained") == "riot police"


def test_police_who_march_are_still_the_marchers(nlp: Language) -> None:
    text = "Police officers marched through Lyon on Tuesday to demand higher pay."
    assert _doer(nlp, text, "marched") is not None


@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        ("Israeli settlers set fire to olive groves near Nablus on Saturday.", "set", "settlers"),
        ("Haitian gangs attacked a police station in Mirebalais overnight.", "attacked", "gangs"),
        ("Mexican marines raided a ranch outside Culiacan.", "raided", "marines"),
    ],
)
def test_a_group_named_with_its_nationality_is_the_group(
    nlp: Language, text: str, trigger: str, doer: str
) -> None:
    found = _doer(nlp, text, trigger)
    assert found is not None and found.endswith(doer)


@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        (
            "Militiamen belonging to the Popular Front burned homes in the village.",
            "burned",
            "popular front",
        ),
        (
            "Gunmen linked to the Islamic State killed four people in Cabo Delgado.",
            "killed",
            "islamic state",
        ),
        (
            "Troops loyal to General Haftar shelled the southern suburbs of Tripoli.",
            "shelled",
            "haftar",
        ),
    ],
)
def test_armed_men_loyal_to_a_leader_act_for_that_leader(
    nlp: Language, text: str, trigger: str, doer: str
) -> None:
    assert _doer(nlp, text, trigger) == doer


def test_protesters_loyal_to_a_cleric_still_march_as_protesters(nlp: Language) -> None:
    assert _doer(nlp, "Protesters loyal to the cleric marched in Baghdad.", "marched") == (
        "protesters"
    )


def test_people_hurt_in_a_deed_of_another_kind_take_its_doer(nlp: Language) -> None:
    text = (
        "Riot police fired tear gas at crowds outside the assembly in Skopje on Monday. "
        "Eleven officers were injured when protesters hurled rocks at them."
    )
    assert _doer(nlp, text, "injured") == "protesters"


def test_the_armed_group_named_again_by_a_described_group_noun(nlp: Language) -> None:
    text = (
        "The Popular Front attacked Bentiu on Saturday. The army said it had retaken the "
        "airport from the rebel group."
    )
    rows = [row for row in coded(nlp, text) if row[0] == "retaken"]
    assert rows and rows[0][3] == "popular front"


def test_a_time_inside_a_clause_about_the_object_dates_that_clause_not_the_act(
    nlp: Language,
) -> None:
    text = (
        "Chilean police arrested a retired colonel accused of torturing prisoners in the "
        "1970s, prosecutors said on Friday."
    )
    doc = nlp(text)
    arrest = next(e for e in doc._.sitroom_events if text[e.trigger[0] :].startswith("arrested"))
    assert arrest.date.start is None or arrest.date.start.year >= 2000


def test_a_long_subject_the_parser_left_verbless_keeps_its_dead(nlp: Language) -> None:
    text = (
        "A drone strike on a clinic treating wounded fighters in northern Idlib killed at least "
        "nine people on Sunday, rescuers said."
    )
    doc = nlp(text)
    strike = next(e for e in doc._.sitroom_events if text[e.trigger[0] :].startswith("strike"))
    assert strike.fatalities == 9


def test_a_sit_in_split_by_the_tokenizer_is_a_protest_of_those_who_stage_it(
    nlp: Language,
) -> None:
    text = "Dozens of nurses staged a sit-in outside the health ministry in Accra on Monday."
    rows = [row for row in coded(nlp, text) if row[1] == "PROTEST"]
    assert rows and rows[0][2] == "nurses"


@pytest.mark.parametrize(
    "text",
    [
        "Drones attacked a U.S. base in Syria on Sunday.",
        "A militia fired rockets at a U.S. base in eastern Syria.",
    ],
)
def test_a_site_a_country_keeps_abroad_is_where_it_lies(nlp: Language, text: str) -> None:
    doc = nlp(text)
    places = {p.id: p.name for p in doc._.sitroom_places}
    names = {e.id: e.name for e in doc._.sitroom_entities}
    event = doc._.sitroom_events[0]
    assert places.get(event.place or "") == "Syria"
    assert names.get(event.actor2 or "") == "United States"
