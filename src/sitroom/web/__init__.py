"""The analyst dashboard: one HTML page, plain ES modules and Leaflet, served next to the API.

``mount(app, settings)`` adds ``GET /`` (the page, under a strict Content-Security-Policy) and
``/static/app`` (this package's JS and CSS), ``/static/leaflet`` (Leaflet from the installed
xstatic-leaflet package), ``/static/markercluster`` (Leaflet.markercluster from
xstatic-leaflet-markercluster), ``/static/palette.css`` (the quad-class colours of
``data/palette.yaml`` as CSS custom properties) and ``/static/basemap`` (the offline Natural Earth
country outlines).
Nothing is fetched from the internet unless a tile URL is configured (setting ``tile_url`` or the
environment variable ``SITROOM_TILE_URL``, e.g. ``https://tile.example/{z}/{x}/{y}.png``).
"""

from __future__ import annotations

import html
import os
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sitroom.palette import palette
from sitroom.resources import data_path

STATIC_DIR = Path(__file__).parent / "static"
TILE_URL_ENV = "SITROOM_TILE_URL"

_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "connect-src": "'self'",
    "font-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def tile_url(settings: Any) -> str | None:
    """The configured map tile URL template, or None for the offline basemap only."""
    value = getattr(settings, "tile_url", None) or os.environ.get(TILE_URL_ENV) or None
    if value is None:
        return None
    parts = urlsplit(str(value))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return str(value)


def content_security_policy(tiles: str | None = None) -> str:
    policy = dict(_CSP)
    if tiles is not None:
        parts = urlsplit(tiles)
        # {s} subdomains become a wildcard host.
        host = parts.netloc.replace("{s}.", "*.").replace("{s}", "*")
        policy["img-src"] += f" {parts.scheme}://{host}"
    return "; ".join(f"{key} {value}" for key, value in policy.items())


def security_headers(tiles: str | None = None) -> dict[str, str]:
    return {
        "Content-Security-Policy": content_security_policy(tiles),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "Cache-Control": "no-cache",
    }


@lru_cache(maxsize=4)
def render_index(tiles: str | None) -> str:
    page = (STATIC_DIR / "index.html").read_text(encoding="utf-8")
    return page.replace("{{TILE_URL}}", html.escape(tiles or "", quote=True))


def basemap_dir() -> Path:
    return data_path("basemap")


def leaflet_dir() -> Path:
    from xstatic.pkg import leaflet  # type: ignore[import-untyped]

    return Path(leaflet.BASE_DIR)


def markercluster_dir() -> Path:
    from xstatic.pkg import leaflet_markercluster

    return Path(leaflet_markercluster.BASE_DIR)


def mount(app: Any, settings: Any) -> None:
    """Serve the dashboard on ``app`` (a FastAPI or Starlette application)."""
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, Response
    from starlette.staticfiles import StaticFiles

    tiles = tile_url(settings)
    headers = security_headers(tiles)

    async def index(request: Request) -> Response:
        return HTMLResponse(render_index(tiles), headers=headers)

    async def palette_css(request: Request) -> Response:
        # One palette for every screen: the stylesheet and the scripts read these properties.
        return Response(palette().css(), media_type="text/css", headers=headers)

    app.add_route("/", index, methods=["GET", "HEAD"], include_in_schema=False)
    app.add_route("/static/palette.css", palette_css, methods=["GET", "HEAD"])
    app.mount("/static/app", StaticFiles(directory=STATIC_DIR), name="dashboard-static")
    app.mount("/static/leaflet", StaticFiles(directory=leaflet_dir()), name="dashboard-leaflet")
    app.mount(
        "/static/markercluster",
        StaticFiles(directory=markercluster_dir()),
        name="dashboard-markercluster",
    )
    app.mount(
        "/static/basemap",
        StaticFiles(directory=basemap_dir(), check_dir=False),
        name="dashboard-basemap",
    )


__all__ = ["STATIC_DIR", "content_security_policy", "mount", "render_index", "tile_url"]
