"""Queries for situation reports (``sitroom.report``) that the general listings do not cover."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from sitroom.store import schema as t


def corpus_members_select(corpus_ids: Sequence[str]) -> sa.Select[Any]:
    """(corpus_event_id, document_id, event_id) of the mentions of these corpus events."""
    m = t.corpus_event_members
    return (
        sa.select(m.c.corpus_event_id, m.c.document_id, m.c.event_id)
        .where(m.c.corpus_event_id.in_(list(corpus_ids)))
        .order_by(m.c.corpus_event_id, m.c.document_id, m.c.event_id)
    )


__all__ = ["corpus_members_select"]
