"""A static SVG map of a report's located developments, drawn without any network access.

Equirectangular projection (standard parallel at the middle of the view) zoomed to the
developments' extent with a margin; country outlines from the packaged Natural Earth basemap;
one circle per located development, coloured by quad class and sized by number of sources; one
label per place. Every stored string is escaped; the SVG has no scripts or external references.
"""

from __future__ import annotations

import dataclasses
import html
import math
import re
from collections.abc import Callable, Iterable, Sequence

from sitroom.palette import palette
from sitroom.report.model import Development
from sitroom.report.sentence import describe
from sitroom.report.topojson import Country, Ring, basemap

WIDTH = 760
_MIN_SPAN = 3.0  # degrees: a single point still shows its surroundings
_ASPECT = (0.55, 1.0)  # height / width
_GRID_STEPS = (1, 2, 5, 10, 15, 30, 45)
_RING = 3.0  # pixels between nested circles of developments at one spot
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
ATTRIBUTION = "Country outlines: Natural Earth 1:110m (public domain), via world-atlas"
NO_OUTLINES = "Country outlines unavailable (basemap not built: run make basemap)"


@dataclasses.dataclass(frozen=True)
class EventMap:
    svg: str
    points: int  # located developments drawn
    unlocated: int  # developments without coordinates, not drawn
    outlines: bool  # country outlines drawn


@dataclasses.dataclass(frozen=True)
class _View:
    lon0: float
    lon1: float
    lat0: float
    lat1: float
    k: float  # cos(standard parallel)
    scale: float  # pixels per projected degree

    @property
    def height(self) -> int:
        return round((self.lat1 - self.lat0) * self.scale)

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return ((lon - self.lon0) * self.k * self.scale, (self.lat1 - lat) * self.scale)

    def touches(self, ring: Ring) -> bool:
        lons = [p[0] for p in ring]
        lats = [p[1] for p in ring]
        return not (
            max(lons) < self.lon0
            or min(lons) > self.lon1
            or max(lats) < self.lat0
            or min(lats) > self.lat1
        )


def esc(value: str) -> str:
    """Text or attribute value safe inside XML/SVG (and HTML): escaped, invalid chars dropped."""
    return html.escape(_NOT_XML.sub("", value), quote=True)


def event_map(
    developments: Sequence[Development],
    *,
    outlines: Callable[[], Sequence[Country] | None] = basemap,
) -> EventMap | None:
    """The map, or None when no development has coordinates."""
    located = [d for d in developments if d.located]
    if not located:
        return None
    view = _view([(d.lon or 0.0, d.lat or 0.0) for d in located])
    shapes = outlines()
    height = view.height
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" '
        f'aria-label="{esc(f"Map of {len(located)} located developments")}" '
        'font-family="Helvetica, Arial, sans-serif">',
        f'<rect class="sea" width="{WIDTH}" height="{height}" fill="#eaf2f8"/>',
    ]
    if shapes:
        parts.extend(_outlines(view, shapes))
    parts.extend(_graticule(view))
    parts.extend(_points(view, located))
    parts.extend(_labels(view, located))
    parts.extend(_legend(located, height, bool(shapes)))
    parts.append("</svg>")
    return EventMap(
        svg="\n".join(parts),
        points=len(located),
        unlocated=len(developments) - len(located),
        outlines=bool(shapes),
    )


def _view(points: Sequence[tuple[float, float]]) -> _View:
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    span_lon = max(max(lons) - min(lons), _MIN_SPAN)
    span_lat = max(max(lats) - min(lats), _MIN_SPAN)
    mid_lon = (max(lons) + min(lons)) / 2
    mid_lat = (max(lats) + min(lats)) / 2
    half_lon = span_lon / 2 + 0.3 * span_lon + 1.0
    half_lat = span_lat / 2 + 0.3 * span_lat + 1.0
    k = max(math.cos(math.radians(mid_lat)), 0.2)
    # Widen the shorter side so the map is neither a sliver nor a tower.
    ratio = half_lat / (half_lon * k)
    if ratio < _ASPECT[0]:
        half_lat = _ASPECT[0] * half_lon * k
    elif ratio > _ASPECT[1]:
        half_lon = half_lat / (_ASPECT[1] * k)
    lat0, lat1 = max(mid_lat - half_lat, -89.0), min(mid_lat + half_lat, 89.0)
    lon0, lon1 = mid_lon - half_lon, mid_lon + half_lon
    return _View(lon0, lon1, lat0, lat1, k, WIDTH / ((lon1 - lon0) * k))


