"""Places that say where a person is from, not where anything happened: "police arrested a
36-year-old *Leeds* man", "a *Texas* woman was detained", "a man *from Leeds*", "a *Lyon*
resident", "a resident *of Lyon*".

Wire reports describe suspects and victims by their home town or state. Such a place modifies
a singular noun of a person (``roles.yaml``'s ``unnamed_people`` and ``origin.resident_nouns``),
as a name in front of it or as the object of an origin preposition on it ("from"; "of" on a
resident noun only); it is never where the arrest or the attack was, even when the sentence
names no other place.
"""

from __future__ import annotations

from spacy.tokens import Token

from sitroom.lang.vocabulary.actors import RolesVocabulary
from sitroom.lang.vocabulary.loader import load_vocabulary

_ROLES = load_vocabulary(RolesVocabulary)
_PEOPLE = frozenset(_ROLES.unnamed_people) | _ROLES.origin.resident_nouns
_FRONT = frozenset({"compound", "amod", "nmod"})


def _person(noun: Token) -> bool:
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in _PEOPLE


def person_origin(tok: Token) -> bool:
    """Whether the place named at ``tok`` only says where a person is from (see the module)."""
    name = tok
    # the last word of a name of several ("a Salt Lake City man")
    while name.dep_ in {"compound", "flat"} and name.head.pos_ == "PROPN" and name.head.i != name.i:
        name = name.head
    head = name.head
    if name.dep_ in _FRONT:
        # one person ("a Leeds man"); people of a place named by it ("Hong Kong protesters",
        # "Gaza residents") are mostly there, and what they do is done there
        return _person(head) and head.tag_ == "NN"
    if name.dep_ != "pobj":
        return False
    words = _ROLES.origin
    owner = head.head
    return (head.lower_ in words.prepositions and _person(owner)) or (
        head.lower_ in words.resident_prepositions
        and owner.pos_ == "NOUN"
        and owner.lemma_.lower() in words.resident_nouns
    )


__all__ = ["person_origin"]
