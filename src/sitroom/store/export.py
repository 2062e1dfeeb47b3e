"""Rendering ``EventRow``s as CSV (ACLED-style columns), JSON Lines and a plain-text table."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from sitroom.store.queries import EventRow

# ACLED's own column names first, so ACLED tooling can read the file; sitroom's extras follow.
CSV_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "fatalities",
    "notes",
    "plover_type",
    "plover_mode",
    "cameo",
    "quad",
    "modality",
    "attributed_to",
    "confidence",
    "document_id",
    "url",
)

# ACLED's time_precision: 1 the day is known, 2 within about a week, 3 only the month or wider.
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


def time_precision(row: EventRow) -> int | None:
    if row.date_start is None:
        return None
    if row.date_precision in _TIME_PRECISION:
        return _TIME_PRECISION[row.date_precision]
    # A "range" (or unknown precision) is graded by how long the interval is.
    days = ((row.date_end or row.date_start) - row.date_start).days
    return 1 if days < 1 else 2 if days <= 7 else 3


def _csv_record(row: EventRow) -> tuple[Any, ...]:
    return (
        f"{row.document_id}:{row.event_id}",
        row.date_start.isoformat() if row.date_start else None,
        time_precision(row),
        row.acled_event_type,
        row.acled_sub_event_type,
        row.actor1,
        row.actor2,
        row.country,
        row.admin1,
        row.place,
        row.lat,
        row.lon,
        row.geo_precision,
        row.publisher,
        row.fatalities,
        row.sentence,
        row.type,
        row.mode,
        row.cameo,
        row.quad,
        row.modality,
        row.attributed_to,
        row.confidence,
        row.document_id,
        row.url,
    )


def to_csv(rows: Iterable[EventRow], fh: TextIO) -> int:
    """Write a header and one line per row; return the number of rows.

    Open ``fh`` with ``newline=""`` as the csv module requires. Empty cells mean unknown.
    """
    writer = csv.writer(fh)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for row in rows:
        writer.writerow(_csv_record(row))
        count += 1
    return count


def _json_default(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot encode {type(value).__name__} as JSON")


def to_jsonl(rows: Iterable[EventRow], fh: TextIO) -> int:
    """Write one JSON object per line, keyed by the ``EventRow`` field names."""
    count = 0
    for row in rows:
        record = dataclasses.asdict(row)
        fh.write(json.dumps(record, ensure_ascii=False, default=_json_default))
        fh.write("\n")
        count += 1
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
    text = "" if value is None else " ".join(str(value).split())
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


__all__ = ["CSV_COLUMNS", "time_precision", "to_csv", "to_jsonl", "to_table"]
