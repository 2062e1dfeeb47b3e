"""``create_app``: the FastAPI application behind ``sitroom serve``.

Building the app does no I/O: the store connects on the first request that needs it, and the
spaCy model loads on the first ``POST /api/documents``. The dashboard (``sitroom.web``), when
installed, is mounted on the same app and owns every path outside ``/api``.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Final

from fastapi import FastAPI

from sitroom.api import corpus_events, documents, events, ledger, live, overview, reports
from sitroom.api.docs import mount_docs
from sitroom.api.errors import install_error_handlers
from sitroom.api.middleware import AuthFailureLimit, BodyLimit, SecurityHeaders
from sitroom.api.state import ApiState, ExtractorFactory
from sitroom.config import Settings
from sitroom.store import Store

MAX_BODY_BYTES: Final = 2 * 1024 * 1024

_DESCRIPTION = """\
Events, places, actors, quotes, claims and contradictions extracted from news articles.

Reads are open unless the server has a read token (`SITROOM_API_READ_TOKEN`); adding documents
needs the API token (`SITROOM_API_TOKEN`): press **Authorize** and enter it. Lists page with
cursors: pass a response's `next` as `after`. A list page is at most 5 seconds old and a report
at most 5 minutes (`Age` says how old); send `Cache-Control: no-cache` for one read after your
request arrived. Every error has one shape:
`{"error": {"code": "S…", "status": 400, "message": "…", "details": […]}}`.
"""

_TAGS = [
    {"name": "overview", "description": "Health, statistics, actors and places."},
    {"name": "events", "description": "Coded events, filtered and paged."},
    {"name": "documents", "description": "Stored articles and their extractions."},
    {"name": "claims", "description": "The claims ledger and contradictions."},
]


def create_app(
    settings: Settings,
    *,
    store: Store | None = None,
    extractor_factory: ExtractorFactory | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
) -> FastAPI:
    """The API over ``store`` (default: ``Store(settings.db)``, closed on shutdown).

    ``extractor_factory`` builds the ``sitroom.service.Extractor`` used by POST; by default one
    from ``settings``. It is called once, on the first POST.
    """
    owned = store is None
    state = ApiState(settings, store or Store(settings.db), extractor_factory)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        state.pages.close()
        # Not waiting for a report being refreshed: the builder's close below waits for it.
        state.reports.close(wait=False)
        state.report_builder.close()
        if owned:
            state.store.close()

    from sitroom import __version__

    app = FastAPI(
        title="sitroom API",
        version=__version__,
        description=_DESCRIPTION,
        openapi_tags=_TAGS,
        lifespan=lifespan,
        # Served by sitroom.api.docs from installed assets, not from a CDN.
        docs_url=None,
        redoc_url=None,
    )
    app.state.sitroom = state
    install_error_handlers(app)
    app.include_router(overview.router, tags=["overview"])
    app.include_router(events.router, tags=["events"])
    app.include_router(corpus_events.router, tags=["events"])
    app.include_router(documents.router, tags=["documents"])
    app.include_router(documents.write_router, tags=["documents"])
    app.include_router(ledger.router, tags=["claims"])
    app.include_router(reports.router, tags=["reports"])
    mount_docs(app, app.title)
    app.include_router(live.router, tags=["live"])
    # Added last = outermost: the size check runs before anything reads the body.
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    # Outermost: a client locked out for repeated 401s costs no body read and no token check.
    app.add_middleware(AuthFailureLimit)
    _mount_web(app, settings)
    return app


def _mount_web(app: FastAPI, settings: Settings) -> None:
    """Mount the dashboard if the ``sitroom.web`` package is present; the API works without."""
    if importlib.util.find_spec("sitroom.web") is None:
        return
    web = importlib.import_module("sitroom.web")
    mount = getattr(web, "mount", None)
    if callable(mount):
        mount(app, settings)


__all__ = ["MAX_BODY_BYTES", "create_app"]
