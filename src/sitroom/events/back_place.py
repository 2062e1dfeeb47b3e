"""Places a noun for a place refers back to: "bombing *the province*" (the last place of its
kinds), "killed 12 people inside *the camp*" (the camp named before: "the Kalma camp"). Moved
out of :mod:`sitroom.events.where`, whose helpers it uses."""

from __future__ import annotations

from spacy.tokens import Token

from sitroom.events.where import LOCATIVE_PREPS, finest, named_first, place_under
from sitroom.lang.docindex import DocIndex
from sitroom.lang.places import anaphor_kinds
from sitroom.lang.vocabulary.grammar import grammar
from sitroom.lang.vocabulary.places import toponym_words

# Nouns of places that, with "the", refer back to the place last named with the same noun
# ("the Kalma camp ... inside the camp", "a checkpoint outside Kidal ... at the checkpoint"):
# the settlement, quarter and site nouns of toponyms.yaml.
_BACK_NOUNS = (
    toponym_words().local_settlement_nouns
    | toponym_words().local_quarter_nouns
    | toponym_words().local_site_nouns
)
# Nouns that refer back to a place ("the province"), with the kinds they refer to.
_ANAPHORS = anaphor_kinds()


def anaphoric_place(trig: Token, index: DocIndex) -> str | None:
    """The place a noun for a place in the event's phrase refers back to: "bombing *the
    province*", "fighting in *the valley*" (the last place of its kinds, ``place_anaphors`` of
    place_cues.yaml), "killed 12 people inside *the camp*" (the place last named with that
    noun, :func:`named_before`, first), also as the owner of a part ("through *the town's*
    main market") or as a noun before it ("a hospital in *the town* centre"). Not "the town of
    X", which names X."""
    for tok in trig.subtree:
        if not any(c.lower_ == "the" for c in tok.children):
            continue
        dep = tok.head.dep_ if tok.dep_ == "poss" else tok.dep_  # "the town's market": its
        if dep not in {"dobj", "pobj"} or tok.i in index.place_at or names_own_place(tok):
            continue
        if (found := _referred_back(tok, index)) is not None:
            return found
        for part_of in _common_noun_modifiers(tok):
            # "a hospital in *the town centre*", "the city hall": the town's centre
            if (found := _referred_back(part_of, index)) is not None:
                return found
    return None


def _referred_back(noun: Token, index: DocIndex) -> str | None:
    """The place ``noun`` refers back to: the one named with it before, else the last place of
    its anaphor kinds."""
    if (found := named_before(noun, index)) is not None:
        return found
    if _unlocated_namesake(noun, index):
        return None  # "recaptured the town of X ... fighting in the town": X, unknown
    kinds = _ANAPHORS.get(noun.lemma_.lower())
    return index.last_location_before(noun.i, kinds) if kinds is not None else None


def _unlocated_namesake(noun: Token, index: DocIndex) -> bool:
    """Whether the last noun of the same word before ``noun`` came with a name of its own that
    no place resolved ("the town of Mahas", the gazetteer lacking it): "the town" is that one,
    not the last town the gazetteer knows."""
    lemma = noun.lemma_.lower()
    for tok in reversed(noun.doc[: noun.i]):
        if tok.pos_ == "NOUN" and tok.lemma_.lower() == lemma:
            named = any(index.location_at(t.i) is not None for t in named_first(tok))
            return names_own_place(tok) and not named
    return False


def _common_noun_modifiers(noun: Token) -> list[Token]:
    """The lower-case nouns before ``noun`` in its phrase ("the *town* centre")."""
    return [
        c
        for c in noun.children
        if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < noun.i and c.is_lower
    ]


def named_before(noun: Token, index: DocIndex) -> str | None:
    """The place a noun for a place refers back to: the one named with the same noun last
    before it ("militia attacked *the Kalma camp* ... killed 12 people inside the camp": Kalma;
    "raided *the village of Kautikari* near Chibok ... in the village": Kautikari, not the
    town named after it; "*Mellit*, a town in North Darfur ... the town": Mellit, which the
    apposition describes, not the province it lies in; "a checkpoint *outside Kidal* ... at the
    checkpoint": Kidal), going past namesakes that refer back themselves ("the base hosts
    troops"). None when the noun is no such noun (``_BACK_NOUNS``) or the namesake it reaches
    ("a base") names no place."""
    lemma = noun.lemma_.lower()
    if lemma not in _BACK_NOUNS:
        return None
    for tok in reversed(noun.doc[: noun.i]):
        if tok.pos_ != "NOUN" or tok.lemma_.lower() != lemma:
            continue
        if tok.dep_ == "appos" and (own := index.location_at(tok.head.i)) is not None:
            return own  # "Mellit, a town in North Darfur ... the town": the place it describes
        named = [p for t in named_first(tok) if (p := index.location_at(t.i)) is not None]
        if named:
            return finest(named, index)
        for prep in tok.children:
            if (
                prep.dep_ == "prep"
                and prep.lower_ in LOCATIVE_PREPS
                and (found := place_under(prep, index, 0)) is not None
            ):
                return found
        if any(
            c.dep_ == "det" and c.lower_ in grammar().indefinite_determiners for c in tok.children
        ):
            return None  # "a base" that names no place: some other one
        # "the base" again: it refers further back
    return None


def names_own_place(noun: Token) -> bool:
    """Whether a noun for a kind of place comes with its own name ("the town *of Bulo
    Marer*", "the *Bulo Marer* district"): then it names that place, not the last one of its
    kind (no anaphor)."""
    if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.children):
        return True
    return any(
        g.dep_ == "pobj" and g.pos_ == "PROPN"
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
    )


__all__ = ["anaphoric_place", "named_before", "names_own_place"]
