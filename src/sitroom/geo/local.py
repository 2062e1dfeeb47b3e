"""Named places under the gazetteer's level: "the Mosul neighbourhood of Qarabeen", "the
village of Kafr Dabil outside Homs", "Amman's Harran Street", "the Tell Shurba market in
northern Aleppo".

News names where things happened down to the street, the school or the village; the gazetteer
(every populated place of 500+ people) has none of those, so they stayed unlocated and the
event took the city or the country named next to them. English marks such a name as a place
by the noun of its kind next to it (``local_*_nouns`` of ``data/toponyms.yaml``):

* the noun after the name, lower case or as part of it: "Qarabeen neighbourhood", "the
  Wadi Nasrin area", "Tell Shurba crossing", "Harran Street";
* a settlement noun with "of" before it: "the village of X", "the towns of X and Y";
* a name listed with one of those: "the Kafr Dabil and Ain Sarmin villages";
* a dateline's town, before a comma and the country or province it lies in ("BULO MARER,
  Somalia (Reuters) -"): a settlement there, which the body's repeats of the name are too.

Such a name is a place of the resolved place named nearest to it in its sentence, at most
``local_container_gap`` tokens off, where that place is named as where something is (the
container: "in western Aleppo", "near Homs", "Amman's", "the Mosul neighbourhood of"), not
as a subject or an object ("Jordan reported a case in the X area"), nor only as a distance
reference ("40 km south of Kirkuk"). It takes the container's coordinates,
country and first-level area at ACLED's "near" precision, or a province's or a country's
precision when the container is one; when a town of exactly its name lies in the container, it
is that town. Without a container, a demonym in the phrase before "of" gives the country that
holds it ("the *Somali* town of Halgan"); without either a name stays unlocated: where it is
is then unknown.

Not places: names already resolved or that read as a country, an area or a large city (the
resolver turned them down where they stand), demonyms, short acronyms ("a UN school"), names
with an organisation word ("Kabul Bank"), the kind noun alone ("the Square"), a name that
holds the place meant ("the Idlib town of X": X is the place), and a name before a
kind noun after "a" ("a Homs market" is some market there). No natural features: a valley or a river
stretches far beyond the town named next to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sitroom.geo._names import fold_key
from sitroom.geo.candidate import Candidate
from sitroom.geo.gazetteer import Gazetteer
from sitroom.geo.name_cues import dateline_cue
from sitroom.geo.resolve import STRICT_MIN_POPULATION
from sitroom.lang.places import Precision, acled_precision, is_common_place_noun
from sitroom.lang.syntax import token_runs
from sitroom.lang.vocabulary.grammar import grammar
from sitroom.lang.vocabulary.places import toponym_words
from sitroom.model import Place, PlaceKind, Span

Doc = Any  # spaCy ships no type information
Token = Any

_WORDS = toponym_words()  # data/toponyms.yaml
_KIND_OF_NOUN: dict[str, PlaceKind] = {
    **dict.fromkeys(_WORDS.local_site_nouns, "facility"),
    **dict.fromkeys(_WORDS.local_settlement_nouns | _WORDS.local_quarter_nouns, "locality"),
}
_SETTLEMENT_NOUNS = _WORDS.local_settlement_nouns
_BEFORE_OF = _WORDS.local_settlement_nouns | _WORDS.local_quarter_nouns
_DISTANCE_UNITS = _WORDS.distance_units
_ARTICLES = _WORDS.name_articles
_GAP = _WORDS.local_container_gap
_INDEFINITE = grammar().indefinite_determiners
# "from X" names where someone came from; "of X" what holds the place ("the X area of Y").
_HOLDER_PREPOSITIONS = (grammar().place_prepositions - {"from"}) | {"of"}
_HOLDER_STEPS = 4  # through the appositions and conjuncts of a list of places
_AREA_KINDS = frozenset({"country", "admin1", "region"})
# How many words before a settlement noun a demonym may say the country ("the Somali border
# town of X").
_PEOPLE_REACH = 3
# What a dateline's town is said to lie in ("X, Somalia -", "X, Borno State -").
_DATELINE_AREAS = frozenset({"country", "admin1"})
# Entity labels that may hold a place's name (the small model calls villages ORG, PERSON or
# PRODUCT); NORP, dates and numbers never do.
_NAME_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON", "PRODUCT", "WORK_OF_ART"})
_ACRONYM_MAX = 4  # "UN", "NATO": an acronym is short
# Tokens before a container that make it a distance reference: "some 50 km northwest of X".
_REFERENCE_WINDOW = 4
# ACLED precision of a name placed at its container's coordinates: "near" it, at best.
_NEAR: Precision = 2


def _looks_like_name(doc: Doc, start: int, end: int) -> bool:
    first = doc[start:end].text.split()[0]
    if first[:1].isupper():
        return True
    # "al-Noor school": an Arabic article in lower case before a capitalised name
    article, _, rest = first.partition("-")
    return article.lower() in _ARTICLES and rest[:1].isupper()


def _name_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges that may be names: entities of the name labels (without a leading "the"),
    and runs of capitalised proper nouns outside any entity."""
    spans = [
        (e.start + (e[0].pos_ == "DET"), e.end)  # "the Tell Shurba market"
        for e in doc.ents
        if e.label_ in _NAME_LABELS and len(e) > (e[0].pos_ == "DET")
    ]
    spans += token_runs(
        doc,
        lambda token: (
            token.ent_iob_ == "O"
            and token.pos_ == "PROPN"
            and _looks_like_name(doc, token.i, token.i + 1)
        ),
    )
    return sorted(spans)


