"""A happening dated by its distance from the sentence's time: "troops withdrew over the
weekend, *two days before the ceasefire took effect*" (the ceasefire two days after the
weekend), "arrested on Saturday, *48 hours after the bombing*" (the bombing on Thursday), "a
day after a truce collapsed" (the day before the clashes' Sunday).

The distance is a count of hours, days or weeks hanging on "after"/"before" (``temporal.yaml``
``offset_marks``): on the preposition whose object names the happening, or on the clause the
word opens. Only a time outside that phrase is shifted: "a day after the truce collapsed on
Saturday" dates the truce by its own Saturday. Months and years are left alone: "a month
after" is no day to shift a day by.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from sitroom.lang.period import clause_tokens
from sitroom.lang.vocabulary.temporal import temporal_words, time_counts, time_units

# Units a distance is shifted by, in days (hours are rounded to whole days).
_UNIT_DAYS = {"hour": 1 / 24, "day": 1.0, "week": 7.0}
_LEVELS = 6  # how far up from the trigger the "after"/"before" phrase may hang


def _distance(word: Token) -> float | None:
    """Days counted by an "npadvmod" noun: "two days", "48 hours", "a week"; ``None`` for
    no count of these units, or a vague one ("days after")."""
    unit = time_units().get(word.lower_)
    if unit not in _UNIT_DAYS:
        return None
    counts = [c for c in word.children if c.dep_ in ("nummod", "det")]
    if not counts:
        return 0.0 if unit == "hour" else None  # "hours after": the same day
    count = counts[0].lower_
    if count.isdigit():
        amount = float(count)
    elif count in time_counts() and count not in temporal_words().vague_counts:
        amount = float(time_counts()[count])
    else:
        return None
    return amount * _UNIT_DAYS[unit]


def _marked(holder: Token) -> tuple[int, float] | None:
    """The sign and days of a distance on ``holder`` (an "after"/"before" preposition, or a
    verb that such a word marks)."""
    marks = temporal_words().offset_marks
    sign = marks.get(holder.lower_)
    if sign is None:
        found = [c for c in holder.children if c.dep_ == "mark" and c.lower_ in marks]
        if not found:
            return None
        sign = marks[found[0].lower_]
    for child in holder.children:
        if child.dep_ == "npadvmod" and (days := _distance(child)) is not None:
            return sign, days
    return None


def _holder(token: Token) -> tuple[Token, set[int], int, float] | None:
    """The "after"/"before" phrase with a distance that ``token`` lies in, within a few
    heads: the phrase's head, its words, and the distance's sign and days."""
    tok = token
    for _ in range(_LEVELS):
        marked = _marked(tok) if tok.pos_ in ("ADP", "SCONJ", "VERB", "AUX") else None
        if marked is not None:
            words = (
                {t.i for t in tok.subtree}
                if tok.pos_ in ("ADP", "SCONJ")
                else {t.i for t in clause_tokens(tok)}
            )
            return tok, words, *marked
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def offset_days(trigger: Token, time_start: int) -> int:
    """Days to add to the time whose first token is ``time_start`` to date the happening of
    ``trigger``: the happening counted from, inside the phrase, when the time lies outside it
    ("arrested on Saturday, 48 hours after *the bombing*": -2); the happening counted, when
    the time dates the one counted from ("*arrested* two days after the attack on Monday":
    +2); 0 when no distance applies."""
    held = _holder(trigger)
    if held is not None:
        _head, words, sign, days = held
        return 0 if trigger.i not in words or time_start in words else sign * round(days)
    held = _holder(trigger.doc[time_start])
    if held is None:
        return 0
    head, words, sign, days = held
    clause = {t.i for t in clause_tokens(trigger)}
    if trigger.i in words or head.head.i not in clause | {trigger.i}:
        return 0
    return -sign * round(days)


def counted_from(trigger: Token) -> bool:
    """Whether ``trigger`` tells the happening a distance is counted from ("killed on Saturday,
    a week after the government *declared* an emergency"): a time mark for the sentence's
    news, not a step of its story."""
    held = _holder(trigger)
    return held is not None and trigger.i in held[1]


def shifted(start: dt.date, end: dt.date, days: int) -> tuple[dt.date, dt.date]:
    """A time moved by ``days``."""
    delta = dt.timedelta(days=days)
    return start + delta, end + delta


__all__ = ["counted_from", "offset_days", "shifted"]
