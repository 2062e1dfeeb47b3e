"""Place concepts shared by the stages and the corpus rules, each defined once.

* **Kinds** of place are the model's :data:`~sitroom.model.PlaceKind`.
* **Cue words** ("*province*", "*town of*", "*airbase*") say what kind of place a name next to
  them is: :func:`cue_of` gives a word's class (:data:`Cue`) and :func:`cue_kinds` the kinds a
  class allows. The words, classes and kinds are data (``data/place_cues.yaml``).
* **Place anaphors** ("bombing *the province*") refer back to the last place of their class's
  kinds (or of some of them), or to an area containing it ("the district" → the province named
  before): :func:`anaphor_kinds`.
* **ACLED geo-precision**: 1 the exact place, 2 "near" it or a district-level area, 3 a province
  or wider (:func:`acled_precision`; by kind in the same data file); an event placed only by its
  article's focus place is "in the area of" it, never finer than :data:`AREA_PRECISION`
  (:func:`area_precision`).
* **Common place nouns** ("the *valley*", "the *capital*", "the *border*") name a kind of place,
  not a place: :func:`is_common_place_noun` (cue words, anaphors and the ``common_place_nouns``
  of ``data/toponyms.yaml``).
* **Distance**: one haversine over one Earth radius, :func:`distance_km`.
* **Someone else's setting**: a place in a relative clause on a party of an event ("troops
  *which have their bases in Turkey* patrolled the zone") says where that party is, not where
  the event is: :func:`in_party_clause`.
* **Someone's origin**: a place name before a noun of people ("a *Leeds* man", "two Glasgow
  women"; ``origin_person_nouns`` of ``data/toponyms.yaml``) says where they come from, never
  where an event is: :func:`person_origin`.
* **A reference point**: a place a direction after a comma measures from ("in Taji, *just north
  of Baghdad*"; "at X district, *some 50 km northwest of Kathmandu*") says where the name before
  the comma lies, not where an event is, even when the gazetteer lacks that name:
  :func:`reference_point`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import cache
from typing import Any, Literal

from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.actors import RolesVocabulary
from sitroom.lang.vocabulary.place_cues import Cue, PlaceCues
from sitroom.lang.vocabulary.places import toponym_words
from sitroom.model import PlaceKind

Precision = Literal[1, 2, 3]

# The IUGG mean Earth radius (2R+r)/3, in km: the usual single radius for great-circle distance.
EARTH_RADIUS_KM = 6371.0088

_FIXED: Mapping[int, Precision] = {1: 1, 2: 2, 3: 3}

# "In the area of": the precision of a place that stands in for a finer one (an event's place
# taken from its article's focus, a town only named as a reference point).
AREA_PRECISION: Precision = 2


@cache
def _place_cues() -> PlaceCues:
    return load_vocabulary(PlaceCues)


@cache
def cue_words() -> Mapping[str, Cue]:
    """Every cue word (lower case, two-word cues joined by one space) with its class."""
    return {word: cue for cue, entry in _place_cues().place_cues.items() for word in entry.words}


def cue_of(words: str) -> Cue | None:
    """The class of a cue word or two-word cue ("province", "air base"), or None."""
    return cue_words().get(words)


def county_first_level(country: str | None) -> bool:
    """Whether a country's first-level areas are counties (``county_first_level`` of
    place_cues.yaml): there "X county" is a province's like "X province"."""
    return country in _place_cues().county_first_level


def county_first_level_word(word: str) -> bool:
    """Whether a cue word ending a name may name a first-level county ("Lamu *county*";
    ``county_first_level_words`` of place_cues.yaml)."""
    return word in _place_cues().county_first_level_words


def cue_kinds(cue: Cue) -> frozenset[PlaceKind]:
    """The kinds of place a name with a cue of this class may have."""
    return _place_cues().place_cues[cue].kinds


@cache
def anaphor_kinds() -> Mapping[str, frozenset[PlaceKind]]:
    """The nouns that refer back to a place ("the province"), with the kinds they refer to
    (theirs, and those of the areas that contain them)."""
    cues = _place_cues()
    return {noun: cues.anaphor_kinds(noun) for noun in cues.place_anaphors}


