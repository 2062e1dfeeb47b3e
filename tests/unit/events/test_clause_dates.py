"""A clause dated by another clause's time. One that happens during another ("... on Tuesday
*as* fighting resumed", "... on Sunday *when* a bomb went off") takes that clause's time when the
sentence names more than one time; one counted from another by a distance ("48 hours after the
ambush", "two days after the bombing on Monday") lies that far from it. With the real model, on
sentences written for these tests; published on a Wednesday."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from sitroom.ingest.text import make_document
from sitroom.service import Extractor

pytestmark = pytest.mark.model


def _dates(nlp: Language, text: str) -> dict[str, tuple[dt.date | None, dt.date | None]]:
    published = dt.datetime(2024, 3, 20, tzinfo=dt.UTC)
    found = Extractor(nlp=nlp).extract(make_document(text, url="http://t/1", published=published))
    return {text[e.trigger[0] : e.trigger[1]]: (e.date.start, e.date.end) for e in found.events}


def test_the_clause_of_as_takes_the_time_of_the_clause_it_hangs_on(nlp: Language) -> None:
    text = "The truce signed in January collapsed on Tuesday as fighting resumed near Sirte."
    tuesday = dt.date(2024, 3, 19)
    assert _dates(nlp, text)["fighting"] == (tuesday, tuesday)


def test_a_clause_with_a_time_of_its_own_keeps_it(nlp: Language) -> None:
    text = "Rebels shelled the port on Monday, as they had in January."
    monday = dt.date(2024, 3, 18)
    assert _dates(nlp, text)["shelled"] == (monday, monday)


def test_the_happening_counted_from_lies_the_distance_away(nlp: Language) -> None:
    dates = _dates(nlp, "Soldiers detained two men on Saturday, 48 hours after the ambush.")
    saturday, thursday = dt.date(2024, 3, 16), dt.date(2024, 3, 14)
    assert dates["detained"] == (saturday, saturday)
    assert dates["ambush"] == (thursday, thursday)


def test_a_time_of_the_happening_counted_from_moves_the_one_counted(nlp: Language) -> None:
    dates = _dates(nlp, "Two days after the bombing on Monday, police arrested four suspects.")
    assert dates["bombing"] == (dt.date(2024, 3, 18), dt.date(2024, 3, 18))
    assert dates["arrested"] == (dt.date(2024, 3, 20), dt.date(2024, 3, 20))