def _kind(doc: Doc, start: int, end: int) -> PlaceKind | None:
    """The kind of place the noun next to the name makes it, or None."""
    last = doc[end - 1].lower_
    if end - start > 1 and last in _KIND_OF_NOUN:
        return _KIND_OF_NOUN[last]  # "Harran Street", "Tahrir Square"
    if end < len(doc) and doc[end].lower_ in _KIND_OF_NOUN and doc[end].pos_ in {"NOUN", "PROPN"}:
        noun = doc[end]
        # "the Idlib town of X": the name holds the place meant, which is named after "of"
        # ("the X district of Mosul" is X); "a Homs market": some market there, not a name.
        if (noun.lower_ in _SETTLEMENT_NOUNS and _of_follows(doc, noun)) or _indefinite(noun):
            return None
        return _KIND_OF_NOUN[noun.lower_]  # "Qarabeen neighbourhood"
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _BEFORE_OF:
        return "locality"  # "the village of X"
    return None


def _common_tail(doc: Doc, start: int, end: int) -> bool:
    """Whether the span ends in a kind noun in lower case after a name ("Ipi village")."""
    return bool(end - start > 1 and doc[end - 1].is_lower and doc[end - 1].lower_ in _KIND_OF_NOUN)


def _of_follows(doc: Doc, noun: Token) -> bool:
    return bool(noun.i + 1 < len(doc) and doc[noun.i + 1].lower_ == "of")


def _indefinite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in noun.children)


def _lists(token: Token) -> bool:
    """A coordinating conjunction or a comma: what joins the names of a list."""
    return bool(token.pos_ == "CCONJ" or token.tag_ == ",")


def _joined(doc: Doc, start: int, end: int, found: dict[int, PlaceKind]) -> PlaceKind | None:
    """The kind of a found name this one is listed with ("the Kafr Dabil and Ain Sarmin
    villages", "the towns of Kafr Dabil and Ain Sarmin"): ``found`` maps the first and last
    token of each found name to its kind."""
    if end + 1 < len(doc) and _lists(doc[end]) and end + 1 in found:
        return found[end + 1]
    if start >= 2 and _lists(doc[start - 1]) and start - 2 in found:
        return found[start - 2]
    return None


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


def _known(gazetteer: Gazetteer, text: str) -> bool:
    """Whether the name reads as a country, an area, a curated place or a city of
    STRICT_MIN_POPULATION+: a place the resolver knew and turned down where it stands ("the
    District of Ohio" in a court's name), not one under the gazetteer's level."""
    return any(
        c.match == "exact"
        and (
            c.kind in _AREA_KINDS or c.source == "curated" or c.population >= STRICT_MIN_POPULATION
        )
        for c in gazetteer.lookup(text)
    )


def _holds(token: Token) -> bool:
    """Whether a place is named as where something is: the object of a place preposition or
    of "of" ("near Homs", "the X area of Y district"), an owner ("Amman's"), or a modifier of a
    noun ("the Mosul neighbourhood of X"); not a subject or an object of a verb ("Jordan
    reported a case in the X area", "a deal with Chile to mine in the X area")."""
    for _ in range(_HOLDER_STEPS):
        if token.dep_ == "poss":
            return True
        if token.dep_ == "pobj":
            return bool(token.head.lower_ in _HOLDER_PREPOSITIONS)
        if token.dep_ in {"compound", "amod", "nmod"}:
            return bool(token.head.pos_ in {"NOUN", "PROPN"})
        if token.dep_ not in {"appos", "conj"} or token.head.i == token.i:
            return False
        token = token.head
    return False


def _reference_only(doc: Doc, start: int) -> bool:
    """ "some 40 km south of X", "30 miles from X": X is a distance reference."""
    window = doc[max(0, start - _REFERENCE_WINDOW) : start]
    return any(t.lower_ in _DISTANCE_UNITS for t in window)


def _container(
    doc: Doc, start: int, end: int, located: Sequence[tuple[int, int, Place]]
) -> Place | None:
    """The resolved place that holds tokens [start, end): the nearest in their sentence, at
    most ``local_container_gap`` tokens off, named as where something is (see the module
    docstring)."""
    sent = doc[start].sent
    best: tuple[int, int, Place] | None = None
    for first, last, place in located:
        if first < sent.start or last > sent.end:
            continue
        gap = start - last if last <= start else first - end
        if not 0 <= gap <= _GAP or (best is not None and (gap, first) >= best[:2]):
            continue
        if _holds(doc[first]) and not _reference_only(doc, first):
            best = (gap, first, place)
    return best[2] if best is not None else None


