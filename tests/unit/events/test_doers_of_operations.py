"""A person captured is taken in, not ground won, and the operation an act was done in is the
act's doer's ("detained during raids"; issue 15, actor1). Short reports written for these
tests, each read whole by the real English model."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model

Seen = tuple[str, str | None, str | None]


def _events(nlp: Language, text: str) -> dict[str, Seen]:
    """Each event's trigger word → (type, actor1, actor2); the first event of a word."""
    doc = nlp(text)
    names = {e.id: e.name.lower() for e in doc._.sitroom_entities}
    found: dict[str, Seen] = {}
    for e in doc._.sitroom_events:
        word = text[e.trigger[0] : e.trigger[1]]
        found.setdefault(word, (e.type, names.get(e.actor1 or ""), names.get(e.actor2 or "")))
    return found


def test_a_captured_leader_or_suspect_is_an_arrest_and_a_captured_town_a_takeover(
    nlp: Language,
) -> None:
    found = _events(nlp, "Soldiers captured a wanted gang leader at a roadblock on Friday.")
    assert found["captured"][:2] == ("COERCE", "soldiers")
    found = _events(nlp, "Insurgents captured the district headquarters after a long battle.")
    assert found["captured"][:2] == ("FIGHT", "insurgents")


def test_an_arrest_made_during_raids_lends_the_raids_its_doer(nlp: Language) -> None:
    found = _events(nlp, "Police arrested nine men during raids on two farms on Wednesday.")
    assert found["arrested"] == ("COERCE", "police", "men")
    assert found["raids"][1] == "police"
    # told without a doer, the arrest is the reporting force's, and so is the raid
    found = _events(nlp, "A fugitive was captured in a raid on a flat, police said on Sunday.")
    assert found["captured"][:2] == ("COERCE", "police")
    assert found["raid"][1] == "police"


def test_a_protest_the_arrests_were_made_in_is_not_the_arresters(nlp: Language) -> None:
    found = _events(nlp, "Police detained 30 people during a protest outside the embassy.")
    assert found["detained"][1] == "police"
    assert found["protest"][1] != "police"


def test_men_believed_to_be_someone_do_what_the_clause_after_says(nlp: Language) -> None:
    # the parser may take "believed" for the main verb and "burned" for its complement
    found = _events(
        nlp, "Gunmen believed to be members of a separatist militia burned a clinic on Monday."
    )
    assert found["burned"][1] == "gunmen"
    found = _events(nlp, "Residents believe the soldiers burned the clinic.")
    assert found["burned"][1] == "soldiers"


def test_the_force_that_shot_the_gunman_is_no_doer_of_the_shooting(nlp: Language) -> None:
    found = _events(
        nlp,
        "The shooting at a shopping centre left two shoppers dead. The gunman was shot dead "
        "by police an hour later.",
    )
    assert found["shot"][1:] == ("police", "gunman")
    assert found["shooting"][1] is None


def test_whom_a_purpose_clause_disperses_is_not_the_force_that_fires(nlp: Language) -> None:
    # "them" in "to disperse them" is never the police doing the dispersing
    found = _events(
        nlp,
        "Hundreds of nurses blocked a road in Accra on Tuesday. Police fired tear gas to "
        "disperse them.",
    )
    assert found["fired"][1:] == ("police", "nurses")
    found = _events(
        nlp,
        "Thousands of teachers blocked the main road on Friday, and police fired rubber bullets to "
        "disperse them.",
    )
    assert found["fired"][1] == "police"
    assert found["fired"][2] in {"teachers", "protesters"}


def test_the_by_phrase_the_parser_hangs_on_an_acts_object_is_its_doer(nlp: Language) -> None:
    found = _events(nlp, "Villagers buried the men after the killing of two herders by soldiers.")
    assert found["killing"][1:] == ("soldiers", "herders")
    found = _events(nlp, "The arrest of two reporters by security forces angered editors.")
    assert found["arrest"][1] == "security forces"
    # a "by" of place on the object names no doer
    found = _events(nlp, "The killing of a fisherman by the lake shocked the village.")
    assert found["killing"][1] is None
