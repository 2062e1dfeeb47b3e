"""``sitroom export --format acled`` read back by the tools analysts use: pandas and duckdb."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest
from click.testing import CliRunner

from sitroom.cli.export import export
from sitroom.store import Store
from unit.store.acled_articles import build_kinshasa
from unit.store.extractions import build_fiji, build_plain, build_rich

# ACLED's columns, in the order of ACLED's own files.
ACLED = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = str(tmp_path / "acled.db")
    with Store(url) as store:
        store.migrate()
        store.add_many([build_rich(), build_plain(), build_fiji(), build_kinshasa()])
    return url


def export_acled(db: str, out: Path, *extra: str) -> None:
    args = ["--db", db, "--format", "acled", "--out", str(out), *extra]
    result = CliRunner().invoke(export, args)
    assert result.exit_code == 0, result.output


def test_pandas_reads_acled_columns_in_order_and_typed(db: str, tmp_path: Path) -> None:
    out = tmp_path / "acled.csv"
    export_acled(db, out)
    frame = pd.read_csv(out)
    assert list(frame.columns[: len(ACLED)]) == ACLED
    assert {"modality", "plover_type", "corpus_event_id"} <= set(frame.columns[len(ACLED) :])
    assert frame["fatalities"].dtype == "int64"
    assert frame["year"].dtype == "int64"
    assert frame["inter1"].dtype == "int64"
    assert frame["event_type"].notna().all()
    # The planned, undated protest is not an ACLED event; the two in Kinshasa and four more are.
    assert len(frame) == 5
    rows = frame.set_index("event_id_cnty")
    fired = rows.loc["cd00000000000001:ev1"]
    assert fired["admin1"] == "Kinshasa"  # a capital with no division named
    assert (fired["iso"], fired["region"], fired["country"]) == (
        180,
        "Middle Africa",
        "Democratic Republic of the Congo",
    )
    assert fired["disorder_type"] == "Political violence"
    assert (fired["inter1"], fired["inter2"]) == (1, 7)
    assert (fired["interaction"], fired["civilian_targeting"]) == (17, "Civilian targeting")
    assert fired["actor2"] == "Civilians (Democratic Republic of the Congo)"
    assert fired["fatalities"] == 2
    marched = rows.loc["cd00000000000001:ev2"]
    assert (marched["actor1"], marched["inter1"], marched["interaction"]) == (
        "Protesters (Democratic Republic of the Congo)",
        6,
        60,
    )
    assert marched["fatalities"] == 0
    assert marched["disorder_type"] == "Demonstrations"
    assert rows.loc["fj0000000000c0de:ev1", "interaction"] == 12  # state forces vs rebels
    assert rows.loc["fj0000000000c0de:ev1", "region"] == "Oceania"
    assert rows.loc["a1b2c3d4e5f60718:ev1", "admin1"] == "Eastern"  # "Eastern Province"


def test_the_same_file_round_trips_through_duckdb(db: str, tmp_path: Path) -> None:
    out = tmp_path / "acled.csv"
    export_acled(db, out)
    frame = pd.read_csv(out)
    with duckdb.connect() as con:
        relation = con.read_csv(str(out))
        assert relation.columns[: len(ACLED)] == ACLED
        types = dict(zip(relation.columns, (str(t) for t in relation.types), strict=True))
        assert types["fatalities"] == "BIGINT"
        assert types["event_date"] == "DATE"
        back = relation.df()
    assert len(back) == len(frame)
    assert back["fatalities"].sum() == frame["fatalities"].sum()
    assert sorted(back["event_id_cnty"]) == sorted(frame["event_id_cnty"])


def test_corpus_events_export_the_same_way(db: str, tmp_path: Path) -> None:
    out = tmp_path / "happenings.csv"
    export_acled(db, out, "--corpus")
    frame = pd.read_csv(out)
    assert list(frame.columns[: len(ACLED)]) == ACLED
    assert {"mentions", "sources", "contested"} <= set(frame.columns[len(ACLED) :])
    assert frame["fatalities"].dtype == "int64"
    assert frame["event_type"].notna().all()
    clash = frame[frame["actor1"] == "Taveuni Front"].iloc[0]
    # Actor categories come from the actor registry: rebels against the police.
    assert (clash["inter1"], clash["inter2"], clash["interaction"]) == (2, 1, 12)