def town_within(gazetteer: Gazetteer, text: str, container: Place) -> Candidate | None:
    """A town of the name's spelling in the container, the most populous first."""
    return next((c for c in gazetteer.lookup(text) if _within(c, container)), None)


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
        # A town of exactly its name in the container: that town ("at the Ramla junction in
        # Israel"); a site named after it is near it.
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


def _named(doc: Doc, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int, PlaceKind]]:
    """The names among ``spans`` that a kind noun marks as places, with their kinds."""
    kinds: dict[int, PlaceKind] = {}  # first and last token of a found name -> its kind
    names: list[tuple[int, int, PlaceKind]] = []
    for _ in range(2):  # the second round reads the names listed with those of the first
        for start, end in spans:
            if start in kinds and kinds.get(end - 1) is not None:
                continue
            kind = _kind(doc, start, end) or _joined(doc, start, end, kinds)
            if kind is not None:
                kinds[start] = kinds[end - 1] = kind
                names.append((start, end, kind))
    return sorted(names)


def _peoples_country(doc: Doc, start: int, gazetteer: Gazetteer) -> Place | None:
    """The country a demonym in the phrase before "of" says the place lies in ("the *Somali*
    town of X", "the Syrian border town of X"), as a place that holds it."""
    if start < 2 or doc[start - 1].lower_ != "of" or doc[start - 2].lower_ not in _BEFORE_OF:
        return None
    for token in reversed(doc[max(0, start - 2 - _PEOPLE_REACH) : start - 2]):
        if token.pos_ not in {"ADJ", "NOUN", "PROPN"}:
            break
        code = gazetteer.demonym_country(token.text)
        name = gazetteer.country_name(code) if code is not None else None
        for candidate in gazetteer.lookup(name) if name is not None else ():
            if candidate.kind == "country" and candidate.country == code:
                return candidate.to_place("", 3)
    return None


def _dateline_towns(
    doc: Doc, spans: Sequence[tuple[int, int]], located: Sequence[tuple[int, int, Place]]
) -> list[tuple[int, int, PlaceKind, Place]]:
    """A dateline's town the gazetteer lacks, before a comma and the country or province it
    lies in ("BULO MARER, Somalia (Reuters) -"): a settlement there, whatever the NER called
    it (:func:`~sitroom.geo.name_cues.dateline_cue`)."""
    for start, end in spans:
        if dateline_cue(doc, start, end) is None or doc[end].text != ",":
            continue
        for first, _last, place in located:
            if first == end + 1 and place.kind in _DATELINE_AREAS:
                return [(start, end, "locality", place)]
    return []


def add_local_places(
    doc: Doc, places: Sequence[Place], gazetteer: Gazetteer, org_words: frozenset[str]
) -> tuple[Place, ...]:
    """``places`` and the named local places of ``doc`` (see the module docstring)."""
    if not doc.has_annotation("DEP"):
        return tuple(places)
    located = _located(doc, places)
    taken = {i for first, last, _ in located for i in range(first, last)}
    spans = [
        (s, e)
        for s, e in _name_spans(doc)
        if not taken.intersection(range(s, e)) and not _excluded(doc, s, e, gazetteer, org_words)
    ]
    by_name: dict[str, tuple[str, PlaceKind, Place, list[Span]]] = {}
    named = [(s, e, k, None) for s, e, k in _named(doc, spans)]
    datelined = _dateline_towns(doc, spans, located)
    for start, first_end, kind, held in [*datelined, *named]:
        # "Ipi village" taken whole by the NER: the name is "Ipi"
        end = first_end - 1 if _common_tail(doc, start, first_end) else first_end
        text = doc[start:end].text
        if _known(gazetteer, text):
            continue
        container = (
            held or _container(doc, start, end, located) or _peoples_country(doc, start, gazetteer)
        )
        if container is None:
            continue
        first, last = doc[start], doc[end - 1]
        entry = by_name.setdefault(fold_key(text), (text, kind, container, []))
        entry[3].append((first.idx, last.idx + len(last.text)))
    # A dateline's town is that town wherever the body names it again ("BULO MARER, Somalia -
    # ... an army base in Bulo Marer"), spelt as the body spells it.
    for start, end, _kind, _held in datelined:
        key = fold_key(doc[start:end].text)
        for other_start, other_end in spans:
            text = doc[other_start:other_end].text
            if other_start == start or fold_key(text) != key or key not in by_name:
                continue
            name, kind, container, found = by_name[key]
            last = doc[other_end - 1]
            found.append((doc[other_start].idx, last.idx + len(last.text)))
            by_name[key] = (text if name.isupper() else name, kind, container, found)
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


__all__ = ["add_local_places", "town_within"]
