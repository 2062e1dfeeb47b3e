"""The one error shape for every failure, the token rules, limits, headers and OpenAPI, through
a real server on loopback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from integration.api.corpus import live
from sitroom.api import create_app
from sitroom.config import Settings

Start = Callable[..., httpx.Client]


def _error(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """Assert the API's error shape, status and code; return the error object."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    body = response.json()
    assert set(body) == {"error"}
    error: dict[str, Any] = body["error"]
    assert set(error) <= {"code", "status", "message", "details"}
    assert (error["code"], error["status"]) == (code, status)
    assert isinstance(error["message"], str) and error["message"]
    assert "Traceback" not in response.text
    return error


def test_bad_filters_and_cursors_are_400(client_for: Start) -> None:
    client = client_for()
    for params in (
        {"type": "PICNIC"},
        {"country": "Narnia"},
        {"bbox": "1,2,3"},
        {"bbox": "0,95,10,99"},
        {"after": "not-a-cursor"},
        {"date_from": "2025-02-01", "date_to": "2025-01-01"},
        {"q": "?!"},
    ):
        error = _error(client.get("/api/events", params=params), 400, "S507")
        assert "details" not in error
    _error(client.get("/api/documents", params={"after": "e1.xyz"}), 400, "S507")
    _error(client.get("/api/claims", params={"after": "d1.bad"}), 400, "S507")
    _error(client.get("/api/stats", params={"country": "XYZ"}), 400, "S507")


def test_validation_errors_are_422_with_details(client_for: Start) -> None:
    client = client_for(api_token="w")
    error = _error(client.get("/api/events", params={"limit": 501}), 422, "S604")
    assert error["details"][0]["loc"] == ["query", "limit"]
    _error(client.get("/api/events", params={"limit": "many"}), 422, "S604")
    _error(client.get("/api/events", params={"date_from": "yesterday"}), 422, "S604")
    _error(client.get("/api/claims", params={"contested": "perhaps"}), 422, "S604")
    auth = {"Authorization": "Bearer w"}
    _error(client.post("/api/documents", json={"title": "no text"}, headers=auth), 422, "S604")
    _error(client.post("/api/documents", content=b"{not json", headers=auth), 422, "S604")
    # Only blanks: refused before any model is loaded.
    blank = client.post("/api/documents", json={"text": "   \n "}, headers=auth)
    _error(blank, 422, "S202")


def test_not_found_and_method_not_allowed(client_for: Start) -> None:
    client = client_for()
    _error(client.get("/api/documents/nope"), 404, "S601")
    _error(client.get("/api/events/doc0001/v99"), 404, "S601")
    _error(client.get("/api/events/nope/v1"), 404, "S601")
    _error(client.get("/api/no-such-endpoint"), 404, "S601")
    _error(client.get("/api"), 404, "S601")
    _error(client.delete("/api/documents/doc0001"), 405, "S605")
    _error(client.put("/api/events"), 405, "S605")


def test_body_over_the_limit_is_413(client_for: Start) -> None:
    client = client_for(api_token="w", max_body_bytes=1000)
    auth = {"Authorization": "Bearer w"}
    declared = client.post("/api/documents", json={"text": "x" * 2000}, headers=auth)
    _error(declared, 413, "S606")

    def chunks() -> Any:  # no Content-Length: read up to the limit, then refused
        for _ in range(10):
            yield b" " * 200

    _error(client.post("/api/documents", content=chunks(), headers=auth), 413, "S606")


def test_writes_refused_without_a_configured_token(client_for: Start) -> None:
    client = client_for()
    response = client.post("/api/documents", json={"text": "Rebels attacked a town."})
    error = _error(response, 403, "S603")
    assert "SITROOM_API_TOKEN" in error["message"]
    with_header = client.post(
        "/api/documents", json={"text": "x"}, headers={"Authorization": "Bearer anything"}
    )
    _error(with_header, 403, "S603")


def test_write_token_rules(client_for: Start) -> None:
    client = client_for(api_token="s3cret")
    post = {"json": {"text": "Rebels attacked a town."}}
    missing = _error(client.post("/api/documents", **post), 401, "S602")
    assert "Bearer" in missing["message"]
    assert client.post("/api/documents", **post).headers["www-authenticate"] == "Bearer"
    wrong = client.post("/api/documents", headers={"Authorization": "Bearer nope"}, **post)
    _error(wrong, 401, "S602")
    basic = client.post("/api/documents", headers={"Authorization": "Basic czNjcmV0"}, **post)
    _error(basic, 401, "S602")
    # Reads stay open when only a write token is set.
    assert client.get("/api/events").status_code == 200


