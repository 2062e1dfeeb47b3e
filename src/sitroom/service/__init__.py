"""The one place that wires ingest → nlp → store."""

from __future__ import annotations

from sitroom.service.extractor import Extractor
from sitroom.service.intake import IngestReport, ingest_items

__all__ = ["Extractor", "IngestReport", "ingest_items"]
