from __future__ import annotations

import csv
import io
import json

from sitroom.store import EventQuery, Store
from sitroom.store.export import CSV_COLUMNS, to_csv, to_jsonl, to_table


def test_csv_has_acled_columns_then_sitroom_extras(filled: Store) -> None:
    rows = filled.events(EventQuery(type="ASSAULT", modality="asserted"))
    buffer = io.StringIO(newline="")
    assert to_csv(rows, buffer) == 1
    header, line = list(csv.reader(io.StringIO(buffer.getvalue(), newline="")))
    assert header[:4] == ["event_id_cnty", "event_date", "time_precision", "event_type"]
    assert header[-2:] == ["document_id", "url"]
    assert tuple(header) == CSV_COLUMNS
    record = dict(zip(header, line, strict=True))
    assert record["event_id_cnty"] == "a1b2c3d4e5f60718:ev1"
    assert record["event_date"] == "2025-03-03"
    assert record["time_precision"] == "1"
    assert record["event_type"] == "Explosions/Remote violence"
    assert record["actor1"] == "Ruritanian Border Guard"
    assert record["actor2"] == ""
    assert (record["country"], record["location"], record["geo_precision"]) == ("XA", "Vostok", "1")
    assert (record["latitude"], record["longitude"]) == ("47.123456789", "-31.987654321")
    assert (record["source"], record["fatalities"]) == ("Example Wire", "4")
    assert record["notes"].startswith("Border guards of Ruritania shelled")
    assert (record["plover_type"], record["plover_mode"], record["quad"]) == (
        "ASSAULT",
        "bombard",
        "material_conflict",
    )
    assert record["url"] == "https://news.example/vostok"


def test_time_precision_for_week_and_undated(filled: Store) -> None:
    buffer = io.StringIO(newline="")
    to_csv(filled.events(), buffer)
    records = list(csv.DictReader(io.StringIO(buffer.getvalue(), newline="")))
    by_id = {r["event_id_cnty"]: r for r in records}
    assert by_id["a1b2c3d4e5f60718:ev3"]["time_precision"] == "2"
    assert by_id["0f0e0d0c0b0a0908:ev1"]["time_precision"] == ""
    assert by_id["0f0e0d0c0b0a0908:ev1"]["event_date"] == ""


def test_jsonl_one_object_per_row(filled: Store) -> None:
    buffer = io.StringIO()
    assert to_jsonl(filled.events(), buffer) == 4
    lines = buffer.getvalue().splitlines()
    first = json.loads(lines[0])
    assert first["event_id"] == "ev3"
    assert first["date_start"] == "2025-03-10"
    assert first["actor1"] == "Österlich Government"


def test_table_is_fixed_width(filled: Store) -> None:
    table = to_table(filled.events())
    header, rule, *body = table.splitlines()
    assert header.split() == ["DATE", "TYPE", "MODALITY", "ACTOR1", "ACTOR2", "PLACE", "CC", "DEAD"]
    assert set(rule) == {"-", " "}
    assert len(body) == 4
    assert body[0].startswith("2025-03-10  CONSULT")
    assert "Ruritanian Border Gua…" in table
    assert to_table([]) == "no events\n"
