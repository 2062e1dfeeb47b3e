"""A country's capital named by a common noun: "Somalia's capital", "the Afghan capital", "the
capital of Yemen", and "the capital" in a report about one country, are that country's capital
city; "Helmand's capital", "the capital of Helmand province" and "the provincial capital" after
Helmand is named are the province's seat (the curated provinces' ``capital`` and the seats of
``data/admin1.tsv``).

The noun (``capital_nouns`` of ``data/toponyms.yaml``) becomes a reference to the capital's place
(``doc._.sitroom_place_references``; the place is added when the document does not name the
city), so that the events stage places what happened "in the Afghan capital" in Kabul rather
than in Afghanistan or nowhere. The country is
read from the noun phrase, most explicit first:

* a possessive country ("*Somalia's* capital"), or a possessive noun for the country a report is
  about ("the *country's* capital", ``country_nouns``): the report's focus country;
* a demonym or a country name before it ("the *Afghan* capital");
* "the capital *of* Yemen";
* "the capital" with nothing else: the report's focus country (``sitroom.lang.focus``).

Any other modifier makes it some other seat, or none ("the *economic* capital", "*its* capital",
"*capital* punishment"), and a capital named in the phrase itself ("the capital, Mogadishu")
needs no reading: both are left alone.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from sitroom.geo._names import fold_key
from sitroom.geo.admin1 import load_admin1
from sitroom.geo.candidate import Candidate
from sitroom.geo.curated import load_curated
from sitroom.geo.gazetteer import Gazetteer
from sitroom.lang.focus import focus_country
from sitroom.lang.places import acled_precision
from sitroom.lang.vocabulary.places import toponym_words
from sitroom.model import Place, Span

Doc = Any  # spaCy ships no type information
Token = Any

_WORDS = toponym_words()  # data/toponyms.yaml
# Dependents that say nothing of which seat is meant ("the", punctuation, a trailing clause).
_NEUTRAL_DEPS = frozenset({"det", "punct", "case", "prep", "relcl", "acl", "cc", "conj"})
# Dependents that may name the country.
_OWNER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
# Kinds of place that have a capital rather than being one.
_OWNER_KINDS = frozenset({"country", "admin1"})
# A capital city named with the noun ("the capital, Mogadishu"; "Mogadishu, the capital").
_NAMING_DEPS = frozenset({"appos", "compound", "nmod"})


class _Places:
    """Each token's place, by token index."""

    def __init__(self, doc: Doc, places: Sequence[Place]) -> None:
        self.by_token: dict[int, Place] = {}
        for place in places:
            for start, end in place.mentions:
                span = doc.char_span(start, end, alignment_mode="expand")
                for token in span if span is not None else ():
                    self.by_token[token.i] = place
        # First-level areas by token, in order, for "the provincial capital" by bisection: a
        # scan of every token before each such phrase was quadratic on a long document.
        self._areas = sorted((i, p.id) for i, p in self.by_token.items() if p.kind == "admin1")
        self._area_starts = [i for i, _ in self._areas]

    def country_of(self, token: Token) -> str | None:
        """The country ``token`` names as a resolved country mention."""
        place = self.by_token.get(token.i)
        return place.country if place is not None and place.kind == "country" else None

    def owner_of(self, token: Token) -> str | None:
        """The owner key of a capital ``token`` names: a country's code, or ``@`` and the id of
        a first-level area ("*Helmand's* capital")."""
        place = self.by_token.get(token.i)
        if place is not None and place.kind == "admin1":
            return f"@{place.id}"
        return self.country_of(token)

    def area_before(self, token: Token) -> str | None:
        """The owner key of the last first-level area named before ``token``."""
        at = bisect_left(self._area_starts, token.i)
        return f"@{self._areas[at - 1][1]}" if at else None


def _phrase_head(noun: Token) -> Token:
    """ "the capital city": the modifiers hang on "city"."""
    head = noun.head
    if noun.dep_ in {"compound", "amod"} and head.i != noun.i and head.pos_ == "NOUN":
        return head
    return noun


def _owner(noun: Token, places: _Places, gazetteer: Gazetteer, focus: str | None) -> str | None:
    """The country whose capital the phrase headed by ``noun`` names, or None."""
    head = _phrase_head(noun)
    owners: list[str | None] = []
    for child in head.children:
        if child.i == noun.i or child.dep_ in _NEUTRAL_DEPS - {"prep"}:
            continue
        if child.dep_ == "prep":
            if child.lower_ != "of":
                continue
            objects = [c for c in child.children if c.dep_ == "pobj"]
            owners += [places.owner_of(o) for o in objects] or [None]
        elif child.dep_ == "amod" and child.lower_ in _WORDS.area_capital_words:
            owners.append(places.area_before(noun))  # "the provincial capital"
        elif child.dep_ in _OWNER_DEPS:
            owners.append(_country_word(child, places, gazetteer, focus))
        else:
            return None
    if any(owner is None for owner in owners) or len(set(owners)) > 1:
        return None
    if owners:
        return owners[0]
    # "the capital" alone: the capital of the country the report is about.
    if any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return focus
    return None


