"""What the real pipeline reads in a text, in the plain shapes tests compare: each event's
trigger word with its doer and the one done to. Imported as ``readings``, like ``handmade``:
pytest's ``pythonpath`` puts ``tests`` on the path."""

from __future__ import annotations

from spacy.language import Language

Actors = tuple[str | None, str | None]


def event_actors(nlp: Language, text: str) -> dict[str, Actors]:
    """Each event's trigger word → its (actor1, actor2) names in lower case; the first event of
    a word."""
    doc = nlp(text)
    names = {e.id: e.name.lower() for e in doc._.sitroom_entities}
    found: dict[str, Actors] = {}
    for e in doc._.sitroom_events:
        word = text[e.trigger[0] : e.trigger[1]]
        found.setdefault(word, (names.get(e.actor1 or ""), names.get(e.actor2 or "")))
    return found
