"""Turn a time expression from news text into a calendar interval.

``normalize("August 31", date(2021, 9, 6))`` gives 2021-08-31 at day precision. Relative
expressions ("last Friday", "earlier this month") need the anchor, normally the publication
date; with no anchor they resolve to ``None`` rather than guessing today's date. Absolute dates
with a year resolve without one.

The normaliser only reads the expression. Whether "1996" is a year or a count, and whether "a
week" names a time or a duration, is decided by the caller from context; here bare durations
("several days", "a week", "years") never resolve. "Now", "currently" and "at present" resolve
to the anchor day. Anaphoric expressions ("the next day", "the previous year", "that day")
resolve against ``anchor`` too: the caller passes the time the narrative refers to instead.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from sitroom.lang.vocabulary.temporal import temporal_words
from sitroom.model import TimePrecision
from sitroom.temporal import calendar as cal
from sitroom.temporal.calendar import Interval, Tense
from sitroom.temporal.lexicon import (
    COUNT_RE,
    DAY_RE,
    MONTH_RE,
    MONTHS,
    UNIT_RE,
    UNITS,
    WEEKDAY_RE,
    WEEKDAYS,
    YEAR_MAX,
    YEAR_MIN,
    YEAR_RE,
    count_value,
)
from sitroom.temporal.periods import BARE_SEASONS, named_period


@dataclasses.dataclass(frozen=True)
class Resolved:
    """A resolved time: inclusive ``start``..``end`` and how precise the text was."""

    start: dt.date
    end: dt.date
    precision: TimePrecision


# Offsets in days from the anchor for words that name one day (data/temporal.yaml).
_DAY_WORDS = temporal_words().day_offsets

# Default sizes of open windows such as "in recent days" or "the coming weeks".
_WINDOW = {"hour": 24, "day": 7, "week": 4, "month": 3, "year": 2, "decade": 2}

_CLOCK = re.compile(
    r"\b\d{1,2}(?::\d{2})?\s*[ap]\.?m\b\.?|\b\d{1,2}:\d{2}\b|\b(?:gmt|utc|local time)\b"
    r"|\b(?:at )?(?:noon|midnight|dawn|dusk)\b"
)
_LEADING = re.compile(
    r"^(?:on|in|at|during|over|by|of|as of|around|about|circa|approximately|the|until|till"
    r"|through|throughout|for|just|only|nearly|almost|roughly|some|more than|less than)\s+"
)
_TIME_OF_DAY = re.compile(r"\s+(?:early|late)?\s*(?:morning|afternoon|evening|night)$")
_EARLY_LATE = re.compile(r"^(?:early|late)\s+(?:on\s+)?(?=" + WEEKDAY_RE + r"\b|yesterday|today)")

_ISO = re.compile(r"^(?P<year>\d{4})[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})$")
_MONTH_DAY = re.compile(rf"^(?:{WEEKDAY_RE} )?{MONTH_RE} (?:the )?{DAY_RE}(?: {YEAR_RE})?$")
_DAY_MONTH = re.compile(rf"^(?:{WEEKDAY_RE} )?(?:the )?{DAY_RE} (?:of )?{MONTH_RE}(?: {YEAR_RE})?$")
_MONTH_YEAR = re.compile(rf"^{MONTH_RE}(?: of)?(?: {YEAR_RE})?$")
_YEAR = re.compile(rf"^(?:the year )?{YEAR_RE}$")
_DECADE = re.compile(r"^(?P<decade>1\d{2}0|20\d0)s$")
_PORTION = re.compile(
    r"^(?P<which>early|earlier|mid|middle|late|later|end|beginning|start)"
    r"(?: of| in)?(?:-|\s+)(?:the\s+)?(?P<rest>.+)$"
)
_NTH_WEEK = re.compile(rf"^(?P<nth>first|second|third|fourth|last) week (?:of|in) {MONTH_RE}$")
_WEEKDAY = re.compile(rf"^(?:(?P<rel>last|this|next|past|coming) )?(?P<wd>{WEEKDAY_RE})$")
_WEEKEND = re.compile(r"^(?:(?P<rel>last|this|next|past|coming) )?weekend$")
_PERIOD = re.compile(
    r"^(?P<rel>this|current|last|previous|next|following|past|coming|that|same)"
    r" (?P<unit>week|month|year)$"
)
_WINDOW_RE = re.compile(
    rf"^(?P<rel>past|last|next|coming|recent)(?: {COUNT_RE})? (?P<unit>days|weeks|months|years"
    r"|hours?|decades?)$"
)
_AGO = re.compile(rf"^{COUNT_RE} {UNIT_RE} ago$")
_IN_N = re.compile(rf"^in {COUNT_RE} {UNIT_RE}$")
_FROM_NOW = re.compile(rf"^{COUNT_RE} {UNIT_RE} from (?:now|today)$")
_RANGE_SPLIT = re.compile(r"\s+(?:to|until|till|through|thru|and)\s+|\s*-\s*")

_PORTION_NAME = {"earlier": "earlier", "later": "later", "end": "late", "beginning": "early"}
_PORTION_NAME |= {"start": "early", "middle": "mid"}


def _clean(text: str) -> str:
    out = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    out = _CLOCK.sub(" ", out)
    out = re.sub(r"(\d0)'s\b", r"\1s", out)  # "the 1990's"
    out = re.sub(r"'s\b|[.,()]", " ", out)
    out = " ".join(out.split())
    out = re.sub(r"^(?:the )?this past ", "past ", out)
    out = re.sub(r"^the last (?=\w+ (?:days|weeks|months|years)$)", "past ", out)
    # "the week before" is "the previous week"; "the year after" is "the following year"
    out = re.sub(r"^(?:the )?(week|month|year) before$", r"previous \1", out)
    return re.sub(r"^(?:the )?(week|month|year) after$", r"following \1", out)


def _strip(text: str) -> str:
    previous = None
    while previous != text:
        previous = text
        text = _LEADING.sub("", text)
    return text


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _yearless(
    make: Callable[[int], Interval | None],
    year: str | None,
    anchor: dt.date | None,
    tense: Tense,
    hint: int | None,
) -> Interval | None:
    """Resolve with the written year, else the range partner's year, else infer from the anchor."""
    if year is not None:
        return make(int(year))
    if hint is not None:
        return make(hint)
    return None if anchor is None else cal.infer_year(make, anchor, tense)


