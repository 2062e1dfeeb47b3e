"""The event rows as CSV (ACLED columns), JSON Lines, GeoJSON and a table."""

from __future__ import annotations

import csv
import io
import json

import pytest

from sitroom.store import EventQuery, Store
from sitroom.store.export import (
    CSV_COLUMNS,
    to_csv,
    to_geojson,
    to_jsonl,
    to_table,
)
from unit.store.extractions import build_fiji

ACLED_ORDER = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "iso", "country", "admin1",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities",
]  # fmt: skip


def csv_records(store: Store, query: EventQuery | None = None) -> dict[str, dict[str, str]]:
    buffer = io.StringIO(newline="")
    to_csv(store.events(query), buffer)
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue(), newline="")))
    return {row["event_id_cnty"]: row for row in rows}


def test_csv_has_acled_columns_then_sitroom_extras(filled: Store) -> None:
    rows = filled.events(EventQuery(type="ASSAULT", modality="asserted"))
    buffer = io.StringIO(newline="")
    assert to_csv(rows, buffer) == 1
    header, line = list(csv.reader(io.StringIO(buffer.getvalue(), newline="")))
    assert tuple(header) == CSV_COLUMNS
    assert header[: len(ACLED_ORDER)] == ACLED_ORDER
    assert header[len(ACLED_ORDER) :][:2] == ["country_code", "date_end"]
    assert header[-7:] == [
        "document_id", "event_id", "title", "url", "published", "corpus_event_id", "background"
    ]  # fmt: skip
    record = dict(zip(header, line, strict=True))
    assert record["event_id_cnty"] == "a1b2c3d4e5f60718:ev1"
    assert (record["event_date"], record["year"], record["time_precision"]) == (
        "2025-03-03",
        "2025",
        "1",
    )
    assert record["event_type"] == "Explosions/Remote violence"
    assert record["sub_event_type"] == "Shelling/artillery/missile attack"
    assert (record["actor1"], record["assoc_actor_1"], record["actor2"]) == (
        "Ruritanian Border Guard",
        "",
        "",
    )
    # XA is a user-assigned code: no name, no ISO number; the code stands in for the name.
    assert (record["iso"], record["country"], record["country_code"]) == ("", "XA", "XA")
    assert (record["admin1"], record["location"], record["geo_precision"]) == (
        "Eastern Province",
        "Vostok",
        "1",
    )
    assert (record["latitude"], record["longitude"]) == ("47.123456789", "-31.987654321")
    assert (record["source"], record["source_scale"], record["fatalities"]) == (
        "Example Wire",
        "",
        "4",
    )
    assert record["notes"] == (
        "Border guards of Ruritania shelled the village of Vostok on Monday, killing four "
        "civilians, local officials reportedly said. [modality: asserted]"
    )
    assert (record["plover_type"], record["plover_mode"], record["quad"]) == (
        "ASSAULT",
        "bombard",
        "material_conflict",
    )
    assert (record["url"], record["published"]) == ("https://news.example/vostok", "2025-03-04")


def test_csv_country_names_affiliations_and_notes(filled: Store) -> None:
    filled.add(build_fiji())
    records = csv_records(filled)
    fight = records["fj0000000000c0de:ev1"]
    assert (fight["iso"], fight["country"], fight["country_code"]) == ("242", "Fiji", "FJ")
    assert (fight["actor2"], fight["assoc_actor_2"]) == ("Fiji Police Force", "")
    threat = records["fj0000000000c0de:ev2"]
    assert (threat["actor1"], threat["assoc_actor_1"]) == ("Sela Naivalu", "Fiji Police Force")
    assert threat["notes"].endswith("[modality: planned; attributed to: Sela Naivalu]")
    denial = records["a1b2c3d4e5f60718:ev2"]
    assert denial["notes"] == (
        "The Ruritanian Defence Ministry denied any attack, its spokeswoman Mara Velen saying "
        "the RBG had “only returned fire”. [modality: denied; attributed to: Mara Velen]"
    )
    assert (denial["location"], denial["fatalities"], denial["attributed_to"]) == (
        "",
        "",
        "Mara Velen",
    )
    # Lindau's country is stored as "xb": exported upper case.
    assert records["a1b2c3d4e5f60718:ev3"]["country_code"] == "XB"


