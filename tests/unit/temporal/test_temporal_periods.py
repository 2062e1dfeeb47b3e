"""Named periods through the normaliser: seasons, quarters, fiscal years, decades, centuries,
"last June", the present and anaphoric days (no spaCy)."""

from __future__ import annotations

import datetime as dt

import pytest

from sitroom.temporal import Resolved, normalize
from sitroom.temporal.periods import named_period, quarter_of, season_of

D = dt.date
SPRING_DAY = D(2022, 4, 14)  # a Thursday in April
AUTUMN_DAY = D(2022, 10, 20)  # a Thursday in October

CASES = [
    # seasons: meteorological, winter named by the year of its December
    ("last summer", SPRING_DAY, "unknown", (D(2021, 6, 1), D(2021, 8, 31), "range")),
    ("this summer", SPRING_DAY, "unknown", (D(2022, 6, 1), D(2022, 8, 31), "range")),
    ("next winter", SPRING_DAY, "unknown", (D(2022, 12, 1), D(2023, 2, 28), "range")),
    ("this winter", D(2023, 1, 10), "unknown", (D(2022, 12, 1), D(2023, 2, 28), "range")),
    ("last spring", SPRING_DAY, "unknown", (D(2021, 3, 1), D(2021, 5, 31), "range")),
    ("this past autumn", SPRING_DAY, "unknown", (D(2021, 9, 1), D(2021, 11, 30), "range")),
    ("in the spring of 2019", SPRING_DAY, "unknown", (D(2019, 3, 1), D(2019, 5, 31), "range")),
    ("summer 2020", SPRING_DAY, "unknown", (D(2020, 6, 1), D(2020, 8, 31), "range")),
    ("the winter of 2015-16", SPRING_DAY, "unknown", (D(2015, 12, 1), D(2016, 2, 29), "range")),
    ("in the autumn", SPRING_DAY, "past", (D(2021, 9, 1), D(2021, 11, 30), "range")),
    ("late summer", AUTUMN_DAY, "past", (D(2022, 8, 1), D(2022, 8, 31), "range")),
    # a month with a relation
    ("last June", SPRING_DAY, "unknown", (D(2021, 6, 1), D(2021, 6, 30), "month")),
    ("last March", SPRING_DAY, "unknown", (D(2022, 3, 1), D(2022, 3, 31), "month")),
    ("next April", SPRING_DAY, "unknown", (D(2023, 4, 1), D(2023, 4, 30), "month")),
    ("this November", SPRING_DAY, "unknown", (D(2022, 11, 1), D(2022, 11, 30), "month")),
    ("late last July", SPRING_DAY, "past", (D(2021, 7, 21), D(2021, 7, 31), "range")),
    # quarters and halves
    ("the third quarter", AUTUMN_DAY, "past", (D(2022, 7, 1), D(2022, 9, 30), "range")),
    ("the first quarter of 2021", SPRING_DAY, "unknown", (D(2021, 1, 1), D(2021, 3, 31), "range")),
    ("Q4 2020", SPRING_DAY, "unknown", (D(2020, 10, 1), D(2020, 12, 31), "range")),
    ("last quarter", SPRING_DAY, "unknown", (D(2022, 1, 1), D(2022, 3, 31), "range")),
    ("next quarter", AUTUMN_DAY, "unknown", (D(2023, 1, 1), D(2023, 3, 31), "range")),
    ("the second half of 2019", SPRING_DAY, "unknown", (D(2019, 7, 1), D(2019, 12, 31), "range")),
    ("the first half of the year", AUTUMN_DAY, "past", (D(2022, 1, 1), D(2022, 6, 30), "range")),
    ("the first half of last year", SPRING_DAY, "past", (D(2021, 1, 1), D(2021, 6, 30), "range")),
    # fiscal years read as calendar years
    ("this fiscal year", SPRING_DAY, "unknown", (D(2022, 1, 1), D(2022, 12, 31), "year")),
    ("next fiscal year", SPRING_DAY, "unknown", (D(2023, 1, 1), D(2023, 12, 31), "year")),
    ("fiscal 2024", SPRING_DAY, "unknown", (D(2024, 1, 1), D(2024, 12, 31), "year")),
    ("FY23", SPRING_DAY, "unknown", (D(2023, 1, 1), D(2023, 12, 31), "year")),
    # decades and centuries
    ("the 1980s", SPRING_DAY, "unknown", (D(1980, 1, 1), D(1989, 12, 31), "range")),
    ("the 1960's", SPRING_DAY, "unknown", (D(1960, 1, 1), D(1969, 12, 31), "range")),
    ("the '70s", SPRING_DAY, "unknown", (D(1970, 1, 1), D(1979, 12, 31), "range")),
    ("the eighties", SPRING_DAY, "unknown", (D(1980, 1, 1), D(1989, 12, 31), "range")),
    ("the early 2000s", SPRING_DAY, "unknown", (D(2000, 1, 1), D(2003, 4, 30), "range")),
    ("this decade", SPRING_DAY, "unknown", (D(2020, 1, 1), D(2029, 12, 31), "range")),
    ("the past decade", SPRING_DAY, "unknown", (D(2012, 4, 14), SPRING_DAY, "range")),
    ("the next decade", SPRING_DAY, "unknown", (SPRING_DAY, D(2032, 4, 14), "range")),
    ("the last two decades", SPRING_DAY, "unknown", (D(2002, 4, 14), SPRING_DAY, "range")),
    ("two decades ago", SPRING_DAY, "unknown", (D(2002, 1, 1), D(2002, 12, 31), "year")),
    ("the 19th century", SPRING_DAY, "unknown", (D(1800, 1, 1), D(1899, 12, 31), "range")),
    ("the twentieth century", SPRING_DAY, "unknown", (D(1900, 1, 1), D(1999, 12, 31), "range")),
    ("the last century", SPRING_DAY, "unknown", (D(1900, 1, 1), D(1999, 12, 31), "range")),
    ("1998-99", SPRING_DAY, "unknown", (D(1998, 1, 1), D(1999, 12, 31), "range")),
    # the present and hedged or counted-forward expressions
    ("now", SPRING_DAY, "unknown", (SPRING_DAY, SPRING_DAY, "day")),
    ("right now", SPRING_DAY, "unknown", (SPRING_DAY, SPRING_DAY, "day")),
    ("currently", SPRING_DAY, "unknown", (SPRING_DAY, SPRING_DAY, "day")),
    ("at present", SPRING_DAY, "unknown", (SPRING_DAY, SPRING_DAY, "day")),
    ("from 2015 to the present", SPRING_DAY, "unknown", (D(2015, 1, 1), SPRING_DAY, "range")),
    ("just three years ago", SPRING_DAY, "past", (D(2019, 1, 1), D(2019, 12, 31), "year")),
    ("two weeks from now", SPRING_DAY, "unknown", (D(2022, 4, 28), D(2022, 4, 28), "day")),
    # the end of a bare period: a past verb in spring means last year's end
    ("by the end of the year", SPRING_DAY, "past", (D(2021, 9, 1), D(2021, 12, 31), "range")),
    ("by the end of the year", SPRING_DAY, "future", (D(2022, 9, 1), D(2022, 12, 31), "range")),
    # anaphoric: the anchor stands for the day the story last named
    ("the next day", SPRING_DAY, "past", (D(2022, 4, 15), D(2022, 4, 15), "day")),
    ("the previous day", SPRING_DAY, "past", (D(2022, 4, 13), D(2022, 4, 13), "day")),
    ("the day before", SPRING_DAY, "past", (D(2022, 4, 13), D(2022, 4, 13), "day")),
    ("that day", SPRING_DAY, "past", (SPRING_DAY, SPRING_DAY, "day")),
    ("the following year", SPRING_DAY, "past", (D(2023, 1, 1), D(2023, 12, 31), "year")),
    ("the year before", SPRING_DAY, "past", (D(2021, 1, 1), D(2021, 12, 31), "year")),
    ("that month", SPRING_DAY, "past", (D(2022, 4, 1), D(2022, 4, 30), "month")),
]


