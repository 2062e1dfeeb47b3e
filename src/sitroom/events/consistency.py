"""One happening told many times in one article carries one set of arguments.

A long report tells its main happening again and again: the lede, a relative clause ("the base,
*which was attacked* ..."), a pronoun subject ("*they* bombed a camp"), an official's quote, "the
attack on X" in a recap. The folding (``events/folding.py``) makes one event of the mentions it
can, but a mention reported otherwise stays an event of its own, and two mentions that name two
doers or two places are never folded: a later telling that resolved its pronoun to the wrong
person, or that took the story's place, would then stand as a second happening with wrong
arguments.

**Rule.** For each pair of events the folding found may tell one happening (one restates the
other but is reported otherwise, or they would have been folded but for the doer or the place:
``Folded.near``), each of actor1 and place is compared by how firmly each event states it:

- actor1: *stated* when its own clause names the doer (a subject, a "by" agent, a claim); *weak*
  when it was filled in from the article's context (``Event.inferred``) or its doer is a pronoun
  (``grammar.yaml`` ``subject_pronouns``, ``oblique_pronouns``: "we", "they", resolved to a
  nearby actor that may be the speaker), or the event is told by a noun that is the object of
  another act by the same doer ("the government *blamed* X for *the attack*"); *absent* when
  there is none;
- place: *stated* when the event's own sentence gives it (``place_basis`` argument or sentence),
  the more firmly when it is the event's own argument ("attacked a post *in Kabul*") than when
  the sentence only names it; *weak* when only the story gave it (``document``); *absent* when
  none. A place that holds the other's stated place (a country, a province, for a town) gives
  way to it.

When both give different doers alike (both stated, or both weak), or both state different places
alike neither of which holds the other, the two are two happenings, or nothing tells which is right,
and neither changes (a background happening elsewhere keeps its own arguments; so does one of
another standing). Else the weaker takes the stated value; the taken doer is listed in
``Event.inferred``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet

from spacy.tokens import Doc, Token

from sitroom.lang.linked import linked_groups
from sitroom.lang.syntax import agent
from sitroom.lang.vocabulary.grammar import grammar
from sitroom.model import Event, InferredField

_ABSENT, _WEAK, _STATED = 0, 1, 2
# A place said as the event's own argument ("attacked a post *in Kabul*") is firmer than one its
# sentence only names; both are stated, the story's place ("document") is not.
_PLACE_STRENGTHS = {"argument": _STATED + 1, "sentence": _STATED, "document": _WEAK}


def _pronoun_doer(trigger: Token | None) -> bool:
    """Whether the doer of the trigger's clause is a personal pronoun ("*they* bombed a camp")."""
    if trigger is None:
        return False
    doer = agent(trigger).token
    words = grammar()
    pronouns = words.subject_pronouns | words.oblique_pronouns
    return doer is not None and doer.pos_ == "PRON" and doer.lower_ in pronouns


_CLIMB = 3  # heads looked at above a noun trigger for the act whose object it is


def _doer_of_governing_act(
    trigger: Token | None, doer: str | None, acts: Mapping[int, Event]
) -> bool:
    """Whether a noun trigger's doer is the doer of an act its phrase is the object of: "the
    government *blamed* X for *the attack*", "the UN *condemned the attack*" say who blamed or
    condemned, not who attacked ("*Al-Shabaab's attack*", "an attack by X", a group that
    claimed it do)."""
    if trigger is None or doer is None or trigger.pos_ != "NOUN":
        return False
    token = trigger
    for _ in range(_CLIMB):
        if token.head.i == token.i:
            return False
        token = token.head
        act = acts.get(token.i)
        if act is not None:
            return act.actor1 == doer
    return False


def _actor_strength(event: Event, trigger: Token | None, acts: Mapping[int, Event]) -> int:
    if event.actor1 is None:
        return _ABSENT
    if "actor1" in event.inferred or _pronoun_doer(trigger):
        return _WEAK
    return _WEAK if _doer_of_governing_act(trigger, event.actor1, acts) else _STATED


def _place_strength(event: Event) -> int:
    if event.place is None:
        return _ABSENT
    return _PLACE_STRENGTHS.get(event.place_basis or "", _WEAK)


def _holds(
    outer: str | None, inner: str | None, containers: Mapping[str, AbstractSet[str]]
) -> bool:
    """Whether place ``outer`` is another place that holds ``inner``."""
    if outer is None or inner is None or outer == inner:
        return False
    return outer in containers.get(inner, frozenset())


