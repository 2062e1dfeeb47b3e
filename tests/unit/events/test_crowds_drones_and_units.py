"""Constructions of conflict reporting, with the real model, on sentences written for these tests:
drones launched at a target are a strike and a product launch is none; an event noun that says
what a unit or a thing is for ("riot police", "assault rifles") tells no happening; a crowd
counted through "of" ("thousands of demonstrators marched") is one protest; a family of six
killed is six dead; state organs of intelligence are actors; a place the model swept into a
time span ("Kyiv overnight") is still the place."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

pytestmark = pytest.mark.model


def _events(doc: Doc) -> list[tuple[str, str, str | None, str | None, str | None, int | None]]:
    text = doc.text
    names = {e.id: e.name.lower() for e in doc._.sitroom_entities}
    places = {p.id: p.name for p in doc._.sitroom_places}
    return [
        (
            text[e.trigger[0] : e.trigger[1]],
            e.type,
            names.get(e.actor1 or ""),
            names.get(e.actor2 or ""),
            places.get(e.place or ""),
            e.fatalities,
        )
        for e in doc._.sitroom_events
    ]


def test_drones_launched_at_a_target_are_a_strike_by_who_launched_them(nlp: Language) -> None:
    doc = nlp("The militia said it had launched drones at an army depot in Kassala on Friday.")
    strikes = [e for e in _events(doc) if e[0] == "launched"]
    assert len(strikes) == 1
    _, kind, doer, _, place, _ = strikes[0]
    assert kind == "FIGHT" and doer == "militia" and place == "Kassala"


def test_a_number_of_drones_launched_at_a_city_is_a_strike_on_it(nlp: Language) -> None:
    doc = nlp("Russia launched dozens of drones at Odesa overnight.")
    strikes = [e for e in _events(doc) if e[0] == "launched"]
    assert [(e[1], e[4]) for e in strikes] == [("FIGHT", "Odesa")]


@pytest.mark.parametrize(
    "text",
    [
        "The firm launched a new delivery drone in Lyon on Monday.",
        "The army flew drones over the border to map the hills.",
    ],
)
def test_drones_launched_or_flown_at_nothing_are_no_strike(nlp: Language, text: str) -> None:
    assert not [e for e in _events(nlp(text)) if e[1] in {"FIGHT", "ASSAULT"}]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Riot police guarded the ministry in Lima on Sunday.", "riot"),
        ("The soldiers carried assault rifles through the market.", "assault"),
        ("Attack helicopters circled over the port of Aden.", "Attack"),
        ("Warplanes struck a detention centre near Tajoura, killing 40.", "detention"),
    ],
)
def test_an_event_noun_naming_what_a_unit_or_thing_is_for_tells_no_happening(
    nlp: Language, text: str, word: str
) -> None:
    assert word not in [e[0] for e in _events(nlp(text))]


def test_riot_police_acting_are_the_doers_not_a_riot(nlp: Language) -> None:
    found = _events(nlp("Riot police fired tear gas at students in Dhaka on Monday."))
    assert [(e[1], e[2]) for e in found] == [("COERCE", "riot police")]


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of demonstrators marched through central Accra on Tuesday.",
        "A crowd of protesters rallied outside the parliament in Lusaka.",
    ],
)
def test_a_counted_crowd_and_its_verb_are_one_protest(nlp: Language, text: str) -> None:
    assert [e[1] for e in _events(nlp(text))] == ["PROTEST"]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("An air strike hit a house in Idlib, killing a family of seven.", 7),
        ("Gunmen killed a group of 14 farmers near Mopti.", 14),
        # a family named without its number is several people, not one
        ("Soldiers shot dead a family at a checkpoint near Hebron.", None),
    ],
)
def test_a_group_noun_of_people_counts_its_members(
    nlp: Language, text: str, dead: int | None
) -> None:
    violent = [e for e in _events(nlp(text)) if e[1] in {"ASSAULT", "FIGHT"}]
    assert violent and violent[0][5] == dead


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Three lawyers were detained by military intelligence in Juba.", "intelligence"),
        ("Gendarmes arrested four activists in Niamey on Saturday.", "gendarmes"),
        ("Intelligence agents abducted a union leader in Harare.", "intelligence agents"),
    ],
)
def test_organs_of_intelligence_and_gendarmes_are_actors(
    nlp: Language, text: str, doer: str
) -> None:
    assert _events(nlp(text))[0][2] == doer


def test_a_place_swept_into_a_time_span_is_the_events_place(nlp: Language) -> None:
    doc = nlp("Rebels shelled Goma overnight, residents said.")
    assert [e[4] for e in _events(doc) if e[1] == "FIGHT"] == ["Goma"]


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        # a nationality's forces, also when a participle hangs on them
        ("Kenyan forces backed by drones retook the town of Lamu on Friday.", "kenyan forces"),
        ("Forces stormed the compound in Garissa at dawn.", "forces"),
    ],
)
def test_forces_are_a_state_actor_of_their_own(nlp: Language, text: str, doer: str) -> None:
    assert [e[2] for e in _events(nlp(text)) if e[1] == "FIGHT"][-1] == doer


def test_the_soldiers_are_the_one_nations_forces_named_before(nlp: Language) -> None:
    doc = nlp(
        "Ethiopian troops entered the town of Shire on Monday. Three farmers were killed in "
        "clashes with the soldiers, residents said."
    )
    killed = [e for e in _events(doc) if e[0] == "killed"]
    assert killed and killed[0][2] == "ethiopian troops"


def test_the_soldiers_after_two_nations_forces_are_neither(nlp: Language) -> None:
    doc = nlp(
        "Kenyan troops and Ugandan soldiers patrolled the border on Monday. The soldiers "
        "arrested four smugglers near Busia."
    )
    arrested = [e for e in _events(doc) if e[0] == "arrested"]
    assert arrested and arrested[0][2] == "soldiers"
