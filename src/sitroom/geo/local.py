"""Named places under the gazetteer's level: "the Baghdad neighbourhood of Al-Bayaa", "the
village of Abu Allaj in western Raqqa", "Mecca's Al-Nur hospital", "Manger Square in nearby
Bethlehem".

News names where things happened down to the street, the school or the village; the gazetteer
(every populated place of 500+ people) has none of those, so they stayed unlocated and the
event took the city or the country named next to them. English marks such a name as a place
by the noun of its kind next to it (``local_*_nouns`` of ``data/toponyms.yaml``):

* the noun after the name, lower case or as part of it: "Albuhrat neighborhood", "the
  Radhwaniyah area", "Kissufim crossing", "Atlantic Avenue", "the Baliem Valley";
* a settlement noun with "of" before it: "the village of X", "the towns of X and Y";
* a name joined by "and" to one of those: "the Jumla and Diwan villages".

Such a name is a place of the resolved place named nearest to it in its sentence (the
container: "in western Baghdad", "near Fallujah", "Mecca's"), never of one only named as a
distance reference ("50 km northwest of Kathmandu"). It takes the container's coordinates,
country and first-level area at ACLED's "near" precision, or, when a town of exactly its name
lies in the container, that town. Without a container in its sentence a name stays unlocated:
where it is is then unknown, and a dot in the wrong country is worse than none.

Not places: names already resolved, demonyms, short acronyms ("a UN school"), names with an
organisation word ("Kabul Bank"), and the kind noun alone ("the Square").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sitroom.geo._names import fold_key
from sitroom.geo.candidate import Candidate
from sitroom.geo.gazetteer import Gazetteer
from sitroom.lang.places import Precision, acled_precision, is_common_place_noun
from sitroom.lang.vocabulary.places import toponym_words
from sitroom.model import Place, PlaceKind, Span

Doc = Any  # spaCy ships no type information
Token = Any

_WORDS = toponym_words()  # data/toponyms.yaml
_KIND_OF_NOUN: dict[str, PlaceKind] = {
    **dict.fromkeys(_WORDS.local_feature_nouns, "other"),
    **dict.fromkeys(_WORDS.local_site_nouns, "facility"),
    **dict.fromkeys(_WORDS.local_settlement_nouns, "locality"),
}
_SETTLEMENT_NOUNS = _WORDS.local_settlement_nouns
_DISTANCE_UNITS = _WORDS.distance_units
_ARTICLES = _WORDS.name_articles
# Entity labels that may hold a place's name (the small model calls villages ORG, PERSON or
# PRODUCT); NORP, dates and numbers never do.
_NAME_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON", "PRODUCT", "WORK_OF_ART"})
_ACRONYM_MAX = 4  # "UN", "NATO", "UNRWA" is five: an acronym is short
# Tokens before a container that make it a distance reference: "some 50 km northwest of X".
_REFERENCE_WINDOW = 4

# ACLED precision of a name placed at its container's coordinates: "near" it, at best.
_NEAR: Precision = 2


def _looks_like_name(doc: Doc, start: int, end: int) -> bool:
    first = doc[start:end].text.split()[0]
    if first[:1].isupper():
        return True
    # "al-Zahawi school": an Arabic article in lower case before a capitalised name
    article, _, rest = first.partition("-")
    return article.lower() in _ARTICLES and rest[:1].isupper()


def _name_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges that may be names: entities of the name labels, and runs of capitalised
    proper nouns outside any entity."""
    spans = [
        # without a leading article: "the Baliem Valley"
        (e.start + (e[0].pos_ == "DET"), e.end)
        for e in doc.ents
        if e.label_ in _NAME_LABELS and len(e) > (e[0].pos_ == "DET")
    ]
    start = None
    for token in doc:
        inside = (
            token.ent_iob_ == "O"
            and token.pos_ == "PROPN"
            and _looks_like_name(doc, token.i, token.i + 1)
        )
        if inside and start is None:
            start = token.i
        elif not inside and start is not None:
            spans.append((start, token.i))
            start = None
    if start is not None:
        spans.append((start, len(doc)))
    return sorted(spans)


def _kind(doc: Doc, start: int, end: int) -> PlaceKind | None:
    """The kind of place the noun next to the name makes it, or None."""
    last = doc[end - 1].lower_
    if end - start > 1 and last in _KIND_OF_NOUN:
        return _KIND_OF_NOUN[last]  # "Manger Square", "the Baliem Valley"
    if end < len(doc) and doc[end].lower_ in _KIND_OF_NOUN and doc[end].pos_ in {"NOUN", "PROPN"}:
        return _KIND_OF_NOUN[doc[end].lower_]  # "Albuhrat neighborhood"
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _SETTLEMENT_NOUNS:
        return "locality"  # "the village of X"
    return None


def _joined(doc: Doc, start: int, end: int, found: dict[int, PlaceKind]) -> PlaceKind | None:
    """The kind of a found name this one is listed with ("the Jumla and Diwan villages", "the
    towns of Tel Hamis and Tel Birak"): ``found`` maps the first and last token of each found
    name to its kind."""
    if end + 1 < len(doc) and _lists(doc[end]) and end + 1 in found:
        return found[end + 1]
    if start >= 2 and _lists(doc[start - 1]) and start - 2 in found:
        return found[start - 2]
    return None