def _absolute(text: str, anchor: dt.date | None, tense: Tense, hint: int | None) -> Resolved | None:
    """Dates and months written out: ISO, "Aug 31, 2021", "31 August", "March 2020", "1996"."""
    if m := _ISO.match(text):
        day = _day(int(m["year"]), int(m["month"]), int(m["day"]))
        return Resolved(day, day, "day") if day else None
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        if m := pattern.match(text):
            month, number = MONTHS[m["month"]], int(m["day"])

            def one_day(year: int, month: int = month, number: int = number) -> Interval | None:
                day = _day(year, month, number)
                return (day, day) if day else None

            found = _yearless(one_day, m["year"], anchor, tense, hint)
            return Resolved(*found, "day") if found else None
    if m := _MONTH_YEAR.match(text):
        month = MONTHS[m["month"]]
        found = _yearless(lambda y: cal.month_of(y, month), m["year"], anchor, tense, hint)
        return Resolved(*found, "month") if found else None
    if (m := _YEAR.match(text)) and YEAR_MIN <= int(m["year"]) <= YEAR_MAX:
        return Resolved(*cal.year_of(int(m["year"])), "year")
    if m := _DECADE.match(text):
        first = int(m["decade"])
        return Resolved(dt.date(first, 1, 1), dt.date(first + 9, 12, 31), "range")
    if m := _NTH_WEEK.match(text):
        month = MONTHS[m["month"]]
        found = _yearless(lambda y: cal.month_of(y, month), None, anchor, tense, hint)
        if found is None:
            return None
        if m["nth"] == "last":
            return Resolved(found[1] - dt.timedelta(days=6), found[1], "range")
        offset = 7 * ["first", "second", "third", "fourth"].index(m["nth"])
        start = found[0] + dt.timedelta(days=offset)
        return Resolved(start, start + dt.timedelta(days=6), "range")
    return None


