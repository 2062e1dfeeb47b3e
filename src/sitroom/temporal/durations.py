"""Find durations in a parsed ``Doc``: "three weeks of fighting", "for two days", "more than a
decade", "several days of meetings", "the past 24 hours".

The normaliser refuses bare counts of time ("a week", "several days") because whether they name
a time or a length depends on the words around them; this module decides from that context:

- a length: "for three days", "three days of fighting", "a two-week ceasefire", "a 10-year
  sentence", "more than a decade", "years of conflict", "the worst in a decade", "several days";
- a window anchored on the publication date, also a length: "the past three weeks", "over the
  last 24 hours", "in recent weeks", "the coming months" (start/end are set from the anchor; the
  times stage also keeps these windows as times, which is how events get dated by them);
- a time, left to the times stage: "three days ago", "two weeks later", "a week after the vote",
  "within a week after", "after two weeks", "eight years from now", "will return in two weeks",
  "last week", "this week", "the next day"; frequencies ("once a week", "every three days",
  "500 barrels a day") and ages ("a 22-year-old") are neither.

TempEval-3 marks "three days ago" as one DATE, so no duration is emitted inside it. TimeML marks
the count in "two years after the diagnosis" as a DURATION; sitroom treats these counts from an
event as times (see ``RELATIONAL_AFTER`` in ``lexicon``), since they say when, not how long.

Values follow TimeML: ``P3D``, ``P2W``, ``P6M``, ``P10Y`` (a decade is ten years, a century a
hundred), ``PT24H``; a vague amount is ``X`` ("several days" is ``PXD``, "decades" ``PXDE``).
Hedges come from ``data/qualifiers.yaml``, shared with the figures stage: one list of "more than",
"nearly", "at least" for numbers of people and numbers of days.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from sitroom.lang.vocabulary.amounts import qualifier_cues
from sitroom.model import Duration, DurationUnit, Qualifier, TimeSpan
from sitroom.temporal import calendar as cal
from sitroom.temporal.extract import NAME_LABELS, DisjointSpans, tense_of
from sitroom.temporal.lexicon import (
    AGE_AFTER,
    AGE_BEFORE,
    COUNT_RE,
    DURATION_PREPOSITIONS,
    DURATION_UNIT_RE,
    DURATION_UNITS,
    FREQUENCY_BEFORE,
    RELATIONAL_AFTER,
    RELATIONAL_BEFORE,
    VAGUE_COUNTS,
    WINDOW_ANAPHORIC,
    WINDOW_FUTURE,
    WINDOW_PAST,
    count_value,
)

_WINDOWS = (*WINDOW_PAST, *WINDOW_FUTURE, *WINDOW_ANAPHORIC)
_QUALIFIER_RE = "|".join(
    re.escape(cue).replace("\\ ", r"\s+") for cue in sorted(qualifier_cues(), key=len, reverse=True)
)
_VAGUE_RE = "|".join(sorted((w for w in VAGUE_COUNTS if w not in COUNT_RE), key=len, reverse=True))
# The whole expression, matched backwards from each unit word: scanning the text with it at
# every word would try the long hedge and count alternations everywhere.
_FIND = re.compile(
    rf"\b(?:(?P<qual>{_QUALIFIER_RE})\s+)?"
    rf"(?:(?P<rel>(?:the\s+)?(?:{'|'.join(_WINDOWS)}))\s+)?"
    rf"(?:(?:(?P<decimal>\d+\.\d+)|{COUNT_RE}|(?P<vague>{_VAGUE_RE}))(?:\s+|\s*-\s*))?"
    rf"{DURATION_UNIT_RE}\Z",
    re.IGNORECASE,
)
_UNIT = re.compile(rf"\b{DURATION_UNIT_RE}\b", re.IGNORECASE)
_REACH = 64  # characters before the unit word that the hedge, window word and count can take


def _after(words: Iterable[str]) -> re.Pattern[str]:
    """Any of ``words`` right after the expression (past a hyphen, quote or space)."""
    alternatives = "|".join(w.replace(" ", r"\s+") for w in words)
    return re.compile(rf"^[\s'\u2019-]*(?:{alternatives})\b", re.IGNORECASE)


_RELATIONAL_AFTER = _after(RELATIONAL_AFTER)
_AGE_AFTER = _after(AGE_AFTER)
_OF = _after(("of",))
# TimeML designators; decades and centuries count in years when the amount is known.
_CODE: dict[str, str] = {"hour": "H", "day": "D", "week": "W", "month": "M", "year": "Y"}
_CODE |= {"decade": "DE", "century": "CE"}
_YEARS = {"decade": 10, "century": 100}
_POINT_UNITS = ("decade", "century")  # "the next decade" is a length; "the next day" a time
_RATE_POS = frozenset({"NUM", "NOUN", "PROPN", "SYM"})
_ORDINALS = frozenset({"first", "second", "third", "fourth", "final"})


def duration_value(amount: float | None, unit: DurationUnit) -> str:
    """TimeML value of ``amount`` ``unit``s: ``P3D``, ``PT24H``, ``P10Y`` (a decade), ``PXD``."""
    if amount is None:
        return ("PTX" if unit == "hour" else "PX") + _CODE[unit]
    if unit in _YEARS:
        amount, unit = amount * _YEARS[unit], "year"
    figure = f"{amount:g}" if not float(amount).is_integer() else str(int(amount))
    return ("PT" if unit == "hour" else "P") + figure + _CODE[unit]


def _window(
    amount: float | None, unit: DurationUnit, anchor: dt.date | None, future: bool
) -> tuple[dt.date | None, dt.date | None]:
    """Start and end of a window that ends (or, looking ahead, starts) on ``anchor``."""
    if anchor is None:
        return None, None
    if amount is None or not float(amount).is_integer():
        return (anchor, None) if future else (None, anchor)
    count = int(amount)
    if unit == "hour":
        step = cal.shift(anchor, "day", -(-count // 24))  # whole days: dates have no hours
        back = anchor - (step - anchor)
        return (anchor, step) if future else (back, anchor)
    if unit == "century":
        unit, count = "year", 100 * count
    other = cal.shift(anchor, unit, count if future else -count)
    return (anchor, other) if future else (other, anchor)


def _qualifier(doc: Doc, qual: Span) -> Qualifier | None:
    """The hedge of ``qual``, or ``None`` when the word is the preposition heading the count
    ("fighting raged over two days") rather than a hedge ("for over a decade")."""
    first = qual[0]
    if len(qual) == 1 and first.dep_ == "prep" and first.i > 0 and doc[first.i - 1].pos_ != "ADP":
        return None
    return qualifier_cues().get(" ".join(qual.text.lower().split()))


def _relational(full: str, span: Span, before: Token | None, anchored: bool) -> bool:
    """Does the context make the count a point in time (or an age, or a frequency)?"""
    after = full[span.end_char : span.end_char + 16]
    if _AGE_AFTER.match(after) or (before is not None and before.lower_ in AGE_BEFORE):
        return True
    # "for two days before the vote" and "after three weeks of fighting" are lengths
    forced = before is not None and before.lower_ in DURATION_PREPOSITIONS
    forced = forced or _OF.match(after) is not None
    if _RELATIONAL_AFTER.match(after) and not forced:
        return True
    if before is None or anchored:
        return False
    if before.lower_ in FREQUENCY_BEFORE or (before.lower_ in RELATIONAL_BEFORE and not forced):
        return True
    return before.lower_ == "in" and tense_of(span) == "future"


def _named(start: int, end: int, names: DisjointSpans) -> bool:
    return names.overlaps(start, end)


def _amount_start(m: re.Match[str]) -> int:
    """Where the expression starts without its hedge: the count, the vague word or the unit."""
    for group in ("decimal", "count", "vague", "unit"):
        if m[group]:
            return m.start(group)
    return m.start()


def _duration(
    doc: Doc,
    full: str,
    m: re.Match[str],
    anchor: dt.date | None,
    names: DisjointSpans,
    taken: DisjointSpans,
) -> Duration | None:
    """The duration that match ``m`` names, or ``None`` when its context makes it something else."""
    unit: DurationUnit = DURATION_UNITS[m["unit"].lower()]  # type: ignore[assignment]
    word = " ".join((m["count"] or "").lower().split())
    rel = m["rel"].lower().split()[-1] if m["rel"] else None
    vague = m["vague"] is not None or word in VAGUE_COUNTS
    counted = bool(word or m["decimal"]) and not vague
    bare = not counted and not vague and not m["unit"].lower().endswith("s")
    # a bare singular unit is a length only as a window: "the past week", "the coming year",
    # "the next decade"; "last week", "the next day" and "the last year" are times
    if bare and (rel is None or (rel not in ("past", "coming") and unit not in _POINT_UNITS)):
        return None
    start = m.start()
    qualifier: Qualifier = "exact"
    if m["qual"] and m["qual"].lower() in VAGUE_COUNTS and not counted and not m["rel"]:
        vague = True  # "for some years": a vague count, not a hedge
    elif m["qual"] and (m["rel"] or not counted):
        start = m.start("rel") if m["rel"] else _amount_start(m)  # "over the past two years"
    elif m["qual"]:
        qual = doc.char_span(m.start("qual"), m.end("qual"), alignment_mode="expand")
        hedge = None if qual is None else _qualifier(doc, qual)
        if hedge is None:  # the preposition heading the count: "raged over two days"
            start = _amount_start(m)
        else:
            qualifier = hedge
    span = doc.char_span(start, m.end(), alignment_mode="expand")
    if span is None or _named(span.start_char, span.end_char, names):
        return None
    anchored = rel in WINDOW_PAST or rel in WINDOW_FUTURE
    before = doc[span.start - 1] if span.start > 0 else None
    if _relational(full, span, before, anchored):
        return None
    if before is not None and rel is None:
        if word in ("a", "an") and (before.pos_ in _RATE_POS or before.like_num):
            return None  # "$5 million a year", "500 barrels a day"
        if not counted and (
            before.pos_ in ("DET", "PRON", "ADJ", "NUM", "PROPN") or before.tag_ == "PRP$"
        ):
            return None  # "these days", "the early years", "his days": not a length
        if counted and before.lower_ in _ORDINALS and "-" not in span.text:
            return None  # "the first three months of 2021" is a part of a period, while "the
            # first three-month class" lasts three months
    if not anchored and _named(span.start_char, span.end_char, taken):
        return None  # inside a time ("three days ago")
    if before is not None and before.lower_ == "within" and qualifier == "exact":
        qualifier = "up_to"  # "within two weeks": at most that long
    amount: float | None = 1.0 if bare else None  # "the past week" is one week
    if counted:
        amount = float(m["decimal"]) if m["decimal"] else count_value(word)
        if amount is None:
            return None
    begin, end = (None, None)
    if anchored:
        begin, end = _window(amount, unit, anchor, rel in WINDOW_FUTURE)
    return Duration(
        text=full[span.start_char : span.end_char],
        value=duration_value(None if vague else amount, unit),
        amount=None if vague else amount,
        unit=unit,
        qualifier=qualifier,
        start=begin,
        end=end,
        span=(span.start_char, span.end_char),
    )


def find_durations(
    doc: Doc, anchor: dt.date | None, times: Iterable[TimeSpan] = (), *, text: str | None = None
) -> tuple[Duration, ...]:
    """Every duration in ``doc``, in text order.

    ``times`` are the times already found (``find_times``); a count inside one of them ("three
    days ago") is not a duration, except for the windows anchored on the publication date, which
    are both. Without ``anchor`` those windows keep ``start``/``end`` ``None``. ``text`` is
    ``doc.text`` when the caller has it already (spaCy rebuilds it on every access).
    """
    full = doc.text if text is None else text
    # Both are spans that do not overlap (entities; times as find_times gives them), searched
    # rather than scanned for each match.
    names, taken = DisjointSpans(), DisjointSpans()
    for e in doc.ents:
        if e.label_ in NAME_LABELS:
            names.add(e.start_char, e.end_char)
    for t in times:
        taken.add(*t.span)
    found: list[Duration] = []
    done = 0
    for unit in _UNIT.finditer(full):
        m = _FIND.search(full, max(done, unit.start() - _REACH), unit.end())
        duration = None if m is None else _duration(doc, full, m, anchor, names, taken)
        if duration is not None:
            found.append(duration)
            done = duration.span[1]
    return tuple(found)


__all__ = ["duration_value", "find_durations"]
