"""Every read endpoint through a real server over a stored corpus (SQLite, and PostgreSQL when
configured): answers, filters, cursor pages and consistency with the store."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx

from integration.api.conftest import CORPUS_SIZE, Served
from integration.api.corpus import FRONTS, START, TOWNS
from sitroom.store import EventQuery


def _get(client: httpx.Client, url: str, **params: Any) -> Any:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def _walk(client: httpx.Client, url: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of a cursor-paged listing, asserting that pages are full until the last."""
    items: list[dict[str, Any]] = []
    after = None
    while True:
        page = _get(client, url, **params, **({"after": after} if after else {}))
        items.extend(page["items"])
        after = page["next"]
        if after is None:
            return items
        assert len(page["items"]) == params["limit"]
        assert after == page["items"][-1]["cursor"]


def test_health(served: Served) -> None:
    body = _get(served.client, "/api/health")
    assert body["status"] == "ok"
    assert body["documents"] == CORPUS_SIZE
    assert body["schema_version"] >= 1


def test_events_pages_cover_everything_once_in_store_order(served: Served) -> None:
    walked = _walk(served.client, "/api/events", limit=7)
    keys = [(item["document_id"], item["event_id"]) for item in walked]
    assert len(keys) == len(set(keys)) == 2 * CORPUS_SIZE
    expected = [(row.document_id, row.event_id) for row in served.store.events()]
    assert keys == expected
    dates = [item["date_start"] for item in walked]
    dated = [d for d in dates if d is not None]
    assert dated == sorted(dated, reverse=True)
    assert dates[-1] is None  # undated last
    single = _get(served.client, "/api/events", limit=500)
    assert single["next"] is None and [i["cursor"] for i in single["items"]] == [
        i["cursor"] for i in walked
    ]


def test_events_page_of_exact_size_has_no_next(served: Served) -> None:
    page = _get(served.client, "/api/events", limit=2 * CORPUS_SIZE)
    assert len(page["items"]) == 2 * CORPUS_SIZE and page["next"] is None


def _same_as_store(served: Served, query: EventQuery, **params: Any) -> list[dict[str, Any]]:
    items = _walk(served.client, "/api/events", limit=5, **params)
    expected = [(r.document_id, r.event_id) for r in served.store.events(query)]
    assert [(i["document_id"], i["event_id"]) for i in items] == expected
    assert items, params
    return items


def test_event_filters_match_the_store(served: Served) -> None:
    cases: list[tuple[dict[str, Any], EventQuery]] = [
        ({"type": "assault"}, EventQuery(type="ASSAULT")),
        ({"country": "xb"}, EventQuery(country="XB")),
        (
            {"date_from": "2025-01-05", "date_to": "2025-01-10"},
            EventQuery(date_from=dt.date(2025, 1, 5), date_to=dt.date(2025, 1, 10)),
        ),
        ({"actor": "eastern"}, EventQuery(actor="eastern")),
        ({"modality": "planned"}, EventQuery(modality="planned")),
        ({"quad": "material conflict"}, EventQuery(quad="material_conflict")),
        (
            {"acled_event_type": "violence against civilians"},
            EventQuery(acled_event_type="Violence against civilians"),
        ),
        ({"admin1": "coldmere province"}, EventQuery(admin1="Coldmere Province")),
        ({"bbox": "19.5,9.5,21.5,11.5"}, EventQuery(bbox=(19.5, 9.5, 21.5, 11.5))),
        ({"q": "Brackwater"}, EventQuery(text="Brackwater")),
        (
            {"type": "CONSULT", "country": "XA", "q": "talks"},
            EventQuery(type="CONSULT", country="XA", text="talks"),
        ),
    ]
    for params, query in cases:
        _same_as_store(served, query, **params)
    for item in _same_as_store(served, EventQuery(type="ASSAULT"), type="ASSAULT"):
        assert item["type"] == "ASSAULT"
        assert item["actor1"] in FRONTS and item["actor2"] == "Army"
        assert item["place"] in TOWNS and item["sentence"].startswith("Fighters of the")


