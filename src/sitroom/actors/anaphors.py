"""The mentions of one document's actors, and the attackers a report names again by what they
did: "Taliban fighters stormed the base ... the attackers", "unidentified gunmen ... the
assailants", "a gunman ... the attacker" are one actor, not a new one called "attackers".

A definite attacker noun (``roles.yaml``'s ``attacker_anaphors``: "the attackers", "the
gunmen", "the attacker") that opens its actor's mentions refers back to the nearest armed actor
named before it (one named with the same noun first: "unidentified gunmen"), a group for a
plural noun, one unnamed person for a singular one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from sitroom.actors.roles import RoleMatch
from sitroom.lang.vocabulary.actors import ActorEntry, RolesVocabulary
from sitroom.model import ActorType

_DEFINITE = frozenset({"the", "these", "those"})
_ARMED: ActorType = "armed_group"


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
    if m.unnamed is not None:
        return m.unnamed_type == _ARMED
    last = doc[m.end - 1].lower_
    return m.label == "ORG" and roles.org_types.get(last) == _ARMED


def _anaphor(m: Mention, doc: Doc, roles: RolesVocabulary) -> bool:
    """ "The attackers", "the gunman": a definite attacker noun."""
    word = m.generic or m.unnamed
    head = doc[m.end - 1]
    return (
        word in roles.attacker_anaphors
        and not m.new_referent
        and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.children)
    )


def _one(m: Mention, doc: Doc) -> bool:
    """The mention names one unnamed person ("a gunman", "the suspect"), not a group."""
    return m.unnamed is not None and doc[m.end - 1].tag_ == "NN"


def join_attackers(doc: Doc, groups: Sequence[Group], roles: RolesVocabulary) -> list[Group]:
    """``groups`` with each whose first mention is a definite attacker noun joined to the
    group of the nearest armed actor named before it, a group to a group and one person to one
    person."""
    ordered = sorted(groups, key=lambda g: g.mentions[0].start)
    home: dict[int, Group] = {}  # id of a joined group → the group it joined
    mentions = sorted(((m, g) for g in ordered for m in g.mentions), key=lambda pair: pair[0].start)
    for group in ordered:
        first = group.mentions[0]
        if not _anaphor(first, doc, roles):
            continue
        earlier = [
            g for m, g in mentions
            if m.end <= first.start and g is not group and _armed(m, doc, roles)
            and _one(m, doc) == _one(first, doc)
        ]  # fmt: skip
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
