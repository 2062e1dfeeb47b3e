"""An event dated by its distance from the sentence's time ("48 hours after the raid", "two
days before the truce took hold"). With the real model, on sentences written for these tests;
published on a Wednesday."""

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


def test_the_happening_counted_from_lies_the_distance_away(nlp: Language) -> None:
    dates = _dates(nlp, "Soldiers detained two men on Saturday, 48 hours after the ambush.")
    saturday, thursday = dt.date(2024, 3, 16), dt.date(2024, 3, 14)
    assert dates["detained"] == (saturday, saturday)
    assert dates["ambush"] == (thursday, thursday)


def test_a_time_of_the_happening_counted_from_moves_the_one_counted(nlp: Language) -> None:
    dates = _dates(nlp, "Two days after the bombing on Monday, police arrested four suspects.")
    assert dates["bombing"] == (dt.date(2024, 3, 18), dt.date(2024, 3, 18))
    assert dates["arrested"] == (dt.date(2024, 3, 20), dt.date(2024, 3, 20))
