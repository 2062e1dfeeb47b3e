from __future__ import annotations

import datetime as dt

import pytest

from sitroom.errors import StoreError
from sitroom.store import EventQuery, EventRow, Store

RICH, PLAIN = "a1b2c3d4e5f60718", "0f0e0d0c0b0a0908"


def keys(rows: list[EventRow]) -> list[str]:
    return [f"{row.document_id[:2]}:{row.event_id}" for row in rows]


def test_all_events_latest_first_undated_last(filled: Store) -> None:
    assert keys(filled.events()) == ["a1:ev3", "a1:ev1", "a1:ev2", "0f:ev1"]


def test_event_row_resolves_names_place_and_sentence(filled: Store) -> None:
    (row,) = [r for r in filled.events() if r.event_id == "ev1" and r.document_id == RICH]
    assert row.actor1 == "Ruritanian Border Guard"
    assert row.actor2 is None
    assert (row.place, row.country, row.admin1) == ("Vostok", "XA", "Eastern Province")
    assert (row.lat, row.lon, row.geo_precision) == (47.123456789, -31.987654321, 1)
    assert row.acled_sub_event_type == "Shelling/artillery/missile attack"
    assert (row.date_start, row.date_end, row.date_precision) == (
        dt.date(2025, 3, 3),
        dt.date(2025, 3, 3),
        "day",
    )
    # Cut by code-point offsets although an emoji and an umlaut precede it.
    assert row.sentence == (
        "Border guards of Ruritania shelled the village of Vostok on Monday, "
        "killing four civilians, local officials reportedly said."
    )
    assert (row.publisher, row.published, row.fatalities) == (
        "Example Wire",
        dt.date(2025, 3, 4),
        4,
    )
    (denial,) = filled.events(EventQuery(modality="denied"))
    assert denial.attributed_to == "Mara Velen"
    assert denial.place is None


def test_filter_by_type_ignores_case(filled: Store) -> None:
    assert keys(filled.events(EventQuery(type="assault"))) == ["a1:ev1", "a1:ev2"]
    assert keys(filled.events(EventQuery(type=" Protest "))) == ["0f:ev1"]
    assert filled.events(EventQuery(type="AID")) == []


def test_filter_by_country_of_the_place(filled: Store) -> None:
    assert keys(filled.events(EventQuery(country="xa"))) == ["a1:ev1"]
    # Lindau is stored with a lower-case "xb"; the match is case-insensitive.
    assert keys(filled.events(EventQuery(country="XB"))) == ["a1:ev3", "0f:ev1"]


@pytest.mark.parametrize(
    ("date_from", "date_to", "expected"),
    [
        (dt.date(2025, 3, 3), dt.date(2025, 3, 3), ["a1:ev1", "a1:ev2"]),
        (dt.date(2025, 3, 15), None, ["a1:ev3"]),
        (None, dt.date(2025, 3, 10), ["a1:ev3", "a1:ev1", "a1:ev2"]),
        (dt.date(2025, 3, 4), dt.date(2025, 3, 9), []),
        (dt.date(2025, 3, 1), dt.date(2025, 3, 31), ["a1:ev3", "a1:ev1", "a1:ev2"]),
    ],
)
def test_filter_by_date_overlap(
    filled: Store, date_from: dt.date | None, date_to: dt.date | None, expected: list[str]
) -> None:
    rows = filled.events(EventQuery(date_from=date_from, date_to=date_to))
    assert keys(rows) == expected


def test_filter_by_actor_name_or_alias(filled: Store) -> None:
    assert keys(filled.events(EventQuery(actor="rbg"))) == ["a1:ev3", "a1:ev1"]
    assert keys(filled.events(EventQuery(actor="GUARDS OF"))) == ["a1:ev3", "a1:ev1"]
    assert keys(filled.events(EventQuery(actor="österlich"))) == ["a1:ev3"]
    assert keys(filled.events(EventQuery(actor="Farmers"))) == ["0f:ev1"]
    # LIKE wildcards in the search are taken literally.
    assert filled.events(EventQuery(actor="%")) == []
    assert filled.events(EventQuery(actor="R_G")) == []


def test_filter_by_modality_and_combined_filters(filled: Store) -> None:
    assert keys(filled.events(EventQuery(modality="Planned"))) == ["a1:ev3"]
    both = EventQuery(type="ASSAULT", modality="asserted", actor="border", country="XA")
    assert keys(filled.events(both)) == ["a1:ev1"]
    assert keys(filled.events(EventQuery(limit=2))) == ["a1:ev3", "a1:ev1"]
    assert filled.events(EventQuery(limit=0)) == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"type": "ATTACK"}, "unknown event type"),
        ({"country": "Ruritania"}, "two-letter"),
        ({"modality": "rumoured"}, "unknown modality"),
        ({"actor": "  "}, "non-empty"),
        ({"date_from": dt.date(2025, 2, 1), "date_to": dt.date(2025, 1, 1)}, "after"),
        ({"limit": -1}, "negative"),
    ],
)
def test_bad_filters_fail_before_querying(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(StoreError, match=message) as info:
        EventQuery(**kwargs)  # type: ignore[arg-type]
    assert info.value.code == "S507"


def test_contested_claims(filled: Store) -> None:
    first, second = filled.contested_claims()
    assert (first.claim_id, first.opposing_claim_id) == ("c1", "c2")
    assert (second.claim_id, second.opposing_claim_id) == ("c2", "c1")
    # A free-text claimant shows as written, an entity id as the entity's name.
    assert (first.claimant, first.stance) == ("local officials", "assert")
    assert (second.claimant, second.stance, second.text) == (
        "Ruritanian Defence Ministry",
        "deny",
        "any attack",
    )
    assert first.title == second.title == "Shelling in Vostok; Ruritania denies attack"
    assert first.document_id == RICH
    assert first.reason == "assert vs deny of ev1"


def test_claims_ledger_names_claimants_and_flags_contested(filled: Store) -> None:
    ledger = filled.claims()
    contested = [row for row in ledger if row.contested]
    assert {row.claim_id for row in contested if row.document_id == RICH} == {"c1", "c2"}
    denial = next(row for row in ledger if row.document_id == RICH and row.claim_id == "c2")
    assert (denial.claimant, denial.stance) == ("Ruritanian Defence Ministry", "deny")
    assert filled.claims(limit=1) == ledger[:1]
