"""The EventQuery filters added for the event dataset: place box, quad, ACLED type, admin1, text."""

from __future__ import annotations

from typing import Any

import pytest

from sitroom.errors import StoreError
from sitroom.model import Extraction
from sitroom.store import EventQuery, EventRow, Store
from unit.store.extractions import build_fiji


def keys(rows: list[EventRow]) -> list[str]:
    return [f"{row.document_id[:2]}:{row.event_id}" for row in rows]


@pytest.fixture
def three(filled: Store) -> Store:
    assert filled.add(build_fiji()) is True
    return filled


def test_all_three_documents_latest_first(three: Store) -> None:
    assert keys(three.events()) == [
        "fj:ev3",
        "fj:ev1",
        "fj:ev2",
        "a1:ev3",
        "a1:ev1",
        "a1:ev2",
        "0f:ev1",
    ]


def test_bbox_keeps_events_whose_place_lies_inside(three: Store) -> None:
    # Vostok is at 47.12 N, 31.99 W; edges are inclusive.
    assert keys(three.events(EventQuery(bbox=(-40, 40, -30, 50)))) == ["a1:ev1"]
    assert keys(three.events(EventQuery(bbox=(-31.987654321, 47.123456789, 0, 48)))) == ["a1:ev1"]
    assert three.events(EventQuery(bbox=(-31.9, 40, 0, 50))) == []
    # Events without coordinates (Lindau, Kessel, the denial without a place) never match.
    assert keys(three.events(EventQuery(bbox=(-180, -90, 180, 90)))) == [
        "fj:ev3",
        "fj:ev1",
        "fj:ev2",
        "a1:ev1",
    ]


def test_bbox_across_the_antimeridian(three: Store) -> None:
    # From 179° E eastwards to 178° W: Waiyevo (179.98) and Lakeba (-178.8).
    across = EventQuery(bbox=(179.0, -20.0, -178.0, -15.0))
    assert keys(three.events(across)) == ["fj:ev3", "fj:ev1", "fj:ev2"]
    east_only = EventQuery(bbox=(179.5, -20.0, 180.0, -15.0))
    assert keys(three.events(east_only)) == ["fj:ev1", "fj:ev2"]
    west_only = EventQuery(bbox=(-180.0, -20.0, -178.0, -15.0))
    assert keys(three.events(west_only)) == ["fj:ev3"]


def test_quad_and_acled_type(three: Store) -> None:
    assert keys(three.events(EventQuery(quad="verbal_conflict"))) == ["fj:ev3", "fj:ev2", "0f:ev1"]
    assert keys(three.events(EventQuery(quad="Material Conflict"))) == [
        "fj:ev1",
        "a1:ev1",
        "a1:ev2",
    ]
    assert keys(three.events(EventQuery(acled_event_type="battles"))) == ["fj:ev1"]
    shelling = EventQuery(acled_event_type="explosions/remote violence")
    assert shelling.acled_event_type == "Explosions/Remote violence"
    assert keys(three.events(shelling)) == ["a1:ev1"]
    assert three.events(EventQuery(acled_event_type="Riots")) == []


def test_admin1_whole_name_any_case(three: Store) -> None:
    assert keys(three.events(EventQuery(admin1="Eastern Province"))) == ["a1:ev1"]
    assert keys(three.events(EventQuery(admin1=" eastern  PROVINCE "))) == ["a1:ev1"]
    assert keys(three.events(EventQuery(admin1="northern"))) == ["fj:ev1", "fj:ev2"]
    # Whole names only: "Eastern" is Lakeba's province, not a part of "Eastern Province".
    assert keys(three.events(EventQuery(admin1="Eastern"))) == ["fj:ev3"]
    assert three.events(EventQuery(admin1="Province")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Stemmed: "shelling" finds "shelled"; case and accents as written.
        ("shelling", ["a1:ev3", "a1:ev1", "a1:ev2"]),
        ("ÖSTERLICH government", ["a1:ev3", "a1:ev1", "a1:ev2"]),
        # Every word must occur, anywhere in the document.
        ("farmers police", ["0f:ev1"]),
        ("farmers shelled", []),
        # The title is searched too.
        ("denies", ["a1:ev3", "a1:ev1", "a1:ev2"]),
        # Words from a quote; punctuation and operators are just separators.
        ("“attackers” came... by BOAT!", ["fj:ev3", "fj:ev1", "fj:ev2"]),
        ('boat OR "curfew" -Lakeba*', ["fj:ev3", "fj:ev1", "fj:ev2"]),
        ("boat OR farmers", []),
        # Stop words are ignored alike on both backends; only stop words match nothing.
        ("the village of Vostok", ["a1:ev3", "a1:ev1", "a1:ev2"]),
        ("the and of", []),
        ("zanzibar", []),
    ],
)
def test_text_search(three: Store, text: str, expected: list[str]) -> None:
    assert keys(three.events(EventQuery(text=text))) == expected


def test_text_search_combines_with_other_filters(three: Store) -> None:
    query = EventQuery(text="boat", type="threaten", modality="planned", admin1="Northern")
    (row,) = three.events(query)
    assert (row.event_id, row.actor1, row.actor1_affiliation) == (
        "ev2",
        "Sela Naivalu",
        "Fiji Police Force",
    )
    assert row.attributed_to == "Sela Naivalu"
    assert keys(three.events(EventQuery(text="Vostok", country="XB"))) == ["a1:ev3"]


def test_affiliations_of_both_actors(three: Store) -> None:
    rows = {row.event_id: row for row in three.events(EventQuery(admin1="northern"))}
    assert rows["ev1"].actor2 == "Fiji Police Force"
    assert rows["ev1"].actor2_affiliation is None
    assert rows["ev2"].actor1_affiliation == "Fiji Police Force"


def test_documents_added_later_are_searchable_at_once(filled: Store, rich: Extraction) -> None:
    assert filled.events(EventQuery(text="Waiyevo")) == []
    filled.add(build_fiji())
    assert keys(filled.events(EventQuery(text="Waiyevo"))) == ["fj:ev3", "fj:ev1", "fj:ev2"]
    assert filled.get_extraction(rich.document.id) == rich


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"quad": "conflict"}, "unknown quad"),
        ({"acled_event_type": "Shelling"}, "unknown ACLED event type"),
        ({"admin1": "   "}, "admin1 filter"),
        ({"text": " ?! … "}, "at least one word"),
        ({"bbox": (0, 0, 1)}, "four numbers"),
        ({"bbox": ("a", 0, 1, 1)}, "four numbers"),
        ({"bbox": (0, 10, 1, 5)}, "min <= max"),
        ({"bbox": (0, -91, 1, 5)}, "latitudes"),
        ({"bbox": (-181, 0, 1, 5)}, "longitudes"),
        ({"bbox": (0, 0, float("nan"), 5)}, "finite"),
        ({"after": "not-a-cursor"}, "not a cursor"),
    ],
)
def test_bad_new_filters_fail_before_querying(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(StoreError, match=message) as info:
        EventQuery(**kwargs)
    assert info.value.code == "S507"


def test_filtered_tells_filters_from_paging() -> None:
    assert not EventQuery().filtered
    assert not EventQuery(limit=5).filtered
    assert EventQuery(text="x").filtered
    assert EventQuery(bbox=[0, 0, 1, 1]).bbox == (0.0, 0.0, 1.0, 1.0)  # type: ignore[arg-type]
