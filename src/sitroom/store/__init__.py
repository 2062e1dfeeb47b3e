"""Storage of extractions in SQLite or PostgreSQL, and the queries the CLI and reports need.

This package imports only ``sitroom.model``, ``sitroom.errors`` and third-party libraries, never
the NLP stages, so reading a database does not load spaCy.
"""

from __future__ import annotations

from sitroom.store.catalog import DocumentListing, LedgerRow, PlaceSummary
from sitroom.store.contested import ContestedContext
from sitroom.store.corpus_query import CorpusClaim, CorpusEventDetail, CorpusEventRow, MergeLink
from sitroom.store.crossdoc import CrossContradiction
from sitroom.store.intake import InputRecord, InputRow, InputStatus
from sitroom.store.queries import (
    ClaimRow,
    ContestedClaim,
    DocumentRow,
    EventQuery,
    EventRow,
    StoreSummary,
)
from sitroom.store.registry import ActorSummary
from sitroom.store.stats import CorpusStats, DayCount
from sitroom.store.store import Store

__all__ = [
    "ActorSummary",
    "ClaimRow",
    "ContestedClaim",
    "ContestedContext",
    "CorpusClaim",
    "CorpusEventDetail",
    "CorpusEventRow",
    "CorpusStats",
    "CrossContradiction",
    "DayCount",
    "DocumentListing",
    "DocumentRow",
    "EventQuery",
    "EventRow",
    "InputRecord",
    "InputRow",
    "InputStatus",
    "LedgerRow",
    "MergeLink",
    "PlaceSummary",
    "Store",
    "StoreSummary",
]
