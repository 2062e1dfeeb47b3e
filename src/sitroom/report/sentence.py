"""One plain sentence per development: who did what to whom, where, when.

The words are the dashboard's: ``sitroom.service.describe.describe_event`` says what happened
and where, so that the feed and the report say the same thing about the same event. The report
adds its own framing around it: the place with its province and country, the date at its
precision ("in the week of 31 August 2021") instead of the dashboard's "(outlet, date)", a full
stop, and (in ``text``) who claims or denies it. A development gathers mentions of several
modalities; the report frames those itself, so the shared line is asked for as asserted.

- both actors: "Taliban fought National Resistance Front of Afghanistan in Panjshir on …"
- the actor only: "Hill Brigade carried out an attack in Kadugli …"
- neither: "Fighting was reported in Juba in the week of 4 November 2011."
"""

from __future__ import annotations

import datetime as dt

from sitroom.report.model import Development
from sitroom.service.describe import describe_event


def describe(d: Development, *, with_country: bool = True) -> str:
    """The development in one sentence, with its place and date; no sources, no framing."""
    line = describe_event(
        type=d.type,
        mode=d.mode,
        actor1=d.actor1,
        actor2=d.actor2,
        place=place_words(d, with_country=with_country),
    )
    when = date_phrase(d)
    return _sentence(f"{line} {when}" if when else line)


def place_words(d: Development, *, with_country: bool = True) -> str | None:
    """ "Panjshir", "Kabul, Kabul Province": the place, and its province if it differs."""
    if not d.place:
        return None
    parts = [d.place]
    if d.admin1 and d.admin1 != d.place:
        parts.append(d.admin1)
    if with_country and d.country and d.country_name and d.country_name not in parts:
        parts.append(d.country_name)
    return ", ".join(parts)


def date_phrase(d: Development) -> str | None:
    """ "on 6 September 2021", "in the week of 31 August 2021", "in November 2011"…"""
    start, end = d.date_start or d.date_end, d.date_end or d.date_start
    if start is None or end is None:
        return None
    precision = d.date_precision
    if precision == "year":
        return f"in {start.year}"
    if precision == "month":
        return f"in {start:%B %Y}"
    if precision == "week":
        return f"in the week of {day(start)}"
    if start == end:
        return f"on {day(start)}"
    return f"between {span(start, end)}"


def day(value: dt.date) -> str:
    """6 September 2021."""
    return f"{value.day} {value:%B %Y}"


def span(start: dt.date, end: dt.date, joiner: str = "and") -> str:
    """ "3 and 10 November 2011", "28 October and 4 November 2011", across years in full."""
    if start.year != end.year:
        return f"{day(start)} {joiner} {day(end)}"
    if start.month != end.month:
        return f"{start.day} {start:%B} {joiner} {day(end)}"
    return f"{start.day} {joiner} {day(end)}"


def period_words(start: dt.date | None, end: dt.date | None) -> str | None:
    """ "1 to 7 September 2021", "from 1 September 2021", "up to …"; None without dates."""
    if start and end:
        return day(start) if start == end else span(start, end, "to")
    if start:
        return f"from {day(start)}"
    if end:
        return f"up to {day(end)}"
    return None


def _sentence(value: str) -> str:
    value = " ".join(value.split())
    return value[:1].upper() + value[1:] + ("" if value.endswith((".", "!", "?")) else ".")


__all__ = ["date_phrase", "day", "describe", "period_words", "place_words", "span"]
