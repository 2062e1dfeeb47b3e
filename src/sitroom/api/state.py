"""What the routes share: settings, the store, the lazily built extractor, and token checks."""

from __future__ import annotations

import hmac
import threading
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Annotated, Any

import anyio
from fastapi import Depends, Request, Response
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from sitroom.api.errors import FORBIDDEN, UNAUTHORIZED
from sitroom.api.page_cache import PageCache
from sitroom.api.report_builder import ReportBuilder
from sitroom.config import Settings
from sitroom.errors import ApiError
from sitroom.store import Store

if TYPE_CHECKING:
    from sitroom.service import Extractor

ExtractorFactory = Callable[[], "Extractor"]

# Threads on which requests wait for a report: a few, since one build serves every waiter.
REPORT_THREADS = 4
# Pages kept; each is one page of at most 500 rows (under a megabyte).
PAGE_CACHE_SIZE = 256
# A report reads the whole store (seconds to a minute under an ingest): one up to five minutes
# old is served (api/page_cache.py), and it is built again at most once a minute while the
# store changes, on one background thread, instead of once per write for each waiting request.
REPORT_MAX_STALE = 300.0
REPORT_REFRESH_AFTER = 60.0


class ApiState:
    """Built by ``create_app`` without I/O; the store connects on its first query."""

    def __init__(
        self, settings: Settings, store: Store, extractor_factory: ExtractorFactory | None
    ) -> None:
        self.settings = settings
        self.store = store
        self._extractor_factory = extractor_factory
        self._extractor: Extractor | None = None
        # One lock for building the model and for running it: a spaCy pipeline is not
        # promised to be thread-safe, and POSTs are rare next to reads, which never take it.
        self.ingest_lock = threading.Lock()
        # Rendered situation reports (HTML or Markdown), built in a process of their own.
        self.reports = PageCache(
            size=32,
            max_stale=REPORT_MAX_STALE,
            refresh_after=REPORT_REFRESH_AFTER,
            background_threads=1,
        )
        # JSON bodies of list pages (api/pages.py), each served for a bounded time after it
        # was read (api/page_cache.py): a few dozen distinct pages make up nearly all list
        # requests.
        self.pages = PageCache(size=PAGE_CACHE_SIZE)
        self.report_builder = ReportBuilder(store, store.reopen_url())
        self._report_threads: anyio.CapacityLimiter | None = None

    def report_threads(self) -> anyio.CapacityLimiter:
        """The threads on which requests wait for reports (api/reports.py); made on first use,
        in the event loop, which anyio needs (one loop thread: no race)."""
        if self._report_threads is None:
            self._report_threads = anyio.CapacityLimiter(REPORT_THREADS)
        return self._report_threads

    def extractor(self) -> Extractor:
        """The extractor with its model loaded; call with ``ingest_lock`` held."""
        if self._extractor is None:
            if self._extractor_factory is not None:
                extractor = self._extractor_factory()
            else:
                # Imported here: the service layer pulls in spaCy, which reads do not need.
                from sitroom.service import Extractor

                extractor = Extractor(self.settings)
            extractor.nlp  # noqa: B018 -- load the model now, under the lock, once
            self._extractor = extractor
        return self._extractor


def state_of(request: Request) -> ApiState:
    state: ApiState = request.app.state.sitroom
    return state


# The dependencies below are coroutines although they do no I/O: FastAPI runs a plain
# function dependency on a worker thread, and those hops (three or four a request) cost more
# than a cached page itself under load (api/pages.py).


async def api_state(request: Request) -> ApiState:
    return state_of(request)


State = Annotated[ApiState, Depends(api_state)]

# auto_error=False: a missing header is ours to report, in the API's error shape.
bearer = HTTPBearer(
    auto_error=False,
    description="`Authorization: Bearer <token>`: SITROOM_API_TOKEN for POST /api/documents; "
    "SITROOM_API_READ_TOKEN (or the write token) for reads when a read token is set.",
)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def _matches(given: HTTPAuthorizationCredentials | None, *tokens: str | None) -> bool:
    if given is None:
        return False
    supplied = given.credentials.encode("utf-8")
    # compare_digest on every configured token: no early exit that timing could reveal.
    results = [hmac.compare_digest(supplied, t.encode("utf-8")) for t in tokens if t]
    return any(results)


async def require_read(state: State, credentials: Credentials) -> None:
    """Reads are open unless ``api_read_token`` is set; then it (or the write token) is needed."""
    settings = state.settings
    if not settings.api_read_token:  # unset or empty: reads are open
        return
    if not _matches(credentials, settings.api_read_token, settings.api_token):
        raise ApiError("this API requires a bearer token to read", code=UNAUTHORIZED, status=401)


async def require_write(state: State, credentials: Credentials) -> None:
    """Writes need ``api_token``; with none configured they are refused outright."""
    token = state.settings.api_token
    if not token:  # unset or empty: no write access for anyone
        raise ApiError(
            "adding documents is disabled: start the server with --token or set SITROOM_API_TOKEN",
            code=FORBIDDEN,
            status=403,
        )
    if not _matches(credentials, token):
        raise ApiError(
            "adding documents requires `Authorization: Bearer <token>` with the API token",
            code=UNAUTHORIZED,
            status=401,
        )


class TokenFirstRoute(APIRoute):
    """A write route whose token is checked before its body is read.

    FastAPI reads and validates the body before it runs a route's dependencies, so without
    this a client with no token learns how its JSON is wrong (422) instead of being refused
    (401), and the server parses bodies for anyone. ``require_write`` stays a dependency too:
    it declares the security scheme in the OpenAPI document.
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def token_first(request: Request) -> Response:
            await require_write(state_of(request), await bearer(request))
            return await handler(request)

        return token_first


__all__ = [
    "ApiState",
    "ExtractorFactory",
    "State",
    "TokenFirstRoute",
    "api_state",
    "require_read",
    "require_write",
    "state_of",
]