@cache
def _specificity() -> Mapping[str, int]:
    return {kind: rank for rank, kind in enumerate(_place_cues().specificity)}


def specificity(kind: str) -> int:
    """How wide a kind of place is: 0 the finest (``specificity`` of place_cues.yaml)."""
    return _specificity().get(kind, len(_specificity()))


@cache
def _common_place_nouns() -> frozenset[str]:
    return frozenset(cue_words()) | frozenset(anaphor_kinds()) | toponym_words().common_place_nouns


def is_common_place_noun(words: str) -> bool:
    """Whether ``words`` (lower case, single spaces) is a noun for a kind of place ("valley",
    "capital", "border", "refugee camp") rather than the name of one."""
    return words in _common_place_nouns()


def acled_precision(
    kind: PlaceKind,
    *,
    fixed: int | None = None,
    stand_in: bool = False,
    reference_only: bool = False,
) -> Precision:
    """ACLED's geo-precision of a place of ``kind``.

    ``fixed``: the precision its gazetteer entry gives (curated entries may), which wins.
    ``stand_in``: a town that stands in for what its mentions named (a facility or a district
    named after it); ``reference_only``: a town only ever named as a reference point ("30 km
    north of X"). Either makes an exact place "near" it: :data:`AREA_PRECISION`.
    """
    if fixed is not None and fixed in _FIXED:
        return _FIXED[fixed]
    base = _place_cues().acled_precision[kind]
    if base == 1 and (stand_in or reference_only):
        return AREA_PRECISION
    return base


def area_precision(precision: int) -> int:
    """The precision of an event placed by its article's focus place: at best "in the area of"."""
    return max(precision, AREA_PRECISION)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine over :data:`EARTH_RADIUS_KM`)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlat, dlon = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


Token = Any  # spaCy ships no type information


# Verbs of a party's setting: where it lives or keeps its things (toponyms.yaml).
_SETTING_VERBS = toponym_words().setting_verbs


def in_party_clause(tok: Token, trig: Token) -> bool:
    """Whether the place word ``tok`` lies in a relative clause (or a participle) on a noun
    that is no argument of the event: a clause of some other part of the sentence ("police
    patrolled, while people *who took refuge in shelters in X* went home"; "mills owned by
    migrants *who live in X*"), which tells where that party is, not where the event is. The
    outermost such clause counts: a clause on the trigger itself or on its subject, object or
    agent may place it ("killed fighters *who tried to break the siege of Homs*", "shot by
    gunmen *hiding near his house in X*"); so may one that only says where a thing lies ("the
    town, *which lies in Borno*"; ``location_verbs`` of toponyms.yaml), or one the trigger is
    inside. A clause, at any depth, that says where a party lives or keeps its things tells its
    setting on any party ("patrolled by troops *which have their bases in Turkey*", "mills owned
    by migrants *who have been living in Assam*"; ``setting_verbs``)."""
    clauses = []
    head = tok
    for _ in range(16):
        if head.i in {head.head.i, trig.i}:
            break
        head = head.head
        if head.pos_ in {"VERB", "AUX"} and head.dep_ in {"relcl", "acl"}:
            clauses.append(head)
    clauses = [c for c in clauses if not c.left_edge.i <= trig.i <= c.right_edge.i]
    if any(c.pos_ == "VERB" and c.lemma_.lower() in _SETTING_VERBS for c in clauses):
        return True  # "troops which have their bases in Turkey": where they live, on any party
    clause = clauses[-1] if clauses else None
    if clause is None or clause.lemma_.lower() in toponym_words().location_verbs:
        return False
    # Up from the clause's noun through nouns and prepositions to the verb it belongs to
    # ("killed dozens of fighters who ...", "shot by gunmen who ...", "soldiers in a truck
    # accompanied by ... patrolled").
    governor = clause.head
    for _ in range(8):
        if governor.i == trig.i or governor.pos_ in {"VERB", "AUX"}:
            break
        if governor.head.i == governor.i:
            break
        governor = governor.head
    # An event noun's own verb counts as the event's: "an explosion hit a bus *carrying
    # soldiers in Damascus*"; so does a verb coordinated with the trigger, one doer's acts told
    # together: "fired into the air and beat women *protesting in Kabul*".
    own = {trig.i, trig.head.i} if trig.pos_ == "NOUN" else {trig.i}
    own |= {c.i for c in trig.conjuncts if c.pos_ == "VERB"} if trig.pos_ == "VERB" else set()
    return governor.i not in own


