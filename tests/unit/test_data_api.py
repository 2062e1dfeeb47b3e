"""``sitroom.open``: a stored database as typed records and as pandas / geopandas frames."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import geopandas
import pandas as pd
import pytest

import sitroom
from sitroom.errors import StoreError
from sitroom.store import EventRow, Store
from unit.store.extractions import build_fiji, build_plain, build_rich


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "data.db"
    with Store(path) as store:
        store.migrate()
        store.add_many([build_rich(), build_plain(), build_fiji()])
    return path


def test_events_are_typed_records_with_names(db_file: Path) -> None:
    with sitroom.open(db_file) as db:
        fights = db.events(type=["FIGHT", "ASSAULT"], since="2025-01-01")
        every = db.events()
    assert fights and all(isinstance(row, EventRow) for row in fights)
    assert {row.type for row in fights} == {"FIGHT", "ASSAULT"}
    assert len(fights) < len(every)
    fiji = next(row for row in fights if row.document_id.startswith("fj"))
    assert (fiji.actor1, fiji.actor2, fiji.place) == (
        "Taveuni Front",
        "Fiji Police Force",
        "Waiyevo",
    )
    with pytest.raises(StoreError, match="S507"), sitroom.open(db_file) as db:
        db.events(since="last week")


def test_to_pandas_has_the_export_columns_typed(db_file: Path) -> None:
    with sitroom.open(db_file) as db:
        frame = db.events(country="FJ").to_pandas()
        claims = db.claims().to_pandas()
        happenings = db.corpus_events(type="FIGHT").to_pandas()
    assert len(frame) == 3
    assert str(frame["fatalities"].dtype) == "Int64"
    assert str(frame["latitude"].dtype) == "Float64"
    assert pd.api.types.is_datetime64_any_dtype(frame["event_date"])
    clash = frame[frame["event_id"] == "ev1"].iloc[0]
    assert (clash["actor1"], clash["fatalities"]) == ("Taveuni Front", 2)
    assert clash["event_date"] == pd.Timestamp(dt.date(2025, 5, 2))
    assert {"claimant", "stance", "text"} <= set(claims.columns)
    assert {"sources", "mentions", "contested"} <= set(happenings.columns)
    assert len(happenings) >= 1


def test_to_geopandas_holds_located_points(db_file: Path) -> None:
    with sitroom.open(db_file) as db:
        records = db.events()
    frame = records.to_geopandas()
    assert isinstance(frame, geopandas.GeoDataFrame)
    located = [row for row in records if row.lat is not None]
    assert len(frame) == len(located) < len(records)
    assert frame.crs.to_epsg() == 4326
    waiyevo = frame[frame["location"] == "Waiyevo"].geometry.iloc[0]
    assert (waiyevo.x, waiyevo.y) == (179.98, -16.79)