def test_event_detail(served: Served) -> None:
    first = _get(served.client, "/api/events", type="ASSAULT", limit=1)["items"][0]
    detail = _get(served.client, f"/api/events/{first['document_id']}/{first['event_id']}")
    assert detail["event"]["id"] == first["event_id"] == "v1"
    assert detail["trigger"] == "attacked"
    text = next(
        x.document.text for x in served.extractions if x.document.id == first["document_id"]
    )
    start, end = detail["sentence_span"]
    assert text[start:end] == detail["sentence"] == first["sentence"]
    assert detail["actor2"] == {"id": "e2", "name": "Army"}
    assert detail["place"]["name"] == first["place"]
    assert {c["id"] for c in detail["claims"]} == {"c1", "c2"}
    assert detail["document"]["id"] == first["document_id"] and "text" not in detail["document"]


def test_documents_pages_and_search(served: Served) -> None:
    walked = _walk(served.client, "/api/documents", limit=5)
    assert [d["id"] for d in walked] == [x.document.id for x in served.extractions]
    assert all(d["event_count"] == 2 and d["claim_count"] == 2 for d in walked)
    found = _get(served.client, "/api/documents", q="Coldmere", limit=50)["items"]
    assert {d["id"] for d in found} == {f"doc{i:04d}" for i in range(CORPUS_SIZE) if i % 5 == 2}


def test_document_detail_has_extraction_and_sorted_highlights(served: Served) -> None:
    detail = _get(served.client, "/api/documents/doc0007")
    extraction = detail["extraction"]
    assert extraction["schema"] == "sitroom.extraction/1"
    assert extraction["document"]["id"] == "doc0007"
    text = extraction["document"]["text"]
    marks = detail["highlights"]
    assert [m["start"] for m in marks] == sorted(m["start"] for m in marks)
    kinds = {m["kind"] for m in marks}
    assert kinds == {"entity", "place", "time", "trigger", "quote", "claim", "figure"}
    by_kind = {m["kind"]: m for m in marks}
    assert text[by_kind["trigger"]["start"] : by_kind["trigger"]["end"]] in ("attacked", "Talks")
    figure = by_kind["figure"]
    assert text[figure["start"] : figure["end"]] == "9 people"
    assert figure["label"] == "9 people (killed)"
    place = by_kind["place"]
    assert (place["label"], place["ref"]) == ("Coldmere", "p1")


def test_claims_pages_and_contested(served: Served) -> None:
    walked = _walk(served.client, "/api/claims", limit=9)
    assert len(walked) == 2 * CORPUS_SIZE
    assert len({(c["document_id"], c["claim_id"]) for c in walked}) == len(walked)
    assert all(c["contested"] for c in walked)  # every report holds a contradiction
    deny = next(c for c in walked if c["document_id"] == "doc0001" and c["claim_id"] == "c2")
    assert deny["claimant"] == "Army" and deny["hedges"] == ["reportedly"]
    assert deny["event_id"] == "v1" and deny["event_type"] == "ASSAULT"
    assert _get(served.client, "/api/claims", contested="false")["items"] == []
    contested = _walk(served.client, "/api/claims", contested="true", limit=50)
    assert len(contested) == len(walked)


def test_contradictions_within_and_across(served: Served) -> None:
    items = _get(served.client, "/api/contradictions")["items"]
    within = [i for i in items if i["scope"] == "document"]
    across = [i for i in items if i["scope"] == "corpus"]
    assert len(within) == CORPUS_SIZE
    assert all(i["a"]["document_id"] == i["b"]["document_id"] for i in within)
    assert {(i["a"]["claim_id"], i["b"]["claim_id"]) for i in within} == {("c1", "c2")}
    assert len(across) == len(served.store.cross_contradictions()) > 0
    for pair in across:
        assert pair["a"]["stance"] == "assert" and pair["b"]["stance"] == "deny"
        assert pair["a"]["document_id"] != pair["b"]["document_id"]
    only = _get(served.client, "/api/contradictions", scope="corpus")["items"]
    assert only == across


