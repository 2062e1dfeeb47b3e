"""Words the normaliser and the duration finder read: month and weekday names, counts, units,
the context words that tell a duration from a time, regex fragments.

Month and weekday names come from ``data/calendar.yaml`` and number words from
``data/numbers.yaml`` (closed classes, so user vocabulary files cannot change them).
"""

from __future__ import annotations

from sitroom.lang.vocabulary.temporal import temporal_words, time_counts, time_units

_WORDS = temporal_words()

MONTHS: dict[str, int] = dict(_WORDS.months)

WEEKDAYS: dict[str, int] = dict(_WORDS.weekdays)

# Counts that appear in "two days ago" or "the past three weeks"; larger ones are written as digits.
COUNTS: dict[str, int] = dict(time_counts())

# Counts that name no number: a duration of "several days" is "PXD" in TimeML.
VAGUE_COUNTS = _WORDS.vague_counts

UNITS: dict[str, str] = dict(_WORDS.point_units)

# Units a duration is counted in (``model.DurationUnit``): the point units plus hours and centuries.
DURATION_UNITS: dict[str, str] = dict(time_units())

# How a duration meets its context (see ``temporal.durations``). A count followed by one of these
# is a point or an age, not a length of time: "three days ago", "two weeks later", "a month
# earlier", "a week after the vote", "eight years from now", "a 22-year-old".
RELATIONAL_AFTER = _WORDS.relational_after
# Ages: "a 22-year-old", "children 6 months and older", "aged 15 years", "ages 2 years and up".
AGE_AFTER = _WORDS.age_after
AGE_BEFORE = _WORDS.age_before
# Before the count, these make it a point counted from an event ("after two weeks", like "two
# weeks later"); so does "in" when the verb looks ahead ("will return in two weeks"), while "the
# worst in a decade" is a length. "within two weeks" is a length with qualifier "up_to", and
# "within a week after the vote" a time by the word after it.
RELATIONAL_BEFORE = _WORDS.relational_before
# Words before the expression that make it a length whatever follows: "for two days before the
# vote" is still two days long.
DURATION_PREPOSITIONS = _WORDS.duration_prepositions
# A count after these is a frequency (a TimeML SET), not a duration: "once a week", "every
# three days". ("$5 million a year" and "500 barrels a day" are caught by the word class.)
FREQUENCY_BEFORE = _WORDS.frequency_before
# Windows that end or start at the publication date: "the past three weeks", "recent days",
# "the coming months". "previous" and "following" count from the story's own time instead.
WINDOW_PAST = _WORDS.window_past
WINDOW_FUTURE = _WORDS.window_future
WINDOW_ANAPHORIC = _WORDS.window_anaphoric

# Longest names first so that "september" is not read as "sep" plus a stray "tember".
MONTH_RE = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
WEEKDAY_RE = "(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + ")"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
COUNT_RE = (
    f"(?P<count>\\d{{1,3}}|(?:{_TENS})-(?:{_ONES})|"
    + "|".join(sorted(COUNTS, key=len, reverse=True))
    + ")"
)
UNIT_RE = "(?P<unit>days?|weeks?|months?|years?|decades?)"
DURATION_UNIT_RE = "(?P<unit>hours?|days?|weeks?|months?|years?|decades?|century|centuries)"
DAY_RE = "(?P<day>[0-3]?\\d)(?:st|nd|rd|th)?"
YEAR_RE = "(?P<year>[12]\\d{3})"

# Bare four-digit numbers read as years only inside this window; outside it they are far more
# often counts or codes.
YEAR_MIN = 1000
YEAR_MAX = 2199


def count_value(word: str) -> int | None:
    """Numeric value of a count word or digit string ("two" → 2, "14" → 14, "twenty-five" → 25)."""
    if word.isdigit():
        return int(word)
    tens, _, ones = word.partition("-")
    if ones and tens in COUNTS and ones in COUNTS:
        return COUNTS[tens] + COUNTS[ones]
    return COUNTS.get(word)


__all__ = [
    "AGE_AFTER",
    "AGE_BEFORE",
    "COUNTS",
    "COUNT_RE",
    "DAY_RE",
    "DURATION_PREPOSITIONS",
    "DURATION_UNITS",
    "DURATION_UNIT_RE",
    "FREQUENCY_BEFORE",
    "MONTHS",
    "MONTH_RE",
    "RELATIONAL_AFTER",
    "RELATIONAL_BEFORE",
    "UNITS",
    "UNIT_RE",
    "VAGUE_COUNTS",
    "WEEKDAYS",
    "WEEKDAY_RE",
    "WINDOW_ANAPHORIC",
    "WINDOW_FUTURE",
    "WINDOW_PAST",
    "YEAR_MAX",
    "YEAR_MIN",
    "YEAR_RE",
    "count_value",
]