def _innermost(said: Sequence[Event], containers: Mapping[str, AbstractSet[str]]) -> Event | None:
    """The telling whose place every other place of ``said`` holds (or is); None when none is."""
    for e in said:
        if all(o.place == e.place or _holds(o.place, e.place, containers) for o in said):
            return e
    return None


def _apart(
    one: Event,
    other: Event,
    strengths: Mapping[str, tuple[int, int]],
    containers: Mapping[str, AbstractSet[str]],
) -> bool:
    """Whether two events that may tell one happening are two: of two standings, two doers
    given alike (both stated, or both weak: nothing tells which is right), or two places
    stated neither of which holds the other."""
    if one.background != other.background:
        return True
    (actor_a, place_a), (actor_b, place_b) = strengths[one.id], strengths[other.id]
    if one.actor1 != other.actor1 and actor_a == actor_b != _ABSENT:
        return True
    return (
        one.place != other.place
        and place_a == place_b >= _STATED
        and not _holds(one.place, other.place, containers)
        and not _holds(other.place, one.place, containers)
    )


def _tellings(ids: Sequence[str], pairs: Sequence[tuple[str, str]]) -> list[list[str]]:
    """The events joined by the pairs, transitively: the tellings of each happening."""
    return [group for group in linked_groups(ids, pairs) if len(group) > 1]


def _agreed(
    group: Sequence[Event],
    strengths: Mapping[str, tuple[int, int]],
    containers: Mapping[str, AbstractSet[str]],
) -> dict[str, dict[str, object]]:
    """What each telling of one happening takes: the one doer stated, and the innermost place
    stated when every place stated holds it; nothing when the tellings state two."""
    updates: dict[str, dict[str, object]] = {}
    doers = {e.actor1 for e in group if strengths[e.id][0] == _STATED}
    if len(doers) == 1:
        doer = doers.pop()
        for e in group:
            if e.actor1 != doer and strengths[e.id][0] < _STATED:
                updates.setdefault(e.id, {})["actor1"] = doer
    said = [e for e in group if strengths[e.id][1] >= _STATED]
    inner = _innermost(said, containers)
    if inner is None and said:
        # Places stated apart: the one said as the event's argument, if only it is innermost.
        top = max(strengths[e.id][1] for e in said)
        inner = _innermost([e for e in said if strengths[e.id][1] == top], containers)
    if inner is not None:
        rank = strengths[inner.id][1]
        for e in group:
            if e.place != inner.place and (
                strengths[e.id][1] < rank or _holds(e.place, inner.place, containers)
            ):
                updates.setdefault(e.id, {}).update(
                    place=inner.place, place_basis=inner.place_basis
                )
    return updates


def consistent_arguments(
    events: Sequence[Event],
    near: Sequence[tuple[str, str]],
    doc: Doc,
    containers: Mapping[str, AbstractSet[str]],
) -> list[Event]:
    """``events`` with the weak doers and places of the tellings of one happening (``near``:
    pairs of event ids that may tell one) taken from the telling that states them. Pairs that
    are two happenings (:func:`_apart`) join nothing; a happening whose tellings state two
    doers or two places keeps them all. Strengths are read before any change."""
    by_id = {e.id: e for e in events}
    starts = {t.idx: t for t in doc}
    acts = {starts[e.trigger[0]].i: e for e in events if e.trigger[0] in starts}
    strengths = {
        e.id: (_actor_strength(e, starts.get(e.trigger[0]), acts), _place_strength(e))
        for e in events
    }
    pairs = [
        (one, other)
        for one, other in near
        if one in by_id
        and other in by_id
        and not _apart(by_id[one], by_id[other], strengths, containers)
    ]
    updates: dict[str, dict[str, object]] = {}
    for group in _tellings([e.id for e in events], pairs):
        updates.update(_agreed([by_id[i] for i in group], strengths, containers))
    out = []
    for event in events:
        update = dict(updates.get(event.id, {}))
        if "actor1" in update and update["actor1"] == event.actor2:
            del update["actor1"]  # the doer taken would be the event's own victim
        if "actor1" in update:
            inferred: list[InferredField] = [*event.inferred, "actor1"]
            update["inferred"] = list(dict.fromkeys(inferred))
        out.append(event.model_copy(update=update) if update else event)
    return out


__all__ = ["consistent_arguments"]
