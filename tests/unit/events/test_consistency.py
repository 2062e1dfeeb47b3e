"""The tellings of one happening carry one doer and one place: a telling whose doer or place is
weak (inferred, the story's place, a country around the town) takes the one another telling
states, and two stated values stay two happenings. Hand-built events on a blank spaCy document,
no model; the last test reads a report with the whole pipeline."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from builders import attack_at
from sitroom.events.consistency import consistent_arguments
from sitroom.events.happening_groups import HappeningGroups
from sitroom.events.mentions import known_patient
from sitroom.events.nesting import containers_of
from sitroom.lang.vocabulary.event_phrases import FoldingVocabulary
from sitroom.lang.vocabulary.loader import load_vocabulary
from sitroom.model import Entity, Event, InferredField, Place, PlaceBasis
from sitroom.nlp import extensions

extensions.register_extensions()

PLACES = [
    Place(id="ca", name="Canada", kind="country", country="CA", precision=3),
    Place(id="creston", name="Creston", kind="city", country="CA", admin1="BC", precision=1),
    Place(id="kabul", name="Kabul", kind="city", country="AF", admin1="Kabul", precision=1),
    Place(id="town", name="Maidan Shahr", kind="city", country="AF", admin1="Wardak", precision=1),
]
CONTAINERS = containers_of(PLACES)
TEXT = "Gunmen attacked a post . The attack was condemned . It was struck again ."


def blank_doc() -> spacy.tokens.Doc:
    doc = spacy.blank("en")(TEXT)
    doc._.sitroom_entities = (
        Entity(id="army", name="army", label="ORG"),
        Entity(id="rebels", name="rebels", label="NORP"),
    )
    return doc


def telling(
    at: int,
    actor1: str | None = None,
    place: str | None = None,
    basis: PlaceBasis | None = None,
    *,
    inferred: tuple[InferredField, ...] = (),
    background: bool = False,
    actor2: str | None = None,
) -> Event:
    """An attack told at character ``at`` of ``TEXT`` (no pronoun doer there)."""
    return attack_at(
        at,
        actor1=actor1,
        actor2=actor2,
        place=place,
        place_basis=basis,
        inferred=list(inferred),
        background=background,
    )


def harmonised(events: list[Event], pairs: list[tuple[int, int]]) -> list[Event]:
    near = [(events[a].id, events[b].id) for a, b in pairs]
    return consistent_arguments(events, near, blank_doc(), CONTAINERS)


def test_a_weak_doer_and_the_story_place_take_what_another_telling_states() -> None:
    lede = telling(0, "army", "town", "argument")
    later = telling(27, "rebels", "kabul", "document", inferred=("actor1",))
    out = harmonised([lede, later], [(0, 1)])
    assert out[0] == lede
    assert (out[1].actor1, out[1].place, out[1].place_basis) == ("army", "town", "argument")
    assert "actor1" in out[1].inferred


def test_a_telling_without_a_doer_or_a_place_takes_them() -> None:
    out = harmonised([telling(0, "army", "town", "argument"), telling(27)], [(0, 1)])
    assert (out[1].actor1, out[1].place) == ("army", "town")


def test_two_stated_doers_are_two_happenings() -> None:
    events = [telling(0, "army", "town", "argument"), telling(27, "rebels", None)]
    assert harmonised(events, [(0, 1)]) == events


def test_two_weak_doers_are_left_alone() -> None:
    events = [
        telling(0, "army", inferred=("actor1",)),
        telling(27, "rebels", "town", "argument", inferred=("actor1",)),
    ]
    assert harmonised(events, [(0, 1)]) == events


def test_two_places_stated_apart_stay_two_happenings() -> None:
    events = [telling(0, "army", "town", "argument"), telling(27, None, "kabul", "argument")]
    assert harmonised(events, [(0, 1)]) == events


def test_a_place_the_sentence_only_names_gives_way_to_the_argument_of_another() -> None:
    out = harmonised(
        [telling(0, "army", "town", "argument"), telling(27, "army", "kabul", "sentence")], [(0, 1)]
    )
    assert [e.place for e in out] == ["town", "town"]


def test_a_country_stated_gives_way_to_the_town_in_it() -> None:
    out = harmonised(
        [telling(0, "army", "ca", "argument"), telling(27, "army", "creston", "sentence")], [(0, 1)]
    )
    assert [e.place for e in out] == ["creston", "creston"]


def test_a_background_telling_keeps_its_own_arguments() -> None:
    events = [telling(0, "army", "town", "argument"), telling(27, background=True)]
    assert harmonised(events, [(0, 1)]) == events


def test_a_value_passes_along_a_chain_of_tellings() -> None:
    events = [
        telling(0, "army", "town", "argument"),
        telling(27, "rebels", inferred=("actor1",)),
        telling(52),
    ]
    out = harmonised(events, [(0, 1), (1, 2)])
    assert [e.actor1 for e in out] == ["army", "army", "army"]


def test_a_chain_that_states_two_doers_gives_none() -> None:
    events = [telling(0, "army"), telling(27), telling(52, "rebels")]
    out = harmonised(events, [(0, 1), (1, 2)])
    assert [e.actor1 for e in out] == ["army", None, "rebels"]


def test_a_doer_that_is_the_tellings_own_victim_is_not_taken() -> None:
    events = [telling(0, "army"), telling(27, actor2="army")]
    assert harmonised(events, [(0, 1)])[1].actor1 is None


def test_a_join_refused_for_the_doer_is_kept_and_one_refused_for_the_mode_is_not() -> None:
    words = load_vocabulary(FoldingVocabulary)
    events = [
        telling(0, "army"),
        telling(27, "rebels"),
        telling(52, "army").model_copy(update={"mode": "air"}),
        telling(60, "army").model_copy(update={"mode": "ground"}),
    ]
    groups = HappeningGroups(events, words)
    assert not groups.join(0, 1)
    assert not groups.join(2, 3)
    assert groups.near == [(0, 1)]


@pytest.mark.model
def test_a_relative_passive_of_a_noun_told_before_is_the_same_happening(nlp: Language) -> None:
    text = (
        "Sudan's army bombed a crowded market in the town of Kabkabiya on Monday, killing 40 "
        "people. The market, which was struck twice within an hour, had reopened last week."
    )
    doc = nlp(text)
    violent = [e for e in doc._.sitroom_events if e.quad == "material_conflict"]
    assert [text[e.trigger[0] : e.trigger[1]] for e in violent] == ["bombed"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "verb", "known"),
    [
        ("The market, which was struck twice within an hour, had reopened.", "struck", True),
        (
            "Police arrested opposition leader Rashed Karim on Sunday. Karim, who was detained "
            "before dawn, faces charges of arson.",
            "detained",
            True,
        ),
        ("Kyiv was struck overnight, officials said.", "struck", False),
        ("Another man, who was arrested on Saturday, was released.", "arrested", False),
    ],
)
def test_a_passive_of_a_patient_told_before(
    nlp: Language, text: str, verb: str, known: bool
) -> None:
    words = load_vocabulary(FoldingVocabulary)
    token = next(t for t in nlp(text) if t.text == verb)
    assert known_patient(token, words) is known


def blamed_for_the_attack() -> spacy.tokens.Doc:
    """ "The government blamed the group for the attack ." parsed by hand."""
    doc = spacy.tokens.Doc(
        spacy.blank("en").vocab,
        words=["The", "government", "blamed", "the", "group", "for", "the", "attack", "."],
        heads=[1, 2, 2, 4, 2, 2, 7, 5, 2],
        deps=["det", "nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "punct"],
        pos=["DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT"],
    )
    doc._.sitroom_entities = ()
    return doc


@pytest.mark.parametrize(("doer", "taken"), [("army", "rebels"), ("villagers", "villagers")])
def test_the_doer_of_the_act_a_noun_is_the_object_of_is_weak(doer: str, taken: str) -> None:
    doc = blamed_for_the_attack()
    blamed, attack = doc[2], doc[7]
    blame = telling(blamed.idx, "army").model_copy(
        update={"type": "DISAPPROVE", "trigger": (blamed.idx, blamed.idx + 6)}
    )
    lede = telling(500, "rebels")
    told_again = telling(attack.idx, doer)
    events = [lede, blame, told_again]
    out = consistent_arguments(events, [(lede.id, told_again.id)], doc, CONTAINERS)
    assert out[2].actor1 == taken
