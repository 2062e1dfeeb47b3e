"""The actor dictionary and role vocabulary (``data/actors.yaml``, ``data/roles.yaml``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from sitroom.errors import ConfigError
from sitroom.model import ActorType
from sitroom.resources import load_data, read_yaml

_ACTOR_TYPES = {
    "person",
    "state",
    "government",
    "armed_group",
    "igo",
    "ngo",
    "media",
    "party",
    "other",
}


def normalise_name(text: str) -> str:
    """Lower-case, drop a leading article and possessive, squeeze spaces: the dictionary key."""
    words = text.replace("’", "'").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    key = " ".join(words).lower()
    if key.endswith("'s"):
        key = key[:-2]
    return key.strip(" .,")


@dataclass(frozen=True)
class Period:
    start: dt.date | None
    end: dt.date | None
    type: ActorType
    cameo: str | None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class ActorEntry:
    name: str
    aliases: tuple[str, ...]
    type: ActorType
    country: str | None = None
    cameo: str | None = None
    periods: tuple[Period, ...] = ()

    def type_on(self, day: dt.date | None) -> ActorType:
        if day is not None:
            for period in self.periods:
                if period.covers(day):
                    return period.type
        return self.type


@dataclass(frozen=True)
class ActorDictionary:
    entries: tuple[ActorEntry, ...]
    _index: dict[str, ActorEntry] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries:
            for form in (entry.name, *entry.aliases):
                self._index[normalise_name(form)] = entry
                # Acronyms are matched case-sensitively elsewhere; here the dotted form helps too.
                self._index[normalise_name(form.replace(".", ""))] = entry

    def lookup(self, text: str) -> ActorEntry | None:
        key = normalise_name(text)
        return self._index.get(key) or self._index.get(key.replace(".", ""))


def _as_type(value: Any, where: str) -> ActorType:
    if value not in _ACTOR_TYPES:
        raise ConfigError(f"{where}: unknown actor type {value!r}", code="S105")
    result: ActorType = value
    return result


def _parse_entries(raw: Any, where: str) -> list[ActorEntry]:
    if not isinstance(raw, dict) or not isinstance(raw.get("actors"), list):
        raise ConfigError(f"{where}: expected a mapping with an 'actors' list", code="S105")
    entries = []
    for item in raw["actors"]:
        periods = tuple(
            Period(
                start=p.get("from"),
                end=p.get("to"),
                type=_as_type(p.get("type", item.get("type")), where),
                cameo=p.get("cameo"),
            )
            for p in item.get("periods") or ()
        )
        entries.append(
            ActorEntry(
                name=str(item["name"]),
                aliases=tuple(str(a) for a in item.get("aliases") or ()),
                type=_as_type(item.get("type", "other"), where),
                country=item.get("country"),
                cameo=item.get("cameo"),
                periods=periods,
            )
        )
    return entries


def load_actor_dictionary(extra: Iterable[Path] = ()) -> ActorDictionary:
    """The packaged dictionary plus users' files; a user's entry for a name wins."""
    entries = _parse_entries(load_data("actors.yaml"), "actors.yaml")
    for path in extra:
        entries.extend(_parse_entries(read_yaml(path), str(path)))
    return ActorDictionary(tuple(entries))


@dataclass(frozen=True)
class RoleVocabulary:
    roles: tuple[tuple[str, ...], ...]
    honorifics: frozenset[str]
    person_cues: frozenset[str]
    org_cues: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    org_types: dict[str, ActorType]
    generic_actors: dict[tuple[str, ...], ActorType]
    unit_nouns: frozenset[str]


@cache
def load_roles() -> RoleVocabulary:
    raw = load_data("roles.yaml")
    roles = sorted(
        {tuple(r.lower().replace("-", " - ").split()) for r in raw["roles"]},
        key=len,
        reverse=True,
    )
    return RoleVocabulary(
        roles=tuple(roles),
        honorifics=frozenset(w.lower() for w in raw["honorifics"]),
        person_cues=frozenset(w.lower() for w in raw["person_cues"]),
        org_cues=frozenset(w.lower() for w in raw["org_cues"]),
        person_pronouns=frozenset(w.lower() for w in raw["person_pronouns"]),
        group_pronouns=frozenset(w.lower() for w in raw["group_pronouns"]),
        org_types={k.lower(): _as_type(v, "roles.yaml") for k, v in raw["org_types"].items()},
        unit_nouns=frozenset(w.lower() for w in raw["unit_nouns"]),
        generic_actors={
            tuple(k.lower().split()): _as_type(v, "roles.yaml")
            for k, v in raw["generic_actors"].items()
        },
    )


__all__ = [
    "ActorDictionary",
    "ActorEntry",
    "RoleVocabulary",
    "load_actor_dictionary",
    "load_roles",
    "normalise_name",
]
