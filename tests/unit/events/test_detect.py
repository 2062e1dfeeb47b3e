import datetime as dt

from handmade import index, parsed
from sitroom.events.detect import EventDetector
from sitroom.events.lexicon import EventVocabulary

DETECTOR = EventDetector(EventVocabulary.load())


def test_every_trigger_type_is_a_plover_type() -> None:
    types = EventVocabulary.load().types.event_types
    assert len(types) == 19
    assert len(EventVocabulary.load().lexicon()) > 100


def test_verbal_event_with_agent_target_and_place() -> None:
    # "Rebels attacked the army in Kadugli ."
    doc = parsed(
        [
            ("Rebels", "rebel", "NOUN", "NNS", 1, "nsubj"),
            ("attacked", "attack", "VERB", "VBD", 1, "ROOT"),
            ("the", "the", "DET", "DT", 3, "det"),
            ("army", "army", "NOUN", "NN", 1, "dobj"),
            ("in", "in", "ADP", "IN", 1, "prep"),
            ("Kadugli", "Kadugli", "PROPN", "NNP", 4, "pobj"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ]
    )
    idx = index(doc, {0: "e1", 3: "e2"}, {"e1": "ORG", "e2": "ORG"}, places={5: "p1"})
    [event] = DETECTOR.detect(doc, idx)
    assert (event.type, event.cameo, event.quad) == ("ASSAULT", "18", "material_conflict")
    assert (event.actor1, event.actor2, event.place) == ("e1", "e2", "p1")
    assert event.modality == "asserted"
    # Undated: the week before publication.
    assert event.date.end == dt.date(2025, 3, 4) and event.date.precision == "week"


def test_passive_agent_and_fatalities() -> None:
    # "Six civilians were killed by militias ."
    doc = parsed(
        [
            ("Six", "six", "NUM", "CD", 1, "nummod"),
            ("civilians", "civilian", "NOUN", "NNS", 3, "nsubjpass"),
            ("were", "be", "AUX", "VBD", 3, "auxpass"),
            ("killed", "kill", "VERB", "VBN", 3, "ROOT"),
            ("by", "by", "ADP", "IN", 3, "agent"),
            ("militias", "militia", "NOUN", "NNS", 4, "pobj"),
            (".", ".", "PUNCT", ".", 3, "punct"),
        ]
    )
    [event] = DETECTOR.detect(doc, index(doc, {5: "e1"}, {"e1": "ORG"}))
    assert event.actor1 == "e1"
    assert event.fatalities == 6


def test_the_dead_who_died_in_an_event_are_its_fatalities() -> None:
    # "Nine villagers died in the shelling ."
    doc = parsed(
        [
            ("Nine", "nine", "NUM", "CD", 1, "nummod"),
            ("villagers", "villager", "NOUN", "NNS", 2, "nsubj"),
            ("died", "die", "VERB", "VBD", 2, "ROOT"),
            ("in", "in", "ADP", "IN", 2, "prep"),
            ("the", "the", "DET", "DT", 5, "det"),
            ("shelling", "shelling", "NOUN", "NN", 3, "pobj"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )
    [event] = DETECTOR.detect(doc, index(doc, {}, {}))
    assert event.fatalities == 9


def test_reported_event_is_claimed_and_attributed() -> None:
    # "The army said rebels seized Tawila ."
    doc = parsed(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("army", "army", "NOUN", "NN", 2, "nsubj"),
            ("said", "say", "VERB", "VBD", 2, "ROOT"),
            ("rebels", "rebel", "NOUN", "NNS", 4, "nsubj"),
            ("seized", "seize", "VERB", "VBD", 2, "ccomp"),
            ("Tawila", "Tawila", "PROPN", "NNP", 4, "dobj"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )
    idx = index(doc, {1: "e1", 3: "e2"}, {"e1": "ORG", "e2": "ORG"}, places={5: "p1"})
    [event] = DETECTOR.detect(doc, idx)
    assert event.type == "FIGHT" and event.mode == "occupy"
    assert (event.modality, event.attributed_to, event.actor1) == ("claimed", "e1", "e2")


def test_denied_negated_and_planned() -> None:
    # "The ministry denied that troops attacked ." / "Troops did not attack ."
    # / "Troops will withdraw ."
    denied = parsed(
        [
            ("The", "the", "DET", "DT", 1, "det"),
            ("ministry", "ministry", "NOUN", "NN", 2, "nsubj"),
            ("denied", "deny", "VERB", "VBD", 2, "ROOT"),
            ("that", "that", "SCONJ", "IN", 5, "mark"),
            ("troops", "troop", "NOUN", "NNS", 5, "nsubj"),
            ("attacked", "attack", "VERB", "VBD", 2, "ccomp"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )
    [event] = DETECTOR.detect(denied, index(denied, {1: "e1"}, {"e1": "ORG"}))
    assert (event.modality, event.attributed_to) == ("denied", "e1")

    negated = parsed(
        [
            ("Troops", "troop", "NOUN", "NNS", 3, "nsubj"),
            ("did", "do", "AUX", "VBD", 3, "aux"),
            ("not", "not", "PART", "RB", 3, "neg"),
            ("attack", "attack", "VERB", "VB", 3, "ROOT"),
            (".", ".", "PUNCT", ".", 3, "punct"),
        ]
    )
    assert DETECTOR.detect(negated, index(negated, {}, {}))[0].modality == "negated"

    planned = parsed(
        [
            ("Troops", "troop", "NOUN", "NNS", 2, "nsubj"),
            ("will", "will", "AUX", "MD", 2, "aux"),
            ("withdraw", "withdraw", "VERB", "VB", 2, "ROOT"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )
    [event] = DETECTOR.detect(planned, index(planned, {}, {}))
    assert (event.type, event.modality, event.date.start) == ("RETREAT", "planned", None)


def test_conditional_clause() -> None:
    # "Fighters would withdraw if troops pulled back ."
    doc = parsed(
        [
            ("Fighters", "fighter", "NOUN", "NNS", 2, "nsubj"),
            ("would", "would", "AUX", "MD", 2, "aux"),
            ("withdraw", "withdraw", "VERB", "VB", 2, "ROOT"),
            ("if", "if", "SCONJ", "IN", 5, "mark"),
            ("troops", "troop", "NOUN", "NNS", 5, "nsubj"),
            ("pulled", "pull", "VERB", "VBD", 2, "advcl"),
            ("back", "back", "ADP", "RP", 5, "prt"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]
    )
    events = DETECTOR.detect(doc, index(doc, {}, {}))
    # the withdrawal, and the troops' pulling back it depends on: both conditional
    assert [(e.type, e.modality) for e in events] == [("RETREAT", "conditional")] * 2


def test_named_people_killed_are_counted_and_anaphoric_place_resolved() -> None:
    # "Fighting hit Kadugli . Ali and Omar were killed in the town ."
    doc = parsed(
        [
            ("Fighting", "fighting", "NOUN", "NN", 1, "nsubj"),
            ("hit", "hit", "VERB", "VBD", 1, "ROOT"),
            ("Kadugli", "Kadugli", "PROPN", "NNP", 1, "dobj"),
            (".", ".", "PUNCT", ".", 1, "punct"),
            ("Ali", "Ali", "PROPN", "NNP", 8, "nsubjpass"),
            ("and", "and", "CCONJ", "CC", 4, "cc"),
            ("Omar", "Omar", "PROPN", "NNP", 4, "conj"),
            ("were", "be", "AUX", "VBD", 8, "auxpass"),
            ("killed", "kill", "VERB", "VBN", 8, "ROOT"),
            ("in", "in", "ADP", "IN", 8, "prep"),
            ("the", "the", "DET", "DT", 11, "det"),
            ("town", "town", "NOUN", "NN", 9, "pobj"),
            (".", ".", "PUNCT", ".", 8, "punct"),
        ]
    )
    idx = index(doc, {4: "e1", 6: "e2"}, {"e1": "PERSON", "e2": "PERSON"}, places={2: "p1"})
    idx = type(idx)(**{**idx.__dict__, "place_kind": {"p1": "city"}})
    killed = [e for e in DETECTOR.detect(doc, idx) if e.type == "ASSAULT"]
    assert killed and killed[0].fatalities == 2
    assert killed[0].place == "p1"


def _killed_after_shelling(preposition: str) -> list[tuple[str | None, str | None]]:
    # "Shelling <preposition> Kadugli killed six civilians ."
    doc = parsed(
        [
            ("Shelling", "shelling", "NOUN", "NN", 3, "nsubj"),
            (preposition, preposition, "ADP", "IN", 0, "prep"),
            ("Kadugli", "Kadugli", "PROPN", "NNP", 1, "pobj"),
            ("killed", "kill", "VERB", "VBD", 3, "ROOT"),
            ("six", "six", "NUM", "CD", 5, "nummod"),
            ("civilians", "civilian", "NOUN", "NNS", 3, "dobj"),
            (".", ".", "PUNCT", ".", 3, "punct"),
        ]
    )
    idx = index(doc, {}, {}, places={2: "p1"})
    events = DETECTOR.detect(doc, idx)
    return [(e.place, e.place_basis) for e in events if doc.text[slice(*e.trigger)] == "killed"]


def test_a_place_near_or_outside_in_the_sentence_places_the_event() -> None:
    # Not only "in" and "at": "near X", "outside X" say where the killing happened too.
    assert _killed_after_shelling("near") == [("p1", "sentence")]
    assert _killed_after_shelling("outside") == [("p1", "sentence")]


def test_a_place_the_fire_came_from_does_not_place_the_event() -> None:
    # "from X" names where the shells came from, not where people were killed.
    assert _killed_after_shelling("from") == [(None, None)]


def test_the_town_of_x_is_placed_in_x_not_in_its_modifier() -> None:
    # "Shelling that began in the Red Sea town of Mokha killed six ."
    doc = parsed(
        [
            ("Shelling", "shelling", "NOUN", "NN", 10, "nsubj"),
            ("that", "that", "PRON", "WDT", 2, "nsubj"),
            ("began", "begin", "VERB", "VBD", 0, "relcl"),
            ("in", "in", "ADP", "IN", 2, "prep"),
            ("the", "the", "DET", "DT", 7, "det"),
            ("Red", "Red", "PROPN", "NNP", 6, "compound"),
            ("Sea", "Sea", "PROPN", "NNP", 7, "compound"),
            ("town", "town", "NOUN", "NN", 3, "pobj"),
            ("of", "of", "ADP", "IN", 7, "prep"),
            ("Mokha", "Mokha", "PROPN", "NNP", 8, "pobj"),
            ("killed", "kill", "VERB", "VBD", 10, "ROOT"),
            ("six", "six", "NUM", "CD", 10, "dobj"),
            (".", ".", "PUNCT", ".", 10, "punct"),
        ]
    )
    idx = index(doc, {}, {}, places={5: "sea", 6: "sea", 9: "mokha"})
    events = DETECTOR.detect(doc, idx)
    killed = [e for e in events if doc.text[slice(*e.trigger)] == "killed"]
    assert [(e.place, e.place_basis) for e in killed] == [("mokha", "sentence")]


def test_an_attack_in_the_town_of_x_is_placed_in_x() -> None:
    # "Rebels attacked the army in the Red Sea town of Mokha ."
    doc = parsed(
        [
            ("Rebels", "rebel", "NOUN", "NNS", 1, "nsubj"),
            ("attacked", "attack", "VERB", "VBD", 1, "ROOT"),
            ("the", "the", "DET", "DT", 3, "det"),
            ("army", "army", "NOUN", "NN", 1, "dobj"),
            ("in", "in", "ADP", "IN", 1, "prep"),
            ("the", "the", "DET", "DT", 8, "det"),
            ("Red", "Red", "PROPN", "NNP", 7, "compound"),
            ("Sea", "Sea", "PROPN", "NNP", 8, "compound"),
            ("town", "town", "NOUN", "NN", 4, "pobj"),
            ("of", "of", "ADP", "IN", 8, "prep"),
            ("Mokha", "Mokha", "PROPN", "NNP", 9, "pobj"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ]
    )
    idx = index(doc, {}, {}, places={6: "sea", 7: "sea", 10: "mokha"})
    [attack] = DETECTOR.detect(doc, idx)
    assert (attack.place, attack.place_basis) == ("mokha", "argument")
