"""The mentions of one document's actors, and the attackers a report names again by what they
did: "Taliban fighters stormed the base ... the attackers", "unidentified gunmen ... the
assailants", "a gunman ... the attacker" are one actor, not a new one called "attackers".

A definite attacker noun (``roles.yaml``'s ``attacker_anaphors``: "the attackers", "the
gunmen", "the attacker") that opens its actor's mentions refers back to the nearest armed actor
named before it (one named with the same noun first: "unidentified gunmen"), a group for a
plural noun, one unnamed person for a singular one.

So does a definite, unqualified word of a state's forces (``force_anaphors``: "the soldiers",
"the troops") to the state forces named before it with a nationality or a name ("Israeli
troops raided the town ... clashes with the soldiers"), when only one such was named, and a
bare or definite word of the police (``police_anaphors``: "police", "officers") to the one
police force named before it by its name or its country ("Kent Police said ... Officers
arrested a man", "Dutch police ... the police"): a report that has named its police speaks of
that force, not of a new one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from sitroom.actors.roles import RoleMatch
from sitroom.lang.vocabulary.actors import ActorEntry, RolesVocabulary
from sitroom.model import ActorType

_DEFINITE = frozenset({"the", "these", "those"})
_ARMED: ActorType = "armed_group"
_STATE: ActorType = "government"


@dataclass
class Mention:
    start: int
    end: int
    label: str
    entry: ActorEntry | None = None
    country: str | None = None
    place_name: str | None = None
    key: str = ""
    role: RoleMatch | None = None
    generic: str | None = None  # "army", "rebels": an actor named by a common noun
    unnamed: str | None = None  # "men" in "two men": unnamed people, one actor per word
    unnamed_type: ActorType | None = None
    new_referent: bool = False  # "a man" (someone new), not "the man" (the last one)


@dataclass
class Group:
    mentions: list[Mention] = field(default_factory=list)
    names: list[list[str]] = field(default_factory=list)


def _armed(m: Mention, doc: Doc, roles: RolesVocabulary) -> bool:
    """The mention names an armed group or an armed unnamed person."""
    if m.entry is not None:
        return m.entry.type == _ARMED
    if m.generic is not None:
        return roles.generic_actors.get(tuple(m.generic.split())) == _ARMED
    if m.unnamed is not None or m.unnamed_type is not None:
        return m.unnamed_type == _ARMED  # an unnamed person; a name typed by its noun
    last = doc[m.end - 1].lower_
    return m.label == "ORG" and roles.org_types.get(last) == _ARMED


def _state_forces(m: Mention, doc: Doc, roles: RolesVocabulary) -> bool:
    """The mention names a state's forces by a nationality ("Israeli troops") or a name of
    the dictionary ("the Tatmadaw")."""
    if m.entry is not None:
        return m.entry.type == _STATE
    return (
        m.generic is not None
        and m.country is not None
        and roles.generic_actors.get(tuple(m.generic.split())) == _STATE
    )


def _definite(m: Mention, doc: Doc) -> bool:
    head = doc[m.end - 1]
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.children)


def _anaphor(m: Mention, doc: Doc, roles: RolesVocabulary) -> bool:
    """ "The attackers", "the gunman": a definite attacker noun."""
    word = m.generic or m.unnamed
    return word in roles.attacker_anaphors and not m.new_referent and _definite(m, doc)


def _force_anaphor(m: Mention, doc: Doc, roles: RolesVocabulary) -> bool:
    """ "The soldiers", "the troops": a definite word of a state's forces, unqualified."""
    return (
        m.generic in roles.force_anaphors
        and m.country is None
        and m.entry is None
        and _definite(m, doc)
    )


def _named_police(m: Mention, doc: Doc, roles: RolesVocabulary) -> bool:
    """The mention names a police force by a name ("Kent Police", "the Guardia Civil" of the
    dictionary) or by its country ("Dutch police")."""
    last = doc[m.end - 1].lower_
    if m.entry is not None:
        return m.entry.name.split()[-1].lower() in roles.police_name_heads
    if m.generic is not None:
        return m.generic in roles.police_anaphors and m.country is not None
    return (
        m.unnamed is None
        and m.label == "ORG"
        and m.end - m.start > 1
        and (last in roles.police_name_heads)
    )


def _police_anaphor(m: Mention, doc: Doc, roles: RolesVocabulary) -> bool:
    """ "Police", "the police", "officers": an unqualified word of the police, of no number
    ("two officers were hurt" are people, not the force) and not one person ("an officer")."""
    head = doc[m.end - 1]
    if any(c.dep_ == "nummod" for c in head.children):
        return False
    if m.generic is not None:
        return m.generic in roles.police_anaphors and m.country is None and m.entry is None
    return m.unnamed in roles.police_anaphors and head.tag_ in {"NNS", "NNPS"}


def _one(m: Mention, doc: Doc) -> bool:
    """The mention names one unnamed person ("a gunman", "the suspect"), not a group."""
    return m.unnamed is not None and doc[m.end - 1].tag_ == "NN"


def _antecedent_test(
    first: Mention, doc: Doc, roles: RolesVocabulary
) -> tuple[Callable[[Mention], bool], bool] | None:
    """For a group whose first mention is an anaphor: which earlier mentions it may stand for,
    and whether only one group may be named so ("the troops", "the police": one force, else
    neither); None when the mention is no anaphor."""
    if _anaphor(first, doc, roles):
        one = _one(first, doc)  # a group for a group, one person for one person
        return (lambda m: _armed(m, doc, roles) and _one(m, doc) == one), False
    if _force_anaphor(first, doc, roles):
        return (lambda m: _state_forces(m, doc, roles)), True
    if _police_anaphor(first, doc, roles):
        return (lambda m: _named_police(m, doc, roles)), True
    return None


def join_attackers(doc: Doc, groups: Sequence[Group], roles: RolesVocabulary) -> list[Group]:
    """``groups`` with each whose first mention is a definite attacker noun joined to the
    group of the nearest armed actor named before it, a group to a group and one person to one
    person, and each whose first mention is a definite word of a state's forces to the one
    state's forces named before it."""
    ordered = sorted(groups, key=lambda g: g.mentions[0].start)
    home: dict[int, Group] = {}  # id of a joined group → the group it joined
    mentions = sorted(((m, g) for g in ordered for m in g.mentions), key=lambda pair: pair[0].start)
    for group in ordered:
        first = group.mentions[0]
        test = _antecedent_test(first, doc, roles)
        if test is None:
            continue
        fits, single = test
        earlier = [g for m, g in mentions if m.end <= first.start and g is not group and fits(m)]
        if single and len({id(g) for g in earlier}) > 1:
            continue  # "French troops ... Malian troops ... the troops": either, so neither
        if not earlier:
            continue
        # "unidentified gunmen ... a group linked to al Qaeda ... the gunmen": the same noun
        # first, else the nearest
        word = doc[first.end - 1].lower_
        same = [g for m, g in mentions if m.end <= first.start and doc[m.end - 1].lower_ == word]
        target = next((g for g in reversed(same) if g in earlier), earlier[-1])
        while id(target) in home:
            target = home[id(target)]
        if target is group:
            continue
        target.mentions.extend(group.mentions)
        target.mentions.sort(key=lambda m: m.start)
        target.names.extend(group.names)
        home[id(group)] = target
    return [g for g in groups if id(g) not in home]


__all__ = ["Group", "Mention", "join_attackers"]
