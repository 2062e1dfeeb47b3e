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
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from typing import Any

import anyio
import anyio.to_thread
from fastapi import Request, Response
from pydantic import BaseModel

from sitroom.api.page_cache import Page, PageCache
from sitroom.api.state import ApiState

# The response header that says which store revision a page was read at.
REVISION_HEADER = "X-Sitroom-Revision"


def query_key(route: str, values: Mapping[str, Any], **more: Any) -> Hashable:
    """The cache key of a page: the route and its parsed parameters, in a fixed order."""
    return (route, tuple(sorted({**values, **more}.items())))


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
) -> tuple[bytes, dict[str, str]]:
    """The body ``build()`` gives, from ``cache`` as of at most its ``max_stale`` seconds ago
    (as of the request's arrival when it asks for a fresh one), with the headers that say how
    old it is (``Age``) and which store revision it was read at. A body that must be read is
    read on a worker thread (one of ``limiter``'s)."""
    arrived = cache.clock()
    oldest = arrived if wants_fresh(request) else arrived - cache.max_stale

    def refresh(previous: Page | None, read_at: float) -> Page:
        # The revision first: the rows read after it hold at least the writes it counts.
        revision = state.store.revision()
        if previous is not None and previous.revision == revision:
            return Page(previous.body, revision, read_at)  # nothing written since: renewed
        return Page(build(), revision, read_at)

    page = cache.lookup(key, oldest, refresh)
    if page is None:
        page = await anyio.to_thread.run_sync(cache.get, key, oldest, refresh, limiter=limiter)
    age = max(0, int(cache.clock() - page.read_at))
    return page.body, {"Age": str(age), REVISION_HEADER: str(page.revision)}


async def cached_page(
    state: ApiState, request: Request, key: Hashable, build: Callable[[], BaseModel]
) -> Response:
    """The JSON body of ``build()`` from the list pages' cache (``kept_or_read``)."""

    def render() -> bytes:
        # by_alias as FastAPI serialises a response model, so a cached page is the same bytes.
        return build().model_dump_json(by_alias=True).encode("utf-8")

    body, headers = await kept_or_read(state, state.pages, request, key, render)
    return Response(body, media_type="application/json", headers=headers)


__all__ = ["REVISION_HEADER", "cached_page", "kept_or_read", "query_key", "wants_fresh"]
