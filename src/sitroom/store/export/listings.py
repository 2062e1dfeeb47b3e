"""The export columns of the other listings: claims of the ledger and recorded inputs.

Same ``Column`` type as the event exports, so ``sitroom claims --format csv`` and the API's
``/api/claims?format=csv`` write the same header.
"""

from __future__ import annotations

from sitroom.store.export.columns import Column

CLAIM_COLUMNS: tuple[Column, ...] = (
    Column("document_id", "string", lambda r: r.document_id),
    Column("claim_id", "string", lambda r: r.claim_id),
    Column("claimant", "string", lambda r: r.claimant),
    Column("stance", "string", lambda r: r.stance),
    Column("text", "string", lambda r: " ".join(r.text.split())),
    Column("hedges", "string", lambda r: "; ".join(r.hedges or []) or None),
    Column("event_id", "string", lambda r: r.event_id),
    Column("event_type", "string", lambda r: r.event_type),
    Column("contested", "int", lambda r: int(r.contested)),
    Column("title", "string", lambda r: r.title),
)

INPUT_COLUMNS: tuple[Column, ...] = (
    Column("source", "string", lambda r: r.source),
    Column("status", "string", lambda r: r.status),
    Column("document_id", "string", lambda r: r.document_id),
    Column("code", "string", lambda r: r.code),
    Column("reason", "string", lambda r: r.reason),
    Column("title", "string", lambda r: r.title),
    Column("published_from", "string", lambda r: r.published_from),
    Column("language", "string", lambda r: r.language),
    Column("updated_at", "string", lambda r: r.updated_at.isoformat(timespec="seconds")),
)

__all__ = ["CLAIM_COLUMNS", "INPUT_COLUMNS"]
