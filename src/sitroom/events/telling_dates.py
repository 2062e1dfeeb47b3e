"""The tellings of one happening carry the day their own clauses state.

A lede often dates its happening only by its reporting clause ("gunmen attacked a police post,
the ministry said *on Wednesday*"), or not at all (the week before publication), and a later
telling gives the day in its own clause ("the gunmen attacked the post *on Monday* night").
The folding (``events/folding.py``) prefers such a day among the mentions it folds into one
event; this module does the same for the events it leaves apart but finds may tell one
happening (``Folded.near``, once ``events/consistency.py`` has made their doers and places
agree).

**Rule.** An event's day is *stated* when its own clause, or that of a mention folded into it,
gives a time (``events/dating.own_clause_dated``). Of the tellings of one happening (the near
pairs, joined transitively; a pair whose two events are of two standings, name two doers or
two places neither of which holds the other is two happenings), the tellings whose day is not
stated take the day stated, when the stated days are one, or nest in one (the week "last week"
and its Friday: the Friday). Tellings that state two days apart keep them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet

from spacy.tokens import Doc

from sitroom.events.dating import own_clause_dated
from sitroom.lang.docindex import DocIndex
from sitroom.lang.linked import linked_groups
from sitroom.model import Event, EventDate


def _stated(
    events: Sequence[Event], doc: Doc, index: DocIndex, mentions: Mapping[int, str]
) -> set[str]:
    """The events whose own clause, or a folded mention's, dates them."""
    starts = {t.idx: t for t in doc}
    heard: dict[str, list[int]] = {}
    for e in events:
        heard.setdefault(e.id, []).append(e.trigger[0])
    for start, event_id in mentions.items():
        heard.setdefault(event_id, []).append(start)
    return {
        event_id
        for event_id, at in heard.items()
        if any((t := starts.get(a)) is not None and own_clause_dated(t, index) for a in at)
    }


def _two(one: Event, other: Event, containers: Mapping[str, AbstractSet[str]]) -> bool:
    """Whether two events that may tell one happening are two (see the module docstring)."""
    if one.background != other.background:
        return True
    if one.actor1 and other.actor1 and one.actor1 != other.actor1:
        return True
    a, b = one.place, other.place
    return bool(
        a
        and b
        and a != b
        and a not in containers.get(b, frozenset())
        and b not in containers.get(a, frozenset())
    )


def _inside(inner: EventDate, outer: EventDate) -> bool:
    assert inner.start and inner.end and outer.start and outer.end
    return outer.start <= inner.start and inner.end <= outer.end


def _innermost(dates: Sequence[EventDate]) -> EventDate | None:
    """The date every other of ``dates`` holds (or is); None when there is none."""
    spans = [d for d in dates if d.start and d.end]
    if len(spans) != len(dates):
        return None
    return next((d for d in spans if all(_inside(d, o) for o in spans)), None)


def consistent_dates(
    events: Sequence[Event],
    near: Sequence[tuple[str, str]],
    doc: Doc,
    index: DocIndex,
    mentions: Mapping[int, str],
    containers: Mapping[str, AbstractSet[str]],
) -> list[Event]:
    """``events`` with the tellings of one happening whose own clauses state no day given the
    day the others state (module docstring). ``mentions``: where each folded mention stood ->
    the id of the event it was folded into."""
    by_id = {e.id: e for e in events}
    pairs = [
        (a, b)
        for a, b in near
        if a in by_id and b in by_id and not _two(by_id[a], by_id[b], containers)
    ]
    if not pairs:
        return list(events)
    stated = _stated(events, doc, index, mentions)
    updates: dict[str, EventDate] = {}
    for group in linked_groups([e.id for e in events], pairs):
        said = [by_id[i].date for i in group if i in stated]
        day = _innermost(said) if said else None
        if day is None:
            continue
        for i in group:
            if i not in stated and by_id[i].date != day:
                updates[i] = day
    return [e.model_copy(update={"date": updates[e.id]}) if e.id in updates else e for e in events]


__all__ = ["consistent_dates"]