def test_stats_totals_and_filters(served: Served) -> None:
    stats = _get(served.client, "/api/stats")
    assert (stats["documents"], stats["events"], stats["claims"]) == (
        CORPUS_SIZE,
        2 * CORPUS_SIZE,
        2 * CORPUS_SIZE,
    )
    dated = sum(1 for i in range(CORPUS_SIZE) if i % 4 != 0)
    assert sum(day["events"] for day in stats["by_day"]) == 2 * dated
    assert all(sum(d["by_quad"].values()) == d["events"] for d in stats["by_day"])
    assert stats["by_day"][0]["day"] == (START + dt.timedelta(days=1)).isoformat()
    assert stats["by_type"] == {"ASSAULT": CORPUS_SIZE, "CONSULT": CORPUS_SIZE}
    assert stats["by_country"] == {"XA": CORPUS_SIZE, "XB": CORPUS_SIZE}

    window = _get(served.client, "/api/stats", date_from="2025-01-05", date_to="2025-01-10")
    events = served.store.events(
        EventQuery(date_from=dt.date(2025, 1, 5), date_to=dt.date(2025, 1, 10))
    )
    assert window["events"] == len(events)
    assert window["documents"] == len({e.document_id for e in events})
    assert window["claims"] == 2 * window["documents"]
    xb = _get(served.client, "/api/stats", country="xb")
    assert xb["by_country"] == {"XB": CORPUS_SIZE} and xb["documents"] == CORPUS_SIZE // 2


def test_actors_and_places(served: Served) -> None:
    actors = _get(served.client, "/api/actors")["items"]
    # A generic actor is one registry row per country: one country's army is not another's.
    armies = [a for a in actors if a["name"] == "Army"]
    assert sum(a["documents"] for a in armies) == CORPUS_SIZE
    assert len({a["country"] for a in armies}) == len(armies) > 1
    assert all(a["actor_type"] == "government" and a["id"].startswith("ac") for a in armies)
    assert actors[0]["name"] == "Army"  # most documents first
    front = _get(served.client, "/api/actors", q="the eastern")["items"]
    assert [a["name"] for a in front] == ["Eastern Front"]
    assert front[0]["aliases"] == ["the Eastern Front"]
    assert front[0]["documents"] == CORPUS_SIZE // 3
    assert len(_get(served.client, "/api/actors", limit=2)["items"]) == 2

    places = _get(served.client, "/api/places", limit=500)["items"]
    assert {p["name"] for p in places} == set(TOWNS)
    assert sum(p["documents"] for p in places) == CORPUS_SIZE
    cold = _get(served.client, "/api/places", q="COLD")["items"]
    assert {(p["name"], p["kind"], p["admin1"]) for p in cold} == {
        ("Coldmere", "city", "Coldmere Province")
    }
    assert all(p["lat"] == 12.0 and p["lon"] == 22.0 for p in cold)


def test_corpus_events_pages_filters_and_detail(served: Served) -> None:
    walked = _walk(served.client, "/api/corpus-events", limit=7)
    assert [c["id"] for c in walked] == [row.id for row in served.store.corpus_events()]
    assert sum(c["mentions"] for c in walked) == 2 * CORPUS_SIZE
    cases: list[tuple[dict[str, Any], dict[str, Any]]] = [
        ({"type": "ASSAULT", "country": "XA"}, {}),
        ({"min_sources": 2}, {"min_sources": 2}),
        ({"contested": "true"}, {"contested": True}),
        ({"contested": "false", "q": "talks"}, {"contested": False}),
    ]
    for params, extra in cases:
        query = EventQuery(
            type=params.get("type"), country=params.get("country"), text=params.get("q")
        )
        got = _walk(served.client, "/api/corpus-events", limit=4, **params)
        assert [c["id"] for c in got] == [r.id for r in served.store.corpus_events(query, **extra)]
    merged = max(walked, key=lambda c: c["mentions"])
    assert merged["mentions"] > 1
    detail = _get(served.client, f"/api/corpus-events/{merged['id']}")
    assert detail["event"] == merged
    assert len(detail["mentions"]) == merged["mentions"]
    assert len(detail["claims_for"]) == merged["claims_for"]
    assert all(c["stance"] == "deny" for c in detail["claims_against"])
    missing = served.client.get("/api/corpus-events/no-such-id")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "S601"
    bad = served.client.get("/api/corpus-events", params={"after": walked[0]["cursor"][:-3]})
    assert bad.status_code == 400


def test_situation_report_as_html_and_markdown(served: Served) -> None:
    page = served.client.get("/api/report", params={"format": "html"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "script-src 'none'" in page.headers["content-security-policy"]
    assert "Developments by area" in page.text and "<script" not in page.text
    text = served.client.get("/api/report", params={"format": "md", "country": "xx"})
    assert text.status_code == 200 and text.headers["content-type"].startswith("text/markdown")
    bad = served.client.get(
        "/api/report", params={"date_from": "2025-03-09", "date_to": "2025-03-01"}
    )
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "S701"
