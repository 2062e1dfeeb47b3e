"""Every occurrence of a resolved toponym's name is a mention of that place.

The small English model labels one "Gainesville" GPE and the next ORG or PERSON, or misses it.
Once a name has been resolved somewhere in the document, its other occurrences join that place,
whatever the NER said, unless they are part of a longer name:

* inside any longer entity: a multi-token PERSON ("Jackson" in "Andrew Jackson"), an
  organisation ("Texas" in "Texas Department of Public Safety": the actors stage would otherwise
  relabel the whole organisation as a place) or another place ("Texas" in "North Texas");
* outside any entity, next to another capitalised proper noun ("Paris Hilton").

Names resolved to two different places (rare after one-sense-per-discourse) are left alone, and
so are lower-case words and the surnames of the document's full-name PERSONs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sitroom.geo._names import fold_key
from sitroom.model import Place, Span

Doc = Any  # spaCy ships no type information
# Long names of sites ("Richard J. Donovan Correctional Facility") repeat in full too.
_MAX_WORDS = 6


def _names(doc: Doc, places: Sequence[Place]) -> dict[str, int]:
    """Folded name -> index of the only place mentioned under it."""
    text = doc.text
    owners: dict[str, set[int]] = defaultdict(set)
    for number, place in enumerate(places):
        for start, end in place.mentions:
            name = text[start:end]
            if name[:1].isupper():
                owners[fold_key(name)].add(number)
    return {key: next(iter(found)) for key, found in owners.items() if len(found) == 1 and key}


def _blocked(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens [start, end) are only part of a longer name."""
    bounds = _entity_bounds(doc, start)
    if bounds is not None:
        return bounds != (start, end)
    if end < len(doc) and doc[end].ent_iob_ == "I":
        return True  # the match runs into an entity
    for index in (start - 1, end):
        if 0 <= index < len(doc):
            token = doc[index]
            if token.pos_ == "PROPN" and token.text[:1].isupper() and not token.is_sent_start:
                return True
    return False


def _entity_bounds(doc: Doc, index: int) -> tuple[int, int] | None:
    """The token range of the entity holding token ``index``, read from the IOB tags around it
    (walking ``doc.ents`` per call made propagation quadratic in the document's length)."""
    if doc[index].ent_iob_ not in ("B", "I"):
        return None
    start = index
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = index + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def propagate(doc: Doc, places: Sequence[Place]) -> tuple[Place, ...]:
    """``places`` with every further occurrence of their names added to their mentions."""
    names = _names(doc, places)
    # A one-word name that is also the surname of a full-name PERSON here stays a person's.
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            names.pop(fold_key(ent[-1].text), None)
    if not names:
        return tuple(places)
    firsts = {key.split()[0] for key in names}
    taken: set[int] = set()
    for place in places:
        for start, end in place.mentions:
            taken.update(range(start, end))
    added: dict[int, set[Span]] = defaultdict(set)
    for token in doc:
        if not token.text[:1].isupper() or token.idx in taken:
            continue
        if fold_key(token.text) not in firsts:
            continue
        for size in range(min(_MAX_WORDS, len(doc) - token.i), 0, -1):
            end = token.i + size
            span = doc[token.i : end]
            owner = names.get(fold_key(span.text))
            if owner is None:
                continue
            chars = (span.start_char, span.end_char)
            if any(i in taken for i in range(*chars)) or _blocked(doc, token.i, end):
                break
            added[owner].add(chars)
            taken.update(range(*chars))
            break
    if not added:
        return tuple(places)
    return tuple(
        place.model_copy(update={"mentions": sorted({*place.mentions, *added[number]})})
        if number in added
        else place
        for number, place in enumerate(places)
    )


__all__ = ["propagate"]
