"""The two sides of an article's armed conflict, and the violent events that name only one;
the doer of an attack that another mention of the same victim names; and the doer of an act
that the article's other acts of its kind all give to one actor.

Reports name the parties of a conflict once and then speak of "the takeover of the province" or
"fighting with the NRFA". ACLED codes such an event with both sides; sitroom does the same when
the article makes the sides clear, and lists the completed field in ``Event.inferred``. The
rules and their thresholds are in ``data/sides.yaml`` (schema: ``SideRules``).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from functools import partial

from sitroom.lang.vocabulary.events import DoerKind, OneSidedRule, SideRules
from sitroom.model import Event


def one_sided(
    kind: str,
    mode: str | None,
    actor1_type: str | None,
    actor2_type: str | None,
    rules: Sequence[OneSidedRule],
) -> OneSidedRule | None:
    """The first rule of ``sides.yaml``'s ``one_sided`` that recodes a violent event of type
    ``kind`` and ``mode`` between parties of these kinds ("protesters stormed the building" is
    no battle)."""
    for rule in rules:
        if kind not in rule.types or (rule.modes is not None and mode not in rule.modes):
            continue
        if rule.actor1_types is not None and actor1_type not in rule.actor1_types:
            continue
        if rule.actor2_types is not None and actor2_type not in rule.actor2_types:
            continue
        return rule
    return None


def _violent(event: Event, rules: SideRules) -> bool:
    return event.type in rules.types and event.modality in rules.modalities


def main_sides(
    events: Sequence[Event], actor_type: Mapping[str, str | None], rules: SideRules
) -> tuple[str, str] | None:
    """The article's two sides, or None when its violent events don't make two clear."""
    counts: Counter[str] = Counter()
    agents: set[str] = set()
    targets: set[str] = set()
    for event in events:
        if not _violent(event, rules):
            continue
        for actor, roles in ((event.actor1, agents), (event.actor2, targets)):
            if actor is not None and actor_type.get(actor) in rules.actor_types:
                counts[actor] += 1
                roles.add(actor)
    ranked = counts.most_common(3)
    if len(ranked) < 2 or ranked[1][1] < rules.min_mentions:
        return None
    if len(ranked) == 3 and ranked[2][1] == ranked[1][1]:
        return None  # a third party as present as the second: no single opponent
    first, second = ranked[0][0], ranked[1][0]
    # Opponents: one of them acts against the other somewhere. Two parties that are only ever
    # attacked ("a plot to attack a base and a police station") are no sides of one conflict.
    if not ({first, second} & agents and {first, second} & targets):
        return None
    if {first, second} <= agents - targets or {first, second} <= targets - agents:
        return None
    return first, second


def _meets(event: Event, other: Event, slack: dt.timedelta) -> bool:
    """The other side's mention is at the event's place (or the event has none) and time."""
    if event.place is not None and other.place != event.place:
        return False
    a, b = event.date, other.date
    if a.start is None or a.end is None or b.start is None or b.end is None:
        return True
    return a.start - slack <= b.end and b.start - slack <= a.end


def complete_sides(
    events: Sequence[Event],
    actor_type: Mapping[str, str | None],
    rules: SideRules,
    open_ids: Collection[str] | None = None,
) -> list[Event]:
    """``events`` with one-sided violent events given the article's other side; with
    ``open_ids``, only those events may be completed (the others name another patient)."""
    sides = main_sides(events, actor_type, rules)
    if sides is None:
        return list(events)
    opposite = {sides[0]: sides[1], sides[1]: sides[0]}
    present = {side: [e for e in events if _violent(e, rules) and side in (e.actor1, e.actor2)]
               for side in sides}  # fmt: skip
    out: list[Event] = []
    for event in events:
        known = event.actor1 or event.actor2
        one_sided = (event.actor1 is None) != (event.actor2 is None)
        may = open_ids is None or event.id in open_ids
        if may and _violent(event, rules) and one_sided and known in opposite:
            other = opposite[known]
            if any(_meets(event, seen, rules.date_slack) for seen in present[other]):
                field = "actor2" if event.actor2 is None else "actor1"
                event = event.model_copy(
                    update={field: other, "inferred": [*event.inferred, field]}
                )
        out.append(event)
    return out


def _same_time(a: Event, b: Event, slack: dt.timedelta) -> bool:
    x, y = a.date, b.date
    if x.start is None or x.end is None or y.start is None or y.end is None:
        return True
    return x.start - slack <= y.end and y.start - slack <= x.end


def doer_of_victim(
    events: Sequence[Event], types: Collection[str], slack: dt.timedelta
) -> list[Event]:
    """``events`` with each attack that names its victim but no doer ("X died after being
    shot") given the doer of the nearest other attack on that victim ("assailants attacked X"),
    if it is told as happening at the same time and is as much news or background."""
    # The attacks that name a doer, by victim and standing, in order: the donors are looked
    # for among those of the victim, nearest first, not among all events.
    donors: dict[tuple[str | None, bool], list[int]] = {}
    for m, other in enumerate(events):
        named = other.actor2 is not None and other.actor1 not in (None, other.actor2)
        if named and other.type in types:
            donors.setdefault((other.actor2, other.background), []).append(m)
    out = list(events)
    for n, event in enumerate(events):
        if event.actor1 is not None or event.actor2 is None or event.type not in types:
            continue
        pool = donors.get((event.actor2, event.background), [])
        donor = _nearest(pool, n, partial(_same_time_as, event, events, slack))
        if donor is not None:
            out[n] = event.model_copy(
                update={"actor1": events[donor].actor1, "inferred": [*event.inferred, "actor1"]}
            )
    return out


def doer_of_kind(
    events: Sequence[Event],
    kinds: Sequence[DoerKind],
    slack: dt.timedelta,
    own_side: Collection[str] = (),
    sure: Collection[str] = (),
    actor_types: Mapping[str, str | None] | None = None,
) -> list[Event]:
    """``events`` with each one that names no doer ("another man was arrested", "a protester
    was shot", "they arrested three": a pronoun with nothing to stand for) given the doer of
    its kind, when the article names exactly one for the events of that kind (one of
    ``kinds``, a group of types) of its standing, news or background, told at the same time
    (and at the same place, or both at none, when the kind says so; "the same time" is the
    kind's own number of days when it gives one):
    an article whose only arrester is the police has the police make its other arrests too.
    Two doers of one kind ("rebels attacked, the army struck back") leave it empty, and so does
    a doer that the article's acts of that kind are done to as well ("X killed Y in 1968 ... X
    was stabbed": X is no longer the only one who acts). Events of ``own_side`` (ids) name
    their doer as the speaker's side ("our troops repelled the assault"): never filled. A doer
    filled before lends only for the events of ``sure`` (ids: a police force reporting its
    own arrest, ``events.reported_arrests``). With ``actor_types`` (entity id -> type), a doer
    whose acts are done to one of its kind's ``armed_done_to`` types ("police shot dead the
    gunman", "youths injured 27 officers") lends nothing to an act naming no one it was done to
    ("the shooting") or someone of no such type ("four people were shot dead"): that act may
    be the other armed side's."""
    kind_of = {kind: n for n, group in enumerate(kinds) for kind in group.types}
    out = list(events)
    for n, event in enumerate(events):
        kind = kind_of.get(event.type)
        if event.actor1 is not None or kind is None or event.id in own_side:
            continue
        lending = kinds[kind].modalities
        days = kinds[kind].date_slack_days
        near = slack if days is None else dt.timedelta(days=days)
        told = [
            other
            for other in events
            if kind_of.get(other.type) == kind
            and (lending is None or other.modality in lending)
            and other.background == event.background
            and (other.place == event.place or not kinds[kind].same_place)
            and _same_time(event, other, near)
        ]
        doers = {
            o.actor1
            for o in told
            if o.actor1 is not None and ("actor1" not in o.inferred or o.id in sure)
        }
        done_to = {o.actor2 for o in told}
        armed = kinds[kind].armed_done_to
        types = actor_types or {}
        if types.get(event.actor2 or "") not in armed and any(
            types.get(o.actor2 or "") in armed for o in told if o.actor1 in doers
        ):
            continue
        if len(doers) == 1 and (doer := doers.pop()) != event.actor2 and doer not in done_to:
            out[n] = event.model_copy(
                update={"actor1": doer, "inferred": [*event.inferred, "actor1"]}
            )
    return out


def _same_time_as(event: Event, events: Sequence[Event], slack: dt.timedelta, m: int) -> bool:
    return _same_time(event, events[m], slack)


def _nearest(pool: list[int], n: int, fits: Callable[[int], bool]) -> int | None:
    """The index of ``pool`` (sorted, without ``n``) nearest to ``n`` that ``fits``; of two as
    near, the earlier."""
    right = bisect_left(pool, n)
    left = right - 1
    while left >= 0 or right < len(pool):
        if right >= len(pool) or (left >= 0 and n - pool[left] <= pool[right] - n):
            m, left = pool[left], left - 1
        else:
            m, right = pool[right], right + 1
        if fits(m):
            return m
    return None


__all__ = ["complete_sides", "doer_of_kind", "doer_of_victim", "main_sides", "one_sided"]
