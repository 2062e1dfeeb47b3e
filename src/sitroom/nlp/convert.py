"""Convert a processed ``Doc`` into the typed, frozen ``Extraction`` of the JSON contract."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc

from sitroom.model import Document, Event, Extraction, Figure

# How many heads up from a figure's number its event's trigger may be ("killing [six]
# civilians": number → civilians → killing).
_LINK_LEVELS = 4


def _counted_by(doc: Doc, fig: Figure, triggers: dict[int, Event]) -> Event | None:
    """The event whose trigger the figure's number hangs on, up the dependency tree; a verb
    before a noun ("arrested 40 protesters" counts the arrested, not the protest)."""
    found = doc.char_span(fig.span[0], fig.span[1], alignment_mode="expand")
    if found is None:
        return None
    tok = found.root
    on_the_way: list[tuple[bool, Event]] = []
    for _ in range(_LINK_LEVELS):
        if tok.idx in triggers:
            on_the_way.append((tok.pos_ == "VERB", triggers[tok.idx]))
        if tok.head.i == tok.i:
            break
        tok = tok.head
    verbs = [event for verb, event in on_the_way if verb]
    ranked = verbs or [event for _verb, event in on_the_way]
    return ranked[0] if ranked else None


def _nearest_in_sentence(
    at: int, events: Sequence[Event], ordered: list[int], starts: list[int], longest: int
) -> Event | None:
    """The event whose trigger is nearest ``at`` in its sentence (the first of ``events`` on a
    tie). ``ordered``: the events' positions by sentence start, ``starts`` those starts; no
    sentence is longer than ``longest``, so the walk back from the search is short."""
    found = []
    for k in range(bisect_right(starts, at) - 1, -1, -1):
        if starts[k] <= at - longest:
            break
        n = ordered[k]
        if at < events[n].sentence[1]:
            found.append((abs(events[n].trigger[0] - at), n))
    return events[min(found)[1]] if found else None


def link_figures(
    figures: Sequence[Figure], events: Sequence[Event], doc: Doc | None = None
) -> list[Figure]:
    """Attach each figure to the event it counts: the trigger its number hangs on when ``doc``
    is given, else the nearest event trigger in its sentence. A current figure of a background
    event ("the previous attack killed ten") counts the past: historical."""
    triggers = {e.trigger[0]: e for e in events}
    by_id: dict[str, Event] = {}
    for e in reversed(events):  # the first event of an id, as a scan in order finds it
        by_id[e.id] = e
    # Events by the start of their sentence, searched rather than scanned for each figure, so
    # that a long document is not a pass over every event per figure.
    ordered = sorted(range(len(events)), key=lambda n: events[n].sentence[0])
    starts = [events[n].sentence[0] for n in ordered]
    longest = max((e.sentence[1] - e.sentence[0] for e in events), default=0)
    linked = []
    for fig in figures:
        if fig.event is None:
            event = _counted_by(doc, fig, triggers) if doc is not None else None
            if event is None:
                event = _nearest_in_sentence(fig.span[0], events, ordered, starts, longest)
            if event is not None:
                fig = fig.model_copy(update={"event": event.id})
        counted = by_id.get(fig.event) if fig.event is not None else None
        if counted is not None and counted.background and fig.period == "current":
            fig = fig.model_copy(update={"period": "historical"})
        linked.append(fig)
    return linked


def to_extraction(doc: Doc, document: Document) -> Extraction:
    if doc.text != document.text:
        raise ValueError("the Doc was not made from this document's text")
    events = list(doc._.sitroom_events)
    return Extraction(
        document=document,
        entities=list(doc._.sitroom_entities),
        places=list(doc._.sitroom_places),
        times=list(doc._.sitroom_times),
        durations=list(doc._.sitroom_durations),
        events=events,
        quotes=list(doc._.sitroom_quotes),
        claims=list(doc._.sitroom_claims),
        contradictions=list(doc._.sitroom_contradictions),
        figures=link_figures(doc._.sitroom_figures, events, doc),
    )


__all__ = ["link_figures", "to_extraction"]
