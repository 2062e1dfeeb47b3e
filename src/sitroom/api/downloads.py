"""``format=csv|jsonl|geojson`` on the list endpoints: the whole filtered list as a file.

The rows and their columns are those of ``sitroom export`` (``docs/export.md``), streamed as they
are read from the store, so a download of a large store never sits in memory. Without an
explicit ``limit`` a download holds every matching row; ``after`` still starts after a cursor.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Annotated, Any, Final, Literal

from fastapi import Query
from starlette.responses import StreamingResponse

from sitroom.errors import StoreError
from sitroom.store.export.columns import Column
from sitroom.store.export.stream import csv_chunks, geojson_chunks, jsonl_chunks

ListFormat = Literal["json", "csv", "jsonl", "geojson"]

FormatParam = Annotated[
    ListFormat,
    Query(
        alias="format",
        description="json: a page of items (default); csv, jsonl, geojson: every matching row "
        "as a file with the export's columns (docs/export.md), streamed.",
    ),
]

MEDIA_TYPES: Final = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
    "geojson": "application/geo+json",
}
SUFFIXES: Final = {"csv": "csv", "jsonl": "jsonl", "geojson": "geojson"}

# The content types of a list endpoint's 200 response, for OpenAPI.
DOWNLOAD_RESPONSES: Final[dict[int | str, dict[str, Any]]] = {
    200: {"content": {media: {} for media in MEDIA_TYPES.values()}}
}


def _encoded(chunks: Iterator[str]) -> Iterator[bytes]:
    for chunk in chunks:
        yield chunk.encode("utf-8")


def download(
    rows: Iterable[Any],
    fmt: str,
    *,
    name: str,
    columns: tuple[Column, ...],
    feature: Callable[[Any], dict[str, Any]] | None = None,
) -> StreamingResponse:
    """The rows as a file in ``fmt``; S507 for a format this list has no shape for."""
    if fmt == "csv":
        chunks = csv_chunks(rows, columns)
    elif fmt == "jsonl":
        chunks = jsonl_chunks(rows, columns)
    elif fmt == "geojson" and feature is not None:
        chunks = geojson_chunks(rows, feature)
    else:
        raise StoreError(f"{name} cannot be downloaded as {fmt}", code="S507")
    return StreamingResponse(
        _encoded(chunks),
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}.{SUFFIXES[fmt]}"'},
    )


__all__ = ["DOWNLOAD_RESPONSES", "MEDIA_TYPES", "FormatParam", "ListFormat", "download"]
