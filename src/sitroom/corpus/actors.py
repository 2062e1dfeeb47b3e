"""Which document entities are one actor across articles, and what the registry says of it.

Each document's entities (already one per actor within the document, with their aliases) are
linked across documents when they share a name: a person by a full name of two words or more
(a bare surname is too ambiguous across articles), a group by any of its names, acronyms
included. Actors are the connected groups; as for corpus events, they do not depend on the order
articles arrive in. ``sitroom.store.registry`` keeps them in the database.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sitroom.corpus.groups import components, group_id
from sitroom.resources import load_data

EntityKey = tuple[str, str]  # (document id, entity id)
MAX_ALIASES = 40


@dataclasses.dataclass(frozen=True)
class EntityRef:
    """A stored document entity as the registry groups it."""

    name: str
    label: str
    actor_type: str | None
    country: str | None
    aliases: tuple[str, ...]
    mentions: int  # how often the document names it


@dataclasses.dataclass(frozen=True)
class ActorRecord:
    """One registry actor: its most used name and every other name it went by."""

    id: str
    name: str
    label: str
    actor_type: str | None
    country: str | None
    aliases: tuple[str, ...]
    documents: int
    mentions: int


def fold_name(text: str) -> str:
    """A name as the registry compares it: case folded, one apostrophe, no leading "the"."""
    words = text.casefold().replace("’", "'").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@functools.cache
def _generic_names() -> frozenset[str]:
    return frozenset(fold_name(str(word)) for word in load_data("roles.yaml")["generic_actors"])


@functools.cache
def _institution_heads() -> frozenset[str]:
    return frozenset(str(word).lower() for word in load_data("roles.yaml")["institution_heads"])


def _generic(folded: str) -> bool:
    """A generic actor's name: "the army", or a state body named by a common noun and one word
    ("forestry department"), which every country has."""
    words = folded.split()
    return folded in _generic_names() or (len(words) == 2 and words[-1] in _institution_heads())


def entity_keys(
    name: str, label: str, aliases: Iterable[str], country: str | None = None
) -> set[str]:
    """The registry keys an entity is known by.

    Generic actors ("the army", "rebels", "civilians") are one actor per country, and none
    without a country: the army of one article is not the army of another country's.
    """
    person = label == "PERSON"
    kind = "person" if person else "group"
    keys = set()
    for value in (name, *aliases):
        folded = fold_name(value)
        if not folded or (person and len(folded.split()) < 2):
            continue
        if _generic(folded):
            if country:
                keys.add(f"{kind}:{folded}@{country.upper()}")
            continue
        keys.add(f"{kind}:{folded}")
    return keys


def actor_id(members: Sequence[EntityKey]) -> str:
    return group_id("ac", members)


def group_entities(keys_of: Mapping[EntityKey, Iterable[str]]) -> list[list[EntityKey]]:
    """Entities connected by shared keys: each is linked to the first entity with its key."""
    owner: dict[str, EntityKey] = {}
    links = []
    for entity in sorted(keys_of):
        for key in sorted(keys_of[entity]):
            links.append((owner.setdefault(key, entity), entity))
    return components(keys_of, links)


def _most_common(values: Iterable[Any]) -> Any:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    # Most used; then the longest (fullest) form; then alphabetical, so ties are stable.
    return min(counts, key=lambda v: (-counts[v], -len(str(v)), str(v)))


def aggregate_actor(
    members: Sequence[EntityKey], entities: Mapping[EntityKey, EntityRef]
) -> ActorRecord:
    """The registry actor of a group of entities."""
    found = [entities[m] for m in members]
    # Falls back to the first entity's value: a name or label may be empty, never missing.
    name = _most_common(e.name for e in found) or found[0].name
    names = {n for e in found for n in (e.name, *e.aliases)}
    aliases = sorted(names - {name}, key=lambda n: (n.casefold(), n))[:MAX_ALIASES]
    return ActorRecord(
        id=actor_id(members),
        name=name,
        label=_most_common(e.label for e in found) or found[0].label,
        actor_type=_most_common(e.actor_type for e in found),
        country=_most_common(e.country for e in found),
        aliases=tuple(aliases),
        documents=len({m[0] for m in members}),
        mentions=sum(e.mentions for e in found),
    )


__all__ = [
    "MAX_ALIASES",
    "ActorRecord",
    "EntityKey",
    "EntityRef",
    "actor_id",
    "aggregate_actor",
    "entity_keys",
    "fold_name",
    "group_entities",
]
