"""Convert a processed ``Doc`` into the typed, frozen ``Extraction`` of the JSON contract."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from sitroom.model import Document, Event, Extraction, Figure


def link_figures(figures: Sequence[Figure], events: Sequence[Event]) -> list[Figure]:
    """Attach each figure to the nearest event trigger in its sentence."""
    linked = []
    for fig in figures:
        same_sentence = [e for e in events if e.sentence[0] <= fig.span[0] < e.sentence[1]]
        if same_sentence and fig.event is None:
            nearest = min(same_sentence, key=lambda e: abs(e.trigger[0] - fig.span[0]))
            fig = fig.model_copy(update={"event": nearest.id})
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
        figures=link_figures(doc._.sitroom_figures, events),
    )


__all__ = ["link_figures", "to_extraction"]
