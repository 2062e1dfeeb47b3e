from __future__ import annotations

import pickle
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from sitroom.errors import GazetteerError
from sitroom.geo import gazetteer as gazetteer_module
from sitroom.geo.gazetteer import Gazetteer, build_version


def _top(gazetteer: Gazetteer, name: str) -> tuple[str, str, str | None]:
    best = gazetteer.lookup(name)[0]
    return best.name, best.kind, best.country


def test_capitals_outrank_namesakes(gazetteer: Gazetteer) -> None:
    assert _top(gazetteer, "Kabul") == ("Kabul", "city", "AF")
    assert _top(gazetteer, "Doha") == ("Doha", "city", "QA")  # not the Indian village
    assert _top(gazetteer, "Geneva") == ("Geneva", "city", "CH")


def test_candidates_carry_coordinates_and_provenance(gazetteer: Gazetteer) -> None:
    kabul = gazetteer.lookup("Kabul")[0]
    assert kabul.lat == pytest.approx(34.53, abs=0.1) and kabul.lon == pytest.approx(69.17, abs=0.1)
    assert kabul.geonames_id and kabul.population > 1_000_000
    assert kabul.feature == "capital" and kabul.source == "geonames" and kabul.match == "exact"
    assert kabul.admin1 == "Kabul Province"  # named through the curated province's seat


def test_countries_and_their_aliases(gazetteer: Gazetteer) -> None:
    for alias in ("U.S.", "USA", "America", "United States"):
        assert _top(gazetteer, alias) == ("United States", "country", "US")
    assert _top(gazetteer, "Britain") == ("United Kingdom", "country", "GB")
    assert _top(gazetteer, "Kuwait")[1:] == ("country", "KW")
    assert gazetteer.country_name("af") == "Afghanistan"
    assert gazetteer.country_name("ZZ") is None


def test_curated_places(gazetteer: Gazetteer) -> None:
    assert _top(gazetteer, "the Panjshir Valley") == ("Panjshir", "admin1", "AF")
    assert _top(gazetteer, "Gaza Strip") == ("Gaza Strip", "region", "PS")
    kinds = {(c.name, c.kind, c.country) for c in gazetteer.lookup("Ramstein")}
    assert ("Ramstein Air Base", "facility", "DE") in kinds
    gulf = gazetteer.lookup("the Gulf")[0]
    assert gulf.name == "Persian Gulf" and gulf.country is None


@pytest.mark.parametrize(
    ("variant", "name", "country"),
    [
        ("Panjshayr", "Panjshir", "AF"),  # curated alias
        ("Panjsheir", "Panjshir", "AF"),  # only the fuzzy key
        ("Kiev", "Kyiv", "UA"),
        ("Kharkov", "Kharkiv", "UA"),
        ("Hasaka", "Al Ḩasakah", "SY"),
        ("Mazar-i-Sharif", "Mazār-e Sharīf", "AF"),
    ],
)
def test_transliteration_variants(
    gazetteer: Gazetteer, variant: str, name: str, country: str
) -> None:
    best = gazetteer.lookup(variant)[0]
    assert (best.name, best.country) == (name, country)


def test_fuzzy_matches_are_flagged(gazetteer: Gazetteer) -> None:
    found = gazetteer.lookup("Panjsheir")
    assert found and all(c.match == "fuzzy" for c in found)


def test_a_name_without_its_article_is_a_spelling_match(gazetteer: Gazetteer) -> None:
    # GeoNames writes "Al Qamishli"; "Qamishli" is that name, not a transliteration of it
    best = gazetteer.lookup("Qamishli")[0]
    assert (best.country, best.match) == ("SY", "exact")


def test_unknown_names(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Qwertyuiopistan") == []
    assert gazetteer.lookup("") == []
    assert gazetteer.lookup("KBL") == []  # IATA codes are not indexed


def test_lookups_are_fast(gazetteer: Gazetteer) -> None:
    names = [f"Nowhere{i}" for i in range(200)] + ["Kabul", "Geneva", "Zaporozhye"]
    started = time.perf_counter()
    for name in names:
        gazetteer.lookup(name)
    assert (time.perf_counter() - started) / len(names) < 0.005  # typically ~0.05 ms


def test_constructor_touches_nothing(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "g.sqlite"
    Gazetteer(path)
    assert not path.parent.exists()


def test_stale_index_is_rebuilt_once(
    gazetteer: Gazetteer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "g.sqlite"
    shutil.copy(gazetteer.path, path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = 'old' WHERE key = 'version'")
    conn.close()
    builds: list[Path] = []

    def fake_build(target: Path, *, curated_path: Path | None = None) -> None:
        builds.append(target)
        shutil.copy(gazetteer.path, target)

    monkeypatch.setattr(gazetteer_module, "build_gazetteer", fake_build)
    stale = Gazetteer(path).ensure()
    assert builds == [path]
    assert stale.info()["version"] == build_version()
    Gazetteer(path).ensure()
    assert builds == [path]  # current now: opened, not rebuilt
    stale.close()


def test_pickled_gazetteer_reopens(gazetteer: Gazetteer) -> None:
    copy = pickle.loads(pickle.dumps(gazetteer))
    assert copy.lookup("Doha")[0].country == "QA"
    copy.close()


def test_unwritable_location_raises_gazetteer_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(GazetteerError) as info:
        Gazetteer(blocker / "g.sqlite").ensure()
    assert info.value.code == "S401"


def test_us_counties_sit_among_their_towns(gazetteer: Gazetteer) -> None:
    # Tarrant County (Fort Worth) is named like no Texas town: it used to sit at Texas's centre.
    (county,) = [c for c in gazetteer.lookup("Tarrant County") if c.admin1 == "Texas"]
    assert county.lat is not None and county.lon is not None
    assert abs(county.lat - 32.75) < 0.5 and abs(county.lon + 97.3) < 0.5
    assert county.population > 1_000_000 and county.precision == 3
