"""Standing campaigns and what a party does by standing are background: "our fight against the
insurgents", "the war on drugs", "a coalition fighting the rebels"; a campaign or fighting of
the article's days is news. With the real English model, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from sitroom.ingest.text import make_document
from sitroom.service import Extractor

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2025, 3, 12)
LEAD = "Rebels attacked an army base near Gao on Monday, officials said. "


def _flags(nlp: Language, text: str) -> dict[str, bool]:
    found = Extractor(nlp=nlp).extract(make_document(text, published=PUBLISHED))
    return {text[e.trigger[0] : e.trigger[1]]: e.background for e in found.events}


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("The tribes were our allies in the fight against the insurgents.", "fight"),
        ("The army's fight against the jihadists needs more money.", "fight"),
        ("The port hosts a coalition fighting the rebels in the south.", "fighting"),
        ("He joined a militia battling the army in the hills.", "battling"),
    ],
)
def test_a_standing_campaign_is_background(nlp: Language, sentence: str, trigger: str) -> None:
    assert _flags(nlp, LEAD + sentence)[trigger] is True


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("The offensive against the rebels killed 20 soldiers on Tuesday.", "offensive"),
        ("Rebels fighting in the north seized the town of Tessit on Tuesday.", "seized"),
        ("Fighting between the army and the rebels erupted on Tuesday.", "Fighting"),
    ],
)
def test_the_days_fighting_is_news(nlp: Language, sentence: str, trigger: str) -> None:
    assert _flags(nlp, LEAD + sentence)[trigger] is False