def _country_word(
    token: Token, places: _Places, gazetteer: Gazetteer, focus: str | None
) -> str | None:
    if (owner := places.owner_of(token)) is not None:
        return owner
    if token.lower_ in _WORDS.country_nouns and token.dep_ == "poss":
        return focus  # "the country's capital"
    if token.dep_ != "poss" and token.pos_ in {"ADJ", "PROPN", "NOUN"}:
        return gazetteer.demonym_country(token.text)  # "the Afghan capital"
    return None


def _named_with(noun: Token, places: _Places) -> bool:
    """Whether the phrase names its city itself ("the capital, Mogadishu", "Mogadishu, the
    capital", "the capital city of Mogadishu")."""
    head = _phrase_head(noun)
    linked = [c for c in head.children if c.dep_ in _NAMING_DEPS]
    if head.dep_ in _NAMING_DEPS:
        linked.append(head.head)  # "the Somali capital Mogadishu" parsed with the city as head
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            linked += [c for c in child.children if c.dep_ == "pobj"]
    return any(
        (place := places.by_token.get(t.i)) is not None and place.kind not in _OWNER_KINDS
        for t in linked
    )


def _is_capital_noun(token: Token) -> bool:
    return bool(token.lower_ in _WORDS.capital_nouns and token.pos_ in {"NOUN", "PROPN"})


def capital_mentions(
    doc: Doc, places: Sequence[Place], gazetteer: Gazetteer
) -> list[tuple[Span, Candidate]]:
    """Each capital noun that names a country's capital, with that capital's gazetteer entry."""
    if not doc.has_annotation("DEP"):
        return []
    resolved = _Places(doc, places)
    by_id = {p.id: p for p in places}
    focus = focus_country(places)
    found: list[tuple[Span, Candidate]] = []
    for token in doc:
        if not _is_capital_noun(token) or token.i in resolved.by_token:
            continue
        if _named_with(token, resolved):
            continue
        owner = _owner(token, resolved, gazetteer, focus)
        if owner is None:
            continue
        if owner.startswith("@"):
            capital = _seat(by_id[owner[1:]], gazetteer)
        else:
            capital = gazetteer.capital(owner)
        if capital is None:
            continue
        found.append(((token.idx, token.idx + len(token.text)), capital))
    return found


@cache
def _seat_names(curated_path: Path | None) -> dict[tuple[str, str], str]:
    """(country, folded area name) -> the name of the area's seat town: the curated provinces'
    ``capital`` and the seats of ``data/admin1.tsv``."""
    seats = {
        (row.country, fold_key(name)): row.seat
        for row in load_admin1()
        if row.seat
        for name in (row.name, *row.aliases)
    }
    for place in load_curated(curated_path).places:
        if place.kind == "admin1" and place.capital and place.country:
            for name in (place.name, *place.aliases):
                seats[(place.country, fold_key(name))] = place.capital
    return seats


def _seat(area: Place, gazetteer: Gazetteer) -> Candidate | None:
    """The seat town of a first-level area, as the gazetteer has it (in the area's country,
    the most populous of its name)."""
    if area.country is None:
        return None
    name = _seat_names(gazetteer.curated_path).get((area.country, fold_key(area.name)))
    if name is None:
        return None
    towns = [
        c
        for c in gazetteer.lookup(name)
        if c.country == area.country and c.kind in {"city", "locality"}
    ]
    return max(towns, key=lambda c: c.population, default=None)


def _same(place: Place, candidate: Candidate) -> bool:
    if place.geonames_id is not None and candidate.geonames_id is not None:
        return place.geonames_id == candidate.geonames_id
    return place.name == candidate.name and place.country == candidate.country


def add_capitals(
    doc: Doc, places: Sequence[Place], gazetteer: Gazetteer
) -> tuple[tuple[Place, ...], tuple[tuple[Span, str], ...]]:
    """``places`` with each capital that a capital noun names (a new place, with no mention, when
    the document does not name the city), and each such noun's span with its place's id.

    The noun is a reference, not a mention: it is no toponym (a geoparser's gold has none). The
    events stage reads it as a place, and counts it towards the article's focus
    (``sitroom.lang.docindex``)."""
    out = list(places)
    references: list[tuple[Span, str]] = []
    for span, capital in capital_mentions(doc, places, gazetteer):
        place = next((p for p in out if _same(p, capital)), None)
        if place is None:
            place = _new_place(capital, out)
            out.append(place)
        references.append((span, place.id))
    return tuple(out), tuple(references)


def _new_place(capital: Candidate, places: Sequence[Place]) -> Place:
    taken = {p.id for p in places}
    number = len(places) + 1
    while f"p{number}" in taken:
        number += 1
    return capital.to_place(f"p{number}", acled_precision(capital.kind, fixed=capital.precision))


__all__ = ["add_capitals", "capital_mentions"]
