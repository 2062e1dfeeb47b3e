"""Words the normaliser reads: month and weekday names, small counts, regex fragments.

These are closed classes of English, so they live in code rather than in a user-editable file.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}

# Counts that appear in "two days ago" or "the past three weeks"; larger ones are written as digits.
COUNTS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a couple of": 2,
    "couple of": 2,
    # Vague counts only ever bound a window ("the past few days"), never a point in time.
    "few": 3,
    "a few": 3,
    "several": 7,
}

UNITS: dict[str, str] = {
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "decade": "decade",
    "decades": "decade",
}

# Longest names first so that "september" is not read as "sep" plus a stray "tember".
MONTH_RE = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
WEEKDAY_RE = "(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + ")"
COUNT_RE = "(?P<count>\\d{1,3}|" + "|".join(sorted(COUNTS, key=len, reverse=True)) + ")"
UNIT_RE = "(?P<unit>days?|weeks?|months?|years?|decades?)"
DAY_RE = "(?P<day>[0-3]?\\d)(?:st|nd|rd|th)?"
YEAR_RE = "(?P<year>[12]\\d{3})"

# Bare four-digit numbers read as years only inside this window; outside it they are far more
# often counts or codes.
YEAR_MIN = 1000
YEAR_MAX = 2199


def count_value(word: str) -> int | None:
    """Numeric value of a count word or digit string ("two" → 2, "14" → 14)."""
    if word.isdigit():
        return int(word)
    return COUNTS.get(word)


__all__ = [
    "COUNTS",
    "COUNT_RE",
    "DAY_RE",
    "MONTHS",
    "MONTH_RE",
    "UNITS",
    "UNIT_RE",
    "WEEKDAYS",
    "WEEKDAY_RE",
    "YEAR_MAX",
    "YEAR_MIN",
    "YEAR_RE",
    "count_value",
]
