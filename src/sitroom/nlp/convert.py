"""Convert a processed ``Doc`` into the typed, frozen ``Extraction`` of the JSON contract."""

from __future__ import annotations

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


def link_figures(
    figures: Sequence[Figure], events: Sequence[Event], doc: Doc | None = None
) -> list[Figure]:
    """Attach each figure to the event it counts: the trigger its number hangs on when ``doc``
    is given, else the nearest event trigger in its sentence. A current figure of a background
    event ("the previous attack killed ten") counts the past: historical."""
    triggers = {e.trigger[0]: e for e in events}
    linked = []
    for fig in figures:
        if fig.event is None:
            event = _counted_by(doc, fig, triggers) if doc is not None else None
            same_sentence = [e for e in events if e.sentence[0] <= fig.span[0] < e.sentence[1]]
            if event is None and same_sentence:
                event = min(same_sentence, key=lambda e: abs(e.trigger[0] - fig.span[0]))
            if event is not None:
                fig = fig.model_copy(update={"event": event.id})
        counted = next((e for e in events if e.id == fig.event), None)
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
