"""``/docs`` (Swagger UI) and ``/redoc`` (ReDoc), served offline under a strict policy.

The stock FastAPI pages load their scripts from a CDN and start them with an inline script, so
they are blank without internet and need ``script-src 'unsafe-inline'``. Here the bundles come
from the installed ``fastapi-offline`` package (MIT; Swagger UI Apache-2.0, ReDoc MIT) under
``/static/docs``, and each page starts from a small script file of ours under
``/static/docs-init``: scripts are allowed from this server only. ReDoc styles itself with
injected ``<style>`` elements and runs its search in a worker made from a blob, so its page
also allows inline styles and blob workers, still no inline or foreign script.
"""

from __future__ import annotations

import html
from importlib.resources import files
from pathlib import Path
from typing import Any, Final

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.staticfiles import StaticFiles

INIT_DIR = Path(__file__).parent / "static"

_BASE: Final = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "connect-src": "'self'",
    "font-src": "'self' data:",
    "worker-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
_REDOC: Final = {**_BASE, "style-src": "'self' 'unsafe-inline'", "worker-src": "'self' blob:"}


def policy(directives: dict[str, str]) -> str:
    return "; ".join(f"{key} {value}" for key, value in directives.items())


SWAGGER_CSP: Final = policy(_BASE)
REDOC_CSP: Final = policy(_REDOC)


def bundle_dir() -> Path:
    """Where the installed fastapi-offline package keeps the Swagger UI and ReDoc bundles."""
    return Path(str(files("fastapi_offline").joinpath("static")))


def _page(title: str, head: str, body: str) -> str:
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n"
        '<link rel="icon" href="/static/docs/favicon.png">\n'
        f"{head}</head>\n<body>\n{body}</body>\n</html>\n"
    )


def swagger_html(title: str) -> str:
    return _page(
        title,
        '<link rel="stylesheet" href="/static/docs/swagger-ui.css">\n',
        '<div id="swagger-ui"></div>\n'
        '<script src="/static/docs/swagger-ui-bundle.js"></script>\n'
        '<script src="/static/docs-init/swagger-init.js"></script>\n',
    )


def redoc_html(title: str) -> str:
    return _page(
        title,
        "",
        '<div id="redoc"></div>\n'
        '<script src="/static/docs/redoc.standalone.js"></script>\n'
        '<script src="/static/docs-init/redoc-init.js"></script>\n',
    )


def _headers(csp: str) -> dict[str, str]:
    return {
        "Content-Security-Policy": csp,
        "X-Frame-Options": "DENY",
        "Cache-Control": "no-cache",
    }


def mount_docs(app: Any, title: str) -> None:
    """Add ``/docs``, ``/redoc`` and their assets to ``app`` (made with docs_url=None)."""

    async def swagger(request: Request) -> HTMLResponse:
        return HTMLResponse(swagger_html(title), headers=_headers(SWAGGER_CSP))

    async def redoc(request: Request) -> HTMLResponse:
        return HTMLResponse(redoc_html(title), headers=_headers(REDOC_CSP))

    app.add_route("/docs", swagger, methods=["GET", "HEAD"], include_in_schema=False)
    app.add_route("/redoc", redoc, methods=["GET", "HEAD"], include_in_schema=False)
    app.mount("/static/docs", StaticFiles(directory=bundle_dir()), name="docs-bundles")
    app.mount("/static/docs-init", StaticFiles(directory=INIT_DIR), name="docs-init")


__all__ = ["REDOC_CSP", "SWAGGER_CSP", "bundle_dir", "mount_docs", "redoc_html", "swagger_html"]
