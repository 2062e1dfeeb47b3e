"""Figures in time, with the real model: the toll of the news is current, a running total
since long before is cumulative, a past toll historical; number words in running text; each
figure linked to the event it counts. The sentences are made up for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from sitroom.ingest.text import make_document
from sitroom.model import Extraction, Figure
from sitroom.service import Extractor

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2025, 3, 12)


def _extract(nlp: Language, text: str) -> Extraction:
    return Extractor(nlp=nlp).extract(make_document(text, published=PUBLISHED))


def _figure(extraction: Extraction, phrase: str) -> Figure:
    text = extraction.document.text
    for fig in extraction.figures:
        if phrase in text[fig.span[0] : fig.span[1]]:
            return fig
    raise AssertionError(
        f"no figure {phrase!r} in {[text[slice(*f.span)] for f in extraction.figures]}"
    )


def test_the_toll_of_the_news_is_current(nlp: Language) -> None:
    found = _extract(nlp, "Gunmen attacked a market in Mopti on Monday, killing 14 traders.")
    assert _figure(found, "14").period == "current"


def test_a_running_total_since_long_ago_is_cumulative(nlp: Language) -> None:
    found = _extract(
        nlp,
        "Militants stormed a village in Mopti on Monday. More than 900 civilians have been "
        "killed in the region since early 2022, according to the United Nations.",
    )
    assert _figure(found, "900").period == "cumulative"
    found = _extract(
        nlp,
        "Soldiers shelled the town of Kidal on Sunday. About 300 people have died there since "
        "the coup, aid workers said.",
    )
    assert _figure(found, "300").period == "cumulative"


def test_a_count_so_far_this_year_is_a_running_total(nlp: Language) -> None:
    found = _extract(
        nlp,
        "A roadside bomb killed three police officers near Mopti on Monday. Across the country, "
        "at least 140 officers have been killed so far this year, the union said.",
    )
    assert _figure(found, "three").period == "current"
    assert _figure(found, "140").period == "cumulative"
    # a month that is the article's own period stays the news
    found = _extract(nlp, "So far this month, 18 traders have been robbed on the Gao road.")
    assert _figure(found, "18").period == "current"


def test_a_past_toll_is_historical(nlp: Language) -> None:
    found = _extract(
        nlp,
        "Rebels ambushed a convoy near Gao on Tuesday. The same group killed 2,000 people in 2012.",
    )
    assert _figure(found, "2,000").period == "historical"


def test_a_count_of_a_background_event_is_historical(nlp: Language) -> None:
    found = _extract(
        nlp,
        "Police dispersed a rally in Bamako on Friday. The previous protest drew 800 people.",
    )
    assert _figure(found, "800").period == "historical"


def test_number_words_in_running_text(nlp: Language) -> None:
    found = _extract(
        nlp,
        "Nearly half a million people have fled the fighting in Darfur this week, and nearly "
        "2.5m people need food aid.",
    )
    fled = _figure(found, "half a million")
    assert (fled.value, fled.qualifier, fled.what) == (500_000, "about", "people")
    need = _figure(found, "2.5m")
    assert (need.value, need.qualifier, need.what) == (2_500_000, "about", "people")


def test_a_figure_links_to_the_event_its_number_hangs_on(nlp: Language) -> None:
    found = _extract(
        nlp, "Troops arrested 40 protesters in Bamako on Friday after rebels shelled a base."
    )
    arrests = next(e for e in found.events if e.type == "COERCE")
    assert _figure(found, "40").event == arrests.id


def test_a_count_since_a_yearless_month_just_ahead_is_a_running_total(nlp: Language) -> None:
    # Published on 12 March: "in April" told in the past is last April, and a time that says
    # when a count began is no date of the news.
    found = _extract(
        nlp,
        "More than 300,000 people have fled their villages since clashes erupted in April, "
        "aid agencies said.",
    )
    assert [(t.text, t.start) for t in found.times] == [("April", dt.date(2024, 4, 1))]
    assert _figure(found, "300,000").period == "cumulative"


def test_a_month_just_ahead_that_something_is_put_off_to_stays_ahead(nlp: Language) -> None:
    found = _extract(nlp, "The peace talks were postponed to April, the mediators said.")
    assert [(t.text, t.start) for t in found.times] == [("April", dt.date(2025, 4, 1))]
