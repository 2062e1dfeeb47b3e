"""Table-driven tests of the pure time normaliser (no spaCy)."""

from __future__ import annotations

import datetime as dt

import pytest

from sitroom.temporal import Resolved, normalize

D = dt.date
MON = D(2021, 9, 6)  # a Monday
NEW_YEAR = D(2021, 1, 3)  # a Sunday, three days into the year
YEAR_END = D(2020, 12, 30)  # a Wednesday near the end of the year

CASES = [
    # explicit dates in common news formats
    ("August 31", MON, "unknown", (D(2021, 8, 31), D(2021, 8, 31), "day")),
    ("31 August", MON, "unknown", (D(2021, 8, 31), D(2021, 8, 31), "day")),
    ("Aug. 31, 2021", MON, "unknown", (D(2021, 8, 31), D(2021, 8, 31), "day")),
    ("Aug 31 2019", MON, "unknown", (D(2019, 8, 31), D(2019, 8, 31), "day")),
    ("September 13", MON, "unknown", (D(2021, 9, 13), D(2021, 9, 13), "day")),
    ("Sept. 5", MON, "unknown", (D(2021, 9, 5), D(2021, 9, 5), "day")),
    ("5 Sept", MON, "unknown", (D(2021, 9, 5), D(2021, 9, 5), "day")),
    ("the 15th of August", MON, "unknown", (D(2021, 8, 15), D(2021, 8, 15), "day")),
    ("August 15th", MON, "unknown", (D(2021, 8, 15), D(2021, 8, 15), "day")),
    ("Monday, September 6", MON, "unknown", (D(2021, 9, 6), D(2021, 9, 6), "day")),
    ("2021-09-06", MON, "unknown", (D(2021, 9, 6), D(2021, 9, 6), "day")),
    ("in March", MON, "unknown", (D(2021, 3, 1), D(2021, 3, 31), "month")),
    ("March 2020", MON, "unknown", (D(2020, 3, 1), D(2020, 3, 31), "month")),
    ("2019", MON, "unknown", (D(2019, 1, 1), D(2019, 12, 31), "year")),
    ("in 2019", MON, "unknown", (D(2019, 1, 1), D(2019, 12, 31), "year")),
    ("the 1990s", MON, "unknown", (D(1990, 1, 1), D(1999, 12, 31), "range")),
    # ranges
    ("from 1996 to 2001", MON, "unknown", (D(1996, 1, 1), D(2001, 12, 31), "range")),
    ("1996-2001", MON, "unknown", (D(1996, 1, 1), D(2001, 12, 31), "range")),
    ("between March and May 2020", MON, "unknown", (D(2020, 3, 1), D(2020, 5, 31), "range")),
    ("August 1-5", MON, "unknown", (D(2021, 8, 1), D(2021, 8, 5), "range")),
    ("1 to 3 September", MON, "unknown", (D(2021, 9, 1), D(2021, 9, 3), "range")),
    ("from December to February 2021", MON, "unknown", (D(2020, 12, 1), D(2021, 2, 28), "range")),
    # weekdays
    ("on Monday", MON, "unknown", (D(2021, 9, 6), D(2021, 9, 6), "day")),
    ("Friday", MON, "past", (D(2021, 9, 3), D(2021, 9, 3), "day")),
    ("Friday", MON, "future", (D(2021, 9, 10), D(2021, 9, 10), "day")),
    ("Friday", MON, "unknown", (D(2021, 9, 3), D(2021, 9, 3), "day")),
    ("Thursday", D(2021, 9, 8), "unknown", (D(2021, 9, 9), D(2021, 9, 9), "day")),
    ("last Friday", MON, "unknown", (D(2021, 9, 3), D(2021, 9, 3), "day")),
    ("last Monday", MON, "unknown", (D(2021, 8, 30), D(2021, 8, 30), "day")),
    ("next Friday", MON, "unknown", (D(2021, 9, 10), D(2021, 9, 10), "day")),
    ("Sunday night", MON, "past", (D(2021, 9, 5), D(2021, 9, 5), "day")),
    ("early Tuesday", MON, "future", (D(2021, 9, 7), D(2021, 9, 7), "day")),
    ("10 a.m. Monday", MON, "unknown", (D(2021, 9, 6), D(2021, 9, 6), "day")),
    # weeks and weekends: weeks run Monday..Sunday, weekends Saturday..Sunday
    ("next week", MON, "unknown", (D(2021, 9, 13), D(2021, 9, 19), "week")),
    ("this week", D(2021, 9, 9), "unknown", (D(2021, 9, 6), D(2021, 9, 12), "week")),
    ("last week", MON, "unknown", (D(2021, 8, 30), D(2021, 9, 5), "week")),
    ("next week", YEAR_END, "unknown", (D(2021, 1, 4), D(2021, 1, 10), "week")),
    ("the weekend", MON, "unknown", (D(2021, 9, 4), D(2021, 9, 5), "range")),
    ("over the weekend", MON, "past", (D(2021, 9, 4), D(2021, 9, 5), "range")),
    ("this weekend", MON, "past", (D(2021, 9, 4), D(2021, 9, 5), "range")),
    ("this weekend", MON, "future", (D(2021, 9, 11), D(2021, 9, 12), "range")),
    ("this weekend", D(2021, 9, 8), "unknown", (D(2021, 9, 11), D(2021, 9, 12), "range")),
    ("the weekend", D(2021, 9, 4), "future", (D(2021, 9, 4), D(2021, 9, 5), "range")),
    ("last weekend", D(2021, 9, 5), "unknown", (D(2021, 8, 28), D(2021, 8, 29), "range")),
    ("this past weekend", MON, "unknown", (D(2021, 9, 4), D(2021, 9, 5), "range")),
    # days around the anchor
    ("yesterday", MON, "unknown", (D(2021, 9, 5), D(2021, 9, 5), "day")),
    ("today", MON, "unknown", (MON, MON, "day")),
    ("tonight", MON, "unknown", (MON, MON, "day")),
    ("tomorrow", YEAR_END, "unknown", (D(2020, 12, 31), D(2020, 12, 31), "day")),
    ("last night", MON, "unknown", (D(2021, 9, 5), D(2021, 9, 5), "day")),
    ("overnight", MON, "unknown", (D(2021, 9, 5), MON, "range")),
    ("yesterday morning", NEW_YEAR, "past", (D(2021, 1, 2), D(2021, 1, 2), "day")),
    # months and years relative to the anchor
    ("earlier this month", MON, "unknown", (D(2021, 9, 1), MON, "range")),
    ("later this year", MON, "unknown", (MON, D(2021, 12, 31), "range")),
    ("last month", MON, "unknown", (D(2021, 8, 1), D(2021, 8, 31), "month")),
    ("last month", D(2021, 1, 15), "unknown", (D(2020, 12, 1), D(2020, 12, 31), "month")),
    ("next month", YEAR_END, "unknown", (D(2021, 1, 1), D(2021, 1, 31), "month")),
    ("last year", NEW_YEAR, "unknown", (D(2020, 1, 1), D(2020, 12, 31), "year")),
    ("this year", MON, "unknown", (D(2021, 1, 1), D(2021, 12, 31), "year")),
    # ago and in
    ("a week ago", MON, "unknown", (D(2021, 8, 30), D(2021, 8, 30), "day")),
    ("two days ago", MON, "unknown", (D(2021, 9, 4), D(2021, 9, 4), "day")),
    ("three months ago", MON, "unknown", (D(2021, 6, 1), D(2021, 6, 30), "month")),
    ("a year ago", NEW_YEAR, "unknown", (D(2020, 1, 1), D(2020, 12, 31), "year")),
    ("a few days ago", MON, "unknown", (D(2021, 9, 3), D(2021, 9, 5), "range")),
    ("in two weeks", MON, "unknown", (D(2021, 9, 20), D(2021, 9, 20), "day")),
    # portions of a period
    ("mid-September", MON, "unknown", (D(2021, 9, 11), D(2021, 9, 20), "range")),
    ("late August", MON, "unknown", (D(2021, 8, 21), D(2021, 8, 31), "range")),
    ("early October", MON, "unknown", (D(2021, 10, 1), D(2021, 10, 10), "range")),
    ("the end of August", MON, "unknown", (D(2021, 8, 21), D(2021, 8, 31), "range")),
    ("mid-2020", MON, "unknown", (D(2020, 5, 1), D(2020, 8, 31), "range")),
    ("late last week", MON, "unknown", (D(2021, 9, 3), D(2021, 9, 5), "range")),
    ("the first week of September", MON, "unknown", (D(2021, 9, 1), D(2021, 9, 7), "range")),
    # windows
    ("the past week", MON, "unknown", (D(2021, 8, 30), MON, "range")),
    ("the last two weeks", MON, "unknown", (D(2021, 8, 23), MON, "range")),
    ("in the coming days", MON, "unknown", (MON, D(2021, 9, 13), "range")),
    ("the past 24 hours", MON, "unknown", (D(2021, 9, 5), MON, "range")),
    ("in recent weeks", MON, "unknown", (D(2021, 8, 9), MON, "range")),
    ("since August 15", MON, "unknown", (D(2021, 8, 15), MON, "range")),
]


