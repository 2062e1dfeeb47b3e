"""The scoring of bench/sentences.py on hand-made gold and hand-built predictions."""

from __future__ import annotations

import datetime as dt

from _sentences_gold import (
    HalfScore,
    actor_right,
    head_word,
    load_sentences,
    parse_sentence,
    place_right,
    problems,
    score_sentence,
)
from sitroom.model import Document, Entity, Event, EventDate, Extraction, Place

TEXT = "Fighters loyal to the council shelled the village of Orlo, killing two farmers."


def at(surface: str) -> tuple[int, int]:
    start = TEXT.index(surface)
    return (start, start + len(surface))


def gold(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "id": 0,
        "split": "dev",
        "text": TEXT,
        "types": ["FIGHT", "ASSAULT"],
        "actor1": "Fighters loyal to the council",
        "actor2": ["two farmers"],
        "place": "Orlo",
    }
    data.update(changes)
    return data


FIGHTERS = Entity(id="a1", name="Fighters", label="NORP", mentions=[at("Fighters")])
COUNCIL = Entity(id="a2", name="Council", label="ORG", mentions=[at("council")])
FARMERS = Entity(id="a3", name="Farmers", label="PERSON", mentions=[at("farmers")])
ORLO = Place(id="p1", name="Orlo", kind="locality", precision=1, mentions=[at("Orlo")])


def event(
    eid: str,
    type_: str,
    actor1: str | None,
    actor2: str | None,
    place: str | None,
    confidence: float = 0.8,
) -> Event:
    return Event(
        id=eid,
        type=type_,
        cameo="19",
        quad="material_conflict",
        actor1=actor1,
        actor2=actor2,
        place=place,
        date=EventDate(start=None, end=None),
        trigger=at("shelled"),
        sentence=(0, len(TEXT)),
        confidence=confidence,
    )


def extraction(events: list[Event]) -> Extraction:
    return Extraction(
        document=Document(id="x", text=TEXT),
        entities=[FIGHTERS, COUNCIL, FARMERS],
        places=[ORLO],
        events=events,
    )


def test_head_word_stops_at_a_post_modifier_and_drops_a_plural() -> None:
    assert head_word("Fighters loyal to the council") == "fighter"
    assert head_word("Rebels of the front") == "rebel"
    assert head_word("Sudan's army") == "army"
    assert head_word("the Congress") == "congress"  # a double s is no plural


def test_actor_by_mention_overlap_or_head_word_and_a_null_gold_wants_none() -> None:
    sentence = parse_sentence(gold())
    assert actor_right(FIGHTERS, sentence.actor1, TEXT)
    assert actor_right(COUNCIL, sentence.actor1, TEXT)  # its mention lies inside the gold text
    elsewhere = Entity(id="a9", name="Loyal fighters", label="NORP", mentions=[])
    assert actor_right(elsewhere, sentence.actor1, TEXT)  # head word "fighter"
    assert not actor_right(FARMERS, sentence.actor1, TEXT)
    assert not actor_right(None, sentence.actor1, TEXT)
    assert actor_right(None, (), TEXT)
    assert not actor_right(FIGHTERS, (), TEXT)


def test_place_by_name_words_or_mention_and_a_null_gold_wants_none() -> None:
    assert place_right(ORLO, ("Orlo",), TEXT)
    region = Place(id="p2", name="Orlo District", kind="admin2", precision=2)
    assert place_right(region, ("Orlo",), TEXT)  # every gold word is in the name
    other = Place(id="p3", name="Kessa", kind="city", precision=1)
    assert not place_right(other, ("Orlo",), TEXT)
    assert not place_right(None, ("Orlo",), TEXT)
    assert place_right(None, (), TEXT)
    assert not place_right(ORLO, (), TEXT)


def test_the_chosen_event_has_an_acceptable_type_then_most_right_slots() -> None:
    sentence = parse_sentence(gold())
    wrong_type = event("x1", "PROTEST", "a1", "a3", "p1", confidence=0.99)
    fewer = event("x2", "FIGHT", "a3", None, "p1")
    best = event("x3", "ASSAULT", "a1", "a3", "p1", confidence=0.5)
    chosen = score_sentence(sentence, extraction([wrong_type, fewer, best]))
    assert chosen.event is not None and chosen.event.id == "x3"
    assert (chosen.found, chosen.actor1, chosen.actor2, chosen.place) == (True, True, True, True)
    assert chosen.all_three

    # only a wrong type: it is chosen and scored, but not found
    chosen = score_sentence(sentence, extraction([wrong_type]))
    assert not chosen.found and chosen.actor1 and not chosen.all_three


def test_no_event_makes_every_slot_wrong_and_halves_add_up() -> None:
    sentence = parse_sentence(gold(actor2=None, place=None))
    empty = score_sentence(sentence, extraction([]))
    assert (empty.found, empty.actor1, empty.actor2, empty.place) == (False,) * 4
    right = score_sentence(sentence, extraction([event("x1", "FIGHT", "a1", None, None)]))
    assert right.all_three
    total = HalfScore().add(empty).add(right)
    assert (total.sentences, total.found, total.actor2, total.all_three) == (2, 1, 1, 1)


def test_the_gold_file_keeps_its_schema() -> None:
    sentences = load_sentences()
    assert len(sentences) >= 100
    assert problems(sentences) == []
    broken = [parse_sentence(gold(id=0, split="test", actor1="someone else"))]
    assert len(problems(broken)) == 2  # an even id must be dev; the actor is not in the text


def test_dates_are_not_scored() -> None:
    # the probe scores who, what and where only: a date on the event changes nothing
    sentence = parse_sentence(gold())
    dated = event("x1", "FIGHT", "a1", "a3", "p1").model_copy(
        update={"date": EventDate(start=dt.date(2024, 1, 2), end=dt.date(2024, 1, 2))}
    )
    assert score_sentence(sentence, extraction([dated])).all_three
