"""First-level areas and US counties for the gazetteer build (see ``_build``): the areas of
``data/admin1.tsv``, US states with their centres and aliases, and US counties.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from sitroom.geo._geonames import Town, TownScan, middle_point
from sitroom.geo._index_file import IndexRows
from sitroom.geo._names import fold_key
from sitroom.geo._us_counties import county_points
from sitroom.geo.admin1 import Admin1Row
from sitroom.geo.candidate import Candidate
from sitroom.geo.curated import Curated


@dataclasses.dataclass(frozen=True, slots=True)
class Area:
    """A first-level area built from ``admin1.tsv``: its GeoNames code once its seat is found."""

    row: Admin1Row
    code: str | None


def admin1_names(
    curated: Curated, rows: tuple[Admin1Row, ...], scan: TownScan, us_states: dict[str, Any]
) -> tuple[dict[tuple[str, str], str], list[str], list[Area]]:
    """(country, GeoNames admin1 code) -> area name, the curated seats not found, and the areas
    of ``admin1.tsv`` not already curated in places.yaml."""
    names = {("US", code): state["name"] for code, state in us_states.items()}
    missing = []
    for place in curated.places:
        if not (place.capital and place.country):
            continue
        seat = scan.seats.get((place.country, fold_key(place.capital)))
        if seat and seat[1]:
            names.setdefault((place.country, seat[1]), place.name)
        else:
            missing.append(f"{place.name} ({place.country})")
    taken = {(p.country, fold_key(p.name)) for p in curated.places if p.kind == "admin1"}
    areas = []
    for row in rows:
        if row.country == "US" or (row.country, fold_key(row.name)) in taken:
            continue
        seat = scan.seats.get((row.country, fold_key(row.seat))) if row.seat else None
        code = seat[1] if seat and seat[1] else None
        if code is not None:
            names.setdefault((row.country, code), row.name)
        elif row.seat:
            missing.append(f"{row.name} ({row.country})")
        areas.append(Area(row, code))
    return names, missing, areas


def add_us_states(
    index: IndexRows, us_states: dict[str, Any], rows: tuple[Admin1Row, ...], scan: TownScan
) -> None:
    listed = {fold_key(row.name): row for row in rows if row.country == "US"}
    for code in sorted(us_states):
        state = us_states[code]
        row = listed.get(fold_key(state["name"]))
        lats, lons = scan.coords.get(("US", code), ([], []))
        has_point = row is not None and row.lat is not None
        entry = Candidate(
            uid=f"us:{code}",
            name=state["name"],
            kind="admin1",
            country="US",
            admin1=state["name"],
            lat=row.lat if row and has_point else middle_point(lats),
            lon=row.lon if row and has_point else middle_point(lons),
            geonames_id=state["geonameid"],
            population=0,  # unknown; resolution gives "state" entries a fixed prior instead
            feature="state",
            source="geonames",
        )
        index.add(entry, [state["name"], *(row.aliases if row else ())])


_COUNTY_WORDS = re.compile(r" (County|Parish|Borough|Census Area|Municipality|City and Borough)$")


def add_us_counties(
    index: IndexRows, counties: list[dict[str, Any]], towns: dict[tuple[str, str], Town]
) -> None:
    """US counties, parishes and boroughs, at the median of their towns (``_us_counties``). A
    county missing there takes the point of a town of its state named like it ("Henry County",
    Henry, Tennessee), which usually lies in it or near, else its state's centre. Either way a
    county has precision 3: it places an event in the right state, and tells resolution which
    state the document is about."""
    states = {row[1]: row for row in index.places if str(row[1]).startswith("us:")}
    points = county_points()
    for county in sorted(counties, key=lambda c: c["fips"]):
        state = states.get(f"us:{county['state']}")
        if state is None:
            continue
        _, _, state_name, _, _, _, lat, lon, *_ = state
        town = towns.get((county["state"], fold_key(_COUNTY_WORDS.sub("", county["name"]))))
        population = 0
        if county["fips"] in points:
            lat, lon, population = points[county["fips"]]
        elif town is not None:
            lat, lon = town.lat, town.lon
        entry = Candidate(
            uid=f"usc:{county['fips']}",
            name=county["name"],
            kind="admin2",
            country="US",
            admin1=state_name,
            lat=lat,
            lon=lon,
            geonames_id=None,
            population=population,
            feature="county",
            source="geonames",
            precision=3,
        )
        index.add(entry, [county["name"]])


def add_areas(index: IndexRows, areas: list[Area], scan: TownScan) -> None:
    for area in areas:
        row = area.row
        lats, lons = scan.coords.get((row.country, area.code or "?"), ([], []))
        lat = row.lat if row.lat is not None else middle_point(lats)
        lon = row.lon if row.lon is not None else middle_point(lons)
        if lat is None or lon is None:
            continue  # neither a centre nor a seat found: nothing to place it with
        entry = Candidate(
            uid=f"a1:{row.country}:{fold_key(row.name)}",
            name=row.name,
            kind="admin1",
            country=row.country,
            admin1=row.name,
            lat=lat,
            lon=lon,
            geonames_id=None,
            population=0,
            feature="admin1",
            source="curated",
        )
        index.add(entry, [row.name, *row.aliases])


__all__ = ["Area", "add_areas", "add_us_counties", "add_us_states", "admin1_names"]
