"""The text exports as streams of chunks, for HTTP responses that send rows as they are read.

Same columns and encodings as the file writers of ``text.py``: an API download and
``sitroom export`` give the same bytes for the same rows.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sitroom.store.export.columns import Column, iso, record
from sitroom.store.export.text import event_properties, located


def _json(value: object) -> str:
    # event_properties has already written dates as ISO strings.
    return json.dumps(value, ensure_ascii=False)


def csv_chunks(rows: Iterable[Any], columns: tuple[Column, ...]) -> Iterator[str]:
    """The header, then one CSV line per row."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)

    def take() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow([column.name for column in columns])
    yield take()
    for row in rows:
        writer.writerow([iso(value) for value in record(row, columns)])
        yield take()


def jsonl_chunks(rows: Iterable[Any], columns: tuple[Column, ...]) -> Iterator[str]:
    for row in rows:
        yield _json(event_properties(row, columns)) + "\n"


def json_chunks(rows: Iterable[Any], columns: tuple[Column, ...]) -> Iterator[str]:
    """One JSON array of objects keyed by the column names, streamed element by element."""
    yield "["
    for count, row in enumerate(rows):
        yield ("," if count else "") + "\n" + _json(event_properties(row, columns))
    yield "\n]\n"


def geojson_chunks(
    rows: Iterable[Any],
    feature: Callable[[Any], dict[str, Any]],
    *,
    include_unlocated: bool = False,
) -> Iterator[str]:
    """A FeatureCollection, located rows only unless ``include_unlocated``."""
    yield '{"type": "FeatureCollection", "features": ['
    count = 0
    for row in rows:
        if include_unlocated or located(row):
            yield ("," if count else "") + "\n" + _json(feature(row))
            count += 1
    yield "\n]}\n"


__all__ = ["csv_chunks", "geojson_chunks", "json_chunks", "jsonl_chunks"]