@pytest.mark.parametrize(("text", "anchor", "tense", "expected"), CASES)
def test_normalize(text: str, anchor: dt.date, tense: str, expected: tuple[object, ...]) -> None:
    assert normalize(text, anchor, tense=tense) == Resolved(*expected)  # type: ignore[arg-type]


YEAR_INFERENCE = [
    # month-day without a year: the year nearest the anchor, across year ends
    ("December 28", NEW_YEAR, "unknown", D(2020, 12, 28)),
    ("January 2", YEAR_END, "unknown", D(2021, 1, 2)),
    ("January 2", YEAR_END, "past", D(2021, 1, 2)),  # 3 days ahead beats a year back
    ("February 29", D(2021, 3, 1), "unknown", D(2020, 2, 29)),  # only a leap year has it
    ("September 10", MON, "past", D(2021, 9, 10)),  # "was postponed to": near wins over tense
    # a month far from the anchor: the tense decides
    ("in December", MON, "past", D(2020, 12, 1)),
    ("in December", MON, "future", D(2021, 12, 1)),
    ("in December", MON, "unknown", D(2021, 12, 1)),
    ("in March", MON, "future", D(2022, 3, 1)),
    ("in November", D(2021, 1, 10), "unknown", D(2020, 11, 1)),
]


@pytest.mark.parametrize(("text", "anchor", "tense", "start"), YEAR_INFERENCE)
def test_year_inference(text: str, anchor: dt.date, tense: str, start: dt.date) -> None:
    found = normalize(text, anchor, tense=tense)  # type: ignore[arg-type]
    assert found is not None
    assert found.start == start


