"""When an event happened: the time the sentence gives its trigger (``event_date``)."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from sitroom.lang.docindex import DocIndex
from sitroom.lang.period import clause_tokens, news_precise, simultaneous_time
from sitroom.lang.sentences import sentence_of
from sitroom.lang.time_offset import offset_days, shifted
from sitroom.lang.token_times import times_starting_in
from sitroom.model import EventDate


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


__all__ = ["event_date"]
