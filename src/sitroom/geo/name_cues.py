"""The words next to a name that say it is a place and of what kind (``sitroom.geo.toponyms``
reads them): a cue word before or after it ("the town of X", "X province", "Mellit, a town in
North Darfur"), "near X" and "30 km north of X", a text that calls it small ("the village of X"),
an owner of something that is no place ("Biden's motorcade"), a dateline, and the longer name
a cut-up entity belongs to ("Dera" + "Ismail Khan"). The words are data (``place_cues.yaml``,
``toponyms.yaml``)."""

from __future__ import annotations

from typing import Any

from sitroom.geo._names import fold_key
from sitroom.geo.candidate import Candidate
from sitroom.geo.resolve import LOCATIVE_MIN_POPULATION
from sitroom.lang.places import (
    Cue,
    county_first_level,
    county_first_level_word,
    cue_kinds,
    cue_of,
    is_common_place_noun,
)
from sitroom.lang.vocabulary.places import place_evidence, toponym_words

Doc = Any  # spaCy ships no type information

_WORDS = toponym_words()  # data/toponyms.yaml
NEAR_WORDS = _WORDS.near_words
COMPASS = _WORDS.compass_words
DISTANCE_UNITS = _WORDS.distance_units
SMALL_SETTLEMENT_WORDS = _WORDS.small_settlement_words
_BUILDING_NOUNS = _WORDS.building_name_nouns
_GROUP_NAME_NOUNS = _WORDS.group_name_nouns
# Nouns of places a name may own ("Kabul's airport", "Mosul's old city", "Somalia's capital").
_LOCAL_NOUNS = (
    _WORDS.local_settlement_nouns
    | _WORDS.local_quarter_nouns
    | _WORDS.local_site_nouns
    | _WORDS.capital_nouns
    | _WORDS.near_words
)


# The pieces a long name may be cut into by the NER ("Dera" GPE + "Ismail Khan" PERSON), and how
# many words a name may reach beyond the entity each way.
NAME_PART_LABELS = frozenset({"", "GPE", "LOC", "FAC", "PERSON", "ORG"})
_NAME_REACH = 2
# Small words written in lower case inside a place's name (toponyms.yaml name_particles).
_NAME_PARTICLES = _WORDS.name_particles
_AREA_KINDS = frozenset({"country", "admin1", "region"})


def longest_name(doc: Doc, start: int, end: int, gazetteer: Any) -> tuple[int, int] | None:
    """The longest name around an entity that the gazetteer has as written, when the NER cut
    it up ("Dera" + "Ismail Khan", a PERSON; "Dera" + "Ghazi" + "Khan"): the run of capitalised
    proper nouns around the entity, at most ``_NAME_REACH`` words each way, whose whole text is
    an area's or a curated place's name, or the own name of a town of
    ``LOCATIVE_MIN_POPULATION``. A prefix of a longer name is no place of its own."""

    def word(index: int) -> bool:
        token = doc[index]
        return (
            token.pos_ == "PROPN"
            and token.text[:1].isupper()
            and token.ent_type_ in NAME_PART_LABELS
        )

    size = end - start

    def glued(index: int) -> bool:
        # "Croix" "-" "des" "-" "Bouquets": a hyphenated name the tokenizer split
        before = doc[index - 1]
        return not before.whitespace_ and "-" in (before.text, doc[index].text)

    while start > 0 and glued(start):
        start -= 1
    while end < len(doc) and glued(end):
        end += 1
    # A name glued by hyphens is one name whichever of the gazetteer's spellings it is
    # ("Mazar-i-Sharif", GeoNames' "Mazar-e Sharif"); a name of separate words must be the
    # entry's own, as written.
    hyphenated = (start, end)

    def particle(index: int) -> bool:
        # "Mocimboa *da* Praia", "Ras *al* Ain": a small word inside a name, between its words
        token = doc[index]
        return token.lower_ in _NAME_PARTICLES and token.text.islower()

    first, last = start, end
    while first > 0 and start - first < _NAME_REACH:
        if word(first - 1):
            first -= 1
        elif first > 1 and particle(first - 1) and word(first - 2):
            first -= 2
        else:
            break
    while last < len(doc) and last - end < _NAME_REACH:
        if word(last):
            last += 1
        elif last + 1 < len(doc) and particle(last) and word(last + 1):
            last += 2
        else:
            break
    spans = [(a, b) for a in range(first, start + 1) for b in range(end, last + 1)]
    for a, b in sorted(spans, key=lambda ab: ab[0] - ab[1]):
        if b - a <= size:
            break  # nothing longer than the entity itself
        joined = doc[a:b].text
        key = fold_key(joined)
        if any(
            (fold_key(c.name) == key or ((a, b) == hyphenated and b - a > 1))
            and c.match == "exact"
            and (
                c.kind in _AREA_KINDS
                or c.source == "curated"
                or c.population >= LOCATIVE_MIN_POPULATION
            )
            for c in gazetteer.lookup(joined)
        ):
            return a, b
    return None


