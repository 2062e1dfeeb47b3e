"""One plain sentence per development: who did what to whom, where, when.

Small and pure (a ``Development`` in, a string out) so that the dashboard's
``describe_event`` and this can become one function. The verb of each PLOVER type is in
``situation_report.yaml`` (``development_phrases``); a missing actor is left out, never guessed:

- both actors: "Taliban fought National Resistance Front of Afghanistan in Panjshir on …"
- the actor only: "Taliban fought in Panjshir …"
- the target only: "An attack on police was reported in Herat on 19 August 2021."
- neither: "Fighting was reported in Juba in the week of 4 November 2011."
"""

from __future__ import annotations

import datetime as dt

from sitroom.report.model import Development
from sitroom.report.timing import words


def describe(d: Development, *, with_country: bool = True) -> str:
    """The development in one sentence, with its place and date; no sources, no framing."""
    phrase = words().development_phrases.get(d.type)
    where = where_phrase(d, with_country=with_country)
    when = date_phrase(d)
    tail = "".join(f" {part}" for part in (where, when) if part)
    if phrase is None:  # a type the phrases file does not know: say its code
        body = " ".join(p for p in (d.actor1, d.type.lower(), d.actor2) if p)
        return _sentence(f"{body}{tail}")
    if d.actor1 and d.actor2:
        return _sentence(f"{d.actor1} {phrase.verb} {d.actor2}{tail}")
    if d.actor1:
        return _sentence(f"{d.actor1} {phrase.alone}{tail}")
    noun = f"{phrase.noun} {phrase.toward} {d.actor2}" if d.actor2 else phrase.noun
    verb = "were" if phrase.plural else "was"
    return _sentence(f"{noun} {verb} reported{tail}")


def where_phrase(d: Development, *, with_country: bool = True) -> str | None:
    """ "in Panjshir", "in Kabul, Kabul Province": the place, and its province if it differs."""
    if not d.place:
        return None
    parts = [d.place]
    if d.admin1 and d.admin1 != d.place:
        parts.append(d.admin1)
    if with_country and d.country and d.country_name and d.country_name not in parts:
        parts.append(d.country_name)
    return "in " + ", ".join(parts)


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


__all__ = ["date_phrase", "day", "describe", "period_words", "span", "where_phrase"]
