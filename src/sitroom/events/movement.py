"""Forces moving: who moved, and the ground they left.

"Hundreds of troops were deployed to the border", "police were mobilised in the capital": the
passive names the forces moved and nobody moving them, so the parse gives them as the second
party. For the types of ``moved_doer_types`` (``data/event_triggers.yaml``) they are the
event's doer, as ACLED codes a deployment: the forces are the actor. With a "by" the mover is
named and nothing changes ("troops were deployed by the government").

"US troops are leaving Syria", "the army abandoned Kherson": the object of a verb of leaving
(an event of ``leaving_modes``; not a release of hostages) is the ground left, where the
withdrawal happened, even when the place is also a party (a country), which the place finder
leaves to the actors.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Doc, Token

from sitroom.lang.docindex import DocIndex
from sitroom.lang.vocabulary.events import TriggersVocabulary
from sitroom.model import Event


def settle_moves(
    events: Sequence[Event], doc: Doc, index: DocIndex, words: TriggersVocabulary
) -> list[Event]:
    """The events, with the ground a leaving verb's object names as the place of a withdrawal
    without one, and the moved forces of a passive without a mover as the doers."""
    out: list[Event] = []
    for event in forces_moved(events, doc, words.moved_doer_types):
        if event.mode in words.leaving_modes and event.place is None:
            span = doc.char_span(*event.trigger, alignment_mode="expand")
            left = _ground_left(span.root, index) if span is not None else None
            if left is not None:
                event = event.model_copy(update={"place": left, "place_basis": "argument"})
        out.append(event)
    return out


def _ground_left(verb: Token, index: DocIndex) -> str | None:
    """The place the object of a verb of leaving names ("leaving *Syria*", "left *the town of
    X*"): the first place named in the object's phrase."""
    if verb.pos_ != "VERB":
        return None
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for tok in obj.subtree:
            if (place := index.location_at(tok.i)) is not None:
                return place
    return None


def forces_moved(events: Sequence[Event], doc: Doc, types: Collection[str]) -> list[Event]:
    """The events, with the moved forces of a passive without a mover made the doers."""
    out: list[Event] = []
    for event in events:
        if event.type in types and event.actor1 is None and event.actor2 is not None:
            span = doc.char_span(*event.trigger, alignment_mode="expand")
            kids = [c.dep_ for c in span.root.children] if span is not None else []
            if "nsubjpass" in kids and "agent" not in kids:
                inferred = [f for f in event.inferred if f != "actor2"]
                inferred += ["actor1"] if "actor2" in event.inferred else []
                event = event.model_copy(
                    update={
                        "actor1": event.actor2,
                        "actor2": None,
                        "co_actors1": event.co_actors2,
                        "co_actors2": [],
                        "inferred": inferred,
                    }
                )
        out.append(event)
    return out


__all__ = ["forces_moved", "settle_moves"]
