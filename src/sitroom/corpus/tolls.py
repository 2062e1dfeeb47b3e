"""Which counts a headline total may add up: the tolls of the news, never of its background.

An article about Monday's attack also says *more than 900 civilians have been killed since
2022* (a running total) and *the group killed 2,000 people in 2012* (a past toll). Adding
those to Monday's dead would count the same people twice, or count the past as news. The rule,
for the situation report and the exports alike:

- a figure counts only when its period is ``current`` and the event it counts, if any, is not
  background (``counts_in_total``);
- an event's fatalities count only when the event is not background and no figure behind them
  is cumulative or historical (``counted_fatalities``): the events stage reads "killing 200"
  as fatalities whatever the clause's time, the figures stage knows the time.

``headline_total`` applies the rule to extractions: the fatalities of their news events, each
event's once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from sitroom.model import Event, Extraction, Figure


def counts_in_total(figure: Figure, event: Event | None) -> bool:
    """May ``figure`` (counting ``event``, if any) be added to a headline total?"""
    return figure.period == "current" and (event is None or not event.background)


def counted_fatalities(event: Event, figures: Sequence[Figure]) -> int | None:
    """``event.fatalities`` when a total may add them, else ``None``: not for a background
    event, nor when a figure of the event with that value is cumulative or historical."""
    if event.fatalities is None or event.background:
        return None
    behind = [f for f in figures if f.event == event.id and f.value == event.fatalities]
    if any(f.period != "current" for f in behind):
        return None
    return event.fatalities


@dataclasses.dataclass(frozen=True)
class HeadlineTotal:
    """Fatalities summed over the news events, and what was left out."""

    total: int
    events: int  # events whose fatalities were added
    excluded: int  # events with fatalities left out: background, or a running or past toll


def headline_total(extractions: Iterable[Extraction]) -> HeadlineTotal:
    """The fatalities of the news events of ``extractions``, per ``counted_fatalities``."""
    total = events = excluded = 0
    for extraction in extractions:
        for event in extraction.events:
            if event.fatalities is None:
                continue
            counted = counted_fatalities(event, extraction.figures)
            if counted is None:
                excluded += 1
            else:
                total += counted
                events += 1
    return HeadlineTotal(total=total, events=events, excluded=excluded)


__all__ = ["HeadlineTotal", "counted_fatalities", "counts_in_total", "headline_total"]
