"""List pages served from a cache of their JSON bodies, valid for one store revision.

Under an ingest, fifty clients asking for the event list mostly ask for the same few pages;
each used to run the same store query and serialise the same rows, and the server's one
interpreter did that work fifty times while the writer held the database. A page is now
computed once per store revision and normalised query (``api/cache.py``: concurrent requests
for a page being computed wait for it), and its bytes are sent as they are. The key is built
from the parsed parameters, not the raw query string, so ``since`` and ``date_from``, or a
repeated parameter and its comma-separated form, share one entry. Routes call this after their
dependencies ran: a request without the read token is refused before it can reach the cache.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from typing import Any

from fastapi import Response
from pydantic import BaseModel

from sitroom.api.state import ApiState


def query_key(route: str, values: Mapping[str, Any], **more: Any) -> Hashable:
    """The cache key of a page: the route and its parsed parameters, in a fixed order."""
    return (route, tuple(sorted({**values, **more}.items())))


def cached_page(state: ApiState, key: Hashable, build: Callable[[], BaseModel]) -> Response:
    """The JSON body of ``build()`` at the store's current revision, computed once per key."""

    def render() -> bytes:
        # by_alias as FastAPI serialises a response model, so a cached page is the same bytes.
        return build().model_dump_json(by_alias=True).encode("utf-8")

    body = state.pages.get(state.store.revision(), key, render)
    return Response(body, media_type="application/json")


__all__ = ["cached_page", "query_key"]
