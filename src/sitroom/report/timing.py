"""Whether a reported figure counts the report's period, or is context from outside it.

A situation report's headline numbers must count the period: "two people were killed on
Monday" does, "accused of killing more than 200 civilians since late 2023" in the same June
article does not. ``figure_timing`` and ``fatality_timing`` are the one place that decides it:

1. what the extraction says: ``Figure.period`` (cumulative, historical) and ``Event.background``
   as the figures and events stages set them (read from the stored extraction);
2. the date of the event the number belongs to, against the period;
3. the nearest time expression in the number's sentence ("since late 2023", "in 1955"): one
   before the period makes the number a running total (it runs on to the article's date) or a
   past episode (it ends before the period);
4. a running-total word next to the number ("so far", "since"), from ``situation_report.yaml``.

Without a period start the reference is the article's publication date less ``RECENT_DAYS``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from typing import Literal

from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.situation_report import SituationReportWords
from sitroom.model import Event, Extraction, Figure, TimeSpan

Span = tuple[int, int]
Period = Literal["current", "cumulative", "historical", "background"]

# A report with no start date counts as "of the period" what its article dates to the month
# before publication: the span a flash update or a monthly overview covers.
RECENT_DAYS = 31
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?:\s+(?=[A-Z\"“‘(\[])|\s*$)|\n")


@dataclasses.dataclass(frozen=True)
class Timing:
    period: Period
    why: str | None = None  # for a number outside the period: why, in a few plain words

    @property
    def current(self) -> bool:
        return self.period == "current"


CURRENT = Timing("current")


@functools.cache
def words() -> SituationReportWords:
    return load_vocabulary(SituationReportWords)


def figure_timing(
    x: Extraction, figure: Figure, start: dt.date | None, end: dt.date | None
) -> Timing:
    """Whether ``figure`` of article ``x`` counts the period ``start``..``end``."""
    if figure.period != "current":
        # The figures stage says the figure is not of the period; the words around it usually
        # say why ('since late 2023'), which a reader wants to see. Keep them when they agree.
        worded = _text_timing(x, figure.span, sentence_around(x.document.text, figure.span), start)
        if worded.period == figure.period:
            return worded
        if figure.period == "cumulative":
            return Timing("cumulative", "a running total, as the article words it")
        return Timing("historical", "a past episode, as the article words it")
    event = next((e for e in x.events if e.id == figure.event), None) if figure.event else None
    if event is not None:
        found = _event_timing(event, start, end)
        if not found.current:
            return found
    return _text_timing(x, figure.span, sentence_around(x.document.text, figure.span), start)


def fatality_timing(
    x: Extraction, event: Event, start: dt.date | None, end: dt.date | None
) -> Timing:
    """Whether the fatalities ``event`` reports count the period ``start``..``end``."""
    found = _event_timing(event, start, end)
    if not found.current or event.fatalities is None:
        return found
    # The figure the count was read from, if the figures stage tied one to the event.
    figure = next(
        (f for f in x.figures if f.event == event.id and f.value == event.fatalities), None
    )
    if figure is not None:
        return figure_timing(x, figure, start, end)
    return _text_timing(x, event.trigger, event.sentence, start)


def _event_timing(event: Event, start: dt.date | None, end: dt.date | None) -> Timing:
    if event.background:
        return Timing("background", "about a background event, not a development of the period")
    first = event.date.start or event.date.end
    last = event.date.end or event.date.start
    if start and last and last < start:
        return Timing("historical", f"about an event of {_day(last)}, before the period")
    if end and first and first > end:
        return Timing("historical", f"about an event of {_day(first)}, after the period")
    return CURRENT


def _text_timing(x: Extraction, anchor: Span, sentence: Span, start: dt.date | None) -> Timing:
    reference = start or (
        x.document.published - dt.timedelta(days=RECENT_DAYS) if x.document.published else None
    )
    time = _nearest_time(x.times, anchor, sentence)
    if reference is not None and time is not None and time.start < reference:
        written = " ".join(time.text.split())
        if time.end >= reference:
            return Timing("cumulative", f"a running total (“{written}”), from before the period")
        return Timing("historical", f"a past episode (“{written}”), before the period")
    cue = _running_cue(x.document.text, anchor, sentence)
    if cue is not None:
        return Timing("cumulative", f"a running total (“{cue}”), not a count of the period")
    return CURRENT


def _nearest_time(times: list[TimeSpan], anchor: Span, sentence: Span) -> TimeSpan | None:
    """The time expression of the sentence closest to ``anchor``, in characters."""
    inside = [t for t in times if sentence[0] <= t.span[0] and t.span[1] <= sentence[1]]
    if not inside:
        return None
    return min(inside, key=lambda t: _gap(t.span, anchor))


def _running_cue(text: str, anchor: Span, sentence: Span) -> str | None:
    """A running-total word within ``cue_window`` words after the number, as written."""
    window = words().cue_window
    after = list(_WORD.finditer(text, anchor[1], sentence[1]))[: window + 2]
    lowered = " ".join(m.group(0).lower() for m in after)
    for cue in words().running_toll_cues:
        found = re.search(rf"(?:^| ){re.escape(cue)}(?: |$)", lowered)
        if found and lowered[: found.start()].count(" ") < window:
            return cue
    return None


def sentence_around(text: str, span: Span) -> Span:
    """The sentence around ``span``, cut at sentence ends (not at decimal points)."""
    left = 0
    for match in _SENTENCE_END.finditer(text, 0, span[0]):
        left = match.end()
    after = _SENTENCE_END.search(text, span[1])
    return (left, after.end() if after else len(text))


def _gap(a: Span, b: Span) -> int:
    return max(a[0] - b[1], b[0] - a[1], 0)


def _day(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


__all__ = [
    "CURRENT",
    "RECENT_DAYS",
    "Timing",
    "fatality_timing",
    "figure_timing",
    "sentence_around",
    "words",
]
