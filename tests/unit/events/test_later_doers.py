"""Doers named after a passive attack (``sitroom.events.later_doers``): "a woman was shot ...
officers arrested the gunman" makes the gunman the shooting's doer, and the arrest's day the
shooting's. Short reports written for these tests, read whole by the real English model."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from sitroom.ingest.text import make_document
from sitroom.model import Event, Extraction
from sitroom.service import Extractor

pytestmark = pytest.mark.model

MONDAY = dt.date(2025, 3, 10)


def _read(nlp: Language, text: str) -> tuple[Extraction, dict[str, str]]:
    extraction = Extractor(nlp=nlp).extract(
        make_document(text, url="https://tests.invalid/later-doers", published=MONDAY)
    )
    return extraction, {e.id: e.name.lower() for e in extraction.entities}


def _event(extraction: Extraction, word: str) -> Event:
    text = extraction.document.text
    return next(e for e in extraction.events if text[e.trigger[0] : e.trigger[1]] == word)


def test_a_suspect_arrested_later_did_the_stabbing_and_on_its_day(nlp: Language) -> None:
    extraction, names = _read(
        nlp,
        "A woman was stabbed outside a bakery in the Belgian city of Ghent on Saturday "
        "afternoon, police said.\n\nOfficers arrested a 40-year-old suspect at a nearby tram "
        "stop an hour later.",
    )
    stabbing, arrest = _event(extraction, "stabbed"), _event(extraction, "arrested")
    assert (names.get(stabbing.actor1 or ""), names.get(stabbing.actor2 or "")) == (
        "suspect",
        "woman",
    )
    assert names.get(arrest.actor2 or "") == "suspect"
    # the arrest shares its suspect with the stabbing: the story goes on from that day
    assert arrest.date.start == stabbing.date.start == dt.date(2025, 3, 8)


def test_a_denied_suspect_names_nobody(nlp: Language) -> None:
    for text in (
        "Two men were shot outside a nightclub in Memphis early on Sunday. Police said they "
        "did not have a suspect.",
        "Two men were shot outside a nightclub in Memphis early on Sunday. No suspect has been "
        "named, police said.",
    ):
        extraction, _ = _read(nlp, text)
        assert _event(extraction, "shot").actor1 is None


def test_who_planted_the_bomb_named_later_set_it_off(nlp: Language) -> None:
    extraction, names = _read(
        nlp,
        "A car bomb exploded outside a police station in the town of Iguala on Saturday, "
        "killing three officers, officials said.\n\nThe state prosecutor said on Sunday that "
        "the bomb had been planted by members of the Guerreros Unidos gang.",
    )
    explosion = _event(extraction, "exploded")
    assert names.get(explosion.actor1 or "") == "guerreros unidos"
    # also when that sentence tells the next attack, with the planters as its doers
    extraction, names = _read(
        nlp,
        "A car bomb exploded on a road in the town of Iguala on Saturday, killing three "
        "officers, officials said.\n\nThe state prosecutor said the bomb had been planted by "
        "members of the Guerreros Unidos gang to ambush investigators.",
    )
    explosion = _event(extraction, "exploded")
    assert names.get(explosion.actor1 or "") == "guerreros unidos"


def test_a_new_bomb_planted_by_someone_is_no_earlier_bomb(nlp: Language) -> None:
    extraction, _ = _read(
        nlp,
        "A car bomb exploded outside a police station in the town of Iguala on Saturday, "
        "killing three officers, officials said.\n\nIn March, a bomb planted by members of "
        "the Guerreros Unidos gang wounded two soldiers in the same town.",
    )
    explosion = _event(extraction, "exploded")
    # the other attack's doer may still be lent as the article's one doer of attacks (marked
    # inferred), but is not taken as the one who planted this bomb
    assert explosion.actor1 is None or "actor1" in explosion.inferred