def _path(view: _View, ring: Ring) -> str:
    commands: list[str] = []
    last = ""
    for lon, lat in ring:
        x, y = view.xy(lon, lat)
        point = f"{x:.1f},{y:.1f}"
        if point != last:
            commands.append(("L" if commands else "M") + point)
            last = point
    return "".join(commands) + "Z" if len(commands) > 2 else ""


def _outlines(view: _View, shapes: Iterable[Country]) -> list[str]:
    paths: list[str] = ['<g class="outlines" fill="#fbfbf8" stroke="#8a8a8a" stroke-width="0.7">']
    names: list[str] = []
    for country in shapes:
        rings = [r for r in country.rings() if len(r) > 2 and view.touches(r)]
        d = "".join(_path(view, r) for r in rings)
        if not d:
            continue
        paths.append(f'<path class="country" fill-rule="evenodd" d="{d}"><title>'
                     f"{esc(country.name)}</title></path>")  # fmt: skip
        names.extend(_country_label(view, country))
    paths.append("</g>")
    return [*paths, '<g class="country-names" fill="#9a9a9a" font-size="11" '
            'text-anchor="middle">', *names, "</g>"]  # fmt: skip


def _country_label(view: _View, country: Country) -> list[str]:
    """The name at the centre of the country's largest ring, if that centre is in view."""
    rings = [p[0] for p in country.polygons if p and p[0]]
    if not rings or not country.name:
        return []
    biggest = max(rings, key=_extent)
    lon = (min(p[0] for p in biggest) + max(p[0] for p in biggest)) / 2
    lat = (min(p[1] for p in biggest) + max(p[1] for p in biggest)) / 2
    if not (view.lon0 < lon < view.lon1 and view.lat0 < lat < view.lat1):
        return []
    x, y = view.xy(lon, lat)
    return [f'<text x="{x:.1f}" y="{y:.1f}">{esc(country.name)}</text>']


def _extent(ring: Ring) -> float:
    return (max(p[0] for p in ring) - min(p[0] for p in ring)) * (
        max(p[1] for p in ring) - min(p[1] for p in ring)
    )


def _graticule(view: _View) -> list[str]:
    span = max(view.lon1 - view.lon0, view.lat1 - view.lat0)
    step = next((s for s in _GRID_STEPS if span / s <= 8), 60)
    lines = ['<g class="graticule" stroke="#b8c7d3" stroke-width="0.4" fill="#6b7f8e" '
             'font-size="9">']  # fmt: skip
    lon = math.ceil(view.lon0 / step) * step
    while lon < view.lon1:
        x, _ = view.xy(lon, 0)
        lines.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{view.height}"/>')
        lines.append(
            f'<text x="{x + 2:.1f}" y="{view.height - 4}">{_degrees(lon, "E", "W")}</text>'
        )
        lon += step
    lat = math.ceil(view.lat0 / step) * step
    while lat < view.lat1:
        _, y = view.xy(0, lat)
        lines.append(f'<line x1="0" y1="{y:.1f}" x2="{WIDTH}" y2="{y:.1f}"/>')
        lines.append(f'<text x="2" y="{y - 2:.1f}">{_degrees(lat, "N", "S")}</text>')
        lat += step
    lines.append("</g>")
    return lines


def _degrees(value: float, positive: str, negative: str) -> str:
    return f"{abs(value):g}°{positive if value >= 0 else negative}"


def _quad_order() -> dict[str, int]:
    """Conflict drawn innermost: it is what a situation map is read for first."""
    return {q: i for i, q in enumerate(reversed(palette().quad_classes))}


