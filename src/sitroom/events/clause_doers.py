"""Doers settled from the clause around a mention once every mention of a document is read.

An act on an event is done to that event's doers ("police dispersed the protest"). A pronoun's
doer is chosen by what it does: "police beat and detained protesters as *they*
rallied against the law": the protesters rallied, not the police, although the police are the
nearer subject. For an act of a type whose doer is never of some actor types
(``event_triggers.yaml``'s ``pronoun_barred_doers``: a state's forces hold no rallies), a
pronoun subject that resolved to such an actor is resolved again with those types set aside;
when nothing else fits, the act keeps no doer rather than a wrong one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Doc

from sitroom.lang.docindex import DocIndex
from sitroom.lang.reference import antecedent
from sitroom.lang.syntax import agent
from sitroom.lang.vocabulary.grammar import grammar
from sitroom.model import ActorType, Event, PloverType


def rebind_pronoun_doers(
    doc: Doc,
    events: Sequence[Event],
    at: Mapping[int, int],
    index: DocIndex,
    barred: Mapping[PloverType, frozenset[ActorType]],
) -> list[Event]:
    """``events`` (``at``: trigger token index -> position) with the pronoun doers of barred
    types resolved again."""
    out = list(events)
    pronouns = grammar().group_pronouns
    for i, position in at.items():
        event = out[position]
        types: frozenset[str] = barred.get(event.type, frozenset())
        if not types or event.actor1 is None or index.entity_type.get(event.actor1) not in types:
            continue
        subj, passive = agent(doc[i])
        if passive or subj is None or subj.lower_ not in pronouns:
            continue
        found = antecedent(subj, index, barred=types)
        if found is not None and index.entity_type.get(found) in types:
            found = None  # a named organisation that antecedent lets through stays barred
        out[position] = event.model_copy(update={"actor1": found})
    return out


def done_to_doers(doc: Doc, events: list[Event], at: dict[int, int]) -> list[Event]:
    """An act on an event is done to that event's doers: "police dispersed the protest",
    "chose to suppress protests" (the protesters are the second party)."""
    out = list(events)
    for i, position in at.items():
        event = out[position]
        if event.actor2 is not None:
            continue
        objects = [c for c in doc[i].children if c.dep_ in {"dobj", "nsubjpass"} and c.i in at]
        for inner in (events[at[c.i]] for c in objects):
            if inner.actor1 is None or inner.actor1 == event.actor1:
                continue
            inferred = [*event.inferred, "actor2"] if "actor1" in inner.inferred else event.inferred
            out[position] = event.model_copy(update={"actor2": inner.actor1, "inferred": inferred})
            break
    return out


def course_doers(
    doc: Doc,
    events: Sequence[Event],
    at: Mapping[int, int],
    prepositions: frozenset[str],
    types: frozenset[PloverType],
) -> list[Event]:
    """The operation an act was done in is its doer's: "police detained 12 people *during
    raids*", "the suspect was captured *in a raid*, police said" (the arrest's doer, however
    found, does the raid). Only an operation of one of ``types`` (event_folding.yaml's
    ``course_types``: no protest, which the people arrested in it hold) with no doer of its own,
    through one of ``prepositions`` on the act's trigger."""
    out = list(events)
    for i, position in at.items():
        event = out[position]
        tok = doc[i]
        if event.actor1 is not None or event.type not in types or tok.dep_ != "pobj":
            continue
        prep = tok.head
        if prep.lower_ not in prepositions or prep.head.i == prep.i or prep.head.i not in at:
            continue
        outer = out[at[prep.head.i]]
        if outer.actor1 is None or outer.actor1 == event.actor2:
            continue
        inferred = [*event.inferred, "actor1"] if "actor1" in outer.inferred else event.inferred
        out[position] = event.model_copy(update={"actor1": outer.actor1, "inferred": inferred})
    return out


__all__ = ["course_doers", "done_to_doers", "rebind_pronoun_doers"]
