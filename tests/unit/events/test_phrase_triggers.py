"""Multiword and light-verb triggers (event_phrases.yaml) with the real model: the phrase codes
the happening and its words give the arguments. The sentences are made up for these tests."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from spacy.language import Language

from sitroom.events.lexicon import EventVocabulary
from sitroom.lang.vocabulary.event_phrases import PhraseTrigger

pytestmark = pytest.mark.model


@dataclass(frozen=True)
class Seen:
    trigger: str
    type: str
    mode: str | None
    actor1: str | None
    actor2: str | None
    place: str | None
    modality: str
    fatalities: int | None


def events(nlp: Language, text: str) -> list[Seen]:
    doc = nlp(text)
    names = {e.id: e.name for e in doc._.sitroom_entities}
    names |= {p.id: p.name for p in doc._.sitroom_places}
    return [
        Seen(
            text[e.trigger[0] : e.trigger[1]],
            e.type,
            e.mode,
            names.get(e.actor1) if e.actor1 else None,
            names.get(e.actor2) if e.actor2 else None,
            names.get(e.place) if e.place else None,
            e.modality,
            e.fatalities,
        )
        for e in doc._.sitroom_events
    ]


def test_taking_control_of_a_town_is_a_takeover_of_that_place(nlp: Language) -> None:
    [seen] = events(nlp, "The Houthis took control of Hodeidah on Tuesday.")
    assert (seen.trigger, seen.type, seen.mode) == ("took", "FIGHT", "occupy")
    assert seen.actor1 == "Houthis"
    assert seen.place is not None and "udaydah" in seen.place


def test_a_town_falling_to_a_side_is_taken_by_that_side(nlp: Language) -> None:
    [seen] = events(nlp, "The town of Kidal fell to the rebels on Sunday.")
    assert (seen.trigger, seen.type, seen.mode) == ("fell", "FIGHT", "occupy")
    assert (seen.actor1, seen.actor2, seen.place) == ("Rebels", None, "Kidal")


def test_falling_prices_are_no_takeover(nlp: Language) -> None:
    assert events(nlp, "Oil prices fell to their lowest level in a decade.") == []


def test_opening_fire_is_one_event_with_its_target(nlp: Language) -> None:
    [seen] = events(nlp, "Gunmen opened fire on the Interior Ministry in Tripoli.")
    assert (seen.trigger, seen.type) == ("opened", "FIGHT")
    assert seen.place == "Tripoli"


def test_coming_under_attack_makes_the_subject_the_target(nlp: Language) -> None:
    [seen] = events(nlp, "A United Nations convoy came under attack from al-Shabaab near Baidoa.")
    assert (seen.trigger, seen.type) == ("attack", "ASSAULT")
    assert seen.actor1 == "al-Shabaab"
    assert seen.actor2 == "United Nations"


def test_laying_siege_gives_the_besieger_and_the_place(nlp: Language) -> None:
    [seen] = events(nlp, "Government troops laid siege to Marawi in May.")
    assert (seen.trigger, seen.type) == ("siege", "COERCE")
    assert seen.place is not None and seen.place.startswith("Marawi")


def test_exchanging_prisoners_names_both_sides(nlp: Language) -> None:
    [seen] = events(nlp, "Russia and Ukraine exchanged prisoners on Friday.")
    assert (seen.type, seen.mode) == ("RETREAT", "release")
    assert (seen.actor1, seen.actor2) == ("Russia", "Ukraine")


def test_an_attack_claiming_lives_counts_the_dead_and_claims_nothing(nlp: Language) -> None:
    [seen] = events(nlp, "The car bombing in Mogadishu claimed the lives of 14 people.")
    assert seen.trigger == "bombing"
    assert seen.fatalities == 14
    assert seen.modality == "asserted"  # "claimed the lives" is no claim


def test_a_light_verb_gives_the_doer_and_the_target(nlp: Language) -> None:
    [seen] = events(nlp, "Boko Haram carried out an attack on the army base in Monguno.")
    assert (seen.trigger, seen.type) == ("attack", "ASSAULT")
    assert seen.actor1 == "Boko Haram"
    assert seen.place == "Monguno"


def test_every_phrase_entry_compiles_and_names_its_nodes() -> None:
    entries: tuple[PhraseTrigger, ...] = EventVocabulary.load().phrases.phrase_triggers
    assert len(entries) >= 15
    for entry in entries:
        ids = [node.id for node in entry.pattern]
        assert entry.trigger in ids
        assert all(role.node in ids for role in entry.roles.values())


def test_a_pattern_node_hanging_from_an_unknown_node_is_refused() -> None:
    with pytest.raises(ValueError, match="not declared before"):
        PhraseTrigger.model_validate(
            {
                "name": "broken",
                "pattern": [
                    {"id": "verb", "attrs": {"LEMMA": "take"}},
                    {"id": "obj", "head": "noun", "attrs": {"DEP": "dobj"}},
                ],
                "trigger": "verb",
                "type": "FIGHT",
            }
        )


def test_a_second_outlet_wording_of_a_takeover_is_coded(nlp: Language) -> None:
    text = "The Taliban said on Monday they had taken control of the Panjshir valley."
    [seen] = events(nlp, text)
    assert (seen.trigger, seen.type, seen.mode) == ("taken", "FIGHT", "occupy")
    assert (seen.actor1, seen.place, seen.modality) == ("Taliban", "Panjshir", "claimed")


def test_control_of_a_market_is_no_takeover_of_ground(nlp: Language) -> None:
    assert events(nlp, "The company took control of the market in 2019.") == []
    [seen] = events(nlp, "The army regained control of the city.")
    assert (seen.type, seen.mode, seen.actor1) == ("FIGHT", "occupy", "Army")


def test_falling_into_the_hands_of_a_group(nlp: Language) -> None:
    [seen] = events(nlp, "Mosul fell into the hands of the Islamic State in 2014.")
    assert (seen.trigger, seen.type, seen.mode) == ("fell", "FIGHT", "occupy")
    assert (seen.actor1, seen.place) == ("Islamic State", "Mosul")


def test_a_unit_coming_under_fire_from_no_one_named_is_the_target_not_the_doer(
    nlp: Language,
) -> None:
    [seen] = events(nlp, "The UN base in Malakal came under heavy fire on Thursday.")
    assert (seen.actor1, seen.actor2) == (None, "United Nations")
