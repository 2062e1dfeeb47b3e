"""Documents: the paged list, one document with its extraction and highlights, and adding one
(``POST``, token required) through the service layer's ingestion, duplicates included."""

from __future__ import annotations

import dataclasses
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from sitroom.api.errors import ERROR_RESPONSES, UNAVAILABLE, not_found
from sitroom.api.events import DEFAULT_PAGE, After, Limit
from sitroom.api.highlights import highlights
from sitroom.api.pages import cached_page, query_key
from sitroom.api.schemas import (
    DocumentDetail,
    DocumentPage,
    DocumentSummary,
    ErrorResponse,
    IngestResult,
    IngestStatus,
    NewDocument,
)
from sitroom.api.state import ApiState, State, TokenFirstRoute, require_read, require_write
from sitroom.errors import ApiError, EmptyTextError, ModelError
from sitroom.model import Extraction

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)
# Writes: the token is checked before the body is read (see TokenFirstRoute).
write_router = APIRouter(prefix="/api", responses=ERROR_RESPONSES, route_class=TokenFirstRoute)


@router.get(
    "/documents",
    summary="List stored documents",
    response_model=DocumentPage,
    dependencies=[Depends(require_read)],
)
async def list_documents(
    state: State,
    request: Request,
    limit: Limit = DEFAULT_PAGE,
    after: After = None,
    q: Annotated[
        str | None, Query(description="Words in title, text or quotes.", max_length=500)
    ] = None,
) -> Response:
    """Documents in the order they were stored, without their text, with event and claim
    counts. Pass `next` as `after` for the next page."""

    def page() -> DocumentPage:
        rows = state.store.document_page(limit=limit + 1, after=after, q=q)
        more = len(rows) > limit
        rows = rows[:limit]
        return DocumentPage(
            items=[DocumentSummary.from_row(row, cursor=row.cursor) for row in rows],
            next=rows[-1].cursor if more else None,
        )

    key = query_key("documents", {}, q=q, limit=limit, after=after)
    return await cached_page(state, request, key, page)


@router.get(
    "/documents/{document_id}",
    summary="One document: its extraction and the spans to highlight",
    dependencies=[Depends(require_read)],
)
def get_document(state: State, document_id: str) -> DocumentDetail:
    """The stored extraction in the `sitroom.extraction/1` contract (text included), plus
    `highlights`: every entity mention, place, time, event trigger, quote, claim and figure as
    `{start, end, kind, label, ref}`, sorted by start, for a source view."""
    extraction = state.store.get_extraction(document_id)
    if extraction is None:
        raise not_found(f"document {document_id}")
    return DocumentDetail(
        extraction=extraction,
        highlights=highlights(extraction),
        near_duplicate_of=[original for original, _ in state.store.near_duplicate_of(document_id)],
    )


def _counts(extraction: Extraction | None) -> dict[str, int]:
    if extraction is None:
        return {}
    kinds = ("entities", "places", "times", "events", "quotes", "claims", "contradictions")
    return {kind: len(getattr(extraction, kind)) for kind in (*kinds, "figures")}


def _ingest(state: ApiState, body: NewDocument) -> IngestResult:
    # Imported on first POST only: ingestion pulls in the readers' libraries and spaCy.
    from sitroom.ingest.meta import build_item, repair
    from sitroom.ingest.source import Source
    from sitroom.service import ingest_items

    item = build_item(
        Source(location="api"),
        repair(body.text),
        title=body.title,
        url=body.url,
        publisher=body.publisher,
        dates=[(body.published, "argument")],
    )
    if item.document is None:
        raise EmptyTextError("the text is empty", code="S202")
    document_id = item.document.id
    # The source names the content, so posting the same text again is recognised as done.
    item = dataclasses.replace(item, source=f"api:{document_id}")
    with state.ingest_lock:
        try:
            extractor = state.extractor()
        except ModelError as err:
            raise ApiError(
                f"the language model cannot be loaded: {err.message}", code=UNAVAILABLE, status=503
            ) from err
        report = ingest_items([item], state.store, extractor, batch_size=1)
    if report.errors:
        _, code, reason = report.errors[0]
        raise ApiError(reason, code=code, status=422)
    status: IngestStatus = "processed"
    if report.duplicates or report.skipped:
        status = "duplicate"
    elif report.near_duplicates:
        status = "near_duplicate"
    elif report.unsupported:
        status = "unsupported"
    originals = state.store.near_duplicate_of(document_id)
    return IngestResult(
        document_id=document_id,
        status=status,
        near_duplicate_of=originals[0][0] if originals else None,
        counts=_counts(state.store.get_extraction(document_id)),
    )


@write_router.post(
    "/documents",
    summary="Add an article: extract and store it (token required)",
    status_code=201,
    dependencies=[Depends(require_write)],
    responses={
        200: {"model": IngestResult, "description": "This text was already stored."},
        403: {"model": ErrorResponse, "description": "Writes disabled: no token set (S603)"},
        413: {"model": ErrorResponse, "description": "Body over the size limit (S606)"},
    },
)
def add_document(state: State, body: NewDocument, response: Response) -> IngestResult:
    """Runs the pipeline on `text` and stores the result; answers 201 with the new document's
    id, or 200 when the same text is already stored (`status: duplicate`). A text that nearly
    repeats a stored one is stored unextracted and linked to it (`near_duplicate`). Needs
    `Authorization: Bearer <SITROOM_API_TOKEN>`. The first call loads the language model."""
    if not body.text.strip():
        raise EmptyTextError("the text is empty", code="S202")
    result = _ingest(state, body)
    # Who adds a document sees it in the next list from this server process, whatever the
    # staleness bound of cached pages (api/page_cache.py).
    state.pages.expire()
    if result.status == "duplicate":
        response.status_code = 200
    return result


__all__ = ["router", "write_router"]
