"""Health, corpus statistics, and the actor and place catalogues."""

from __future__ import annotations

import datetime as dt
from importlib.metadata import PackageNotFoundError, version
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from sitroom.api.errors import ERROR_RESPONSES
from sitroom.api.events import DEFAULT_PAGE, MAX_FILTER, Limit
from sitroom.api.schemas import (
    ActorItem,
    ActorList,
    DayCount,
    Health,
    PlaceItem,
    PlaceList,
    Stats,
)
from sitroom.api.state import State, require_read
from sitroom.store.migrations import latest_version

router = APIRouter(prefix="/api", dependencies=[Depends(require_read)], responses=ERROR_RESPONSES)

Search = Annotated[str | None, Query(description="Substring of the name.", max_length=200)]


def _version() -> str:
    try:
        return version("sitroom")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


@router.get("/health", summary="Liveness and database check")
def health(state: State) -> Health:
    """Answers 200 when the database is reachable and at this sitroom's schema version (the
    store checks it on first use) and passes a quick integrity probe, 503 otherwise."""
    state.store.check_integrity()
    documents = state.store.summary().documents
    return Health(version=_version(), schema_version=latest_version(), documents=documents)


@router.get("/stats", summary="Counts per day, quad, type and country")
def stats(
    state: State,
    date_from: Annotated[dt.date | None, Query(description="YYYY-MM-DD, inclusive.")] = None,
    date_to: Annotated[dt.date | None, Query(description="YYYY-MM-DD, inclusive.")] = None,
    country: Annotated[
        str | None, Query(description="ISO 3166-1 alpha-2 code.", max_length=MAX_FILTER)
    ] = None,
) -> Stats:
    """Documents, events and claims; events per day (split by quad), per PLOVER type and per
    country. With a filter, documents and claims count those of documents with a matching
    event."""
    found = state.store.stats(date_from=date_from, date_to=date_to, country=country)
    return Stats(
        documents=found.documents,
        events=found.events,
        claims=found.claims,
        by_day=[DayCount(day=d.day, events=d.events, by_quad=d.by_quad) for d in found.by_day],
        by_type=found.by_type,
        by_country=found.by_country,
    )


@router.get("/actors", summary="Actors across documents")
def actors(state: State, q: Search = None, limit: Limit = DEFAULT_PAGE) -> ActorList:
    """Entities grouped by canonical name, with their aliases and the number of documents
    naming them, most documents first. `q` matches the name or any alias, ignoring case."""
    return ActorList(
        items=[ActorItem.from_row(row) for row in state.store.actors(q=q, limit=limit)]
    )


@router.get("/places", summary="Places across documents")
def places(state: State, q: Search = None, limit: Limit = DEFAULT_PAGE) -> PlaceList:
    """Places grouped by name and country, with kind, province, coordinates and the number of
    documents naming them, most documents first."""
    return PlaceList(
        items=[PlaceItem.from_row(row) for row in state.store.places(q=q, limit=limit)]
    )


__all__ = ["router"]
