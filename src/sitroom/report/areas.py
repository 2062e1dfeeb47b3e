"""Developments by area (first-level administrative division), newest first.

Areas are ordered by their newest development; a development placed no finer than its country
goes under "<country>, province not identified", one with no place under "Place not
identified".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from sitroom.report.model import Development

UNPLACED = "Place not identified"


@dataclasses.dataclass(frozen=True)
class Area:
    name: str
    developments: tuple[Development, ...]  # newest first, undated last


def by_area(developments: Sequence[Development], *, with_country: bool = True) -> list[Area]:
    grouped: dict[str, list[Development]] = {}
    for d in sorted(developments, key=newest_first):
        grouped.setdefault(area_name(d, with_country=with_country), []).append(d)
    areas = [Area(name, tuple(ds)) for name, ds in grouped.items()]
    # Dict order is already by each area's newest development; unplaced ones go last.
    return sorted(areas, key=lambda a: a.name == UNPLACED)


def area_name(d: Development, *, with_country: bool = True) -> str:
    country = d.country_name or d.country
    if d.admin1:
        return f"{d.admin1}, {country}" if with_country and country else d.admin1
    if country:
        return f"{country}, province not identified" if with_country else "Province not identified"
    return UNPLACED


def newest_first(d: Development) -> tuple[bool, int, int]:
    """By start, latest first: a dated day before the vaguer month or week it falls in."""
    first = d.date_start or d.date_end
    last = d.date_end or d.date_start
    return (
        first is None,
        -(first or dt.date.min).toordinal(),
        -(last or dt.date.min).toordinal(),
    )


__all__ = ["UNPLACED", "Area", "area_name", "by_area", "newest_first"]