@pytest.mark.parametrize(
    "text",
    [
        "several days",
        "a week",
        "years",
        "two weeks",
        "the week",
        "hours",
        "decades",
        "soon",
        "recently",
        "two days later",
        "the 1990s era",
        "",
        "   ",
        "February 30",
        "2021-13-01",
        "45",
        "half",
    ],
)
def test_non_dates_do_not_resolve(text: str) -> None:
    assert normalize(text, MON) is None


@pytest.mark.parametrize(
    "text",
    [
        "August 31",
        "on Monday",
        "last Friday",
        "next week",
        "yesterday",
        "tonight",
        "earlier this month",
        "in March",
        "a week ago",
        "mid-September",
        "the past week",
        "in the coming days",
        "since 2001",
    ],
)
def test_relative_without_anchor_is_none(text: str) -> None:
    assert normalize(text, None) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aug. 31, 2021", (D(2021, 8, 31), D(2021, 8, 31), "day")),
        ("2021-09-06", (D(2021, 9, 6), D(2021, 9, 6), "day")),
        ("March 2020", (D(2020, 3, 1), D(2020, 3, 31), "month")),
        ("2019", (D(2019, 1, 1), D(2019, 12, 31), "year")),
        ("from 1996 to 2001", (D(1996, 1, 1), D(2001, 12, 31), "range")),
        ("mid-September 2020", (D(2020, 9, 11), D(2020, 9, 20), "range")),
    ],
)
def test_absolute_without_anchor(text: str, expected: tuple[object, ...]) -> None:
    assert normalize(text, None) == Resolved(*expected)  # type: ignore[arg-type]


def test_resolved_is_frozen() -> None:
    found = normalize("2019", None)
    assert found is not None
    with pytest.raises(AttributeError):
        found.start = MON  # type: ignore[misc]