def person_origin(tok: Token) -> bool:
    """Whether the place word ``tok`` only says where a person comes from, never where what
    happened to them happened: a name in front of a noun of a person ("a 36-year-old *Leeds*
    man", "two *Glasgow* men", "a *Lyon* resident": toponyms.yaml's ``origin_person_nouns``, and
    roles.yaml's ``unnamed_people`` in the singular), through the words of a multiword name ("a
    New York man"); the object of "from" on such a noun ("a man *from* Leeds"); "of X" after a
    person's name or such a noun ("Steve Omischl *of Canada*", "a resident *of Lyon*"). People of
    a place named by it ("Hong Kong protesters", "Gaza residents") are mostly there, and what
    they do is done there."""
    while tok.dep_ in {"compound", "flat"} and tok.head.pos_ == "PROPN" and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    roles = load_vocabulary(RolesVocabulary)
    origin_nouns = toponym_words().origin_person_nouns | roles.origin.resident_nouns

    def one_person(noun: Token) -> bool:
        lemma = noun.lemma_.lower()
        return noun.pos_ == "NOUN" and (
            lemma in origin_nouns
            # "a Kyiv court" sits there (roles.yaml's seated_bodies): no origin, the scene
            or (lemma in roles.unnamed_people.keys() - roles.seated_bodies and noun.tag_ == "NN")
        )

    if tok.dep_ == "pobj" and head.head.i != head.i:
        owner = head.head
        if head.lower_ in roles.origin.prepositions:
            return one_person(owner)
        return head.lower_ in roles.origin.resident_prepositions and (
            owner.ent_type_ == "PERSON" or one_person(owner)
        )
    return tok.dep_ in {"compound", "amod", "nmod"} and head.i != tok.i and one_person(head)


def reference_point(tok: Token) -> bool:
    """Whether the place word ``tok`` is the point a direction measures from, set after a comma
    behind another name ("in Samarra, 60 km *north of* Baghdad", "in Taji, just north of
    Baghdad", "in Hit, a town 150 km west of Baghdad", "at Aathmail of Nuwakot district, some
    50 km northwest of Kathmandu", "in Gaza, *near* the Karni crossing"): it says
    where that name lies (``compass_words`` and ``near_words`` of toponyms.yaml). Read along the
    words, not the parse, which hangs the direction on the name or the verb alike."""
    while tok.dep_ in {"compound", "flat", "amod", "nmod"} and tok.head.i != tok.i:
        tok = tok.head  # "the *Karni* crossing point": the phrase's head
    prep = tok.head
    if tok.dep_ != "pobj" or prep.head.i == prep.i:
        return False
    words = toponym_words()
    # "north of Y", "on the outskirts of Y"; or the preposition itself: ", near Y"
    direction = prep.head if prep.lower_ == "of" else prep
    if direction.lower_ not in words.compass_words | words.near_words:
        return False
    # The first word of the direction's phrase ("60 km north", "just north", "some 50 km", "a
    # town 60 km west"), read back along the words: the parse may put the measure anywhere.
    first = direction.i
    while first > 0 and (
        tok.doc[first - 1].like_num
        or tok.doc[first - 1].lower_ in words.distance_units
        or tok.doc[first - 1].pos_ in {"ADV", "ADJ", "DET"}
        or is_common_place_noun(tok.doc[first - 1].lower_)
    ):
        first -= 1
    if first < 2 or tok.doc[first - 1].text != ",":
        return False
    named = tok.doc[first - 2]
    return named.pos_ == "PROPN" or any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in named.children
    )


__all__ = [
    "AREA_PRECISION",
    "EARTH_RADIUS_KM",
    "Cue",
    "PlaceKind",
    "Precision",
    "acled_precision",
    "anaphor_kinds",
    "area_precision",
    "county_first_level",
    "county_first_level_word",
    "cue_kinds",
    "cue_of",
    "cue_words",
    "distance_km",
    "in_party_clause",
    "is_common_place_noun",
    "person_origin",
    "reference_point",
    "specificity",
]
