"""Convert a processed ``Doc`` into the typed, frozen ``Extraction`` of the JSON contract."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc

from sitroom.model import Document, Event, Extraction, Figure


def link_figures(figures: Sequence[Figure], events: Sequence[Event]) -> list[Figure]:
    """Attach each figure to the nearest event trigger in its sentence (the first event of
    ``events`` on a tie)."""
    # Events by the start of their sentence: a figure's candidates are found by a search, and
    # no sentence is longer than ``longest``, so the walk back from it is short; a long document
    # is not a pass over every event per figure.
    ordered = sorted(range(len(events)), key=lambda n: events[n].sentence[0])
    starts = [events[n].sentence[0] for n in ordered]
    longest = max((e.sentence[1] - e.sentence[0] for e in events), default=0)
    linked = []
    for fig in figures:
        if fig.event is None:
            at = fig.span[0]
            same_sentence = []
            for k in range(bisect_right(starts, at) - 1, -1, -1):
                if starts[k] <= at - longest:
                    break
                n = ordered[k]
                if at < events[n].sentence[1]:
                    same_sentence.append((abs(events[n].trigger[0] - at), n))
            if same_sentence:
                fig = fig.model_copy(update={"event": events[min(same_sentence)[1]].id})
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