@pytest.mark.parametrize(("text", "anchor", "tense", "expected"), CASES)
def test_named_periods(
    text: str, anchor: dt.date, tense: str, expected: tuple[object, ...]
) -> None:
    assert normalize(text, anchor, tense=tense) == Resolved(*expected)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "winter",  # generic: "they feed in winter"
        "in summer",
        "summer and winter",
        "spring",
        "the fall of the city",
        "the fall",
        "the fifth quarter",
        "the third half",
        "the second half",  # of a match, more often than of a year
        "fiscal",
        "activities",
        "the 45th century",
        "recently",
    ],
)
def test_not_periods(text: str) -> None:
    assert normalize(text, SPRING_DAY) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the summer of 2012", (D(2012, 6, 1), D(2012, 8, 31))),
        ("Q2 2018", (D(2018, 4, 1), D(2018, 6, 30))),
        ("fiscal year 2020", (D(2020, 1, 1), D(2020, 12, 31))),
        ("the 1990s", (D(1990, 1, 1), D(1999, 12, 31))),
        ("the 18th century", (D(1700, 1, 1), D(1799, 12, 31))),
    ],
)
def test_written_periods_need_no_anchor(text: str, expected: tuple[dt.date, dt.date]) -> None:
    found = normalize(text, None)
    assert found is not None
    assert (found.start, found.end) == expected


@pytest.mark.parametrize("text", ["last summer", "this fiscal year", "now", "next quarter"])
def test_relative_periods_need_an_anchor(text: str) -> None:
    assert normalize(text, None) is None


def test_two_digit_decades_prefer_the_last_century_until_the_next_one_is_over() -> None:
    assert normalize("the 20s", D(2022, 1, 1)) == Resolved(D(1920, 1, 1), D(1929, 12, 31), "range")
    assert normalize("the 10s", D(2022, 1, 1)) == Resolved(D(2010, 1, 1), D(2019, 12, 31), "range")


def test_helpers() -> None:
    assert season_of(2020, 12) == (D(2020, 12, 1), D(2021, 2, 28))
    assert quarter_of(2021, 2) == (D(2021, 4, 1), D(2021, 6, 30))
    assert named_period("first quarter", None, "unknown", hint=2017) is not None
