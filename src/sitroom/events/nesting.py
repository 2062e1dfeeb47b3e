"""Places that hold one another in one document: a country holds the places in it, a first-level
area the towns and districts in it. Two mentions of one happening at nested places ("in Nigeria"
... "near Maiduguri") agree on where it was, and it was at the innermost."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet

from sitroom.model import Event, Place


def nested(places: AbstractSet[object], containers: Mapping[str, AbstractSet[str]]) -> bool:
    """Whether the places are one, or each holds the next ("Nigeria", "Borno", "Maiduguri"):
    one of them is held by all the others."""
    if len(places) < 2:
        return True
    return any(places <= containers.get(str(p), frozenset()) for p in places)


def containers_of(places: Sequence[Place]) -> dict[str, frozenset[str]]:
    """Each document place -> the ids of the places that hold it, its own included: a country
    holds the places in it, a first-level area the towns and districts in it."""
    countries: dict[str, list[str]] = {}
    areas: dict[tuple[str, str], list[str]] = {}
    for place in places:
        if place.country is None:
            continue
        if place.kind == "country":
            countries.setdefault(place.country, []).append(place.id)
        elif place.kind == "admin1" and place.admin1 is not None:
            areas.setdefault((place.country, place.admin1), []).append(place.id)
    out = {}
    for place in places:
        holders = {place.id}
        if place.country is not None and place.kind != "country":
            holders.update(countries.get(place.country, ()))
            if place.kind != "admin1" and place.admin1 is not None:
                holders.update(areas.get((place.country, place.admin1), ()))
        out[place.id] = frozenset(holders)
    return out


def innermost(group: Sequence[Event], containers: Mapping[str, AbstractSet[str]]) -> Event:
    """The mention whose place every other mention's place holds (the town, not its country)."""
    placed = [e for e in group if e.place is not None]
    for event in placed:
        if all(e.place in containers.get(event.place or "", ()) for e in placed):
            return event
    return placed[0]


__all__ = ["containers_of", "innermost", "nested"]
