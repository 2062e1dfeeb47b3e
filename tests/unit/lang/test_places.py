"""Place concepts of the language core: cue words, place anaphors, ACLED precision, distance."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.errors import VocabularyError
from sitroom.lang.places import (
    AREA_PRECISION,
    acled_precision,
    anaphor_kinds,
    area_precision,
    cue_kinds,
    cue_of,
    distance_km,
    specificity,
)
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.place_cues import PlaceCues


def test_cue_words_map_to_one_class_each() -> None:
    assert cue_of("province") == "admin"
    assert cue_of("air base") == "facility"
    assert cue_of("capital") is None  # "the capital of X" says nothing of X's kind
    assert cue_of("Province") is None  # the caller lower-cases
    # A district may be read as the town it is named after, never as a first-level area.
    assert cue_kinds("district") == {"admin2", "locality", "region", "city"}


def test_place_anaphors_refer_to_their_class_kinds() -> None:
    kinds = anaphor_kinds()
    # "District" has one reading, the cue's: never a first-level area. As an anaphor it means a
    # district area (a town stands in only when named with it), or the province containing it.
    assert "admin1" not in cue_kinds("district")
    assert kinds["district"] == {"admin2", "admin1"}
    assert kinds["town"] == cue_kinds("settlement") == {"city", "locality"}
    assert kinds["province"] == {"admin1"} < cue_kinds("admin")  # narrowed
    assert kinds["capital"] == {"city"}
    assert "airport" not in kinds


def test_acled_precision_by_kind_and_evidence() -> None:
    assert acled_precision("city") == 1
    assert acled_precision("admin2") == 2
    assert acled_precision("admin1") == 3
    assert acled_precision("city", stand_in=True) == AREA_PRECISION
    assert acled_precision("city", reference_only=True) == 2
    assert acled_precision("admin1", reference_only=True) == 3  # an area is not made finer
    assert acled_precision("city", fixed=3) == 3
    assert acled_precision("region", fixed=None) == 3
    assert (area_precision(1), area_precision(3)) == (2, 3)


def test_distance_uses_the_iugg_mean_radius() -> None:
    # One degree of a great circle is 2 * pi * 6371.0088 / 360 km.
    assert distance_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.19508, abs=1e-4)
    assert distance_km(10.0, 20.0, 10.0, 20.0) == 0.0


_PRECISIONS = (
    "acled_precision: {country: 3, admin1: 3, region: 3, admin2: 2, other: 2, city: 1, "
    "locality: 1, facility: 1}\n"
    "specificity: [facility, locality, city, admin2, other, admin1, region, country]\n"
)


def test_a_word_in_two_classes_is_an_error(tmp_path: Path) -> None:
    root = tmp_path / "data"
    root.mkdir()
    (root / "place_cues.yaml").write_text(
        _PRECISIONS + "place_cues:\n"
        "  admin: {kinds: [admin1], words: [province]}\n"
        "  area: {kinds: [region], words: [province]}\n"
        "place_anaphors: {}\n",
        encoding="utf-8",
    )
    with pytest.raises(VocabularyError, match="province"):
        load_vocabulary(PlaceCues, root=root)


def test_an_anaphor_must_name_a_class(tmp_path: Path) -> None:
    root = tmp_path / "data"
    root.mkdir()
    (root / "place_cues.yaml").write_text(
        _PRECISIONS + "place_cues:\n  admin: {kinds: [admin1], words: [province]}\n"
        "place_anaphors: {valley: {cue: area}}\n",
        encoding="utf-8",
    )
    with pytest.raises(VocabularyError, match=r"place_anaphors\.valley"):
        load_vocabulary(PlaceCues, root=root)


def test_every_kind_needs_a_precision(tmp_path: Path) -> None:
    root = tmp_path / "data"
    root.mkdir()
    (root / "place_cues.yaml").write_text(
        _PRECISIONS.replace(", facility: 1", "")
        + "place_cues:\n  admin: {kinds: [admin1], words: [province]}\nplace_anaphors: {}\n",
        encoding="utf-8",
    )
    with pytest.raises(VocabularyError, match="facility"):
        load_vocabulary(PlaceCues, root=root)


def test_an_anaphor_may_only_narrow_its_class(tmp_path: Path) -> None:
    root = tmp_path / "data"
    root.mkdir()
    (root / "place_cues.yaml").write_text(
        _PRECISIONS + "place_cues:\n  district: {kinds: [admin2, city], words: [district]}\n"
        "place_anaphors: {district: {cue: district, kinds: [admin2, admin1]}}\n",
        encoding="utf-8",
    )
    with pytest.raises(VocabularyError, match="admin1 not a kind of district"):
        load_vocabulary(PlaceCues, root=root)


def test_specificity_orders_kinds_from_the_finest() -> None:
    assert specificity("facility") < specificity("locality") < specificity("city")
    assert specificity("city") < specificity("admin1") < specificity("country")


def test_specificity_must_list_every_kind_once(tmp_path: Path) -> None:
    root = tmp_path / "data"
    root.mkdir()
    (root / "place_cues.yaml").write_text(
        _PRECISIONS.replace("locality, city", "city, city")
        + "place_cues:\n  admin: {kinds: [admin1], words: [province]}\nplace_anaphors: {}\n",
        encoding="utf-8",
    )
    with pytest.raises(VocabularyError, match="specificity"):
        load_vocabulary(PlaceCues, root=root)
