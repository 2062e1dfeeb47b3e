"""``format=csv|jsonl|geojson`` on the list endpoints, over a real server on loopback: the same
columns as ``sitroom export``, every matching row, and the CLI's filter vocabulary."""

from __future__ import annotations

import csv
import io
import json

from integration.api.conftest import Served
from sitroom.store import EventQuery
from sitroom.store.export import CSV_COLUMNS
from sitroom.store.export.corpus_columns import CORPUS_COLUMNS
from sitroom.store.export.listings import CLAIM_COLUMNS


def test_events_as_csv_hold_every_match_with_the_export_columns(served: Served) -> None:
    response = served.client.get("/api/events", params={"format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="events.csv"' in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert tuple(rows[0]) == CSV_COLUMNS
    stored = served.store.events()
    # Not a page: every event (the JSON list gives 10 here).
    page = served.client.get("/api/events", params={"limit": 10}).json()
    assert len(page["items"]) == 10 and page["next"]
    assert len(rows) == len(stored) > 10
    assert [r["event_id_cnty"] for r in rows] == [f"{e.document_id}:{e.event_id}" for e in stored]


def test_filters_limit_and_formats_agree_with_the_store(served: Served) -> None:
    one, two, *_ = sorted({e.type for e in served.store.events()})
    several = served.client.get(
        "/api/events", params=[("format", "jsonl"), ("type", one), ("type", two)]
    )
    commas = served.client.get("/api/events", params={"format": "jsonl", "type": f"{one},{two}"})
    expected = served.store.events(EventQuery(type=(one, two)))
    lines = [json.loads(line) for line in several.text.splitlines()]
    assert several.text == commas.text
    assert [line["event_id"] for line in lines] == [e.event_id for e in expected]
    assert {line["plover_type"] for line in lines} == {one, two}
    limited = served.client.get("/api/events", params={"format": "jsonl", "limit": 3})
    assert len(limited.text.splitlines()) == 3
    dated = served.client.get("/api/events", params={"since": "2025-03-01", "until": "2025-03-31"})
    older = served.client.get(
        "/api/events", params={"date_from": "2025-03-01", "date_to": "2025-03-31"}
    )
    assert dated.status_code == 200
    assert dated.json() == older.json()


def test_geojson_holds_located_events_as_points(served: Served) -> None:
    response = served.client.get("/api/events", params={"format": "geojson"})
    assert response.headers["content-type"].startswith("application/geo+json")
    data = response.json()
    located = [e for e in served.store.events() if e.lat is not None]
    assert len(data["features"]) == len(located)
    first = data["features"][0]
    assert first["geometry"]["type"] == "Point"
    assert tuple(first["properties"]) == CSV_COLUMNS


def test_corpus_events_and_claims_download(served: Served) -> None:
    corpus = served.client.get("/api/corpus-events", params={"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(corpus.text)))
    assert tuple(rows[0]) == tuple(c.name for c in CORPUS_COLUMNS)
    assert len(rows) == len(served.store.corpus_events())
    claims = served.client.get("/api/claims", params={"format": "csv", "contested": "true"})
    rows = list(csv.DictReader(io.StringIO(claims.text)))
    assert tuple(rows[0]) == tuple(c.name for c in CLAIM_COLUMNS)
    assert {r["contested"] for r in rows} == {"1"}
    refused = served.client.get("/api/claims", params={"format": "geojson"})
    assert refused.status_code == 400
    assert refused.json()["error"]["code"] == "S507"


def test_a_bad_filter_value_is_refused_before_anything_streams(served: Served) -> None:
    response = served.client.get("/api/events", params={"format": "csv", "type": "SKIRMISH"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "S507"
    response = served.client.get("/api/events", params={"format": "xlsx"})
    assert response.status_code == 422
