"""Hostile parameters and bodies through a real server on loopback: every number bounded, every
string filter length-limited, no server detail in any error, the token checked before the body.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from integration.api.corpus import live
from sitroom.api import create_app
from sitroom.config import Settings

Start = Callable[..., httpx.Client]

# Past a signed 64-bit integer: SQLite's driver raised OverflowError on it (a 500, then a
# reset connection) before the parameter had an upper bound.
HUGE = str(2**63)
# Longer than any filter may be, short enough to pass the HTTP server's own line limit.
LONG = "a" * 5000


def _refused(response: httpx.Response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code
    assert "Traceback" not in response.text


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("/api/corpus-events", "min_sources"),
        ("/api/corpus-events", "limit"),
        ("/api/events", "limit"),
        ("/api/documents", "limit"),
        ("/api/claims", "limit"),
        ("/api/alerts", "limit"),
    ],
)
def test_huge_numbers_are_422(client_for: Start, url: str, name: str) -> None:
    client = client_for()
    _refused(client.get(url, params={name: HUGE}), 422, "S604")
    _refused(client.get(url, params={name: "-" + HUGE}), 422, "S604")
    # The connection survives: the next request on it is answered.
    assert client.get("/api/health").status_code == 200


FILTERS = ("actor", "admin1", "bbox", "type", "country", "modality", "quad", "acled_event_type")


@pytest.mark.parametrize("name", FILTERS)
def test_long_string_filters_never_reach_the_database(
    client_for: Start, db_file: Path, name: str
) -> None:
    client = client_for()
    for url in ("/api/events", "/api/corpus-events"):
        response = client.get(url, params={name: LONG})
        _refused(response, 422, "S604")
        assert str(db_file) not in response.text
    # Just under the limit is an ordinary filter: answered, matching nothing or refused as S507.
    response = client.get("/api/events", params={name: "a" * 200})
    assert response.status_code in (200, 400), response.text


def test_other_string_parameters_are_limited(client_for: Start) -> None:
    client = client_for()
    for url, name in (
        ("/api/stats", "country"),
        ("/api/report", "country"),
        ("/api/actors", "q"),
        ("/api/documents", "q"),
        ("/api/events", "q"),
        ("/api/events", "after"),
    ):
        _refused(client.get(url, params={name: LONG}), 422, "S604")


def test_database_trouble_names_no_path(tmp_path: Path) -> None:
    broken = tmp_path / "secret-place" / "empty.db"
    broken.parent.mkdir()
    broken.write_bytes(b"")  # exists, but has no sitroom schema
    with live(create_app(Settings(db=str(broken)))) as client:
        for url in ("/api/health", "/api/events", "/api/stats"):
            response = client.get(url)
            _refused(response, 503, "S506")
            assert "secret-place" not in response.text
            assert "sitroom migrate" in response.json()["error"]["message"]


def test_the_token_is_checked_before_the_body_is_parsed(client_for: Start) -> None:
    client = client_for(api_token="a-write-token-of-some-length")
    as_json = {"Content-Type": "application/json"}
    _refused(client.post("/api/documents", content=b"{not json", headers=as_json), 401, "S602")
    wrong = {"Authorization": "Bearer nope", "Content-Type": "application/json"}
    _refused(client.post("/api/documents", content=b"{not json", headers=wrong), 401, "S602")
    _refused(client.post("/api/documents", json={"title": "no text"}), 401, "S602")
    # With the token, the same body is judged on its merits.
    right = {"Authorization": "Bearer a-write-token-of-some-length"}
    _refused(client.post("/api/documents", content=b"{not json", headers=right), 422, "S604")


def test_writes_disabled_is_403_before_the_body(client_for: Start) -> None:
    client = client_for()
    _refused(client.post("/api/documents", content=b"{not json"), 403, "S603")


def test_health_is_503_on_a_database_with_garbage_in_its_middle(db_file: Path) -> None:
    with live(create_app(Settings(db=str(db_file)))) as client:
        assert client.get("/api/health").status_code == 200
    size = db_file.stat().st_size
    page = 4096
    middle = (size // page // 2) * page
    assert middle > page, "the corpus database is too small to damage in its middle"
    with db_file.open("r+b") as raw:  # one whole page of garbage, the header left intact
        raw.seek(middle)
        raw.write(bytes(range(256)) * (page // 256))
    with live(create_app(Settings(db=str(db_file)))) as client:
        response = client.get("/api/health")
        _refused(response, 503, "S512")
        assert str(db_file) not in response.text


def test_the_report_needs_the_read_token_like_the_rest(client_for: Start) -> None:
    client = client_for(api_token="writer-token", api_read_token="reader-token")
    _refused(client.get("/api/report"), 401, "S602")
    answer = client.get("/api/report", headers={"Authorization": "Bearer reader-token"})
    assert answer.status_code == 200, answer.text
