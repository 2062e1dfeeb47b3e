"""First-level areas from data/admin1.tsv and written abbreviations of states and provinces."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.errors import GazetteerError
from sitroom.geo.admin1 import load_abbreviations, load_admin1
from sitroom.geo.gazetteer import Gazetteer
from sitroom.geo.resolve import resolve
from sitroom.geo.toponyms import find_mentions
from unit.geo.geo_helpers import tagged


def test_shipped_files_load() -> None:
    rows = load_admin1()
    assert {r.country for r in rows} >= {"US", "DE", "IT", "ES", "FR", "BR", "MX", "ZA"}
    texas = next(r for r in rows if r.name == "Texas")
    assert (texas.lat, texas.lon) == (31.25, -99.25)
    table = load_abbreviations()
    assert (table["Tenn."].name, table["Tenn."].use) == ("Tennessee", "any")
    assert (table["TX"].country, table["TX"].use) == ("US", "qualifier")
    assert table["Ont."].country == "CA"


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("US\tTexas\t\t31\n", "6 tab-separated columns"),
        ("USA\tTexas\t\t31\t-99\t\n", "ISO 3166-1"),
        ("DE\tBavaria\tMunich\t48.9\t\t\n", "both lat and lon"),
        ("DE\tBavaria\t\t\t\t\n", "a seat, a centre or both"),
        ("DE\tBavaria\tMunich\t148.9\t11\t\n", "out of range"),
    ],
)
def test_bad_lines_are_named(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "admin1.tsv"
    path.write_text("# comment\n" + line, encoding="utf-8")
    with pytest.raises(GazetteerError, match=problem) as info:
        load_admin1(path)
    assert ":2:" in str(info.value) and info.value.code == "S403"


def test_regions_get_their_towns(gazetteer: Gazetteer) -> None:
    (bavaria,) = [c for c in gazetteer.lookup("Bayern") if c.kind == "admin1"]
    assert (bavaria.name, bavaria.country, bavaria.lat) == ("Bavaria", "DE", 48.9)
    munich = next(c for c in gazetteer.lookup("Munich") if c.country == "DE")
    assert munich.admin1 == "Bavaria"
    naples = next(c for c in gazetteer.lookup("Naples") if c.country == "IT")
    assert naples.admin1 == "Campania"
    texas = next(c for c in gazetteer.lookup("Texas") if c.kind == "admin1")
    assert (texas.lat, texas.lon) == (31.25, -99.25)
    counties = [c for c in gazetteer.lookup("Henry County") if c.kind == "admin2"]
    assert "Tennessee" in {c.admin1 for c in counties} and len(counties) > 5
    assert all(c.country == "US" and c.precision == 3 for c in counties)


def test_state_abbreviations_qualify_the_town_before_them(gazetteer: Gazetteer) -> None:
    doc = tagged("Fire hit Paris , Tenn. , on Sunday .", {"Paris": "GPE"}, propn=("Tenn.",))
    paris, tenn = find_mentions(doc, gazetteer)
    assert tenn.text == "Tenn." and {c.name for c in tenn.candidates} == {"Tennessee"}
    assert paris.qualifier and tenn.qualifies
    places = {p.name: p for p in resolve([paris, tenn])}
    assert (places["Paris"].country, places["Paris"].admin1) == ("US", "Tennessee")
    assert places["Tennessee"].kind == "admin1"


def test_postal_codes_need_a_name_and_a_comma(gazetteer: Gazetteer) -> None:
    doc = tagged("Dallas , TX and IN ME OK .", {"Dallas": "GPE"}, propn=("TX", "IN", "ME", "OK"))
    assert [m.text for m in find_mentions(doc, gazetteer)] == ["Dallas", "TX"]
    doc = tagged("Voters in Kan. and Mo. said no .", propn=("Kan.", "Mo."))
    assert [m.text for m in find_mentions(doc, gazetteer)] == ["Kan."]  # "and Mo." has no cue
