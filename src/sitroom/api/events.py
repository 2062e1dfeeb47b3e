"""``GET /api/events`` (every ``EventQuery`` filter, cursor pages) and one event in context."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import StringConstraints

from sitroom.api.downloads import DOWNLOAD_RESPONSES, FormatParam, download
from sitroom.api.errors import ERROR_RESPONSES, not_found
from sitroom.api.pages import cached_page, query_key
from sitroom.api.schemas import DocumentMeta, EventDetail, EventItem, EventPage, NamedRef
from sitroom.api.state import State, require_read
from sitroom.errors import StoreError
from sitroom.model import Extraction
from sitroom.service.describe import describe_listed
from sitroom.store import EventQuery, EventRow
from sitroom.store.export.columns import COLUMNS
from sitroom.store.export.text import geojson_feature

MAX_PAGE = 500
# Longest value of one string filter: longer than any real name or code, short enough that a
# hostile value is refused (422) before it reaches the database.
MAX_FILTER = 200
DEFAULT_PAGE = 50
# Rows read from the store per query while a download streams.
DOWNLOAD_PAGE = 1000

router = APIRouter(prefix="/api", dependencies=[Depends(require_read)], responses=ERROR_RESPONSES)

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page size (1..500).")]
After = Annotated[
    str | None, Query(description="The `next` cursor of the previous page.", max_length=400)
]


def parse_bbox(bbox: str | None) -> tuple[float, float, float, float] | None:
    """``min_lon,min_lat,max_lon,max_lat``; EventQuery checks the numbers and ranges (S507)."""
    if bbox is None:
        return None
    try:
        min_lon, min_lat, max_lon, max_lat = (float(part) for part in bbox.split(","))
    except ValueError:
        raise StoreError(
            f"bbox must be four numbers min_lon,min_lat,max_lon,max_lat, not {bbox!r}",
            code="S507",
        ) from None
    return (min_lon, min_lat, max_lon, max_lat)


# One value of a filter that takes several, length-limited like the single-valued ones; on
# the list itself, ``max_length`` bounds how many values one request may repeat.
FilterValue = Annotated[str, StringConstraints(max_length=MAX_FILTER)]

Several = Annotated[
    list[str] | None,
    Query(description="Repeat the parameter or separate values with commas; any one matches."),
]


class EventFilters:
    """The parsed filters of a listing (``event_filters``), by EventQuery's field names."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values

    def query(self, *, limit: int | None = None, after: str | None = None) -> EventQuery:
        return EventQuery(**self.values, limit=limit, after=after)


async def event_filters(
    type: Annotated[
        list[FilterValue] | None,
        Query(max_length=MAX_FILTER, description="PLOVER type, e.g. FIGHT; several allowed."),
    ] = None,
    country: Annotated[
        list[FilterValue] | None,
        Query(max_length=MAX_FILTER, description="ISO 3166-1 alpha-2 code; several allowed."),
    ] = None,
    since: Annotated[dt.date | None, Query(description="YYYY-MM-DD, inclusive.")] = None,
    until: Annotated[dt.date | None, Query(description="YYYY-MM-DD, inclusive.")] = None,
    date_from: Annotated[
        dt.date | None, Query(description="Older name of `since`.", deprecated=True)
    ] = None,
    date_to: Annotated[
        dt.date | None, Query(description="Older name of `until`.", deprecated=True)
    ] = None,
    actor: Annotated[
        str | None,
        Query(description="Substring of actor 1 or 2, any alias.", max_length=MAX_FILTER),
    ] = None,
    modality: Annotated[
        list[FilterValue] | None,
        Query(max_length=MAX_FILTER, description="asserted, claimed, denied…; several allowed."),
    ] = None,
    quad: Annotated[
        list[FilterValue] | None,
        Query(max_length=MAX_FILTER, description="e.g. material_conflict; several allowed."),
    ] = None,
    acled_event_type: Annotated[
        list[FilterValue] | None,
        Query(max_length=MAX_FILTER, description="e.g. Battles; several allowed."),
    ] = None,
    admin1: Annotated[
        str | None, Query(description="Province, whole name.", max_length=MAX_FILTER)
    ] = None,
    bbox: Annotated[
        str | None,
        Query(
            description="min_lon,min_lat,max_lon,max_lat",
            examples=["60,29,75,39"],
            max_length=MAX_FILTER,
        ),
    ] = None,
    q: Annotated[
        str | None, Query(description="Words in the document (stemmed).", max_length=500)
    ] = None,
    include_background: Annotated[
        bool,
        Query(
            description="Also background mentions ('in 2006 …', 'since 2015 …') and "
            "happenings mentioned only as background; left out by default."
        ),
    ] = False,
) -> EventFilters:
    """The query parameters of EventQuery, shared by the event and corpus-event listings.

    ``since``/``until`` are the dates (the CLI's names); ``date_from``/``date_to`` are the older
    names, still accepted. type, country, modality, quad and acled_event_type take several
    values: ``type=FIGHT&type=ASSAULT`` or ``type=FIGHT,ASSAULT``. A coroutine although it
    does no I/O: FastAPI would run a plain function on a worker thread (api/state.py).
    """
    return EventFilters(
        {
            "type": _several(type),
            "country": _several(country),
            "date_from": since or date_from,
            "date_to": until or date_to,
            "actor": actor,
            "modality": _several(modality),
            "quad": _several(quad),
            "acled_event_type": _several(acled_event_type),
            "admin1": admin1,
            "bbox": parse_bbox(bbox),
            "text": q,
            "include_background": include_background,
        }
    )


