"""How the event tests read a short report through the whole pipeline."""

from __future__ import annotations

from spacy.language import Language


def place_of(nlp: Language, text: str, trigger: str) -> str | None:
    """The name of the place of the first event whose trigger starts with ``trigger``."""
    doc = nlp(text)
    places = {p.id: p.name for p in doc._.sitroom_places}
    for event in doc._.sitroom_events:
        if text[event.trigger[0] : event.trigger[1]].startswith(trigger):
            return places.get(event.place or "")
    raise AssertionError(f"no event on {trigger!r} in {text!r}")