def test_read_token_rules(client_for: Start) -> None:
    client = client_for(api_token="writer", api_read_token="reader")
    for url in ("/api/events", "/api/health", "/api/documents/doc0001", "/api/stats"):
        _error(client.get(url), 401, "S602")
        _error(client.get(url, headers={"Authorization": "Bearer wrong"}), 401, "S602")
        for token in ("reader", "writer"):
            answer = client.get(url, headers={"Authorization": f"Bearer {token}"})
            assert answer.status_code == 200, answer.text
    # The read token does not grant writes.
    post = client.post(
        "/api/documents", json={"text": "x"}, headers={"Authorization": "Bearer reader"}
    )
    _error(post, 401, "S602")


def test_unexpected_failure_is_500_without_details(client_for: Start) -> None:
    def broken_model_loader() -> Any:
        raise RuntimeError("secret internal detail /etc/passwd")

    client = client_for(api_token="w", extractor_factory=broken_model_loader)
    response = client.post(
        "/api/documents",
        json={"text": "Rebels attacked the town of Amberfield on Monday."},
        headers={"Authorization": "Bearer w"},
    )
    error = _error(response, 500, "S607")
    assert "secret" not in response.text and "RuntimeError" not in response.text
    assert error["message"].startswith("internal error")


def test_unusable_database_is_503(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")  # exists, but has no sitroom schema
    with live(create_app(Settings(db=str(empty)))) as client:
        error = _error(client.get("/api/health"), 503, "S506")
        assert "migrate" in error["message"]
        _error(client.get("/api/events"), 503, "S506")
    with live(create_app(Settings(db=str(tmp_path / "missing.db")))) as client:
        _error(client.get("/api/stats"), 503, "S506")
    assert not (tmp_path / "missing.db").exists()  # reads never create a database


def test_security_headers_and_no_cors(client_for: Start) -> None:
    client = client_for()
    response = client.get("/api/health", headers={"Origin": "https://evil.example"})
    assert response.status_code == 200
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options(
        "/api/events",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_constructing_the_app_does_no_io(tmp_path: Path) -> None:
    missing = tmp_path / "not" / "there.db"
    app = create_app(Settings(db=str(missing), model="no_such_model_anywhere"))
    assert app.title == "sitroom API"
    assert not missing.parent.exists()


EXPECTED_ROUTES = {
    ("get", "/api/health"),
    ("get", "/api/stats"),
    ("get", "/api/documents"),
    ("post", "/api/documents"),
    ("get", "/api/documents/{document_id}"),
    ("get", "/api/events"),
    ("get", "/api/events/{document_id}/{event_id}"),
    ("get", "/api/claims"),
    ("get", "/api/contradictions"),
    ("get", "/api/actors"),
    ("get", "/api/places"),
    ("get", "/api/corpus-events"),
    ("get", "/api/corpus-events/{corpus_id}"),
    ("get", "/api/report"),
    ("get", "/api/live"),
    ("get", "/api/alerts"),
}
# Documents, not JSON: their 200 answer is a page.
PAGES = {("get", "/api/report")}
STREAMS = {("get", "/api/live")}


def test_openapi_documents_every_endpoint(client_for: Start) -> None:
    client = client_for()
    spec = client.get("/openapi.json").json()
    routes = {(method, path) for path, ops in spec["paths"].items() for method in ops}
    assert routes >= EXPECTED_ROUTES
    api_routes = {r for r in routes if r[1].startswith("/api/")}
    for method, path in api_routes:
        operation = spec["paths"][path][method]
        assert operation.get("summary") and operation.get("description"), path
        ok = operation["responses"].get("200") or operation["responses"].get("201")
        if (method, path) in PAGES:
            assert {"text/html", "text/markdown"} <= set(ok["content"]), path
        elif (method, path) in STREAMS:
            assert "text/event-stream" in ok["content"], path
        else:
            # A named response model, not a bare object.
            assert "$ref" in ok["content"]["application/json"]["schema"], path
        assert "ErrorResponse" in str(operation["responses"].get("404", "")), path
    post = spec["paths"]["/api/documents"]["post"]
    assert post["security"] == [{"HTTPBearer": []}]
    assert "HTTPBearer" in spec["components"]["securitySchemes"]
    assert "ErrorResponse" in spec["components"]["schemas"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()


@pytest.mark.parametrize("path", ["/api/events", "/api/documents", "/api/claims"])
def test_page_size_default_and_cap(client_for: Start, path: str) -> None:
    client = client_for()
    assert len(client.get(path).json()["items"]) <= 50
    _error(client.get(path, params={"limit": 0}), 422, "S604")
    assert client.get(path, params={"limit": 500}).status_code == 200
