"""How the event tests read a short report through the whole pipeline."""

from __future__ import annotations

from spacy.language import Language


def place_of(nlp: Language, text: str, trigger: str) -> str | None:
    """The name of the place of the first event whose trigger starts with ``trigger``, or of
    the happening a mention starting so was folded into ("died in *the attack*")."""
    doc = nlp(text)
    places = {p.id: p.name for p in doc._.sitroom_places}
    events = {e.id: e for e in doc._.sitroom_events}
    mentions = [(e.trigger[0], e.id) for e in events.values()]
    for start, event_id in sorted([*mentions, *doc._.sitroom_event_mentions]):
        if text[start:].startswith(trigger):
            return places.get(events[event_id].place or "")
    raise AssertionError(f"no event on {trigger!r} in {text!r}")


# An event as the tests read it: its trigger's text, its type, and the names of its two parties.
Coded = tuple[str, str, str | None, str | None]


def coded(nlp: Language, text: str) -> list[Coded]:
    """Every event of ``text``: trigger text, PLOVER type, actor1's and actor2's names (lower
    case, ``None`` when unnamed)."""
    doc = nlp(text)
    names = {e.id: e.name.lower() for e in doc._.sitroom_entities}
    return [
        (
            text[e.trigger[0] : e.trigger[1]],
            e.type,
            names.get(e.actor1 or ""),
            names.get(e.actor2 or ""),
        )
        for e in doc._.sitroom_events
    ]
