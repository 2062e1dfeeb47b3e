"""The ACLED rules of ``export --format acled``, on hand-built rows and the real data file."""

from __future__ import annotations

import pytest

from sitroom.resources import load_data
from sitroom.store.export.acled import (
    AcledExportVocabulary,
    acled_admin1,
    acled_vocabulary,
    default_actor,
    inter_code,
    interaction,
)


def test_inter_codes_come_from_actor_types() -> None:
    assert inter_code("Army", "government", "Battles", 1) == 1
    assert inter_code("Free Hills Front", "armed_group", "Battles", 2) == 2
    assert inter_code("United Nations", "igo", "Strategic developments", 1) == 8
    assert inter_code(None, None, "Battles", 2) == 0


def test_event_types_set_the_category_of_unnamed_or_civilian_actors() -> None:
    assert inter_code(None, None, "Protests", 1) == 6
    assert inter_code("Farmers' Party", "party", "Protests", 1) == 6
    # Police named as the actor of a protest keep their own category.
    assert inter_code("Police", "government", "Protests", 1) == 1
    assert inter_code(None, None, "Violence against civilians", 2) == 7
    assert inter_code(None, None, "Violence against civilians", 1) == 0


def test_interaction_puts_the_lower_code_first_and_a_lone_actor_times_ten() -> None:
    assert interaction(2, 1) == 12
    assert interaction(1, 7) == 17
    assert interaction(6, 0) == 60
    assert interaction(0, 0) == 0


def test_default_actors_are_written_as_acled_writes_them() -> None:
    assert default_actor("Protests", 1, "SD") == "Protesters (Sudan)"
    assert default_actor("Protests", 1, None) == "Protesters"
    assert default_actor("Battles", 1, "SD") is None


def test_admin1_spelling_and_capitals() -> None:
    assert acled_admin1("Kabul Province", "Kabul", "city", "AF") == "Kabul"
    assert acled_admin1("Sagaing Region", "Monywa", "city", "MM") == "Sagaing"
    assert acled_admin1("Northern Darfur", "Mellit", "city", "SD") == "North Darfur"
    # A place that is itself a division gives its own name, cleaned.
    assert acled_admin1(None, "Sagaing Region", "admin1", "MM") == "Sagaing"
    # A capital with no division named is its own; other towns stay unknown.
    assert acled_admin1(None, "Kinshasa", "city", "CD") == "Kinshasa"
    assert acled_admin1(None, "Yangon", "city", "MM") == "Yangon"
    assert acled_admin1(None, "Bunia", "city", "CD") is None
    # "State" is cut only as a whole last word.
    assert acled_admin1("Borno State", None, "city", "NG") == "Borno"
    assert acled_admin1("Estado", None, "city", "XX") == "Estado"


def test_every_country_has_one_region() -> None:
    vocabulary = acled_vocabulary()
    assert vocabulary.region_of["AF"] == "South Asia"
    assert vocabulary.region_of["SD"] == "Northern Africa"
    assert vocabulary.region_of["NO"] == "Europe"  # YAML would read a bare NO as false


def test_a_bad_data_file_is_refused() -> None:
    data = dict(load_data("acled_export.yaml"))
    data["actor_types"] = {**data["actor_types"], "warlord": 2}
    with pytest.raises(ValueError, match="unknown actor types"):
        AcledExportVocabulary.model_validate(data)
    data = dict(load_data("acled_export.yaml"))
    data["regions"] = {**data["regions"], "Elsewhere": ["AF"]}
    with pytest.raises(ValueError, match="AF is in both"):
        AcledExportVocabulary.model_validate(data)
