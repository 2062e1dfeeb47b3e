"""Headline totals add the tolls of the news only: never a cumulative or historical figure,
never a background event; by hand-built extractions and, end to end, with the real model."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from builders import event, figure, one_day
from sitroom.corpus import counted_fatalities, counts_in_total, headline_total
from sitroom.ingest.text import make_document
from sitroom.model import Document, Extraction, FigurePeriod
from sitroom.service import Extractor

TEXT = (
    "Gunmen killed 14 traders in Mopti on Monday. Militants have killed 900 civilians since "
    "2022. The same group killed 2,000 people in 2012."
)


def _extraction(periods: tuple[FigurePeriod, FigurePeriod, FigurePeriod]) -> Extraction:
    day = one_day(dt.date(2025, 3, 10))
    kills = [
        event(TEXT, "v1", "ASSAULT", "killed 14", date=day, fatalities=14),
        event(TEXT, "v2", "ASSAULT", "killed 900", date=day, fatalities=900),
        event(TEXT, "v3", "ASSAULT", "killed 2,000", fatalities=2000, background=True),
    ]
    return Extraction(
        document=Document(id="t" * 16, text=TEXT, published=dt.date(2025, 3, 12)),
        events=kills,
        figures=[
            figure(TEXT, "14", 14, event="v1", period=periods[0]),
            figure(TEXT, "900", 900, event="v2", period=periods[1]),
            figure(TEXT, "2,000", 2000, event="v3", period=periods[2]),
        ],
    )


def test_only_current_figures_of_news_events_count() -> None:
    x = _extraction(("current", "cumulative", "current"))
    events = {e.id: e for e in x.events}
    assert [counts_in_total(f, events[f.event or ""]) for f in x.figures] == [True, False, False]
    assert [counted_fatalities(e, x.figures) for e in x.events] == [14, None, None]


@pytest.mark.parametrize("running", ["cumulative", "historical"])
def test_a_headline_total_never_includes_a_running_or_past_toll(running: FigurePeriod) -> None:
    total = headline_total([_extraction(("current", running, running))])
    assert (total.total, total.events, total.excluded) == (14, 1, 2)


@pytest.mark.model
def test_headline_total_of_a_real_article(nlp: Language) -> None:
    text = (
        "Gunmen attacked a market in Mopti on Monday, killing 14 traders, officials said. "
        "More than 900 civilians have been killed in the region since early 2022. "
        "The same group killed 2,000 people in 2012."
    )
    x = Extractor(nlp=nlp).extract(make_document(text, published=dt.date(2025, 3, 12)))
    assert headline_total([x]).total == 14
