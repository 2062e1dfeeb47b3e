"""List pages served from a cache of their JSON bodies (``api/page_cache.py``: the contract).

Fifty clients asking for the event list mostly ask for the same few pages; each used to run
the same store query and serialise the same rows. A page is now computed once and its bytes
sent as they are, for as long as the staleness bound allows. The key is built from the parsed
parameters, not the raw query string, so ``since`` and ``date_from``, or a repeated parameter
and its comma-separated form, share one entry. Routes call this after their dependencies ran:
a request without the read token is refused before it can reach the cache.

The list routes are coroutines: a page found in the cache is answered on the event loop,
without a hop to a worker thread and without a database query (under load those hops, not
the pages, were most of a cached answer's cost); only a page that must be read goes to a
thread.

A page is sent gzip-compressed to a client that accepts it (browsers and HTTP libraries all
do), compressed once when it is read rather than once per request; a situation report is
megabytes of HTML, and sending it whole cost the server and its client more than the list
pages' requests (bench/api_load.py). Each page carries a weak ``ETag`` of its body: a client
that sends it back in ``If-None-Match`` gets ``304 Not Modified`` and no body while the page
is unchanged, which a dashboard polling the same list mostly is.
"""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
from collections.abc import Callable, Hashable, Mapping
from typing import Any, Final

import anyio
import anyio.to_thread
from fastapi import Request, Response
from pydantic import BaseModel

from sitroom.api.page_cache import Page, PageCache
from sitroom.api.state import ApiState

# The response header that says which store revision a page was read at.
REVISION_HEADER = "X-Sitroom-Revision"
# Bodies shorter than this go as they are: compressing saves less than its headers cost.
GZIP_MIN_BYTES: Final = 1024
# zlib's default: within a few per cent of the smallest output, at a fraction of level 9's time.
GZIP_LEVEL: Final = 6


def encoded_page(body: bytes, revision: int, read_at: float) -> Page:
    """The page of ``body`` with its compressed form and its ETag (call off the event loop)."""
    gzipped = None
    if len(body) >= GZIP_MIN_BYTES:
        # mtime=0: the same body always compresses to the same bytes.
        gzipped = gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
    # Weak: the gzip and identity forms of one body share it (a strong one would have to
    # differ per content coding), and If-None-Match compares weakly anyway.
    etag = f'W/"{hashlib.blake2b(body, digest_size=12).hexdigest()}"'
    return Page(body, revision, read_at, gzipped, etag)


def query_key(route: str, values: Mapping[str, Any], **more: Any) -> Hashable:
    """The cache key of a page: the route and its parsed parameters, in a fixed order."""
    return (route, tuple(sorted({**values, **more}.items())))


def _tokens(request: Request, name: str) -> list[tuple[str, str]]:
    """The comma-separated items of a request header: (value, its parameters), lower case."""
    items = []
    for part in request.headers.get(name, "").split(","):
        value, _, params = part.partition(";")
        if value.strip():
            items.append((value.strip().lower(), params.replace(" ", "").lower()))
    return items


def accepts_gzip(request: Request) -> bool:
    """``Accept-Encoding`` names gzip (or ``*``) with a quality above zero."""
    refused = {value for value, params in _tokens(request, "accept-encoding") if _zero_q(params)}
    for value, params in _tokens(request, "accept-encoding"):
        if value in ("gzip", "x-gzip") and not _zero_q(params):
            return True
        if value == "*" and not _zero_q(params) and "gzip" not in refused:
            return True
    return False


def _zero_q(params: str) -> bool:
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name == "q":
            try:
                return float(value) == 0
            except ValueError:
                return False
    return False


def etag_matches(request: Request, etag: str) -> bool:
    """``If-None-Match`` holds ``etag`` or ``*`` (compared weakly, as RFC 9110 asks)."""
    header = request.headers.get("if-none-match")
    if not header or not etag:
        return False
    wanted = etag.removeprefix("W/")
    return any(
        tag.strip() == "*" or tag.strip().removeprefix("W/") == wanted for tag in header.split(",")
    )


def wants_fresh(request: Request) -> bool:
    """``Cache-Control: no-cache`` (or the older ``Pragma: no-cache``): a page read after the
    request arrived, as HTTP means by it."""
    for name in ("cache-control", "pragma"):
        directives = request.headers.get(name, "").lower().split(",")
        if "no-cache" in (part.split("=")[0].strip() for part in directives):
            return True
    return False


async def kept_or_read(
    state: ApiState,
    cache: PageCache,
    request: Request,
    key: Hashable,
    build: Callable[[], bytes],
    *,
    limiter: anyio.CapacityLimiter | None = None,
) -> Page:
    """The page of the body ``build()`` gives, from ``cache`` as of at most its ``max_stale``
    seconds ago (as of the request's arrival when it asks for a fresh one). A body that must
    be read is read on a worker thread (one of ``limiter``'s)."""
    arrived = cache.clock()
    oldest = arrived if wants_fresh(request) else arrived - cache.max_stale

    def refresh(previous: Page | None, read_at: float) -> Page:
        # The revision first: the rows read after it hold at least the writes it counts.
        revision = state.store.revision()
        if previous is not None and previous.revision == revision:
            # Nothing written since: renewed, its compressed form and ETag with it.
            return dataclasses.replace(previous, revision=revision, read_at=read_at)
        return encoded_page(build(), revision, read_at)

    page = cache.lookup(key, oldest, refresh)
    if page is None:
        page = await anyio.to_thread.run_sync(cache.get, key, oldest, refresh, limiter=limiter)
    return page


def page_response(
    request: Request,
    cache: PageCache,
    page: Page,
    media_type: str,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """``page`` as the response to ``request``: 304 if it holds the page's ETag, compressed if
    it accepts gzip; with the headers that say how old the page is (``Age``) and which store
    revision it was read at, and ``headers``."""
    age = max(0, int(cache.clock() - page.read_at))
    sent = {
        "Age": str(age),
        REVISION_HEADER: str(page.revision),
        "Vary": "Accept-Encoding",
        **({"ETag": page.etag} if page.etag else {}),
        **(headers or {}),
    }
    if etag_matches(request, page.etag):
        return Response(status_code=304, headers=sent)
    if page.gzipped is not None and accepts_gzip(request):
        sent["Content-Encoding"] = "gzip"
        return Response(page.gzipped, media_type=media_type, headers=sent)
    return Response(page.body, media_type=media_type, headers=sent)


async def cached_page(
    state: ApiState, request: Request, key: Hashable, build: Callable[[], BaseModel]
) -> Response:
    """The JSON body of ``build()`` from the list pages' cache (``kept_or_read``)."""

    def render() -> bytes:
        # by_alias as FastAPI serialises a response model, so a cached page is the same bytes.
        return build().model_dump_json(by_alias=True).encode("utf-8")

    page = await kept_or_read(state, state.pages, request, key, render)
    return page_response(request, state.pages, page, "application/json")


__all__ = [
    "GZIP_MIN_BYTES",
    "REVISION_HEADER",
    "accepts_gzip",
    "cached_page",
    "encoded_page",
    "etag_matches",
    "kept_or_read",
    "page_response",
    "query_key",
    "wants_fresh",
]