def test_time_precision_for_week_and_undated(filled: Store) -> None:
    by_id = csv_records(filled)
    assert by_id["a1b2c3d4e5f60718:ev3"]["time_precision"] == "2"
    assert by_id["a1b2c3d4e5f60718:ev3"]["date_end"] == "2025-03-16"
    assert by_id["0f0e0d0c0b0a0908:ev1"]["time_precision"] == ""
    assert by_id["0f0e0d0c0b0a0908:ev1"]["event_date"] == ""
    assert by_id["0f0e0d0c0b0a0908:ev1"]["year"] == ""


def test_jsonl_one_object_per_row(filled: Store) -> None:
    buffer = io.StringIO()
    assert to_jsonl(filled.events(), buffer) == 4
    lines = buffer.getvalue().splitlines()
    first = json.loads(lines[0])
    assert first["event_id"] == "ev3"
    # The CSV's column names, in the CSV's order: one vocabulary for every format.
    assert tuple(first) == CSV_COLUMNS
    assert first["event_date"] == "2025-03-10"
    assert first["actor1"] == "Österlich Government"
    assert "cursor" not in first


def test_geojson_feature_collection(filled: Store) -> None:
    filled.add(build_fiji())
    rows = filled.events()
    buffer = io.StringIO()
    assert to_geojson(rows, buffer, include_unlocated=True) == 7
    data = json.loads(buffer.getvalue())
    assert data["type"] == "FeatureCollection"
    features = {f["id"]: f for f in data["features"]}
    assert len(features) == 7
    vostok = features["a1b2c3d4e5f60718:ev1"]
    assert vostok["type"] == "Feature"
    # RFC 7946: longitude first.
    assert vostok["geometry"] == {"type": "Point", "coordinates": [-31.987654321, 47.123456789]}
    assert tuple(vostok["properties"]) == CSV_COLUMNS
    assert vostok["properties"]["location"] == "Vostok"
    assert vostok["properties"]["event_date"] == "2025-03-03"
    assert features["fj0000000000c0de:ev3"]["geometry"]["coordinates"] == [-178.8, -18.2]
    # No coordinates, when asked for: a Feature all the same, with a null geometry.
    assert features["0f0e0d0c0b0a0908:ev1"]["geometry"] is None
    assert features["0f0e0d0c0b0a0908:ev1"]["properties"]["event_date"] is None
    assert [f["id"] for f in data["features"]] == [
        f"{row.document_id}:{row.event_id}" for row in rows
    ]


def test_geojson_holds_located_events_unless_asked(filled: Store) -> None:
    rows = filled.events()
    buffer = io.StringIO()
    written = to_geojson(rows, buffer)
    features = json.loads(buffer.getvalue())["features"]
    assert written == len(features) == sum(row.lat is not None for row in rows) < len(rows)
    assert all(f["geometry"]["type"] == "Point" for f in features)


@pytest.mark.parametrize("rows", [0, 1])
def test_geojson_is_valid_json_when_empty_or_single(filled: Store, rows: int) -> None:
    buffer = io.StringIO()
    to_geojson(filled.events(EventQuery(limit=rows)), buffer, include_unlocated=True)
    assert len(json.loads(buffer.getvalue())["features"]) == rows


def test_table_is_fixed_width(filled: Store) -> None:
    table = to_table(filled.events())
    header, rule, *body = table.splitlines()
    assert header.split() == ["DATE", "TYPE", "MODALITY", "ACTOR1", "ACTOR2", "PLACE", "CC", "DEAD"]
    assert set(rule) == {"-", " "}
    assert len(body) == 4
    assert body[0].startswith("2025-03-10  CONSULT")
    assert "Ruritanian Border Gua…" in table
    assert to_table([]) == "no events\n"