def _portion(text: str, anchor: dt.date | None, tense: Tense, hint: int | None) -> Resolved | None:
    """Part of a period: "mid-September", "late last month", "earlier this week", "end of 2020"."""
    m = _PORTION.match(text)
    if m is None:
        return None
    which = _PORTION_NAME.get(m["which"], m["which"])
    rest = m["rest"]
    bare = rest in ("week", "month", "year")
    if bare:  # "earlier in the week" means this week
        rest = "this " + rest
    whole = _resolve(rest, anchor, tense, hint)
    if whole is None or whole.precision == "day":
        return None
    if (
        bare
        and which == "late"
        and tense == "past"
        and anchor is not None
        and cal.portion((whole.start, whole.end), "late")[0] > anchor
    ):  # "peaked by the end of the year" in a March report: last year's end
        whole = _resolve("last " + m["rest"], anchor, tense, hint) or whole
    interval = (whole.start, whole.end)
    if which in ("earlier", "later"):
        if anchor is None or not whole.start <= anchor <= whole.end:
            return whole
        interval = (whole.start, anchor) if which == "earlier" else (anchor, whole.end)
    elif whole.precision == "week":
        days = {"early": (0, 1), "mid": (2, 3), "late": (4, 6)}[which]
        interval = (whole.start + dt.timedelta(days[0]), whole.start + dt.timedelta(days[1]))
    else:
        interval = cal.portion(interval, which)
    return Resolved(*interval, "range")


