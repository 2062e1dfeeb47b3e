"""Build the gazetteer index: GeoNames countries, continents and populated places, the curated
places of ``data/places.yaml``, and the areas of ``_build_areas`` (first-level areas, US states
and counties), written in the format of ``_index_file`` from the GeoNames data of ``_geonames``.

Only ``gazetteer.build_gazetteer`` calls this, on a temporary file it then renames.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sitroom.geo._build_areas import add_areas, add_us_counties, add_us_states, admin1_names
from sitroom.geo._geonames import (
    Town,
    TownScan,
    median_point,
    read_geonames,
    read_towns,
    scan_towns,
)
from sitroom.geo._index_file import IndexRows, write_index_file
from sitroom.geo._names import fold_key
from sitroom.geo.admin1 import Admin1Row
from sitroom.geo.candidate import Candidate
from sitroom.geo.curated import Curated

# Below this a GeoNames populated place is a "locality" rather than a "city"; both are precision 1.
LOCALITY_POPULATION = 1000
# Smaller towns get no transliteration-tolerant key: a fuzzy hit on a village is almost always a
# misspelt person or organisation, and skipping them makes the build several times faster.
FUZZY_MIN_POPULATION = 10_000


def _add_countries(
    index: IndexRows, countries: dict[str, Any], curated: Curated, scan: TownScan
) -> None:
    for cc in sorted(countries):
        info = countries[cc]
        lats, lons = scan.coords.get((cc, ""), ([], []))
        override = curated.countries.get(cc)
        has_point = override is not None and override.lat is not None
        entry = Candidate(
            uid=f"cc:{cc}",
            name=info["name"],
            kind="country",
            country=cc,
            admin1=None,
            lat=override.lat if override and has_point else median_point(lats),
            lon=override.lon if override and has_point else median_point(lons),
            geonames_id=info["geonameid"],
            population=info["population"],
            feature="country",
            source="geonames",
            precision=3,
        )
        index.add(entry, [info["name"], *(override.aliases if override else ())])


def _add_continents(
    index: IndexRows, continents: dict[str, Any], countries: dict[str, Any]
) -> None:
    country_names = {fold_key(info["name"]) for info in countries.values()}
    for code in sorted(continents):
        info = continents[code]
        if fold_key(info["name"]) in country_names:
            continue  # Antarctica is a GeoNames country too; one entry is enough
        english = [a["name"] for a in info.get("alternateNames", []) if a.get("lang") == "en"]
        entry = Candidate(
            uid=f"ct:{code}",
            name=info["name"],
            kind="region",
            country=None,
            admin1=None,
            lat=float(info["lat"]),
            lon=float(info["lng"]),
            geonames_id=info["geonameId"],
            population=info["population"],
            feature="continent",
            source="geonames",
            precision=3,
        )
        index.add(entry, [info["name"], *english])


def _add_curated(index: IndexRows, curated: Curated) -> None:
    for place in curated.places:
        entry = Candidate(
            uid=f"cur:{place.country or 'XX'}:{fold_key(place.name)}",
            name=place.name,
            kind=place.kind,
            country=place.country,
            admin1=place.admin1 or (place.name if place.kind == "admin1" else None),
            lat=place.lat,
            lon=place.lon,
            geonames_id=None,
            population=place.population,
            feature=place.feature or place.kind,
            source="curated",
            precision=place.precision,
        )
        index.add(entry, [place.name, *place.aliases])


def _add_cities(
    index: IndexRows,
    cities: list[Town],
    area_names: dict[tuple[str, str], str],
    capitals: set[tuple[str, str]],
) -> None:
    for city in cities:
        cc = city.country
        population = city.population
        keys = city.keys
        capital = any((cc, k) in capitals for k in keys)
        # The PLACE_COLUMNS of a Candidate, written out: building one per town costs a second.
        row = (
            f"gn:{city.geonameid}",
            city.name,
            "city" if population >= LOCALITY_POPULATION else "locality",
            cc,
            area_names.get((cc, city.admin1)),
            city.lat,
            city.lon,
            city.geonameid,
            population,
            "capital" if capital else "populated place",
            "geonames",
            None,
        )
        index.add_row(row, keys, fuzzy=population >= FUZZY_MIN_POPULATION)


def write_index(
    path: Path, curated: Curated, version: str, admin1_rows: tuple[Admin1Row, ...] = ()
) -> dict[str, str]:
    """Build the whole index into ``path`` (a new or empty file); return the meta table."""
    countries = read_geonames("countries.json")
    cities = read_towns()
    us_states = read_geonames("us_states.json")
    continents = read_geonames("continents.json")
    # Curated provinces name their seat town; the seat's GeoNames admin1 code then names the
    # province of every town sharing that code.
    seats = {(p.country, fold_key(p.capital)) for p in curated.places if p.capital and p.country}
    seats |= {(r.country, fold_key(r.seat)) for r in admin1_rows if r.seat}
    scan = scan_towns(cities, seats)
    area_names, missing, areas = admin1_names(curated, admin1_rows, scan, us_states)
    capitals = {(cc, fold_key(c["capital"])) for cc, c in countries.items() if c.get("capital")}

    index = IndexRows()
    _add_countries(index, countries, curated, scan)
    _add_continents(index, continents, countries)
    add_us_states(index, us_states, admin1_rows, scan)
    us_towns: dict[tuple[str, str], Town] = {}
    for city in sorted(cities, key=lambda c: c.population):
        if city.country == "US":
            us_towns[(city.admin1, fold_key(city.name))] = city  # the largest namesake wins
    add_us_counties(index, read_geonames("us_counties.json"), us_towns)
    add_areas(index, areas, scan)
    _add_curated(index, curated)
    _add_cities(index, cities, area_names, capitals)
    meta = {
        "version": version,
        "places": str(len(index.places)),
        "names": str(len(index.fold)),
        "unresolved_capitals": json.dumps(missing),
    }
    country_names = sorted((cc, info["name"]) for cc, info in countries.items())
    write_index_file(path, index, country_names, meta)
    return meta


__all__ = ["write_index"]
