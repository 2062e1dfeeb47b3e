"""Situation reports over HTTP: the same report ``sitroom report`` writes, as Markdown or as one
static HTML page (no scripts: it carries its own Content-Security-Policy)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from sitroom.api.errors import ERROR_RESPONSES
from sitroom.api.events import MAX_FILTER
from sitroom.api.pages import kept_or_read, page_response
from sitroom.api.state import State, require_read

router = APIRouter(prefix="/api", dependencies=[Depends(require_read)], responses=ERROR_RESPONSES)

# The page is static: nothing may run in it, whatever an article's text contains.
_REPORT_CSP = (
    "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


@router.get(
    "/report",
    summary="A situation report for a country and period",
    response_class=Response,
    responses={200: {"content": {"text/html": {}, "text/markdown": {}}}},
)
async def report(
    state: State,
    request: Request,
    country: Annotated[
        str | None, Query(description="ISO 3166-1 alpha-2 code.", max_length=MAX_FILTER)
    ] = None,
    date_from: Annotated[dt.date | None, Query(description="YYYY-MM-DD, inclusive.")] = None,
    date_to: Annotated[dt.date | None, Query(description="YYYY-MM-DD, inclusive.")] = None,
    format: Annotated[Literal["html", "md"], Query(description="html or md.")] = "html",
) -> Response:
    """Key messages, a figures box, developments by area, contested claims, quotes, an offline
    map and the source list, every statement footnoted with the articles it rests on. Built
    again at most once a minute while the store changes, and served up to five minutes old
    (the `Age` header says how old); `Cache-Control: no-cache` asks for one read after the
    request arrived."""

    def render() -> bytes:
        # The report reads the whole store: built in a process of its own
        # (api/report_builder.py), again only when the store changed since the last one.
        return state.report_builder.build(country, date_from, date_to, format).encode("utf-8")

    # Waiting for a report holds a thread for seconds. On threads of their own, requests
    # waiting for reports never take all the threads the list routes run on; past
    # REPORT_THREADS they wait in the event loop, holding no thread.
    key = (country, date_from, date_to, format)
    page = await kept_or_read(
        state, state.reports, request, key, render, limiter=state.report_threads()
    )
    # The kept bytes as they are: a report is megabytes, and decoding it to re-encode it cost
    # the event loop tens of milliseconds a request, during which no other request moved
    # (under bench/api_load.py the reports took more of the server than every list page).
    if format == "md":
        return page_response(request, state.reports, page, "text/markdown")
    headers = {"Content-Security-Policy": _REPORT_CSP, "X-Frame-Options": "DENY"}
    return page_response(request, state.reports, page, "text/html", headers)


__all__ = ["router"]
