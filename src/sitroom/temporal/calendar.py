"""Calendar arithmetic for the normaliser: weeks, months, portions and year inference.

Everything here is a pure function of dates; nothing knows about text.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from typing import Literal

Tense = Literal["past", "future", "unknown"]
Interval = tuple[dt.date, dt.date]

# A candidate this close to the anchor wins on nearness even when the verb's tense points the
# other way: "was postponed to Friday" and "the first since August 15" look past/future but still
# talk about the last or next few weeks.
NEAR_DAYS = 31


def week_of(day: dt.date) -> Interval:
    """Monday..Sunday of the week containing ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def month_of(year: int, month: int) -> Interval:
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last)


def year_of(year: int) -> Interval:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def add_months(day: dt.date, months: int) -> dt.date:
    """Shift by whole months, clamping the day (31 March minus one month is 28/29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def shift(day: dt.date, unit: str, count: int) -> dt.date:
    """Move ``count`` units (day, week, month, year, decade; negative goes back) from ``day``."""
    if unit == "day":
        return day + dt.timedelta(days=count)
    if unit == "week":
        return day + dt.timedelta(weeks=count)
    if unit == "month":
        return add_months(day, count)
    if unit == "decade":
        return add_months(day, 120 * count)
    return add_months(day, 12 * count)


def period_of(day: dt.date, unit: str) -> Interval:
    """The calendar week, month or year containing ``day``."""
    if unit == "week":
        return week_of(day)
    if unit == "month":
        return month_of(day.year, day.month)
    if unit == "year":
        return year_of(day.year)
    return day, day


def portion(interval: Interval, which: str) -> Interval:
    """First, middle or last third of an interval ("early", "mid", "late" September).

    Months split after the 10th and the 20th; runs of whole months split at month ends when
    they can (years after April and August, a season or quarter into its three months); other
    intervals are cut into three roughly equal parts.
    """
    start, end = interval
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    whole = start.day == 1 and end == month_of(end.year, end.month)[1]
    if whole and months == 1:
        cuts = (start.replace(day=10), start.replace(day=20))
    elif whole and months % 3 == 0:
        third = months // 3
        one = dt.timedelta(days=1)
        cuts = (add_months(start, third) - one, add_months(start, 2 * third) - one)
    else:
        third = (end - start).days // 3
        cuts = (start + dt.timedelta(days=third), end - dt.timedelta(days=third))
    if which == "early":
        return start, cuts[0]
    if which == "mid":
        return cuts[0] + dt.timedelta(days=1), cuts[1]
    return cuts[1] + dt.timedelta(days=1), end


def _distance(interval: Interval, anchor: dt.date) -> int:
    start, end = interval
    if start > anchor:
        return (start - anchor).days
    if end < anchor:
        return (anchor - end).days
    return 0


def _agrees(interval: Interval, anchor: dt.date, tense: Tense) -> bool:
    if tense == "past":
        return interval[0] <= anchor
    if tense == "future":
        return interval[1] >= anchor
    return True


def infer_year(
    make: Callable[[int], Interval | None], anchor: dt.date, tense: Tense = "unknown"
) -> Interval | None:
    """Pick the year for a yearless date or month: the candidate nearest the anchor.

    News mostly talks about the recent past and the near future, so the candidates are the
    anchor's year and its neighbours. The verb's tense breaks ties and overrides nearness when
    the nearest candidate is more than ``NEAR_DAYS`` away on the wrong side ("in December",
    past tense, in a September article means last December). Exact ties with unknown tense go
    to the past, which news reports more often.
    """
    candidates = [
        interval
        for year in (anchor.year - 1, anchor.year, anchor.year + 1)
        if (interval := make(year)) is not None
    ]
    if not candidates:
        return None
    ranked = sorted(
        candidates,
        key=lambda iv: (_distance(iv, anchor), not _agrees(iv, anchor, tense), iv[0] > anchor),
    )
    best = ranked[0]
    if _agrees(best, anchor, tense) or _distance(best, anchor) <= NEAR_DAYS:
        return best
    agreeing = [iv for iv in ranked if _agrees(iv, anchor, tense)]
    return agreeing[0] if agreeing else best


def weekday_near(anchor: dt.date, weekday: int, tense: Tense, relation: str = "") -> dt.date:
    """Resolve a bare or qualified weekday name against the anchor.

    ``relation`` is "last" (strictly before), "next" (strictly after), "this" (same Monday..Sunday
    week) or "" (bare: past tense takes the latest one on or before the anchor, future the first
    on or after it, unknown the nearer of the two).
    """
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if relation == "last":
        return anchor - dt.timedelta(days=back or 7)
    if relation == "next":
        return anchor + dt.timedelta(days=ahead or 7)
    if relation == "this":
        return week_of(anchor)[0] + dt.timedelta(days=weekday)
    if tense == "past" or (tense == "unknown" and back <= ahead):
        return anchor - dt.timedelta(days=back)
    return anchor + dt.timedelta(days=ahead)


def weekend_near(
    anchor: dt.date, tense: Tense, relation: str = "", prefer: str = "past"
) -> Interval:
    """Saturday..Sunday: the current one when the anchor falls on a weekend, else by tense.

    With unknown tense the nearer weekend wins and a midweek tie goes to ``prefer`` ("the
    weekend" leans to the past, "this weekend" to the future).
    """
    saturday = week_of(anchor)[0] + dt.timedelta(days=5)
    previous = saturday - dt.timedelta(days=7)
    following = saturday + dt.timedelta(days=7)
    on_weekend = anchor.weekday() >= 5
    if relation == "last":
        chosen = previous
    elif relation == "next":
        chosen = following if on_weekend else saturday
    elif on_weekend:
        chosen = saturday
    elif tense == "past":
        chosen = previous
    elif tense == "future":
        chosen = saturday
    else:
        back = (anchor - previous).days - 1
        ahead = (saturday - anchor).days
        if back == ahead:
            chosen = previous if prefer == "past" else saturday
        else:
            chosen = previous if back < ahead else saturday
    return chosen, chosen + dt.timedelta(days=1)


__all__ = [
    "NEAR_DAYS",
    "Interval",
    "Tense",
    "add_months",
    "infer_year",
    "month_of",
    "period_of",
    "portion",
    "shift",
    "week_of",
    "weekday_near",
    "weekend_near",
]
