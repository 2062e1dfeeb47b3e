"""Calendar helpers: weeks, portions, year inference, weekday and weekend choice."""

from __future__ import annotations

import datetime as dt

import pytest

from sitroom.temporal import calendar as cal

D = dt.date


def test_week_runs_monday_to_sunday() -> None:
    assert cal.week_of(D(2021, 1, 1)) == (D(2020, 12, 28), D(2021, 1, 3))


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2021, 3, 31), -1, D(2021, 2, 28)),
        (D(2020, 3, 31), -1, D(2020, 2, 29)),
        (D(2021, 1, 15), -1, D(2020, 12, 15)),
        (D(2020, 12, 15), 1, D(2021, 1, 15)),
    ],
)
def test_add_months_clamps(day: dt.date, months: int, expected: dt.date) -> None:
    assert cal.add_months(day, months) == expected


def test_portions_of_a_month_and_a_year() -> None:
    september = cal.month_of(2021, 9)
    assert cal.portion(september, "early") == (D(2021, 9, 1), D(2021, 9, 10))
    assert cal.portion(september, "mid") == (D(2021, 9, 11), D(2021, 9, 20))
    assert cal.portion(september, "late") == (D(2021, 9, 21), D(2021, 9, 30))
    assert cal.portion(cal.year_of(2020), "late") == (D(2020, 9, 1), D(2020, 12, 31))


def test_portions_of_whole_month_runs_split_at_month_ends() -> None:
    summer = (D(2021, 6, 1), D(2021, 8, 31))
    assert cal.portion(summer, "early") == (D(2021, 6, 1), D(2021, 6, 30))
    assert cal.portion(summer, "late") == (D(2021, 8, 1), D(2021, 8, 31))
    nineties = (D(1990, 1, 1), D(1999, 12, 31))
    assert cal.portion(nineties, "early") == (D(1990, 1, 1), D(1993, 4, 30))
    assert cal.portion((D(2021, 3, 3), D(2021, 3, 11)), "mid") == (D(2021, 3, 6), D(2021, 3, 9))


def test_shift_by_decades() -> None:
    assert cal.shift(D(2020, 2, 29), "decade", -1) == D(2010, 2, 28)


def test_infer_year_returns_none_when_no_year_fits() -> None:
    assert cal.infer_year(lambda year: None, D(2021, 9, 6)) is None


@pytest.mark.parametrize(
    ("weekday", "tense", "relation", "expected"),
    [
        (0, "unknown", "", D(2021, 9, 8) - dt.timedelta(days=2)),  # Monday before a Wednesday
        (4, "unknown", "", D(2021, 9, 10)),  # Friday after a Wednesday
        (4, "past", "", D(2021, 9, 3)),
        (2, "future", "", D(2021, 9, 8)),  # the anchor's own weekday is the anchor
        (2, "unknown", "last", D(2021, 9, 1)),
        (2, "unknown", "next", D(2021, 9, 15)),
        (6, "unknown", "this", D(2021, 9, 12)),
    ],
)
def test_weekday_near(weekday: int, tense: cal.Tense, relation: str, expected: dt.date) -> None:
    assert cal.weekday_near(D(2021, 9, 8), weekday, tense, relation) == expected


def test_weekend_tie_follows_preference() -> None:
    wednesday = D(2021, 9, 8)
    assert cal.weekend_near(wednesday, "unknown", prefer="past")[0] == D(2021, 9, 4)
    assert cal.weekend_near(wednesday, "unknown", prefer="future")[0] == D(2021, 9, 11)
    assert cal.weekend_near(D(2021, 9, 11), "unknown", "next")[0] == D(2021, 9, 18)
