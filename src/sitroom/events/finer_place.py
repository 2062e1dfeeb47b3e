"""The town, not the region: an event placed in a coarse area goes to the finer place the
article names for the same happening.

**Rule.** A report often names the area first and the town later, or the other way round
("Gunmen attacked a police station in Punjab province ... The attack took place in the town of
Okara"; "Protesters clashed with police in Sialkot ... Several were wounded in the clashes,
which spread across Punjab"). Each sentence's rules place its own event; this pass, run once on
a document's events, moves an event whose place is of a coarse kind (``coarse_place_kinds`` of
toponyms.yaml: a country, a province, a region) to a finer place inside that area when another
event of the same happening is there. Two events are of the same happening when they are of one
type, or when the later one refers back to what came before (:func:`~sitroom.events.where.
refers_back`: "the attack", "they burned homes") within ``carry_back_sentences`` of it. The
finer place must be the only one: two towns inside the area (or two unrelated ones) are two
scenes, and the area stays. Background events neither move nor lend their place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from sitroom.events.where import refers_back
from sitroom.lang.docindex import DocIndex
from sitroom.lang.vocabulary.places import toponym_words
from sitroom.model import Event

_COARSE = toponym_words().coarse_place_kinds
_CARRY_BACK = toponym_words().carry_back_sentences
# Deeds of conflict, which a later deed may be told as part of ("they burned homes").
_DEEDS = "material_conflict"


def finer_places(
    events: Sequence[Event],
    doc: Doc,
    index: DocIndex,
    event_noun: Callable[[Token], bool] = lambda _: False,
) -> list[Event]:
    """The events, each one placed in a coarse area moved to the one finer place inside it that
    an event of the same happening has (see the module's rule)."""
    sentence_of = {s.start_char: n for n, s in enumerate(doc.sents)}
    text = doc.text  # once: spaCy joins it from every token on each access
    out = list(events)
    for n, event in enumerate(events):
        area = event.place
        if event.background or area is None or index.place_kind.get(area) not in _COARSE:
            continue
        inside = {
            other.place
            for other in events
            if other is not event
            and not other.background
            and other.place is not None
            and other.place != area
            and index.contains(area, other.place)
            and _same_happening(event, other, doc, text, sentence_of, event_noun)
        }
        # Of places on one chain ("Okara" the city and "Okara" the district) the finest.
        finest = {p for p in inside if not any(q != p and index.contains(p, q) for q in inside)}
        if len(finest) == 1:
            out[n] = event.model_copy(update={"place": finest.pop(), "place_basis": "document"})
    return out


def _same_happening(
    one: Event,
    other: Event,
    doc: Doc,
    text: str,
    sentence_of: dict[int, int],
    event_noun: Callable[[Token], bool],
) -> bool:
    """Whether two events of a document tell of one happening: of one type, or two deeds of
    conflict, the later referring back to the sentences just before it in its paragraph, which
    hold the earlier one."""
    if one.type == other.type:
        return True
    if one.quad != _DEEDS or other.quad != _DEEDS:
        return False  # "In Lahore, the governor signed a budget": no part of the arrests
    first, later = sorted((one, other), key=lambda e: e.trigger[0])
    gap = sentence_of.get(later.sentence[0], 0) - sentence_of.get(first.sentence[0], 0)
    if not 0 < gap <= _CARRY_BACK or "\n" in text[first.sentence[1] : later.sentence[0]]:
        return False
    trigger = doc.char_span(*later.trigger, alignment_mode="expand")
    return trigger is not None and refers_back(trigger.root, event_noun)


__all__ = ["finer_places"]
