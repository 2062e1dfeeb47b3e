"""JSON Lines exports (optionally gzipped): one article per line, field names configurable.

Lines are streamed one at a time, so an export of any size is read in constant memory; a
line over ``Limits.max_bytes`` is skipped with an error item rather than loaded.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from typing import BinaryIO

from sitroom.errors import BadDateError, DecodeError
from sitroom.ingest.item import (
    DAMAGED_ARCHIVE,
    MALFORMED_RECORD,
    Item,
    failed,
    input_error,
    with_locator,
)
from sitroom.ingest.meta import build_item, clean, parse_when, repair
from sitroom.ingest.source import GZIP_MAGIC, Source, gunzip_head, too_large
from sitroom.ingest.warc import GunzipStream

_SKIP_CHUNK = 1 << 20
_EPOCH_MS = 10**11  # numbers above this are epoch milliseconds, not seconds


def field_value(record: dict[str, object], name: str | None) -> object:
    """A field by name; a dotted name such as ``meta.title`` reaches into nested objects."""
    if not name:
        return None
    if name in record:
        return record[name]
    value: object = record
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _date(value: object) -> dt.date | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value > _EPOCH_MS else value
        try:
            return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    return parse_when(value)


class JsonlReader:
    name = "jsonl"
    suffixes = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
    content_types = ("application/jsonl", "application/x-ndjson", "application/x-jsonlines")

    def sniff(self, head: bytes) -> bool:
        first = gunzip_head(head).lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)
        return len(first) == 2 and first[0].startswith(b"{") and first[0].rstrip().endswith(b"}")

    def read(self, source: Source) -> Iterator[Item]:
        limit = source.options.limits.max_bytes
        with source.open() as raw:
            gunzip: GunzipStream | None = None
            stream: BinaryIO = raw
            if raw.read(2) == GZIP_MAGIC:
                raw.seek(0)
                gunzip = GunzipStream(raw)
                stream = io.BufferedReader(gunzip)
            else:
                raw.seek(0)
            number = 0
            while line := stream.readline(limit + 1):
                number += 1
                where = with_locator(source.location, "line", number)
                if len(line) > limit and not line.endswith(b"\n"):
                    while (rest := stream.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                        pass  # skip the rest of the over-long line without holding it
                    yield failed(where, too_large(where, len(line), limit))
                    continue
                if line.strip():
                    yield self._line(source, line, where, first=number == 1)
            if gunzip is not None and gunzip.error is not None:
                message = (
                    f"the gzip stream is truncated or damaged after line {number} ({gunzip.error})"
                )
                yield input_error(source.location, message, DAMAGED_ARCHIVE)

    def _line(self, source: Source, line: bytes, where: str, *, first: bool) -> Item:
        try:
            decoded = line.decode("utf-8-sig" if first else "utf-8")
        except UnicodeDecodeError as exc:
            return failed(where, DecodeError(f"{where}: invalid UTF-8: {exc}", code="S203"))
        try:
            record = json.loads(decoded)
        except json.JSONDecodeError as exc:
            message = f"not valid JSON ({exc.msg} at column {exc.colno})"
            return input_error(where, message, MALFORMED_RECORD)
        if not isinstance(record, dict):
            return input_error(
                where, f"a JSON {type(record).__name__}, not an object", MALFORMED_RECORD
            )
        fields = source.options.jsonl_fields
        text = field_value(record, fields.text)
        if not isinstance(text, str):
            problem = "has no" if text is None else "has a non-string"
            return input_error(where, f"the line {problem} {fields.text!r} field", MALFORMED_RECORD)
        raw_date = field_value(record, fields.date)
        day = _date(raw_date)
        if day is None and raw_date not in (None, ""):
            message = f"{where}: field {fields.date!r} is not a date: {raw_date!r}"
            return failed(where, BadDateError(message, code="S205"))
        return build_item(
            source,
            repair(text),
            location=where,
            title=clean(field_value(record, fields.title)),
            url=clean(field_value(record, fields.url)),
            publisher=clean(field_value(record, fields.publisher)),
            author=clean(field_value(record, fields.author)),
            dates=[(day, "jsonl")],
            declared_language=clean(field_value(record, fields.language)),
        )


__all__ = ["JsonlReader", "field_value"]