def _lists(token: Token) -> bool:
    """A coordinating conjunction or a comma: what joins the names of a list."""
    return bool(token.pos_ == "CCONJ" or token.tag_ == ",")


def _excluded(
    doc: Doc, start: int, end: int, gazetteer: Gazetteer, org_words: frozenset[str]
) -> bool:
    text = doc[start:end].text
    words = {t.lower_ for t in doc[start:end]}
    letters = text.replace(".", "").replace(" ", "")
    return (
        not _looks_like_name(doc, start, end)
        or (letters.isupper() and len(letters) <= _ACRONYM_MAX)
        or bool(org_words & words)
        or is_common_place_noun(" ".join(t.lower_ for t in doc[start:end]))
        or gazetteer.demonym_country(text) is not None
    )


def _reference_only(doc: Doc, start: int) -> bool:
    """ "some 50 km northwest of X", "30 miles from X": X is a distance reference."""
    window = doc[max(0, start - _REFERENCE_WINDOW) : start]
    return any(t.lower_ in _DISTANCE_UNITS for t in window)


def _container(
    doc: Doc, start: int, end: int, located: Sequence[tuple[int, int, Place]]
) -> Place | None:
    """The resolved place named nearest to tokens [start, end) in their sentence."""
    sent = doc[start].sent
    best: tuple[int, Place] | None = None
    for first, last, place in located:
        if first < sent.start or last > sent.end or _reference_only(doc, first):
            continue
        gap = start - last if last <= start else first - end
        if gap >= 0 and (best is None or gap < best[0]):
            best = (gap, place)
    return best[1] if best is not None else None


def _within(candidate: Candidate, container: Place) -> bool:
    if candidate.match != "exact" or candidate.kind not in {"city", "locality"}:
        return False
    if candidate.country != container.country:
        return False
    return container.kind == "country" or (
        container.admin1 is not None and candidate.admin1 == container.admin1
    )


def _place(
    place_id: str,
    name: str,
    kind: PlaceKind,
    container: Place,
    town: Candidate | None,
    spans: list[Span],
) -> Place:
    if town is not None:
        # A town of exactly its name in the container: that town ("at Umm al-Fahm junction in
        # northern Israel"); a site named after it is near it.
        return town.to_place(
            place_id, acled_precision(town.kind, stand_in=kind != "locality"), spans
        )
    precision: Precision = max(_NEAR, container.precision)
    return Place(
        id=place_id,
        name=name,
        kind=kind,
        country=container.country,
        admin1=container.admin1,
        lat=container.lat,
        lon=container.lon,
        precision=precision,
        mentions=spans,
    )


def _located(doc: Doc, places: Iterable[Place]) -> list[tuple[int, int, Place]]:
    found = []
    for place in places:
        for start, end in place.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                found.append((span.start, span.end, place))
    return found


def add_local_places(
    doc: Doc, places: Sequence[Place], gazetteer: Gazetteer, org_words: frozenset[str]
) -> tuple[Place, ...]:
    """``places`` and the named local places of ``doc`` (see the module docstring)."""
    if not doc.has_annotation("DEP"):
        return tuple(places)
    located = _located(doc, places)
    taken = {i for first, last, _ in located for i in range(first, last)}
    kinds: dict[int, PlaceKind] = {}  # first and last token of a found name -> its kind
    done: set[tuple[int, int]] = set()
    names: list[tuple[int, int, PlaceKind]] = []
    spans = [
        (s, e)
        for s, e in _name_spans(doc)
        if not taken.intersection(range(s, e)) and not _excluded(doc, s, e, gazetteer, org_words)
    ]
    for _ in range(2):  # the second round reads the names joined to those found in the first
        for start, end in spans:
            if (start, end) in done:
                continue
            kind = _kind(doc, start, end) or _joined(doc, start, end, kinds)
            if kind is not None:
                kinds[start] = kinds[end - 1] = kind
                done.add((start, end))
                names.append((start, end, kind))
    by_name: dict[str, tuple[str, PlaceKind, Place, list[Span]]] = {}
    for start, end, kind in sorted(names):
        container = _container(doc, start, end, located)
        if container is None:
            continue
        text = doc[start:end].text
        first, last = doc[start], doc[end - 1]
        span = (first.idx, last.idx + len(last.text))
        entry = by_name.setdefault(fold_key(text), (text, kind, container, []))
        entry[3].append(span)
    taken_ids = {p.id for p in places}
    out = list(places)
    number = len(places)
    for text, kind, container, found in by_name.values():
        number += 1
        while f"p{number}" in taken_ids:
            number += 1
        town = town_within(gazetteer, text, container)
        out.append(_place(f"p{number}", text, kind, container, town, found))
    return tuple(out)


def town_within(gazetteer: Gazetteer, text: str, container: Place) -> Candidate | None:
    """A town of the name's own spelling in the container, the most populous first."""
    return next((c for c in gazetteer.lookup(text) if _within(c, container)), None)


__all__ = ["add_local_places", "town_within"]
