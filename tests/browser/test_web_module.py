"""``sitroom.web`` without a browser: the Content-Security-Policy and the tile URL setting."""

from __future__ import annotations

import pytest

from sitroom.config import Settings
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
