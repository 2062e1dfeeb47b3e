"""Named periods: seasons, quarters, halves, fiscal years, decades, centuries, "last June".

Each reader takes the cleaned, lower-cased expression (see ``normalize``) and returns an
interval or ``None``. Seasons are meteorological and northern: spring is March..May, summer
June..August, autumn September..November and winter December..February, named by the year of
its December. A fiscal year is read as the calendar year of the same number: fiscal calendars
differ by government and company, and the calendar year is the best single guess.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from sitroom.model import TimePrecision
from sitroom.temporal import calendar as cal
from sitroom.temporal.calendar import Interval, Tense
from sitroom.temporal.lexicon import MONTH_RE, MONTHS, YEAR_RE


@dataclasses.dataclass(frozen=True)
class Period:
    """An interval with the precision the text gave it (the normaliser wraps it in Resolved)."""

    start: dt.date
    end: dt.date
    precision: TimePrecision


SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_ORDINALS |= {"fourth": 4, "4th": 4, "final": 4, "last": 4}
_CENTURY_WORDS = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5}
_DECADE_WORDS |= {"sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}

_REL = r"(?P<rel>last|this|next|past|coming|current|previous)"
_SEASON = re.compile(
    rf"^(?:{_REL} )?(?P<season>spring|summer|autumn|fall|winter)(?: (?:of )?{YEAR_RE}"
    r"(?: ?- ?\d{2}(?:\d{2})?)?)?$"  # "the winter of 2006-2007" is the winter of 2006
)
# A season with no article, relation or year is generic: "they feed in winter", "summer camp".
BARE_SEASONS = re.compile(
    r"^(?:(?:in|during|over|from|between|each|every) )?(?:spring|summer|autumn|fall|winter)"
    r"(?:(?: and| or| to| through|-) ?(?:spring|summer|autumn|fall|winter))?$"
)
_YEAR_SEASON = re.compile(rf"^{YEAR_RE} (?P<season>spring|summer|autumn|fall|winter)$")
_REL_MONTH = re.compile(rf"^{_REL} {MONTH_RE}$")
_REL_QUARTER = re.compile(rf"^{_REL} quarter$")
_NTH_PART = re.compile(
    r"^(?P<nth>first|second|third|fourth|final|last|1st|2nd|3rd|4th) (?P<kind>quarter|half)"
    rf"(?: of (?:(?P<this>the|this|last|next) year|{YEAR_RE}))?$"
)
_Q = re.compile(rf"^q(?P<q>[1-4])(?: {YEAR_RE})?$")
_YEAR_Q = re.compile(rf"^{YEAR_RE} q(?P<q>[1-4])$")
_FISCAL = re.compile(rf"^(?:{_REL} )?fiscal(?: year)?(?: {YEAR_RE})?$")
_FY = re.compile(r"^fy ?(?P<fy>\d{2}|\d{4})$")
_DECADE = re.compile(r"^(?:'|‘)?(?P<yy>\d)0s$|^(?P<word>[a-z]+ies)$")
_CENTURY = re.compile(r"^(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<word>[a-z-]+)) century$")
# "the past decade" and "the next decade" are ten-year windows (see ``normalize``); "this decade"
# is the calendar one.
_REL_UNIT = re.compile(rf"^{_REL} (?P<unit>century)$|^(?P<rel2>this|current) (?P<unit2>decade)$")

_STEP = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}


def season_of(year: int, first_month: int) -> Interval:
    """The season starting in ``first_month`` of ``year`` (winter runs into the next year)."""
    start = dt.date(year, first_month, 1)
    return start, cal.add_months(start, 3) - dt.timedelta(days=1)


def quarter_of(year: int, quarter: int) -> Interval:
    start = dt.date(year, 3 * quarter - 2, 1)
    return start, cal.add_months(start, 3) - dt.timedelta(days=1)


def half_of(year: int, half: int) -> Interval:
    if half == 1:
        return dt.date(year, 1, 1), dt.date(year, 6, 30)
    return dt.date(year, 7, 1), dt.date(year, 12, 31)


def _occurrence(make: Callable[[int], Interval], anchor: dt.date, rel: str) -> Interval:
    """Which yearly occurrence "last/this/next X" means: last is the latest one over before the
    anchor, next the first one not yet begun, this the one under way (else this year's)."""
    candidates = [make(year) for year in range(anchor.year - 2, anchor.year + 2)]
    if _STEP.get(rel) == -1:
        return max(iv for iv in candidates if iv[1] < anchor)
    if _STEP.get(rel) == 1:
        return min(iv for iv in candidates if iv[0] > anchor)
    for iv in candidates:
        if iv[0] <= anchor <= iv[1]:
            return iv
    return make(anchor.year)


def _yearly(
    make: Callable[[int], Interval],
    m: re.Match[str],
    anchor: dt.date | None,
    tense: Tense,
    hint: int | None,
) -> Interval | None:
    """A season, quarter or month with a written year, a relation, or neither."""
    year = m.groupdict().get("year")
    if year is not None:
        return make(int(year))
    rel = m.groupdict().get("rel")
    if rel is None and hint is not None:
        return make(hint)
    if anchor is None:
        return None
    if rel is None:
        return cal.infer_year(make, anchor, tense)
    return _occurrence(make, anchor, rel)


def _parts(text: str, anchor: dt.date | None, tense: Tense, hint: int | None) -> Period | None:
    """Quarters and halves: "the first quarter of 2012", "Q3", "last quarter", "second half"."""
    m = _NTH_PART.match(text)
    if m and m["nth"] == "last" and not (m["year"] or m["this"]):
        m = None  # "last quarter" is the one before this one, not the fourth
    if m:
        nth, kind = _ORDINALS[m["nth"]], m["kind"]
        if kind == "half" and (nth > 2 or not (m["year"] or m["this"])):
            return None  # a bare "the second half" is more often a match's than a year's

        def part(year: int) -> Interval:
            return quarter_of(year, nth) if kind == "quarter" else half_of(year, nth)

        if m["this"] and anchor is not None:
            return Period(*part(anchor.year + _STEP.get(m["this"], 0)), "range")
        found = _yearly(part, m, anchor, tense, hint)
        return Period(*found, "range") if found else None
    if m := (_Q.match(text) or _YEAR_Q.match(text)):
        quarter = int(m["q"])
        found = _yearly(lambda y: quarter_of(y, quarter), m, anchor, tense, hint)
        return Period(*found, "range") if found else None
    if (m := _REL_QUARTER.match(text)) and anchor is not None:
        current = (anchor.month - 1) // 3
        index = anchor.year * 4 + current + _STEP.get(m["rel"], 0)
        return Period(*quarter_of(index // 4, index % 4 + 1), "range")
    return None


def _eras(text: str, anchor: dt.date | None) -> Period | None:
    """Fiscal years, decades and centuries."""
    if m := _FY.match(text):
        year = int(m["fy"])
        year = year if year > 99 else 2000 + year
        return Period(*cal.year_of(year), "year")
    if m := _FISCAL.match(text):
        if m["year"]:
            return Period(*cal.year_of(int(m["year"])), "year")
        if m["rel"] is None or anchor is None:
            return None
        return Period(*cal.year_of(anchor.year + _STEP.get(m["rel"], 0)), "year")
    m = _DECADE.match(text)
    digit = (int(m["yy"]) if m["yy"] else _DECADE_WORDS.get(m["word"])) if m else None
    if digit is not None:
        first = 1900 + 10 * digit
        if anchor is not None and first + 109 < anchor.year:  # "the 10s" in 2021: the 2010s
            first += 100
        return Period(dt.date(first, 1, 1), dt.date(first + 9, 12, 31), "range")
    m = _CENTURY.match(text)
    number = (int(m["n"]) if m["n"] else _CENTURY_WORDS.get(m["word"])) if m else None
    if number is not None and 1 <= number <= 22:
        first = 100 * (number - 1)
        return Period(dt.date(max(first, 1), 1, 1), dt.date(first + 99, 12, 31), "range")
    if (m := _REL_UNIT.match(text)) and anchor is not None:
        size = 10 if m["unit2"] else 100
        first = anchor.year // size * size + size * _STEP.get(m["rel"] or "", 0)
        return Period(dt.date(first, 1, 1), dt.date(first + size - 1, 12, 31), "range")
    return None


def named_period(
    text: str, anchor: dt.date | None, tense: Tense, hint: int | None = None
) -> Period | None:
    """Resolve a named period, or ``None`` if ``text`` is not one (or needs a missing anchor)."""
    if m := (_SEASON.match(text) or _YEAR_SEASON.match(text)):
        if m["season"] == "fall" and not (m.groupdict().get("rel") or m["year"]):
            return None  # "the fall" is more often a downfall than an autumn
        first = SEASONS[m["season"]]
        found = _yearly(lambda y: season_of(y, first), m, anchor, tense, hint)
        return Period(*found, "range") if found else None
    if (m := _REL_MONTH.match(text)) and anchor is not None:
        month = MONTHS[m["month"]]
        found = _occurrence(lambda y: cal.month_of(y, month), anchor, m["rel"])
        return Period(*found, "month")
    return _parts(text, anchor, tense, hint) or _eras(text, anchor)


__all__ = [
    "BARE_SEASONS",
    "SEASONS",
    "Period",
    "half_of",
    "named_period",
    "quarter_of",
    "season_of",
]
