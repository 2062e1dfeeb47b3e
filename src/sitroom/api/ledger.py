"""The claims ledger and its contradictions, within one article and across articles."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response

from sitroom.api.downloads import DOWNLOAD_RESPONSES, FormatParam, download
from sitroom.api.errors import ERROR_RESPONSES
from sitroom.api.events import (
    DEFAULT_PAGE,
    MAX_FILTER,
    After,
    FilterValue,
    Limit,
    download_limit,
)
from sitroom.api.schemas import ClaimItem, ClaimPage, ClaimSide, ContradictionItem, Contradictions
from sitroom.api.state import State, require_read
from sitroom.store import ContestedClaim, ContestedContext, CrossContradiction
from sitroom.store.catalog import LedgerRow
from sitroom.store.export.listings import CLAIM_COLUMNS

router = APIRouter(prefix="/api", dependencies=[Depends(require_read)], responses=ERROR_RESPONSES)


def _hedges(raw: object) -> list[str]:
    # The store hands hedges back as the JSON list it keeps; tolerate the decoded form too.
    value = json.loads(raw) if isinstance(raw, str) else raw
    return [str(h) for h in value] if isinstance(value, list) else []


def _claim_item(row: LedgerRow) -> ClaimItem:
    return ClaimItem.from_row(row, hedges=_hedges(row.hedges), cursor=row.cursor)


@router.get(
    "/claims",
    summary="The claims ledger, paged",
    response_model=ClaimPage,
    responses=DOWNLOAD_RESPONSES,
)
def list_claims(
    state: State,
    request: Request,
    contested: Annotated[
        bool | None,
        Query(description="true: only claims in a contradiction; false: only the others."),
    ] = None,
    limit: Limit = DEFAULT_PAGE,
    after: After = None,
    fmt: FormatParam = "json",
) -> ClaimPage | Response:
    """Every stored claim with its claimant (entity name or text as written), stance, hedges,
    the event it is about and whether it is contested, by document then order in the text.
    `format=csv|jsonl` gives every matching claim as a file (no `after`)."""
    if fmt != "json":
        claims = [
            row
            for row in state.store.claims(limit=download_limit(request, limit))
            if contested is None or row.contested == contested
        ]
        return download(claims, fmt, name="claims", columns=CLAIM_COLUMNS)
    rows = state.store.claim_page(limit=limit + 1, after=after, contested=contested)
    more = len(rows) > limit
    rows = rows[:limit]
    return ClaimPage(
        items=[_claim_item(row) for row in rows],
        next=rows[-1].cursor if more else None,
    )


def _within(sides: list[ContestedClaim]) -> list[ContradictionItem]:
    """Pairs from ``Store.contested_claims``, which lists both sides of each pair."""
    by_claim = {(s.document_id, s.claim_id): s for s in sides}
    pairs: list[ContradictionItem] = []
    seen: set[tuple[str, frozenset[str]]] = set()
    for side in sides:
        key = (side.document_id, frozenset((side.claim_id, side.opposing_claim_id)))
        other = by_claim.get((side.document_id, side.opposing_claim_id))
        if key in seen or other is None:
            continue
        seen.add(key)
        pairs.append(
            ContradictionItem(
                scope="document",
                a=ClaimSide.from_row(side),
                b=ClaimSide.from_row(other),
                reason=side.reason,
            )
        )
    return pairs


def _across(pair: CrossContradiction) -> ContradictionItem:
    return ContradictionItem(
        scope="corpus",
        a=ClaimSide(
            document_id=pair.assert_document,
            title=pair.assert_title,
            claim_id=pair.assert_claim,
            claimant=pair.assert_claimant,
            stance="assert",
            text=pair.assert_text,
        ),
        b=ClaimSide(
            document_id=pair.deny_document,
            title=pair.deny_title,
            claim_id=pair.deny_claim,
            claimant=pair.deny_claimant,
            stance="deny",
            text=pair.deny_text,
        ),
        reason=pair.reason,
    )


def _in_context(item: ContradictionItem, known: dict[tuple[str, str], ContestedContext]) -> Any:
    """The item with what is disputed, each side's name, outlet and day, and where."""
    a = known.get((item.a.document_id, item.a.claim_id))
    b = known.get((item.b.document_id, item.b.claim_id))
    found = [c for c in (a, b) if c is not None]
    days = [c.date for c in found if c.date] or [c.published for c in found if c.published]
    located = next((c for c in found if c.country), None) or next(
        (c for c in found if c.place), None
    )

    def side(claim: ClaimSide, context: ContestedContext | None) -> ClaimSide:
        if context is None:
            return claim
        return claim.model_copy(
            update={
                "side": context.side,
                "publisher": context.publisher,
                "published": context.published,
            }
        )

    return item.model_copy(
        update={
            "a": side(item.a, a),
            "b": side(item.b, b),
            "proposition": next((c.proposition for c in found if c.proposition), None),
            "place": located.place if located else None,
            "country": located.country if located else None,
            "date": min(days) if days else None,
        }
    )


def _matches(
    item: ContradictionItem,
    countries: set[str] | None,
    first: dt.date | None,
    last: dt.date | None,
) -> bool:
    if countries is not None and (item.country or "").upper() not in countries:
        return False
    if (first or last) and item.date is None:
        return False
    return not (
        (first and item.date and item.date < first) or (last and item.date and item.date > last)
    )


@router.get("/contradictions", summary="Contradicting claims, within and across articles")
def list_contradictions(
    state: State,
    scope: Annotated[
        str | None,
        Query(
            pattern="^(document|corpus)$",
            description="document: within one article; corpus: across articles; both if unset.",
        ),
    ] = None,
    country: Annotated[
        list[FilterValue] | None,
        Query(max_length=MAX_FILTER, description="ISO 3166-1 alpha-2 code; several allowed."),
    ] = None,
    date_from: Annotated[dt.date | None, Query(description="YYYY-MM-DD, inclusive.")] = None,
    date_to: Annotated[dt.date | None, Query(description="YYYY-MM-DD, inclusive.")] = None,
) -> Contradictions:
    """Pairs of claims at odds: one claimant asserts what another denies. Within-document pairs
    come from each article's extraction; cross-article pairs (`scope: corpus`, assert side
    first as `a`) were found when the later article was stored. Each pair says what is
    disputed (`proposition`), each side's name, outlet and publication day, and where and when
    when the claims say. `country` keeps pairs about a place in that country; `date_from` and
    `date_to` keep pairs whose day (the day disputed, else the first publication day) is in
    the range."""
    items: list[ContradictionItem] = []
    if scope in (None, "document"):
        items.extend(_within(state.store.contested_claims()))
    if scope in (None, "corpus"):
        items.extend(_across(pair) for pair in state.store.cross_contradictions())
    if items:
        known = {(c.document_id, c.claim_id): c for c in state.store.contested_context()}
        items = [_in_context(item, known) for item in items]
    # Values may be repeated or comma-separated, like the event filters.
    wanted = {v.strip().upper() for value in country or [] for v in value.split(",") if v.strip()}
    items = [i for i in items if _matches(i, wanted or None, date_from, date_to)]
    return Contradictions(items=items)


__all__ = ["router"]
