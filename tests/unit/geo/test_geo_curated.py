from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sitroom.errors import VocabularyError
from sitroom.geo._names import fold_key
from sitroom.geo.curated import demonym_country, load_curated
from sitroom.geo.gazetteer import Gazetteer


def test_curated_file_loads_and_every_entry_is_complete() -> None:
    curated = load_curated()
    assert 150 <= len(curated.places) <= 600
    for place in curated.places:
        assert place.kind and place.kind != "country"
        assert place.country is not None or place.kind == "region", place.name
        assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180, place.name


def test_curated_names_are_unique_per_country() -> None:
    seen: dict[tuple[str | None, str], str] = {}
    for place in load_curated().places:
        key = (place.country, fold_key(place.name))
        assert key not in seen, f"{place.name} appears twice"
        seen[key] = place.name


def test_curated_countries_exist(gazetteer: Gazetteer) -> None:
    for code in load_curated().countries:
        assert gazetteer.country_name(code), code


def _spread(gazetteer: Gazetteer, column: str, value: str) -> tuple[float, float, float, float]:
    """Bounding box (south, north, west, east) of the GeoNames towns with ``column = value``."""
    conn = sqlite3.connect(gazetteer.path)
    try:
        row = conn.execute(
            f"SELECT min(lat), max(lat), min(lon), max(lon) FROM place "
            f"WHERE source = 'geonames' AND kind IN ('city', 'locality') AND {column} = ?",
            (value,),
        ).fetchone()
    finally:
        conn.close()
    return row  # type: ignore[no-any-return]


def test_every_province_lies_among_its_own_towns(gazetteer: Gazetteer) -> None:
    # The seat names the province of every town sharing its GeoNames admin1 code; the curated
    # centre must then fall inside those towns' bounding box (a wrong sign or a swapped lat/lon
    # lands far outside it).
    assert gazetteer.info()["unresolved_capitals"] == "[]"
    for place in load_curated().places:
        if not place.capital:
            continue
        towns = [
            c
            for c in gazetteer.lookup(place.capital)
            if c.country == place.country and c.source == "geonames"
        ]
        assert towns and towns[0].admin1 == place.name, (place.name, towns[:1])
        south, north, west, east = _spread(gazetteer, "admin1", place.name)
        # 3 degrees of slack: desert provinces (North Darfur, Timbuktu) have their towns at one end.
        assert south - 3 <= place.lat <= north + 3, place.name
        assert west - 3 <= place.lon <= east + 3, place.name


def test_country_centres_lie_among_their_towns(gazetteer: Gazetteer) -> None:
    for code, country in load_curated().countries.items():
        if country.lat is None or country.lon is None:
            continue
        south, north, west, east = _spread(gazetteer, "country", code)
        assert south - 2 <= country.lat <= north + 2, code
        assert west - 2 <= country.lon <= east + 2, code


@pytest.mark.parametrize(
    ("word", "country"),
    [("Afghan", "AF"), ("Afghans", "AF"), ("Qatari", "QA"), ("Iranian", "IR"), ("Swiss", "CH")],
)
def test_demonyms(word: str, country: str) -> None:
    assert demonym_country(word) == country


def test_unknown_demonym() -> None:
    assert demonym_country("Martian") is None
    assert demonym_country("Kabul") is None


@pytest.mark.parametrize(
    ("text", "problem", "line"),
    [
        ("places: [{name: X, kind: city, country: XA, lat: 1}]", "places.0.lon: Field required", 1),
        ("places:\n  - {name: X, kind: moon, country: XA, lat: 1, lon: 2}", "places.0.kind", 2),
        ("places: [{name: X, kind: city, country: null, lat: 1, lon: 2}]", "null only for", 1),
        ("places: [{name: X, kind: city, country: XA, lat: 91, lon: 2}]", "places.0.lat", 1),
        ("places: [{name: X, kind: city, country: XA, lat: yes, lon: 2}]", "expected a number", 1),
        ("places: [{name: X, kind: city, country: XA, lat: 1, lon: 2, popul: 3}]", "popul", 1),
        ("places: [{name: X, kind: city, country: XA, lat: 1, lon: 2, capital: Y}]", "capital", 1),
        ("\ncountries: {xx: {aliases: [Y]}}", "countries.xx", 2),
        ("places: [oops", "not valid YAML", 2),  # where the input ends
    ],
)
def test_bad_curated_files_are_rejected_with_the_entry_named(
    tmp_path: Path, text: str, problem: str, line: int
) -> None:
    path = tmp_path / "places.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(VocabularyError, match=problem) as info:
        load_curated(path)
    assert (info.value.file, info.value.line) == (str(path), line)


def test_a_region_may_span_countries(tmp_path: Path) -> None:
    path = tmp_path / "places.yaml"
    path.write_text("places: [{name: Sahel, kind: region, country: null, lat: 15, lon: 0}]\n")
    assert load_curated(path).places[0].country is None
