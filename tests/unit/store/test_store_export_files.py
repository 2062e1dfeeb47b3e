"""``write_export``: whole-store exports to files, Parquet and extraction JSON Lines included."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sitroom.errors import StoreError
from sitroom.model import Document, Extraction
from sitroom.store import EventQuery, Store
from sitroom.store.export import CSV_COLUMNS, FORMATS, write_export
from sitroom.store.export.parquet import FORMAT_ID
from unit.store.extractions import build_fiji

RICH, PLAIN, FIJI = "a1b2c3d4e5f60718", "0f0e0d0c0b0a0908", "fj0000000000c0de"


def test_parquet_has_the_csv_columns_typed(filled: Store, tmp_path: Path) -> None:
    filled.add(build_fiji())
    out = tmp_path / "events.parquet"
    assert write_export(filled, "parquet", out) == 7
    table = pq.read_table(out)
    assert tuple(table.column_names) == CSV_COLUMNS
    schema = table.schema
    assert schema.field("event_date").type == pa.date32()
    assert schema.field("published").type == pa.date32()
    assert schema.field("latitude").type == pa.float64()
    assert schema.field("fatalities").type == pa.int64()
    assert schema.field("iso").type == pa.int64()
    assert schema.field("notes").type == pa.string()
    assert schema.metadata[b"sitroom.format"] == FORMAT_ID.encode()
    rows = {row["event_id_cnty"]: row for row in table.to_pylist()}
    assert [row["event_id_cnty"] for row in table.to_pylist()] == [
        f"{row.document_id}:{row.event_id}" for row in filled.events()
    ]
    fight = rows[f"{FIJI}:ev1"]
    assert fight["event_date"] == dt.date(2025, 5, 2)
    assert (fight["fatalities"], fight["iso"], fight["country"]) == (2, 242, "Fiji")
    assert (fight["latitude"], fight["longitude"]) == (-16.79, 179.98)
    undated = rows[f"{PLAIN}:ev1"]
    assert (undated["event_date"], undated["year"], undated["fatalities"]) == (None, None, None)


def test_parquet_of_nothing_still_has_the_schema(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "none.parquet"
    assert write_export(store, "parquet", out) == 0
    table = pq.read_table(out)
    assert table.num_rows == 0
    assert tuple(table.column_names) == CSV_COLUMNS


def test_jsonl_holds_whole_extractions_with_a_corpus_key(
    filled: Store, tmp_path: Path, rich: Extraction, plain: Extraction
) -> None:
    bare = Extraction(document=Document(id="bare000000000000", text="Nothing to report."))
    filled.add(bare)
    out = tmp_path / "all.jsonl"
    # No filter: every document, even one without events, in ingestion order.
    assert write_export(filled, "jsonl", out) == 3
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["document"]["id"] for line in lines] == [PLAIN, RICH, "bare000000000000"]
    for line, original in zip(lines, (plain, rich, bare), strict=True):
        # Every event names its corpus event; an article without events maps nothing.
        assert sorted(line["corpus"]) == sorted(e.id for e in original.events)
        assert all(value.startswith("ce") for value in line["corpus"].values())
        assert next(iter(line)) == "schema"
        del line["corpus"]
        assert Extraction.model_validate(line) == original
    text = out.read_text(encoding="utf-8")
    assert "Österlich" in text, "non-ASCII kept readable"


def test_jsonl_with_filters_holds_the_matching_documents(filled: Store, tmp_path: Path) -> None:
    filled.add(build_fiji())
    out = tmp_path / "some.jsonl"
    # Documents in the order of their latest matching event.
    assert write_export(filled, "jsonl", out, EventQuery(quad="verbal_conflict")) == 2
    ids = [json.loads(line)["document"]["id"] for line in out.read_text().splitlines()]
    assert ids == [FIJI, PLAIN]
    assert write_export(filled, "jsonl", out, EventQuery(text="boat")) == 1
    (line,) = out.read_text().splitlines()
    # The whole extraction, not only the events that matched.
    assert len(json.loads(line)["events"]) == 3
    assert write_export(filled, "jsonl", out, EventQuery(type="AID")) == 0
    assert out.read_text() == ""


@pytest.mark.parametrize("fmt", ["csv", "geojson"])
def test_text_files_follow_the_query(filled: Store, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"events.{fmt}"
    # GeoJSON leaves out events without coordinates unless asked for them.
    every = {"include_unlocated": True}
    assert write_export(filled, fmt, out, EventQuery(type="ASSAULT"), **every) == 2
    assert write_export(filled, fmt, out, EventQuery(limit=3), **every) == 3
    text = out.read_text(encoding="utf-8")
    if fmt == "geojson":
        assert len(json.loads(text)["features"]) == 3
    else:
        assert len(text.splitlines()) == 4


def test_failed_export_keeps_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    out.write_text("old contents\n")
    with Store(tmp_path / "never-migrated.db") as unmigrated:
        for fmt in FORMATS:
            with pytest.raises(StoreError, match="migrate"):
                write_export(unmigrated, fmt, out)
    assert out.read_text() == "old contents\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv"]


def test_unwritable_targets(filled: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory") as info:
        write_export(filled, "csv", tmp_path)
    assert info.value.code == "S509"
    with pytest.raises(StoreError, match="cannot write") as info:
        write_export(filled, "geojson", tmp_path / "missing" / "out.geojson")
    assert info.value.code == "S509"
    with pytest.raises(StoreError, match="unknown export format 'xlsx'") as info:
        write_export(filled, "xlsx", tmp_path / "out.xlsx")
    assert info.value.code == "S507"


def test_missing_pyarrow_names_the_extra(tmp_path: Path) -> None:
    # A real interpreter in which pyarrow cannot be imported, as when the extra is not installed.
    code = (
        "import sys; sys.modules['pyarrow'] = None\n"
        "from sitroom.errors import StoreError\n"
        "from sitroom.store import Store\n"
        "from sitroom.store.export import write_export\n"
        f"store = Store({str(tmp_path / 'x.db')!r}); store.migrate()\n"
        "try:\n"
        f"    write_export(store, 'parquet', {str(tmp_path / 'x.parquet')!r})\n"
        "except StoreError as err:\n"
        "    print(err)\n"
        "finally:\n"
        "    store.close()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "[S508]" in done.stdout
    assert "install sitroom[parquet]" in done.stdout
    assert not (tmp_path / "x.parquet").exists()
