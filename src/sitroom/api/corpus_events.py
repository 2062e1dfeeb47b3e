"""Corpus events: happenings merged across articles (``Store.corpus_events``), with how many
independent sources report them and whether they are contested."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import Field

from sitroom.api.downloads import DOWNLOAD_RESPONSES, FormatParam, download
from sitroom.api.errors import ERROR_RESPONSES, not_found
from sitroom.api.events import DEFAULT_PAGE, After, Filters, Limit, download_limit, event_item
from sitroom.api.pages import cached_page, query_key
from sitroom.api.schemas import ApiModel, EventItem
from sitroom.api.state import State, require_read
from sitroom.service.describe import describe_listed
from sitroom.store import CorpusEventRow
from sitroom.store.export.corpus_columns import CORPUS_COLUMNS
from sitroom.store.export.text import corpus_feature

# More outlets than any corpus holds; the bound keeps the value inside a database integer.
MAX_SOURCES = 10_000

router = APIRouter(prefix="/api", dependencies=[Depends(require_read)], responses=ERROR_RESPONSES)


class CorpusEventItem(ApiModel):
    """One happening merged from its mentions in every stored article."""

    id: str
    type: str
    mode: str | None
    cameo: str
    quad: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    modality: str
    modalities: dict[str, int] = Field(description="Mentions per modality.")
    actor1: str | None
    actor2: str | None
    place: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: str | None
    fatalities: int | None
    fatalities_max: int | None
    mentions: int = Field(description="Event mentions merged into this one.")
    articles: int = Field(description="Articles reporting it, near-duplicates included.")
    sources: int = Field(description="Independent outlets: copies and one publisher count once.")
    publishers: list[str]
    first_seen: dt.date | None
    last_seen: dt.date | None
    contested: bool = Field(description="Claims for and against it, or mentions disagreeing.")
    claims_for: int
    claims_against: int
    confidence: float
    description: str = Field(
        "", description="What happened in one line: actors, place, outlets and date."
    )
    background: bool = Field(
        False, description="A background mention ('in 2006 ...'), not part of the news."
    )
    cursor: str = Field(description="Pass as `after` for the rows after this one.")


def corpus_item(row: CorpusEventRow) -> CorpusEventItem:
    return CorpusEventItem.from_row(
        row,
        cursor=row.cursor,
        description=describe_listed(row, row.publishers),
        background=bool(getattr(row, "background", False)),
    )


class CorpusEventPage(ApiModel):
    items: list[CorpusEventItem]
    next: str | None = Field(description="Cursor of the next page; null on the last page.")


class MergeLinkItem(ApiModel):
    document_a: str
    event_a: str
    document_b: str
    event_b: str
    reason: str = Field(description="Why the two mentions were judged one happening.")


class CorpusClaimItem(ApiModel):
    document_id: str
    claim_id: str
    event_id: str
    claimant: str | None
    stance: str
    text: str
    hedges: list[str]
    title: str | None
    publisher: str | None
    published: dt.date | None
    url: str | None


class CorpusEventDetailItem(ApiModel):
    event: CorpusEventItem
    mentions: list[EventItem] = Field(description="The stored events merged into this one.")
    links: list[MergeLinkItem]
    claims_for: list[CorpusClaimItem]
    claims_against: list[CorpusClaimItem]


@router.get(
    "/corpus-events",
    summary="Happenings merged across articles, filtered",
    response_model=CorpusEventPage,
    responses=DOWNLOAD_RESPONSES,
)
async def list_corpus_events(
    state: State,
    request: Request,
    filters: Filters,
    min_sources: Annotated[
        int | None,
        Query(
            ge=1, le=MAX_SOURCES, description="At least this many independent outlets (1..10000)."
        ),
    ] = None,
    contested: Annotated[
        bool | None, Query(description="true: only disputed ones; false: only undisputed.")
    ] = None,
    limit: Limit = DEFAULT_PAGE,
    after: After = None,
    fmt: FormatParam = "json",
) -> CorpusEventPage | Response:
    """Events merged across articles, latest first. Place, date, type and modality filters read
    the merged event; `actor` and `q` match when any mention's actors or article do. Pass `next`
    as `after` for the next page. `format=csv|jsonl|geojson` gives every match as a file."""
    if fmt != "json":
        query = filters.query(limit=download_limit(request, limit), after=after)
        merged = await run_in_threadpool(
            state.store.corpus_events, query, min_sources=min_sources, contested=contested
        )
        return download(
            merged, fmt, name="corpus-events", columns=CORPUS_COLUMNS, feature=corpus_feature
        )

    def page() -> CorpusEventPage:
        rows = state.store.corpus_events(
            filters.query(limit=limit + 1, after=after),
            min_sources=min_sources,
            contested=contested,
        )
        more = len(rows) > limit
        rows = rows[:limit]
        return CorpusEventPage(
            items=[corpus_item(row) for row in rows],
            next=rows[-1].cursor if more else None,
        )

    key = query_key(
        "corpus-events",
        filters.values,
        min_sources=min_sources,
        contested=contested,
        limit=limit,
        after=after,
    )
    return await cached_page(state, request, key, page)


@router.get("/corpus-events/{corpus_id}", summary="One merged event with its evidence")
def get_corpus_event(state: State, corpus_id: str) -> CorpusEventDetailItem:
    """The merged event, the article events it was merged from, why they were merged, and the
    claims for and against it with where each was published."""
    detail = state.store.corpus_event(corpus_id)
    if detail is None:
        raise not_found(f"corpus event {corpus_id}")
    return CorpusEventDetailItem(
        event=corpus_item(detail.event),
        mentions=[event_item(row) for row in detail.mentions],
        links=[MergeLinkItem.from_row(link) for link in detail.links],
        claims_for=[CorpusClaimItem.from_row(c) for c in detail.claims_for],
        claims_against=[CorpusClaimItem.from_row(c) for c in detail.claims_against],
    )


__all__ = ["CorpusEventItem", "corpus_item", "router"]