def cue_after(doc: Doc, end: int) -> tuple[Cue | None, int]:
    """The cue right after token ``end`` and the token index just past it. Not a settlement's
    that goes on to name another: in "the southern Gaza *city of Rafah*" the city is Rafah, and
    Gaza the area around it."""
    if end + 1 < len(doc):
        two = f"{doc[end].lower_} {doc[end + 1].lower_}"
        if (cue := cue_of(two)) is not None and not _names_next(doc, end + 2, cue):
            return cue, end + 2
    if (
        end < len(doc)
        and (cue := cue_of(doc[end].lower_)) is not None
        and not _names_next(doc, end + 1, cue)
    ):
        return cue, end + 1
    return None, end


def _names_next(doc: Doc, past: int, cue: Cue) -> bool:
    """Whether "of" and a name follow a settlement's cue word ("city *of Rafah*"): the
    settlement is that name's. Not an area's ("Helmand province of Afghanistan")."""
    return (
        cue == "settlement"
        and past + 1 < len(doc)
        and doc[past].lower_ == "of"
        and doc[past + 1].pos_ == "PROPN"
        and doc[past + 1].text[:1].isupper()
    )


def trailing_cue(words: list[str]) -> tuple[Cue | None, int]:
    """The cue that ends a multi-word name and how many words it takes."""
    if len(words) > 2 and (cue := cue_of(f"{words[-2]} {words[-1]}")) is not None:
        return cue, 2
    if len(words) > 1 and (cue := cue_of(words[-1])) is not None:
        return cue, 1
    return None, 0


# Parts of speech inside an appositive before its head noun: "a *small* town", "a *port* city",
# "the *predominantly Kurdish* town".
_MODIFIER_POS = frozenset({"ADJ", "ADV", "NOUN", "PROPN"})