def _radius(sources: int) -> float:
    return 4.0 + 3.0 * (math.sqrt(sources) - 1)


def _points(view: _View, located: Sequence[Development]) -> list[str]:
    """One circle per development; several at one spot nest as concentric rings, biggest below."""
    spots: dict[tuple[float, float], list[Development]] = {}
    for d in located:
        spots.setdefault((round(d.lat or 0.0, 4), round(d.lon or 0.0, 4)), []).append(d)
    drawn: list[tuple[float, Development]] = []
    for stack in spots.values():
        stack.sort(key=lambda d: (_quad_order().get(d.quad, 9), -len(d.sources)))
        drawn.extend((_radius(len(d.sources)) + _RING * i, d) for i, d in enumerate(stack))
    circles = ['<g class="events" stroke="#ffffff" stroke-width="1">']
    for radius, d in sorted(drawn, key=lambda rd: -rd[0]):
        x, y = view.xy(d.lon or 0.0, d.lat or 0.0)
        colour = palette().colour(d.quad)
        cited = ", ".join(str(n) for n in d.sources)
        tip = f"{describe(d)} Sources: {cited}."
        circles.append(
            f'<circle class="event" data-quad="{esc(d.quad)}" '
            f'data-sources="{len(d.sources)}" cx="{x:.1f}" cy="{y:.1f}" '
            f'r="{radius:.1f}" fill="{colour}"><title>{esc(tip)}</title></circle>'
        )
    circles.append("</g>")
    return circles


def _labels(view: _View, located: Sequence[Development]) -> list[str]:
    """One label per place, moved down past labels already placed that it would overlap."""
    places: dict[tuple[str, float, float], int] = {}
    for d in located:
        if d.place:
            key = (d.place, round(d.lat or 0.0, 4), round(d.lon or 0.0, 4))
            places[key] = places.get(key, 0) + 1
    labels = ['<g class="labels" font-size="12" fill="#222" stroke="#ffffff" stroke-width="3" '
              'paint-order="stroke">']  # fmt: skip
    taken: list[tuple[float, float, float, float]] = []
    for (name, lat, lon), count in places.items():
        x, y = view.xy(lon, lat)
        x += _radius(1) + _RING * (count - 1) + 3
        width = 6.8 * len(name)
        y -= 4
        for _ in range(6):
            box = (x, y - 12, x + width, y + 2)
            if not any(_overlap(box, other) for other in taken):
                break
            y += 14
        taken.append((x, y - 12, x + width, y + 2))
        labels.append(f'<text class="place" x="{x:.1f}" y="{y:.1f}">{esc(name)}</text>')
    labels.append("</g>")
    return labels


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _legend(located: Sequence[Development], height: int, outlines: bool) -> list[str]:
    swatches = palette().quad_classes
    quads = [q for q in swatches if any(d.quad == q for d in located)]
    box_h = 16 * (len(quads) + 1) + 10
    items = [
        '<g class="legend" font-size="11" fill="#222">',
        f'<rect x="6" y="6" width="200" height="{box_h}" fill="#ffffff" fill-opacity="0.85" '
        'stroke="#bbbbbb"/>',
    ]
    for i, quad in enumerate(quads):
        y = 20 + 16 * i
        items.append(f'<circle cx="18" cy="{y - 4}" r="5" fill="{swatches[quad].colour}"/>')
        items.append(f'<text x="30" y="{y}">{esc(swatches[quad].label)}</text>')
    items.append(f'<text x="12" y="{20 + 16 * len(quads)}">circle size: number of sources</text>')
    note = ATTRIBUTION if outlines else NO_OUTLINES
    items.append(f'<text class="attribution" x="6" y="{height - 18}" font-size="9" '
                 f'fill="#555">{esc(note)}</text>')  # fmt: skip
    items.append("</g>")
    return items


__all__ = ["ATTRIBUTION", "NO_OUTLINES", "WIDTH", "EventMap", "esc", "event_map"]
