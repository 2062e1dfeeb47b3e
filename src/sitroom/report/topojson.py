"""A small TopoJSON decoder: country outlines as rings of (lon, lat) from shared arcs.

TopoJSON stores each boundary once as an *arc*; polygons list the arcs of their rings by index,
``~i`` (``-i - 1``) meaning arc ``i`` reversed. In a quantized topology (one with a
``transform``) each arc's positions are integer deltas from the previous position, to be
summed and then scaled and translated. When arcs are joined into a ring, the first position of
each arc after the first repeats the last of the one before and is dropped.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator, Sequence
from functools import cache
from importlib.resources import files
from typing import Any

Point = tuple[float, float]  # (lon, lat)
Ring = list[Point]

BASEMAP_PACKAGE = "sitroom.data"
BASEMAP_FILE = "countries-110m.json"


@dataclasses.dataclass(frozen=True)
class Country:
    name: str
    id: str | None
    polygons: tuple[tuple[Ring, ...], ...]  # each polygon: outer ring, then holes

    def rings(self) -> Iterator[Ring]:
        for polygon in self.polygons:
            yield from polygon


def decode_arcs(topology: dict[str, Any]) -> list[Ring]:
    """Absolute (lon, lat) positions of every arc."""
    transform = topology.get("transform")
    arcs: list[Ring] = []
    for arc in topology.get("arcs", []):
        if transform is None:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points: Ring = []
        for position in arc:
            x += position[0]
            y += position[1]
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indices: Sequence[int], arcs: Sequence[Ring]) -> Ring:
    """Join the arcs of one ring, reversing those given as ``~i``."""
    points: Ring = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def countries(topology: dict[str, Any], name: str = "countries") -> list[Country]:
    """The polygons of each geometry of the object ``name``; other geometry types skipped."""
    arcs = decode_arcs(topology)
    found: list[Country] = []
    for geometry in _geometries(topology["objects"][name]):
        kind, refs = geometry.get("type"), geometry.get("arcs", [])
        if kind == "Polygon":
            polygons = [refs]
        elif kind == "MultiPolygon":
            polygons = refs
        else:
            continue
        props = geometry.get("properties") or {}
        found.append(
            Country(
                name=str(props.get("name", "")),
                id=None if geometry.get("id") is None else str(geometry["id"]),
                polygons=tuple(tuple(ring(r, arcs) for r in polygon) for polygon in polygons),
            )
        )
    return found


def _geometries(obj: dict[str, Any]) -> Iterator[dict[str, Any]]:
    if obj.get("type") == "GeometryCollection":
        for child in obj.get("geometries", []):
            yield from _geometries(child)
    else:
        yield obj


@cache
def basemap() -> tuple[Country, ...] | None:
    """Country outlines shipped in ``sitroom.data`` (built by ``make basemap``); None if absent."""
    try:
        path = files(BASEMAP_PACKAGE).joinpath("basemap").joinpath(BASEMAP_FILE)
        if not path.is_file():
            return None
        return tuple(countries(json.loads(path.read_text(encoding="utf-8"))))
    except (OSError, ValueError, KeyError, TypeError, ModuleNotFoundError):
        return None


__all__ = ["Country", "basemap", "countries", "decode_arcs", "ring"]
