"""The curated part of the gazetteer: ``sitroom/data/places.yaml`` (format documented in that file).

GeoNames' populated places have no provinces, regions, valleys or air bases, and its country table
has no aliases or demonyms; the curated file supplies those. It is validated as a whole so that an
edit with a typo fails the build with the entry named, rather than silently dropping a place.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, get_args

import yaml

from sitroom.errors import GazetteerError
from sitroom.geo._names import fold_key
from sitroom.model import PlaceKind

# libyaml's loader parses the file ten times faster than the pure-Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "places.yaml"

_KINDS = frozenset(get_args(PlaceKind)) - {"country"}  # countries come from GeoNames
_ISO2 = re.compile(r"^[A-Z]{2}$")
_PLACE_KEYS = frozenset(
    {"name", "kind", "country", "lat", "lon", "aliases", "admin1", "capital", "feature"}
    | {"precision", "population"}
)
_COUNTRY_KEYS = frozenset({"aliases", "demonyms", "lat", "lon"})


@dataclasses.dataclass(frozen=True, slots=True)
class CuratedPlace:
    name: str
    kind: PlaceKind
    country: str | None
    lat: float
    lon: float
    aliases: tuple[str, ...] = ()
    admin1: str | None = None
    capital: str | None = None
    feature: str | None = None
    precision: int | None = None
    population: int = 0


@dataclasses.dataclass(frozen=True, slots=True)
class CuratedCountry:
    code: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class Curated:
    countries: Mapping[str, CuratedCountry]
    places: tuple[CuratedPlace, ...]
    digest: str


def file_digest(path: Path | None = None) -> str:
    """sha256 of the curated file: part of the gazetteer's build stamp."""
    try:
        return hashlib.sha256((path or DEFAULT_PATH).read_bytes()).hexdigest()
    except OSError as exc:
        raise GazetteerError(f"cannot read curated places file: {exc}", code="S403") from exc


def load_curated(path: Path | None = None) -> Curated:
    """Parse and validate the curated file; raise GazetteerError [S403] naming the bad entry."""
    path = path or DEFAULT_PATH
    digest = file_digest(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise GazetteerError(f"cannot parse {path}: {exc}", code="S403") from exc
    if not isinstance(data, dict) or set(data) - {"countries", "places"}:
        raise GazetteerError(f"{path}: top level must hold 'countries' and 'places'", code="S403")
    raw_countries = data.get("countries") or {}
    raw_places = data.get("places") or []
    if not isinstance(raw_countries, dict) or not isinstance(raw_places, list):
        raise GazetteerError(f"{path}: 'countries' is a mapping, 'places' a list", code="S403")
    countries = {
        str(code): _country(path, str(code), entry) for code, entry in raw_countries.items()
    }
    places = tuple(_place(path, index, entry) for index, entry in enumerate(raw_places))
    return Curated(countries=countries, places=places, digest=digest)


def _fail(path: Path, where: str, problem: str) -> GazetteerError:
    return GazetteerError(f"{path}: {where}: {problem}", code="S403")


def _strings(path: Path, where: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(path, where, "expected a list of non-empty strings")
    return tuple(value)


def _coordinate(path: Path, where: str, value: Any, limit: float) -> float:
    # bool is an int subclass; "lat: yes" is a typo, not a coordinate.
    if isinstance(value, bool) or not isinstance(value, int | float) or abs(value) > limit:
        raise _fail(path, where, f"expected a number within ±{limit}, got {value!r}")
    return float(value)


def _country(path: Path, code: str, entry: Any) -> CuratedCountry:
    where = f"country {code}"
    if not _ISO2.match(code):
        raise _fail(path, where, "key must be an ISO 3166-1 alpha-2 code")
    entry = entry or {}
    if not isinstance(entry, dict) or set(entry) - _COUNTRY_KEYS:
        raise _fail(path, where, f"allowed keys are {sorted(_COUNTRY_KEYS)}")
    has_lat, has_lon = "lat" in entry, "lon" in entry
    if has_lat != has_lon:
        raise _fail(path, where, "give both lat and lon or neither")
    return CuratedCountry(
        code=code,
        aliases=_strings(path, where, entry.get("aliases")),
        demonyms=_strings(path, where, entry.get("demonyms")),
        lat=_coordinate(path, where, entry["lat"], 90) if has_lat else None,
        lon=_coordinate(path, where, entry["lon"], 180) if has_lon else None,
    )


def _place(path: Path, index: int, entry: Any) -> CuratedPlace:
    where = f"places[{index}]"
    if not isinstance(entry, dict):
        raise _fail(path, where, "expected a mapping")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _fail(path, where, "missing 'name'")
    where = f"places[{index}] ({name})"
    if unknown := set(entry) - _PLACE_KEYS:
        raise _fail(path, where, f"unknown key(s) {sorted(unknown)}")
    for key in ("kind", "country", "lat", "lon"):
        if key not in entry:
            raise _fail(path, where, f"missing '{key}'")
    kind = entry["kind"]
    if kind not in _KINDS:
        raise _fail(path, where, f"kind must be one of {sorted(_KINDS)}")
    country = entry["country"]
    # Only a region may span countries (the Sahel, the Gulf); everything else sits in one.
    if not (country is None and kind == "region") and not (
        isinstance(country, str) and _ISO2.match(country)
    ):
        raise _fail(path, where, "country must be an ISO2 code (null only for a region)")
    precision = entry.get("precision")
    if precision is not None and precision not in (1, 2, 3):
        raise _fail(path, where, "precision must be 1, 2 or 3")
    population = entry.get("population", 0)
    if isinstance(population, bool) or not isinstance(population, int) or population < 0:
        raise _fail(path, where, "population must be a non-negative integer")
    optional = {k: entry.get(k) for k in ("admin1", "capital", "feature")}
    for key, value in optional.items():
        if value is not None and not isinstance(value, str):
            raise _fail(path, where, f"'{key}' must be a string")
    if optional["capital"] is not None and kind != "admin1":
        raise _fail(path, where, "only an admin1 entry has a capital")
    return CuratedPlace(
        name=name,
        kind=kind,
        country=country,
        lat=_coordinate(path, where, entry["lat"], 90),
        lon=_coordinate(path, where, entry["lon"], 180),
        aliases=_strings(path, where, entry.get("aliases")),
        admin1=optional["admin1"],
        capital=optional["capital"],
        feature=optional["feature"],
        precision=precision,
        population=population,
    )


@lru_cache(maxsize=4)
def _demonyms(path: Path | None) -> dict[str, str]:
    table: dict[str, str] = {}
    for code, country in load_curated(path).countries.items():
        for word in country.demonyms:
            table[fold_key(word)] = code
    return table


def demonym_country(word: str, *, path: Path | None = None) -> str | None:
    """ISO2 country of a demonym ("Afghan", "Afghans", "Qatari" → AF, AF, QA), else None."""
    key = fold_key(word)
    table = _demonyms(path)
    found = table.get(key)
    if found is None and key.endswith("s"):
        found = table.get(key[:-1])
    return found


__all__ = [
    "DEFAULT_PATH",
    "Curated",
    "CuratedCountry",
    "CuratedPlace",
    "demonym_country",
    "file_digest",
    "load_curated",
]
