"""The text exports: CSV, JSON Lines of events or of whole extractions, GeoJSON and a table.

CSV, JSON Lines of events, GeoJSON properties and Parquet share one column vocabulary: the
names of ``columns.COLUMNS`` for event mentions and ``corpus_columns.CORPUS_COLUMNS`` for corpus
events. Each writer streams: it takes an iterable and writes as it goes, so an export of a
large store never holds all of it in memory. Each returns the number of records written.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from sitroom.model import Extraction
from sitroom.store.corpus_query import CorpusEventRow
from sitroom.store.export.columns import COLUMNS, Column, iso, record
from sitroom.store.export.corpus_columns import CORPUS_COLUMNS
from sitroom.store.queries import EventRow


def to_csv(rows: Iterable[Any], fh: TextIO, columns: tuple[Column, ...] = COLUMNS) -> int:
    """Write a header and one line per row; return the number of rows.

    Open ``fh`` with ``newline=""`` as the csv module requires. Empty cells mean unknown.
    """
    writer = csv.writer(fh)
    writer.writerow([column.name for column in columns])
    count = 0
    for row in rows:
        writer.writerow([iso(value) for value in record(row, columns)])
        count += 1
    return count


def _json_default(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot encode {type(value).__name__} as JSON")


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=_json_default)


def columns_of(row: EventRow | CorpusEventRow) -> tuple[Column, ...]:
    """The export columns of a row: those of a corpus event or of an event mention."""
    return CORPUS_COLUMNS if isinstance(row, CorpusEventRow) else COLUMNS


def event_properties(
    row: EventRow | CorpusEventRow, columns: tuple[Column, ...] | None = None
) -> dict[str, Any]:
    """The row as a JSON-ready mapping keyed by the export's column names (as in the CSV)."""
    chosen = columns or columns_of(row)
    return {
        column.name: iso(value) for column, value in zip(chosen, record(row, chosen), strict=True)
    }


def to_jsonl(
    rows: Iterable[EventRow | CorpusEventRow], fh: TextIO, columns: tuple[Column, ...] | None = None
) -> int:
    """Write one JSON object per line, keyed by the CSV's column names."""
    count = 0
    for row in rows:
        fh.write(_dumps(event_properties(row, columns)))
        fh.write("\n")
        count += 1
    return count


def extraction_record(
    extraction: Extraction, corpus: dict[str, str] | None = None
) -> dict[str, Any]:
    """The extraction contract as JSON, plus ``corpus``: event id -> corpus event id."""
    data = extraction.model_dump(mode="json", by_alias=True)
    data["corpus"] = dict(sorted((corpus or {}).items()))
    return data


def to_extractions_jsonl(
    extractions: Iterable[Extraction],
    fh: TextIO,
    corpus_ids: Callable[[str], dict[str, str]] | None = None,
) -> int:
    """Write one extraction per line, as ``extraction_record`` gives it; ``corpus_ids`` maps a
    document id to its events' corpus event ids."""
    count = 0
    for extraction in extractions:
        ids = corpus_ids(extraction.document.id) if corpus_ids else None
        fh.write(_dumps(extraction_record(extraction, ids)))
        fh.write("\n")
        count += 1
    return count


def _feature(row: EventRow | CorpusEventRow, feature_id: str) -> dict[str, Any]:
    """One RFC 7946 Feature: a Point at the place when it has coordinates, else no geometry."""
    geometry = None
    if row.lat is not None and row.lon is not None:
        geometry = {"type": "Point", "coordinates": [row.lon, row.lat]}
    return {
        "type": "Feature",
        "id": feature_id,
        "geometry": geometry,
        "properties": event_properties(row),
    }


def geojson_feature(row: EventRow) -> dict[str, Any]:
    """One Feature per event mention, identified as ``document:event``."""
    return _feature(row, f"{row.document_id}:{row.event_id}")


def corpus_feature(row: CorpusEventRow) -> dict[str, Any]:
    """One Feature per corpus event, identified by its corpus id."""
    return _feature(row, row.id)


def located(row: EventRow | CorpusEventRow) -> bool:
    return row.lat is not None and row.lon is not None


def to_geojson(
    rows: Iterable[Any],
    fh: TextIO,
    feature: Callable[[Any], dict[str, Any]] = geojson_feature,
    *,
    include_unlocated: bool = False,
) -> int:
    """Write a FeatureCollection with one Feature per row, one Feature per line.

    Rows whose place has no coordinates are left out, since GIS tools expect every feature to
    have a geometry; ``include_unlocated`` keeps them, with a null geometry (RFC 7946 allows it).
    """
    fh.write('{"type": "FeatureCollection", "features": [')
    count = 0
    for row in rows:
        if not include_unlocated and not located(row):
            continue
        fh.write(",\n" if count else "\n")
        fh.write(_dumps(feature(row)))
        count += 1
    fh.write("\n]}\n")
    return count


@dataclasses.dataclass(frozen=True)
class _Column:
    header: str
    cell: Callable[[EventRow], object]
    width: int
    right: bool = False


_TABLE: tuple[_Column, ...] = (
    _Column("DATE", lambda r: r.date_start, 10),
    _Column("TYPE", lambda r: r.type, 11),
    _Column("MODALITY", lambda r: r.modality, 12),
    _Column("ACTOR1", lambda r: r.actor1, 22),
    _Column("ACTOR2", lambda r: r.actor2, 22),
    _Column("PLACE", lambda r: r.place, 18),
    _Column("CC", lambda r: r.country, 2),
    _Column("DEAD", lambda r: r.fatalities, 5, right=True),
)


def _fit(value: object, width: int) -> str:
    text = "—" if value is None else " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def to_table(rows: Iterable[EventRow]) -> str:
    """A compact fixed-width table for terminals; long cells are cut with an ellipsis."""
    cells = [[_fit(col.cell(row), col.width) for col in _TABLE] for row in rows]
    if not cells:
        return "no events\n"
    widths = [
        max(len(col.header), *(len(line[i]) for line in cells)) for i, col in enumerate(_TABLE)
    ]

    def render(line: list[str]) -> str:
        parts = [
            text.rjust(width) if col.right else text.ljust(width)
            for text, width, col in zip(line, widths, _TABLE, strict=True)
        ]
        return "  ".join(parts).rstrip()

    header = render([col.header for col in _TABLE])
    rule = "  ".join("-" * width for width in widths)
    return "\n".join([header, rule, *(render(line) for line in cells)]) + "\n"


__all__ = [
    "columns_of",
    "corpus_feature",
    "event_properties",
    "extraction_record",
    "geojson_feature",
    "located",
    "to_csv",
    "to_extractions_jsonl",
    "to_geojson",
    "to_jsonl",
    "to_table",
]
