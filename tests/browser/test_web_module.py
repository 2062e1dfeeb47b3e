"""``sitroom.web`` without a browser: the Content-Security-Policy, the tile URL setting and
the assets and fields the dashboard reads."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from browser.harness import serving
from sitroom.config import Settings
from sitroom.palette import palette
from sitroom.web import content_security_policy, render_index, tile_url


def test_policy_without_tiles_allows_only_this_origin() -> None:
    policy = content_security_policy(None)
    assert "script-src 'self';" in policy
    assert "img-src 'self' data:;" in policy
    assert "http" not in policy


def test_tile_url_adds_its_origin_to_img_src(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITROOM_TILE_URL", "https://{s}.tiles.example/{z}/{x}/{y}.png")
    tiles = tile_url(Settings())
    assert tiles == "https://{s}.tiles.example/{z}/{x}/{y}.png"
    assert "img-src 'self' data: https://*.tiles.example;" in content_security_policy(tiles)
    page = render_index(tiles)
    assert 'content="https://{s}.tiles.example/{z}/{x}/{y}.png"' in page


@pytest.mark.parametrize("value", ["javascript:alert(1)", "ftp://x/{z}", "//no-scheme/{z}", ""])
def test_tile_url_must_be_http(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("SITROOM_TILE_URL", value)
    assert tile_url(Settings()) is None


def test_tile_url_is_escaped_in_the_page() -> None:
    page = render_index('https://t.example/{z}"><script>x</script>')
    assert "<script>x" not in page


def test_palette_markercluster_and_descriptions_are_served(small_db: Path) -> None:
    """Over real HTTP: the palette stylesheet from data/palette.yaml, the cluster plugin from
    its package, and the one-line description on events and corpus events."""
    with serving(small_db) as base, httpx.Client(base_url=base) as client:
        css = client.get("/static/palette.css")
        assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
        assert css.text == palette().css()
        assert "--q-material-conflict: #d2443c;" in css.text
        plugin = client.get("/static/markercluster/leaflet.markercluster.js")
        assert plugin.status_code == 200 and "MarkerClusterGroup" in plugin.text
        event = client.get("/api/events", params={"type": "CONSULT"}).json()["items"][0]
        assert event["description"].startswith("Defence Ministry planned to hold talks in Geneva")
        assert event["background"] is False
        merged = client.get("/api/corpus-events", params={"type": "AID"}).json()["items"][0]
        assert (
            merged["description"]
            == "Red Cross sent aid in Nairobi (East Africa Daily, 15 Mar 2025)"
        )
