"""Background events over a live server: /api/events, /api/corpus-events and the map's
GeoJSON leave them out unless ``include_background=true``, and mark them when listed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from integration.api.corpus import live, report
from sitroom.api import create_app
from sitroom.config import Settings
from sitroom.model import Extraction
from sitroom.store import Store


def _background(extraction: Extraction) -> Extraction:
    """The report with its attack told as context ("in 2006 …") rather than as news."""
    return extraction.model_copy(
        update={
            "events": [
                e.model_copy(update={"background": True}) if e.id == "v1" else e
                for e in extraction.events
            ]
        }
    )


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    path: Path = tmp_path_factory.mktemp("background") / "api.db"
    with Store(path) as store:
        store.migrate()
        # Report 1 tells its attack as news, report 2 only as background.
        assert all(store.add_many([report(1), _background(report(2))]))
        with live(create_app(Settings(db=str(path)), store=store)) as served:
            yield served


def _attacks(items: list[dict[str, object]]) -> dict[str, bool]:
    return {str(i["document_id"]): bool(i["background"]) for i in items if i["type"] == "ASSAULT"}


def test_events_leave_background_out_by_default(client: httpx.Client) -> None:
    default = client.get("/api/events").json()["items"]
    assert _attacks(default) == {"doc0001": False}
    everything = client.get("/api/events", params={"include_background": "true"}).json()
    assert _attacks(everything["items"]) == {"doc0001": False, "doc0002": True}


def test_corpus_events_and_map_leave_background_out(client: httpx.Client) -> None:
    merged = client.get("/api/corpus-events", params={"type": "ASSAULT"}).json()["items"]
    assert [m["background"] for m in merged] == [False]
    with_background = client.get(
        "/api/corpus-events", params={"type": "ASSAULT", "include_background": "true"}
    ).json()["items"]
    assert sorted(m["background"] for m in with_background) == [False, True]

    points = client.get("/api/events", params={"format": "geojson", "type": "ASSAULT"}).json()
    assert [f["properties"]["document_id"] for f in points["features"]] == ["doc0001"]
    points = client.get(
        "/api/events",
        params={"format": "geojson", "type": "ASSAULT", "include_background": "true"},
    ).json()
    assert sorted(f["properties"]["background"] for f in points["features"]) == [0, 1]


def test_stats_count_no_background(client: httpx.Client) -> None:
    stats = client.get("/api/stats").json()
    # Two reports of two events each; report 2's attack is background.
    assert stats["events"] == 3
    assert stats["by_type"]["ASSAULT"] == 1
