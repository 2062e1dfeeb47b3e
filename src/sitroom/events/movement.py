"""Forces moved without a mover named: the forces are the doers.

"Hundreds of troops were deployed to the border", "police were mobilised in the capital": the
passive names the forces moved and nobody moving them, so the parse gives them as the second
party. For the types of ``moved_doer_types`` (``data/event_triggers.yaml``) they are the
event's doer, as ACLED codes a deployment: the forces are the actor. With a "by" the mover is
named and nothing changes ("troops were deployed by the government").
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Doc

from sitroom.model import Event


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


__all__ = ["forces_moved"]
