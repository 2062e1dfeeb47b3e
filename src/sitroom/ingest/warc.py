"""WARC and WARC.gz web archives: each archived HTML page (or text) is read as an article.

Only successful HTTP responses and resource records whose content type some reader claims
are read; redirects, errors, images, scripts and styles are skipped silently. The capture
date (WARC-Date) is a last-resort publication date. warcio treats a cut-off gzip stream as a
normal end, so decompression happens here, where a truncation can be seen and reported
after the complete records have been yielded.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
from warcio.exceptions import ArchiveLoadFailed  # type: ignore[import-untyped]

from sitroom.ingest.dispatch import dispatch
from sitroom.ingest.item import DAMAGED_ARCHIVE, Item, failed, input_error, with_locator
from sitroom.ingest.meta import parse_when
from sitroom.ingest.source import GZIP_MAGIC, SNIFF_BYTES, Reader, Source, gunzip_head, too_large

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

_READ_RECORDS = {"response", "resource", "conversion"}


class GunzipStream(io.RawIOBase):
    """Decompresses a (multi-member) gzip stream; a damaged or cut-off one ends early.

    Instead of raising mid-iteration, the problem is kept in ``error`` so that the records
    before it can still be read and the damage reported afterwards.
    """

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__()
        self._gzip = gzip.GzipFile(fileobj=raw, mode="rb")
        self.error: str | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        if self.error is not None:
            return 0
        view = memoryview(buffer).cast("B")
        try:
            data = self._gzip.read1(len(view))
        except (EOFError, OSError, zlib.error) as exc:
            self.error = str(exc) or type(exc).__name__
            return 0
        view[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._gzip.close()
        super().close()


def _media_type(value: str | None) -> tuple[str, str | None]:
    if not value:
        return "", None
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip("\"'") or None
    return media.strip().lower(), charset


class WarcReader:
    name = "warc"
    suffixes = (".warc", ".warc.gz")
    content_types = ("application/warc",)

    def sniff(self, head: bytes) -> bool:
        return gunzip_head(head).startswith(b"WARC/")

    def read(self, source: Source) -> Iterator[Item]:
        try:
            raw = source.open()
        except OSError as exc:
            yield input_error(source.location, f"cannot open: {exc}", DAMAGED_ARCHIVE)
            return
        with raw:
            head = raw.read(SNIFF_BYTES)
            raw.seek(0)
            compressed = head.startswith(GZIP_MAGIC)
            if not gunzip_head(head).lstrip().startswith(b"WARC/"):
                yield input_error(source.location, "not a WARC archive", DAMAGED_ARCHIVE)
                return
            stream: BinaryIO = raw
            gunzip: GunzipStream | None = None
            if compressed:
                gunzip = GunzipStream(raw)
                stream = gunzip  # type: ignore[assignment]
            number = 0
            try:
                for record in ArchiveIterator(stream, check_digests=False):
                    number += 1
                    items = self._record(
                        source, record, with_locator(source.location, "record", number)
                    )
                    if items is not None:
                        yield from items
            except ArchiveLoadFailed as exc:
                message = f"damaged archive after record {number}: {exc}"
                yield input_error(source.location, message, DAMAGED_ARCHIVE)
                return
            finally:
                if gunzip is not None:
                    gunzip.close()
            if gunzip is not None and gunzip.error is not None:
                # Complete records were read on; a cut-off last one was reported by _record.
                message = (
                    f"the archive is truncated or damaged after record {number} ({gunzip.error})"
                )
                yield input_error(source.location, message, DAMAGED_ARCHIVE)

    def _record(self, source: Source, record: Any, where: str) -> Iterator[Item] | None:
        if record.rec_type not in _READ_RECORDS:
            return None
        http = record.http_headers
        if record.rec_type == "response":
            if http is None or not str(http.get_statuscode() or "").startswith("2"):
                return None
            content_type = http.get_header("Content-Type")
        else:
            content_type = record.rec_headers.get_header("Content-Type")
        media, charset = _media_type(content_type)
        reader = self._reader_for(media, source)
        if reader is None:
            return None
        limit = source.options.limits.max_bytes
        try:
            payload = record.content_stream().read(limit + 1)
        except (OSError, ValueError, zlib.error) as exc:
            return iter([input_error(where, f"cannot read the record: {exc}", DAMAGED_ARCHIVE)])
        if len(payload) > limit:
            return iter([failed(where, too_large(where, len(payload), limit))])
        if getattr(record.raw_stream, "limit", 0):
            message = "the record is shorter than its Content-Length (truncated archive)"
            return iter([input_error(where, message, DAMAGED_ARCHIVE)])
        target = record.rec_headers.get_header("WARC-Target-URI")
        captured = parse_when(record.rec_headers.get_header("WARC-Date"))
        return self._read_payload(source, reader, where, payload, target, media, charset, captured)

    @staticmethod
    def _reader_for(media: str, source: Source) -> Reader | None:
        readers = source.options.readers or {}
        for reader in readers.values():
            if reader.name != "warc" and media in reader.content_types:
                return reader
        return None

    @staticmethod
    def _read_payload(
        source: Source,
        reader: Reader,
        where: str,
        payload: bytes,
        target: str | None,
        media: str,
        charset: str | None,
        captured: dt.date | None,
    ) -> Iterator[Item]:
        inner = Source(
            location=where,
            options=source.options,
            data=payload,
            url=target,
            content_type=media,
            charset=charset,
            fallback_date=captured,
        )
        return dispatch(inner, reader=reader)


__all__ = ["GunzipStream", "WarcReader"]
