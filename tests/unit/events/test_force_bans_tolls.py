"""Constructions of issue 15 seen on text no bench holds: shots fired "on" someone, force told
as one hyphenated verb ("baton-charged", "tear-gassed"), a ban on protest (a restriction, no
protest), a toll that rises, and a machine's kind that is no actor ("a fighter jet"). With the
real model, on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model

Found = tuple[str, str, str | None, str | None, int | None]


def _events(nlp: Language, text: str) -> list[Found]:
    doc = nlp(text)
    names = {e.id: e.name.lower() for e in doc._.sitroom_entities}
    return [
        (
            text[e.trigger[0] : e.trigger[1]],
            e.type,
            names.get(e.actor1 or ""),
            names.get(e.actor2 or ""),
            e.fatalities,
        )
        for e in doc._.sitroom_events
    ]


def test_firing_on_someone_is_shooting_at_them(nlp: Language) -> None:
    found = _events(nlp, "Soldiers fired on the mourners near the cemetery.")
    # mourners are civilians: gunfire at them is an attack, not a battle (sides.yaml one_sided)
    assert ("fired", "ASSAULT", "soldiers", "mourners", None) in found


def test_fired_on_a_day_is_no_shooting(nlp: Language) -> None:
    assert _events(nlp, "The coach was fired on Thursday after the defeat.") == []


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Police baton-charged the striking dockworkers at the gate.", "charged"),
        ("Police tear-gassed the marchers in the old town.", "gassed"),
        ("Guards pepper-sprayed the inmates in the yard.", "sprayed"),
    ],
)
def test_force_told_as_one_hyphenated_verb_is_coercion(nlp: Language, text: str, verb: str) -> None:
    found = [f for f in _events(nlp, text) if f[0] == verb]
    assert [f[1] for f in found] == ["COERCE"], _events(nlp, text)
    assert "accuse" not in str(found)


def test_a_baton_charge_keeps_the_police_as_doer(nlp: Language) -> None:
    [charged] = [f for f in _events(nlp, "Police baton-charged the crowd outside the court.")
                 if f[0] == "charged"]  # fmt: skip
    assert charged[1:3] == ("COERCE", "police")


@pytest.mark.parametrize(
    "text",
    [
        "The authorities banned protests in the province until further notice.",
        "The interior ministry prohibited rallies near the stadium.",
        "Demonstrations were banned in the city centre on Friday.",
        "The mayor announced a ban on marches through the old town.",
    ],
)
def test_a_ban_on_protest_is_a_restriction_and_no_protest(nlp: Language, text: str) -> None:
    found = _events(nlp, text)
    assert [f[1] for f in found] == ["COERCE"], found


def test_a_ban_on_goods_stays_a_sanction(nlp: Language) -> None:
    assert [f[1] for f in _events(nlp, "The government banned exports of timber.")] == ["SANCTION"]


@pytest.mark.parametrize(
    ("text", "event", "dead"),
    [
        ("The death toll from the ambush rose to 27 on Monday.", "ambush", 27),
        ("The toll in the shelling of the market has climbed to 19.", "shelling", 19),
        ("The death toll of the riots reached 8 by nightfall.", "riots", 8),
        ("The death toll from the bombing stood at 64, officials said.", "bombing", 64),
    ],
)
def test_a_rising_toll_gives_its_event_the_dead(
    nlp: Language, text: str, event: str, dead: int
) -> None:
    found = {f[0]: f[4] for f in _events(nlp, text)}
    assert found.get(event) == dead, found


def test_a_fighter_jet_is_no_fighters_but_its_owner_is_the_target(nlp: Language) -> None:
    found = _events(nlp, "Greek forces shot down a Turkish fighter jet over the island.")
    assert [f[1:4] for f in found if f[0] == "shot"] == [("FIGHT", "greek forces", "turkish")]
    unowned = _events(nlp, "Militants shot down a fighter jet over the desert.")
    assert [f[1:4] for f in unowned if f[0] == "shot"] == [("FIGHT", "militants", None)]


def test_downing_an_aircraft_is_shooting_it_down(nlp: Language) -> None:
    found = _events(nlp, "Rebels downed an army helicopter near the dam.")
    assert [f[1:4] for f in found] == [("FIGHT", "rebels", "army")]
    assert _events(nlp, "He downed his tea and left.") == []
