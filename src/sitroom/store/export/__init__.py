"""Exports of stored events and extractions: CSV (ACLED columns), JSON Lines, GeoJSON, Parquet,
and the plain-text table of ``sitroom events``.

Importing this package loads neither pyarrow nor the NLP stack; Parquet loads pyarrow on use.
"""

from __future__ import annotations

from sitroom.store.export.columns import COLUMNS, CSV_COLUMNS, notes, time_precision
from sitroom.store.export.files import FORMATS, TEXT_FORMATS, write_export, write_text_export
from sitroom.store.export.parquet import require_pyarrow, to_parquet
from sitroom.store.export.text import (
    extraction_record,
    geojson_feature,
    to_csv,
    to_extractions_jsonl,
    to_geojson,
    to_jsonl,
    to_table,
)

__all__ = [
    "COLUMNS",
    "CSV_COLUMNS",
    "FORMATS",
    "TEXT_FORMATS",
    "extraction_record",
    "geojson_feature",
    "notes",
    "require_pyarrow",
    "time_precision",
    "to_csv",
    "to_extractions_jsonl",
    "to_geojson",
    "to_jsonl",
    "to_parquet",
    "to_table",
    "write_export",
    "write_text_export",
]