def _several(values: list[str] | None) -> tuple[str, ...] | None:
    return tuple(values) if values else None


Filters = Annotated[EventFilters, Depends(event_filters)]


def event_item(row: EventRow) -> EventItem:
    return EventItem.from_row(
        row,
        cursor=row.cursor,
        description=describe_listed(row, [row.publisher] if row.publisher else []),
        # Filled once the store keeps the flag; until then every stored event is news.
        background=bool(getattr(row, "background", False)),
    )


def download_limit(request: Request, limit: int) -> int | None:
    """A download holds every matching row unless the request sets ``limit`` itself."""
    return limit if "limit" in request.query_params else None


@router.get(
    "/events",
    summary="List events, filtered, latest first",
    response_model=EventPage,
    responses=DOWNLOAD_RESPONSES,
)
async def list_events(
    state: State,
    request: Request,
    filters: Filters,
    limit: Limit = DEFAULT_PAGE,
    after: After = None,
    fmt: FormatParam = "json",
) -> EventPage | Response:
    """Events matching every filter given, latest first (undated last), then by document and
    event id. Pass `next` as `after` for the next page; cursors stay valid while documents are
    added. `format=csv|jsonl|geojson` gives every matching event as a file instead."""
    if fmt != "json":
        # The rows are read as the file streams, on Starlette's worker threads.
        query = filters.query(limit=download_limit(request, limit), after=after)
        found = state.store.iter_events(query, page_size=DOWNLOAD_PAGE)
        return download(found, fmt, name="events", columns=COLUMNS, feature=geojson_feature)

    def page() -> EventPage:
        # One extra row tells whether a next page exists, without an empty last page.
        rows = state.store.events(filters.query(limit=limit + 1, after=after))
        more = len(rows) > limit
        rows = rows[:limit]
        return EventPage(
            items=[event_item(row) for row in rows],
            next=rows[-1].cursor if more else None,
        )

    key = query_key("events", filters.values, limit=limit, after=after)
    return await cached_page(state, request, key, page)


def _named(extraction: Extraction, record_id: str | None) -> NamedRef | None:
    if record_id is None:
        return None
    for entity in extraction.entities:
        if entity.id == record_id:
            return NamedRef(id=record_id, name=entity.name)
    for place in extraction.places:
        if place.id == record_id:
            return NamedRef(id=record_id, name=place.name)
    return NamedRef(id=record_id, name=record_id)


def document_meta(extraction: Extraction) -> DocumentMeta:
    doc = extraction.document
    return DocumentMeta(**doc.model_dump(exclude={"text"}))


@router.get("/events/{document_id}/{event_id}", summary="One event with its sentence and claims")
def get_event(state: State, document_id: str, event_id: str) -> EventDetail:
    """The event as stored, the sentence and trigger it was read from (text and offsets), its
    actors and place by name, the document's metadata, and the claims about it."""
    extraction = state.store.get_extraction(document_id)
    event = None
    if extraction is not None:
        event = next((e for e in extraction.events if e.id == event_id), None)
    if extraction is None or event is None:
        raise not_found(f"event {document_id}/{event_id}")
    text = extraction.document.text
    return EventDetail(
        document=document_meta(extraction),
        event=event,
        sentence=text[event.sentence[0] : event.sentence[1]],
        sentence_span=event.sentence,
        trigger=text[event.trigger[0] : event.trigger[1]],
        trigger_span=event.trigger,
        actor1=_named(extraction, event.actor1),
        actor2=_named(extraction, event.actor2),
        attributed_to=_named(extraction, event.attributed_to),
        place=_named(extraction, event.place),
        claims=[claim for claim in extraction.claims if claim.event == event_id],
    )


__all__ = [
    "DOWNLOAD_PAGE",
    "MAX_FILTER",
    "MAX_PAGE",
    "After",
    "EventFilters",
    "FilterValue",
    "Filters",
    "Limit",
    "document_meta",
    "download_limit",
    "event_filters",
    "router",
]
