"""The spans a source view marks in a document: every mention, place, time, event trigger, quote,
claim and figure of its extraction, with what to show and which record it belongs to."""

from __future__ import annotations

from sitroom.api.schemas import Highlight, HighlightKind
from sitroom.model import Extraction, Figure, Span

_KIND_ORDER: dict[HighlightKind, int] = {
    # Wider, containing marks first at the same start, so a renderer can nest them.
    "quote": 0,
    "claim": 1,
    "trigger": 2,
    "entity": 3,
    "place": 4,
    "time": 5,
    "figure": 6,
}


def _figure_label(figure: Figure) -> str:
    value = f"{figure.value:g}"
    qualifier = "" if figure.qualifier == "exact" else figure.qualifier.replace("_", " ") + " "
    what = f" ({figure.what})" if figure.what else ""
    period = "" if figure.period == "current" else f", {figure.period}"
    return f"{qualifier}{value} {figure.unit}{what}{period}"


def highlights(extraction: Extraction) -> list[Highlight]:
    """All spans of ``extraction``, sorted by start, longer first, then by kind."""
    found: list[tuple[Span, HighlightKind, str, str | None]] = []
    for entity in extraction.entities:
        found.extend((span, "entity", entity.name, entity.id) for span in entity.mentions)
    for place in extraction.places:
        found.extend((span, "place", place.name, place.id) for span in place.mentions)
    for time in extraction.times:
        label = time.start.isoformat()
        if time.end != time.start:
            label += f"..{time.end.isoformat()}"
        found.append((time.span, "time", label, None))
    for event in extraction.events:
        label = f"{event.type}, background" if event.background else event.type
        found.append((event.trigger, "trigger", label, event.id))
    for quote in extraction.quotes:
        found.append((quote.span, "quote", quote.kind, quote.id))
    for claim in extraction.claims:
        found.append((claim.span, "claim", claim.stance, claim.id))
    for figure in extraction.figures:
        found.append((figure.span, "figure", _figure_label(figure), None))
    text_length = len(extraction.document.text)
    marks = [
        Highlight(start=start, end=end, kind=kind, label=label, ref=ref)
        for (start, end), kind, label, ref in found
        # A span outside the text cannot be rendered; the contract forbids it, but a view
        # should not break on a bad record.
        if 0 <= start < end <= text_length
    ]
    marks.sort(key=lambda h: (h.start, -h.end, _KIND_ORDER[h.kind], h.ref or ""))
    return marks


__all__ = ["highlights"]