def _relative(text: str, anchor: dt.date, tense: Tense) -> Resolved | None:
    """Expressions that only mean something against the anchor."""
    if text in _DAY_WORDS:
        day = anchor + dt.timedelta(days=_DAY_WORDS[text])
        return Resolved(day, day, "day")
    if text == "overnight":  # the night before the report: it spans two calendar days
        return Resolved(anchor - dt.timedelta(days=1), anchor, "range")
    if m := _WEEKDAY.match(text):
        relation = {"past": "last", "coming": "next"}.get(m["rel"] or "", m["rel"] or "")
        day = cal.weekday_near(anchor, WEEKDAYS[m["wd"]], tense, relation)
        return Resolved(day, day, "day")
    if m := _WEEKEND.match(text):
        relation = {"past": "last", "coming": "next", "this": ""}.get(m["rel"] or "", m["rel"])
        prefer = "future" if m["rel"] == "this" else "past"
        return Resolved(*cal.weekend_near(anchor, tense, relation or "", prefer), "range")
    if m := _PERIOD.match(text):
        unit, rel = m["unit"], m["rel"]
        if rel == "past":
            return Resolved(cal.shift(anchor, unit, -1), anchor, "range")
        if rel == "coming":
            return Resolved(anchor, cal.shift(anchor, unit, 1), "range")
        step = {"last": -1, "previous": -1, "next": 1, "following": 1}.get(rel, 0)
        precision: TimePrecision = (
            "week" if unit == "week" else "month" if unit == "month" else "year"
        )
        return Resolved(*cal.period_of(cal.shift(anchor, unit, step), unit), precision)
    if m := _WINDOW_RE.match(text):
        unit = m["unit"].rstrip("s")
        count = count_value(m["count"]) if m["count"] else _WINDOW[unit]
        if unit == m["unit"] and not m["count"] and unit == "decade":
            count = 1  # "the past decade"
        if count is None:
            return None
        if unit == "hour":
            unit, count = "day", max(1, -(-count // 24))
        if m["rel"] in ("next", "coming"):
            return Resolved(anchor, cal.shift(anchor, unit, count), "range")
        return Resolved(cal.shift(anchor, unit, -count), anchor, "range")
    for pattern, sign in ((_AGO, -1), (_IN_N, 1), (_FROM_NOW, 1)):
        if m := pattern.match(text):
            return _counted(m["count"], UNITS[m["unit"]], sign, anchor)
    return None


def _counted(word: str, unit: str, sign: int, anchor: dt.date) -> Resolved | None:
    """Resolve "two days ago", "in three weeks": a point for exact counts, else a window."""
    count = count_value(word)
    if count is None:
        return None
    if word in ("few", "a few", "several"):
        if unit not in ("day", "week") or sign > 0:
            return None
        return Resolved(cal.shift(anchor, unit, -count), anchor - dt.timedelta(days=1), "range")
    target = cal.shift(anchor, unit, sign * count)
    if unit in ("day", "week"):  # "a week ago" names the same weekday one week back
        return Resolved(target, target, "day")
    if unit == "month":
        return Resolved(*cal.period_of(target, unit), "month")
    return Resolved(*cal.year_of(target.year), "year")  # "two years ago", "a decade ago"


def _resolve(text: str, anchor: dt.date | None, tense: Tense, hint: int | None) -> Resolved | None:
    if text.startswith("since "):
        since = _resolve(text[6:], anchor, tense, hint)
        if anchor is None or since is None or since.start > anchor:
            return None
        return Resolved(since.start, anchor, "range")
    if anchor is not None and (m := _IN_N.match(text) or _FROM_NOW.match(text)):
        return _counted(m["count"], UNITS[m["unit"]], 1, anchor)
    text = _strip(text)
    if text not in _DAY_WORDS:
        text = _EARLY_LATE.sub("", _TIME_OF_DAY.sub("", text))
    found = _absolute(text, anchor, tense, hint)
    if found is None and (named := named_period(text, anchor, tense, hint)) is not None:
        found = Resolved(named.start, named.end, named.precision)
    if found is None:
        found = _portion(text, anchor, tense, hint)
    if found is None and anchor is not None:
        found = _relative(text, anchor, tense)
    return found


def _bare_day(text: str) -> int | None:
    m = re.fullmatch(r"(?:the )?" + DAY_RE, text)
    return int(m["day"]) if m and 1 <= int(m["day"]) <= 31 else None


def _short_year(text: str, after: int) -> Resolved | None:
    """The "58" of "1957-58": a two-digit year later in the same century as ``after``."""
    if not re.fullmatch(r"\d{2}", text):
        return None
    year = after // 100 * 100 + int(text)
    return Resolved(*cal.year_of(year), "year") if year > after else None


def _range(text: str, anchor: dt.date | None, tense: Tense) -> Resolved | None:
    """Ranges: "from 1996 to 2001", "between March and May 2020", "August 1-5", "1 to 3 Sept"."""
    text = re.sub(r"^(?:from|between)\s+", "", _strip(text))
    for split in _RANGE_SPLIT.finditer(text):
        left, right = text[: split.start()], text[split.end() :]
        if not left or not right:
            continue
        late = _resolve(right, anchor, tense, None)
        early = _resolve(left, anchor, tense, late.end.year if late else None)
        if late is None and early is not None and early.precision == "year":
            late = _short_year(right, early.start.year)
        if late is None and early is not None and early.precision == "day":
            day = _bare_day(right)
            end = _day(early.start.year, early.start.month, day) if day else None
            late = Resolved(end, end, "day") if end else None
        if early is None and late is not None and late.precision == "day":
            day = _bare_day(_strip(left))
            start = _day(late.start.year, late.start.month, day) if day else None
            early = Resolved(start, start, "day") if start else None
        if early is not None and late is not None and early.start > late.end:
            # "from December to February 2021": the first part belongs to the year before
            early = _resolve(left, anchor, tense, late.end.year - 1)
        if early is not None and late is not None and early.start <= late.end:
            return Resolved(early.start, late.end, "range")
    return None


def normalize(text: str, anchor: dt.date | None, *, tense: Tense = "unknown") -> Resolved | None:
    """Resolve ``text`` against ``anchor`` (the publication date), or ``None`` if it names no time.

    ``tense`` is the tense of the governing verb; it decides between last and next for yearless
    months, weekdays and weekends (see :func:`sitroom.temporal.calendar.infer_year`).
    """
    cleaned = _clean(text)
    if not cleaned or BARE_SEASONS.match(cleaned):
        return None
    return _resolve(cleaned, anchor, tense, None) or _range(cleaned, anchor, tense)


__all__ = ["Resolved", "Tense", "normalize"]
