"""Only figures of the period make the headline: a running toll or a past episode in a June
article is context, listed with the reason, never added to the killed total or the figures box.

The article is invented (places real); the store is a real SQLite file. The rules on fields the
store may not carry yet (``Figure.period``, ``Event.background``) are checked on the extraction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from builders import entity, event, figure, one_day, place, time_span
from sitroom.model import Document, EventDate, Extraction
from sitroom.report import Report, build_report, render_html, render_markdown
from sitroom.report.figures import category
from sitroom.report.timing import fatality_timing, figure_timing, sentence_around
from sitroom.store import Store

JUNE = (dt.date(2024, 6, 1), dt.date(2024, 6, 30))
PUBLISHED = dt.date(2024, 6, 12)
TEXT = (
    "Gunmen killed two aid workers near Kadugli on Monday. "
    "The Hill Brigade has been accused of killing more than 200 civilians in the state "
    "since late 2023. "
    "About 4,000 people fled Kadugli this week. "
    "In 2019, 45 villagers died in floods there. "
    "A total of 300 people have been wounded so far, the governor said."
)


def june() -> Extraction:
    t = TEXT
    return Extraction(
        document=Document(
            id="f000000000000006",
            title="Aid workers killed near Kadugli",
            publisher="Example Wire",
            published=PUBLISHED,
            text=t,
        ),
        entities=[
            entity("e1", "Gunmen", "armed_group"),
            entity("e2", "Hill Brigade", "armed_group"),
        ],
        places=[place("p1", "Kadugli", "SD", 11.01, 29.72)],
        times=[
            time_span(t, "on Monday", dt.date(2024, 6, 10)),
            time_span(t, "since late 2023", dt.date(2023, 9, 1), PUBLISHED, "range"),
            time_span(t, "this week", dt.date(2024, 6, 10), dt.date(2024, 6, 16), "week"),
            time_span(t, "In 2019", dt.date(2019, 1, 1), dt.date(2019, 12, 31), "year"),
        ],
        events=[
            event(
                t,
                "v1",
                "ASSAULT",
                "killed",
                actor1="e1",
                place="p1",
                date=one_day(dt.date(2024, 6, 10)),
                fatalities=2,
            ),
            event(
                t,
                "v2",
                "ASSAULT",
                "killing",
                actor1="e2",
                place="p1",
                fatalities=200,
                date=EventDate(start=dt.date(2023, 9, 1), end=PUBLISHED, precision="range"),
            ),
        ],
        figures=[
            figure(t, "two aid workers", 2, what="aid workers", event="v1"),
            figure(
                t,
                "more than 200 civilians",
                200,
                qualifier="more_than",
                what="civilians",
                event="v2",
            ),
            figure(t, "About 4,000 people", 4000, qualifier="about"),
            figure(t, "45 villagers", 45, what="villagers"),
            figure(t, "300 people", 300),
        ],
    )


@pytest.fixture
def june_store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "june.db") as store:
        store.migrate()
        store.add(june())
        yield store


@pytest.fixture
def report(june_store: Store) -> Report:
    return build_report(june_store, date_from=JUNE[0], date_to=JUNE[1])


def test_no_headline_total_includes_a_figure_from_outside_the_period(report: Report) -> None:
    assert report.fatalities is not None and report.fatalities.total == 2
    assert all(f.current for f in report.figures)
    assert {f.value for f in report.figures} == {2, 4000}
    assert not {200, 45, 300} & {f.value for f in report.figures}
    killed = [f.value for f in report.figures if f.category == "killed"]
    assert killed == [2]
    assert report.key_messages[0].text.startswith("At least 2 people were reported killed")


def test_figures_outside_the_period_are_context_with_the_reason(report: Report) -> None:
    why = {f.value: (f.period, f.why) for f in report.context_figures}
    assert why == {
        200: ("cumulative", "a running total (“since late 2023”), from before the period"),
        45: ("historical", "a past episode (“In 2019”), before the period"),
        300: ("cumulative", "a running total (“so far”), not a count of the period"),
    }
    md = render_markdown(report)
    box = md[md.index("## Figures") : md.index("Context, not counted above")]
    assert "200" not in box and "45" not in box and "300" not in box
    assert (
        "| Killed | 2 | aid workers (“two aid workers”) | Example Wire[^1] | 10 June 2024 |" in box
    )
    assert "| Displaced | about 4,000 | people | Example Wire[^1] | 12 June 2024 |" in box
    context = md[md.index("Context, not counted above") : md.index("## Developments by area")]
    assert "- more than 200 civilians, killed: a running total (“since late 2023”)" in context
    page = render_html(report)
    assert page.count('class="context-figure"') == 3


def test_a_report_without_dates_judges_by_the_articles_month(june_store: Store) -> None:
    undated = build_report(june_store)
    assert undated.title == "All countries: situation report, 12 June 2024"
    assert undated.fatalities is not None and undated.fatalities.total == 2
    assert {f.value for f in undated.context_figures} == {200, 45, 300}


def test_fatalities_of_an_event_dated_before_the_period_are_not_counted(
    june_store: Store,
) -> None:
    july = build_report(june_store, date_from=dt.date(2024, 6, 11), date_to=dt.date(2024, 6, 30))
    # The ambush of 10 June is outside; the toll "since late 2023" is no count of the period.
    assert july.fatalities is None or july.fatalities.total == 0


def test_the_extractions_own_period_and_background_are_obeyed() -> None:
    x = june()
    fresh = x.figures[2]  # "About 4,000 people": of the period by every check of the text
    assert figure_timing(x, fresh, *JUNE).current
    marked = fresh.model_copy(update={"period": "cumulative"})
    assert figure_timing(x, marked, *JUNE).period == "cumulative"
    marked = fresh.model_copy(update={"period": "historical"})
    assert figure_timing(x, marked, *JUNE).period == "historical"
    ambush = x.events[0]
    assert fatality_timing(x, ambush, *JUNE).current
    background = ambush.model_copy(update={"background": True})
    timing = fatality_timing(x, background, *JUNE)
    assert timing.period == "background" and timing.why is not None


@pytest.mark.parametrize(
    ("sentence", "phrase", "what", "row"),
    [
        ("Gunmen killed two aid workers near the camp.", "two", "aid workers", "killed"),
        ("Shelling killed 12 and wounded 20 in the market.", "12", None, "killed"),
        ("Shelling killed 12 and wounded 20 in the market.", "20", None, "injured"),
        ("More than 3,000 families fled the town.", "3,000", "families", "displaced"),
        ("The camp holds 20,000 refugees.", "20,000", "refugees", "displaced"),
        ("Crews evacuated 120 residents by boat.", "120", "residents", "evacuated"),
        ("The crisis affects 18 million people.", "18 million", "people", "in_need"),
        ("Police detained 40 protesters overnight.", "40", "protesters", "detained"),
        ("The rally drew 5,000 supporters.", "5,000", "supporters", None),
    ],
)
def test_a_figure_goes_to_the_row_of_its_nearest_cue(
    sentence: str, phrase: str, what: str | None, row: str | None
) -> None:
    counted = figure(sentence, phrase, 1, what=what)
    found = category(sentence, counted, sentence_around(sentence, counted.span))
    assert (found.name if found else None) == row
