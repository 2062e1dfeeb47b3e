"""The SVG map and the TopoJSON decoder behind its country outlines."""

from __future__ import annotations

from lxml import etree

from sitroom.report import Report, event_map
from sitroom.report.svgmap import ATTRIBUTION, NO_OUTLINES
from sitroom.report.topojson import basemap, countries, decode_arcs, ring
from sitroom.store import Store

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> etree._Element:
    return etree.fromstring(svg.encode("utf-8"))


def test_one_point_per_located_development_and_outlines(report: Report) -> None:
    drawn = event_map(report.developments)
    assert drawn is not None and drawn.outlines
    root = parse(drawn.svg)
    assert root.tag == f"{SVG}svg"
    located = [d for d in report.developments if d.located]
    circles = root.findall(f".//{SVG}g[@class='events']/{SVG}circle")
    assert len(circles) == len(located) == drawn.points == 4
    assert {c.get("data-quad") for c in circles} == {d.quad for d in located}
    two_sources = [c for c in circles if c.get("data-sources") == "2"]
    assert len(two_sources) == 1
    countries_drawn = root.findall(f".//{SVG}path[@class='country']")
    assert countries_drawn
    names = {p.findtext(f"{SVG}title") for p in countries_drawn}
    assert {"Afghanistan", "Pakistan"} <= names
    labels = [t.text for t in root.findall(f".//{SVG}text[@class='place']")]
    assert sorted(labels) == ["Doha", "Herat", "Peshawar", "Rukha"]
    assert ATTRIBUTION in etree.tostring(root, encoding="unicode")


def test_map_without_basemap_still_draws_points(report: Report) -> None:
    drawn = event_map(report.developments, outlines=lambda: None)
    assert drawn is not None and not drawn.outlines
    root = parse(drawn.svg)
    assert root.findall(f".//{SVG}path[@class='country']") == []
    assert len(root.findall(f".//{SVG}circle[@class='event']")) == 4
    assert NO_OUTLINES in etree.tostring(root, encoding="unicode")


def test_no_map_without_coordinates() -> None:
    assert event_map([]) is None


def test_hostile_place_names_are_escaped(evil_store: Store) -> None:
    from sitroom.report import build_report

    drawn = event_map(build_report(evil_store).developments)
    assert drawn is not None
    root = parse(drawn.svg)  # well-formed despite the names
    assert not root.findall(f".//{SVG}script")
    label = root.find(f".//{SVG}text[@class='place']")
    assert label is not None and label.text == '"><script>alert(3)</script>'


TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.25], "translate": [10.0, 20.0]},
    "arcs": [
        [[0, 0], [4, 0], [0, 4]],  # (10,20) (12,20) (12,21)
        [[0, 4], [4, 0]],  # (10,21) (12,21) as deltas
    ],
    "objects": {
        "countries": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "arcs": [[0, ~1]], "id": "001", "properties": {"name": "A"}},
                {"type": "MultiPolygon", "arcs": [[[0]], [[1]]], "properties": {"name": "B"}},
                {"type": "Point", "coordinates": [0, 0]},
            ],
        }
    },
}


def test_decode_quantized_delta_arcs() -> None:
    arcs = decode_arcs(TOPOLOGY)
    assert arcs[0] == [(10.0, 20.0), (12.0, 20.0), (12.0, 21.0)]
    assert arcs[1] == [(10.0, 21.0), (12.0, 21.0)]


def test_rings_join_arcs_and_reverse_negative_indices() -> None:
    arcs = decode_arcs(TOPOLOGY)
    # Arc 1 reversed starts where arc 0 ends; the shared point is kept once.
    assert ring([0, ~1], arcs) == [(10.0, 20.0), (12.0, 20.0), (12.0, 21.0), (10.0, 21.0)]
    found = countries(TOPOLOGY)
    assert [(c.name, c.id, len(c.polygons)) for c in found] == [("A", "001", 1), ("B", None, 2)]


def test_untransformed_topology() -> None:
    plain = {"type": "Topology", "arcs": [[[1.5, 2.5], [3.0, 4.0]]]}
    assert decode_arcs(plain) == [[(1.5, 2.5), (3.0, 4.0)]]


def test_packaged_basemap_decodes_to_world_countries() -> None:
    shapes = basemap()
    assert shapes is not None and len(shapes) > 150
    afghanistan = next(c for c in shapes if c.name == "Afghanistan")
    lons = [p[0] for r in afghanistan.rings() for p in r]
    lats = [p[1] for r in afghanistan.rings() for p in r]
    assert 60 < min(lons) < 62 and 74 < max(lons) < 75.5
    assert 29 < min(lats) < 30.5 and 38 < max(lats) < 39
