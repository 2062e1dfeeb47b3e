"""When an event happened: the time the sentence gives its trigger (``event_date``), and whether
that time is its own clause's (``own_clause_dated``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from sitroom.lang.docindex import DocIndex
from sitroom.lang.period import clause_tokens, news_precise, simultaneous_time
from sitroom.lang.sentences import sentence_of
from sitroom.lang.time_offset import offset_days, shifted
from sitroom.lang.token_times import times_starting_in
from sitroom.model import Event, EventDate


def event_date(trig: Token, modality: str, index: DocIndex) -> EventDate:
    """The date of the event whose trigger is ``trig``: a time of its own clause first, else
    of the clause it hangs on or one embedded in it, else the sentence's only time, shifted
    by a distance counted from it ("48 hours after the bombing"); undated past events fall in
    the week before publication; planned and hypothetical ones stay undated."""
    sent = sentence_of(trig)
    in_sentence = times_starting_in(index.times, sent.start, sent.end)
    # A time of the trigger's own clause first, then of the clause it hangs on ("said on
    # Wednesday") or of one embedded in its own, where a day's time often hangs ("beat women
    # protesting outside the ministry on Saturday"); never a year or a decade of a clause
    # embedded in its own ("arrested an officer accused of a killing in the 1980s": the
    # killing's).
    own = {t.i for t in clause_tokens(trig)}
    embedded = {t.i for t in trig.subtree} - own
    subtree = own | embedded | {t.i for t in trig.head.subtree}
    attached = [
        t
        for s, _e, t in sorted(in_sentence, key=lambda x: x[0] not in own)
        if s in subtree and (s not in embedded or news_precise(t))
    ]
    alone = in_sentence[0] if len(in_sentence) == 1 else None
    if alone is not None and alone[0] in embedded and not news_precise(alone[2]):
        alone = None
    chosen = attached[0] if attached else (alone[2] if alone is not None else None)
    if chosen is None and len(in_sentence) > 1:
        chosen = simultaneous_time(trig, index.times)  # "... on Tuesday as fighting resumed"
    if chosen is not None:
        # "48 hours after the bombing": the bombing's day counted back from the sentence's
        first = next((s for s, _e, t in in_sentence if t is chosen), None)
        days = 0 if first is None else offset_days(trig, first)
        start, end = shifted(chosen.start, chosen.end, days)
        return EventDate(start=start, end=end, precision=chosen.precision)
    if index.published is None or modality in {"planned", "conditional", "hypothetical"}:
        return EventDate()
    # Undated past events are reported within the week before publication.
    return EventDate(
        start=index.published - dt.timedelta(days=6), end=index.published, precision="week"
    )


def own_clause_dated(trig: Token, index: DocIndex) -> bool:
    """Whether the trigger's own clause gives it a time ("the fighters took the town *on
    Monday*"), rather than the clause it hangs on ("rebels seized the town, the army said *on
    Wednesday*": the day of the telling, which the happening may precede) or nothing (the week
    before publication)."""
    sent = sentence_of(trig)
    own = {t.i for t in clause_tokens(trig)}
    # A day of a clause embedded in its own counts, as ``event_date`` reads it ("was shot as he
    # closed his shop *on December 12*"); a year there is that clause's.
    embedded = {t.i for t in trig.subtree} - own
    return any(
        start in own or (start in embedded and news_precise(time))
        for start, _e, time in times_starting_in(index.times, sent.start, sent.end)
    )


def stated_dates(events: Sequence[Event], doc: Doc, index: DocIndex) -> frozenset[str]:
    """The ids of the events whose own clause states when they happened (``own_clause_dated``):
    of the tellings of one happening, theirs is the day it happened."""
    starts = {t.idx: t for t in doc}
    return frozenset(
        e.id
        for e in events
        if (trig := starts.get(e.trigger[0])) is not None and own_clause_dated(trig, index)
    )


__all__ = ["event_date", "own_clause_dated", "stated_dates"]
