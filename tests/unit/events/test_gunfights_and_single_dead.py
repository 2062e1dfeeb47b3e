"""A planted explosive that strikes is a bombing; nouns of an armed exchange ("a gunfight",
"an exchange of fire with X") are fighting whose other side killed those who died in it; one
person killed by a singular noun ("a man", "the gunman") is one dead; criminals are actors. With
the real model, on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


def _event(nlp: Language, text: str, trigger: str) -> tuple[str | None, str | None, int | None]:
    doc = nlp(text)
    names = {e.id: e.name.lower() for e in doc._.sitroom_entities}
    event = next(e for e in doc._.sitroom_events if text[e.trigger[0] : e.trigger[1]] == trigger)
    return names.get(event.actor1 or ""), names.get(event.actor2 or ""), event.fatalities


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Three border guards died in a gunfight with drug smugglers near the river.", "gunfight"),
        (
            "Three border guards died in a firefight with drug smugglers near the river.",
            "firefight",
        ),
        ("Three border guards died during an exchange of fire with drug smugglers.", "exchange"),
    ],
)
def test_an_armed_exchange_is_fighting_between_its_sides_with_its_dead(
    nlp: Language, text: str, trigger: str
) -> None:
    one, other, dead = _event(nlp, text, trigger)
    assert one is not None and "guard" in one
    assert other is not None and "smuggler" in other
    assert dead == 3


def test_those_shot_in_an_exchange_of_fire_with_x_were_shot_by_x(nlp: Language) -> None:
    text = "A police officer was shot dead during an exchange of fire with the kidnappers."
    doer, victim, dead = _event(nlp, text, "shot")
    assert (doer, victim, dead) == ("kidnappers", "police", 1)


def test_a_penalty_shootout_is_no_fighting(nlp: Language) -> None:
    doc = nlp("The final was settled by a penalty shootout in Madrid.")
    assert not doc._.sitroom_events


@pytest.mark.parametrize(
    ("text", "trigger", "dead"),
    [
        ("Troops shot dead a man at a checkpoint outside Jenin on Monday.", "shot", 1),
        ("The gunman was killed by police after a two-hour siege.", "killed", 1),
        ("A teacher and a nurse were killed in the shelling.", "killed", 2),
        ("A gunman wounded two guards before officers shot him dead.", "shot", 1),
        # numbers count as before; an unnamed plural is no count
        ("Gunmen killed four farmers in the field.", "killed", 4),
        # coordinated people, each counted
        ("Three soldiers and two rebels were killed in the clash near Tessit.", "killed", 5),
        ("Gunmen shot dead two traders and a driver on the road to Bunia.", "shot", 3),
        ("Gunmen killed farmers in the field.", "killed", None),
    ],
)
def test_people_killed_by_a_singular_noun_count_one_each(
    nlp: Language, text: str, trigger: str, dead: int | None
) -> None:
    assert _event(nlp, text, trigger)[2] == dead


def test_robbers_and_looters_are_actors(nlp: Language) -> None:
    doer, victims, _ = _event(
        nlp, "Armed robbers attacked a bus carrying traders on the highway.", "attacked"
    )
    assert doer == "robbers" and victims == "traders"


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        (
            "A roadside bomb struck an army truck outside Kandahar, killing two soldiers.",
            "struck",
            "ASSAULT",
        ),
        ("A landmine hit a minibus carrying traders near the border.", "hit", "ASSAULT"),
        # fire from afar and from the air stay what they were
        ("A rocket hit the fuel depot overnight.", "hit", "FIGHT"),
        ("Jets struck militant hideouts in the hills.", "struck", "FIGHT"),
    ],
)
def test_a_planted_explosive_that_strikes_is_a_bombing(
    nlp: Language, text: str, trigger: str, kind: str
) -> None:
    doc = nlp(text)
    event = next(e for e in doc._.sitroom_events if text[e.trigger[0] : e.trigger[1]] == trigger)
    assert event.type == kind
    if kind == "ASSAULT":
        assert event.mode == "bombing"
