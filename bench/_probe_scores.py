"""How the written probes (``bench/sentences.py``, ``bench/reports.py``) judge an actor or a place.

An actor is right when one of the predicted entity's mentions overlaps the gold text in the
document (any of the alternatives, any occurrence), or when its name's or an alias's head word
(the last word, case-folded, a plural "s" dropped) is the gold text's head word (the last word
before a post-modifier such as "of", "loyal", "from": "fighters loyal to X" → "fighter"). A
place is right when the resolved place's name is a gold alternative (case-folded, or every word
of the alternative is in the name: "Kebbi" in "Kebbi State"), or one of its mentions overlaps
the gold text. A null gold slot (no alternatives) is right only when the prediction leaves it
empty: inventing an actor or a place is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from sitroom.model import Entity, Place

# Words that end a noun phrase's head and begin its post-modifier ("militants loyal to X",
# "a team from Qatar", "rebels of the M23 movement", "oligarchs close to the Kremlin").
POST_MODIFIERS = frozenset(
    {"of", "loyal", "from", "in", "at", "near", "on", "to", "with", "who", "that", "close"}
)


def alternatives(raw: object) -> tuple[str, ...]:
    """A gold slot as its alternatives: null → (), a text → (text,), a list → its texts."""
    if raw is None:
        return ()
    if isinstance(raw, list):
        return tuple(str(x) for x in raw)
    return (str(raw),)


def find(text: str, surface: str) -> tuple[int, int] | None:
    """The first occurrence of ``surface`` in ``text``, case-folded."""
    start = text.casefold().find(surface.casefold())
    return None if start < 0 else (start, start + len(surface))


def occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Every occurrence of ``surface`` in ``text``, case-folded (a report repeats its actors)."""
    folded, wanted = text.casefold(), surface.casefold()
    found, start = [], folded.find(wanted) if wanted else -1
    while start >= 0:
        found.append((start, start + len(wanted)))
        start = folded.find(wanted, start + 1)
    return found


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _norm(word: str) -> str:
    word = re.sub(r"^\W+|\W+$", "", word.casefold())
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def head_word(text: str) -> str:
    """The last word before a post-modifier, normalised ("Fighters loyal to X" → "fighter")."""
    words = text.split()
    for n, word in enumerate(words[1:], start=1):
        if word.casefold() in POST_MODIFIERS:
            words = words[:n]
            break
    return _norm(words[-1]) if words else ""


def _spans(text: str, gold: Iterable[str]) -> list[tuple[int, int]]:
    return [span for g in gold for span in occurrences(text, g)]


def actor_right(entity: Entity | None, gold: Sequence[str], text: str) -> bool:
    if not gold:
        return entity is None
    if entity is None:
        return False
    spans = _spans(text, gold)
    if any(overlaps(m, s) for m in entity.mentions for s in spans):
        return True
    heads = {head_word(g) for g in gold}
    return any(_norm(name.split()[-1]) in heads for name in (entity.name, *entity.aliases) if name)


def place_right(place: Place | None, gold: Sequence[str], text: str) -> bool:
    if not gold:
        return place is None
    if place is None:
        return False
    name = place.name.casefold()
    words = set(name.split())
    if any(g.casefold() == name or set(g.casefold().split()) <= words for g in gold):
        return True
    return any(overlaps(m, s) for m in place.mentions for s in _spans(text, gold))


__all__ = [
    "POST_MODIFIERS",
    "actor_right",
    "alternatives",
    "find",
    "head_word",
    "occurrences",
    "overlaps",
    "place_right",
]