def appositive_cue(doc: Doc, end: int) -> Cue | None:
    """The cue that heads an appositive right after the name: "X, a town in Y", "X, the main
    town of the district". Not a modifier of another noun ("X, a city official", "X, the state
    capital") nor a possessive ("X, the city's mayor"): those name no place of that kind."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].tag_ != "DT":
        return None
    index = end + 2
    while index < len(doc):
        token = doc[index]
        if (cue := cue_of(token.lower_)) is not None:
            after = doc[index + 1] if index + 1 < len(doc) else None
            if after is not None and (after.tag_ == "POS" or after.pos_ in {"NOUN", "PROPN"}):
                return None
            return cue
        if token.pos_ not in _MODIFIER_POS:
            return None
        index += 1
    return None


def called_small(doc: Doc, start: int, end: int) -> bool:
    """Whether the text calls the place a village, a hamlet or a camp: "the village of X",
    "the villages of X and Y", "X village", "X refugee camp"; or the name may be a building's
    own ("the Al-Thawra *hospital*": ``building_name_nouns``), no town abroad either."""
    words = [doc[end - 1].lower_]
    if start >= 2 and doc[start - 1].lower_ == "of":
        words.append(doc[start - 2].lower_)
    words += [t.lower_ for t in doc[end : end + 2] if t.pos_ in {"NOUN", "PROPN"}]
    if end < len(doc) and doc[end].lower_ in _BUILDING_NOUNS:
        return True
    return bool(SMALL_SETTLEMENT_WORDS.intersection(words))


def on_a_way_between(doc: Doc, start: int, end: int) -> bool:
    """Whether the name is an end of a way named by its ends ("on the road *between* X *and*
    Y": ``span_prepositions`` after one of ``way_nouns`` of toponyms.yaml), which is a place
    whatever the NER called it, as after a locative word."""
    root = doc[start:end].root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "between X and *Y*": the first end's phrase
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ in _WORDS.span_prepositions
        and prep.head.lemma_.lower() in _WORDS.way_nouns
    )


def names_a_group(doc: Doc, start: int, end: int) -> bool:
    """Whether the name is a group's own ("the Gulf cartel", "the Sinaloa Cartel"): a noun of
    such groups (``group_name_nouns`` of toponyms.yaml) ends it or heads it right after it."""
    if doc[end - 1].lower_ in _GROUP_NAME_NOUNS:
        return True
    after = doc[end] if end < len(doc) else None
    return (
        after is not None
        and after.lower_ in _GROUP_NAME_NOUNS
        and doc[start:end].root.head.i == after.i
    )


def cued(candidates: list[Candidate], cue: Cue, name: str, word: str = "") -> list[Candidate]:
    """The readings a feature word allows. A province the gazetteer lacks is mostly named after
    its seat ("Narathiwat province", "Yala province"): without an area reading, a town of
    exactly that name stands in for it (resolution gives it a province's precision). In a
    country whose provinces are counties, "X county" (``word``, the cue word ending the name)
    is such a province of that country ("Lamu county"), not a namesake elsewhere."""
    kept = [c for c in candidates if c.kind in cue_kinds(cue)]
    if not kept and cue == "county" and county_first_level_word(word):
        candidates = [c for c in candidates if county_first_level(c.country)]
        cue = "admin"
        kept = [c for c in candidates if c.kind in cue_kinds(cue)]
    if kept or cue != "admin":
        return kept
    return [c for c in candidates if c.kind == "city" and fold_key(c.name) == fold_key(name)]


def owns_a_thing(doc: Doc, start: int, end: int) -> bool:
    """Whether the name owns something that is no place ("*Biden's* motorcade", "X's
    spokesman"; not "Kabul's airport", "Syria's north"): the owner of such a thing is mostly a
    person or a group, so a reading by a mere spelling variant (Budaun for "Biden") is not
    taken, only one by the name as written."""
    root = doc[start:end].root
    if root.dep_ != "poss" or root.head.i < end or root.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    head = root.head
    return head.pos_ == "NOUN" and not (
        is_common_place_noun(head.lemma_.lower())
        or head.lower_ in COMPASS
        or head.lemma_.lower() in _LOCAL_NOUNS
    )


def named_after_noun(doc: Doc, start: int, end: int) -> Cue | None:
    """The cue of the noun a name stands in apposition to: "the capital, Bamako", "the town,
    Mellit" (the parse's appositive of a feature word or a capital noun, a comma between)."""
    root = doc[start:end].root
    head = root.head
    if root.dep_ != "appos" or head.i >= start or doc[start - 1].text != ",":
        return None
    word = head.lower_
    if word in _WORDS.capital_nouns:
        return "settlement"
    return cue_of(word)


def cue_before(doc: Doc, start: int) -> Cue | None:
    # "the city of X", "the province of X"
    if start >= 2 and doc[start - 1].lower_ == "of":
        # "the towns of X and Y": a plural cue too
        return cue_of(doc[start - 2].lower_) or cue_of(doc[start - 2].lemma_.lower())
    return None


# What follows a dateline's place: "WASHINGTON (AP) -", "KABUL, May 3", "(NEW YORK) —".
_DATELINE_NEXT = frozenset({",", "(", ")", "-", "\u2014", "\u2013"})


def dateline_cue(doc: Doc, start: int, end: int) -> Cue | None:
    """A dateline names a town ("WASHINGTON (AP) -" is the city, not the state; "(NEW YORK)
    —"): a name in capitals that opens a line or a bracket, followed by a dateline mark."""
    text = doc[start:end].text
    if not text.isupper() or len(text) < 4 or end >= len(doc):
        return None
    if doc[end].text not in _DATELINE_NEXT:
        return None
    before = doc.text[: doc[start].idx].rstrip(" ")
    if before and before[-1] not in "\n(":
        return None
    return "settlement"


def names_where(doc: Doc, start: int, end: int) -> bool:
    """Whether the name is told as where things are: after a word that puts what is told inside
    it, compass words aside ("in Yemen", "across northern Mali"; ``within_words`` of
    place_evidence.yaml), or as the owner of a part of it ("on *Yemen's* Red Sea coast",
    "*Iraq's* Salahuddin province", "*Mali's* north"), not of a thing ("Yemen's government")."""
    index = start - 1
    while index >= 0 and doc[index].lower_ in COMPASS:
        index -= 1
    if index >= 0 and doc[index].lower_ in place_evidence().within_words:
        return True
    root = doc[start:end].root
    head = root.head
    if root.dep_ != "poss" or head.i < end or head.pos_ != "NOUN":
        return False
    lemma = head.lemma_.lower()
    return (
        is_common_place_noun(lemma)
        or cue_of(lemma) is not None
        or head.lower_ in COMPASS
        or lemma in _LOCAL_NOUNS
    )


def near(doc: Doc, start: int) -> bool:
    # "near the northern city of X" is near X as "near X" is: step over the cue phrase.
    if start >= 2 and doc[start - 1].lower_ == "of" and cue_of(doc[start - 2].lower_):
        start -= 2
        while start >= 1 and doc[start - 1].pos_ in {"DET", "ADJ"}:
            start -= 1
    if start >= 1 and doc[start - 1].lower_ in NEAR_WORDS:
        return True
    if start >= 2 and doc[start - 1].lower_ in {"of", "from"}:
        return doc[start - 2].lower_ in COMPASS | DISTANCE_UNITS | NEAR_WORDS
    return False


__all__ = [
    "COMPASS",
    "DISTANCE_UNITS",
    "NEAR_WORDS",
    "appositive_cue",
    "called_small",
    "cue_after",
    "cue_before",
    "named_after_noun",
    "near",
    "on_a_way_between",
    "owns_a_thing",
    "trailing_cue",
]
