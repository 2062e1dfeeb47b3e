"""What every reader shares: the ``Source`` it reads, the ``ReadOptions`` of one read, the
``Reader`` protocol it satisfies, and small helpers for sniffing and size limits.

This module sits below the readers and below the dispatching in ``dispatch`` and ``reader``, so a
reader imports it without importing what chooses between readers.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import stat
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Protocol

from sitroom.errors import InputError, SitroomError
from sitroom.ingest.fetch import Fetcher
from sitroom.ingest.item import NOT_REGULAR, TOO_LARGE, UNREADABLE, Item, JsonlFields, Limits, Meta

SNIFF_BYTES = 4096
GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Settings shared by every reader during one ``read_inputs`` call.

    ``fetcher`` lets the feed reader fetch the full page of an entry whose feed text is
    shorter than ``summary_chars``; without it nothing is fetched (network use is opt-in).
    ``readers`` are the readers to choose from, by name: ``read_inputs`` puts the registry
    there when the caller gives none, so that a nested read (a WARC record, a feed entry's
    page) chooses among the same readers as the read that contains it.
    """

    published: dt.date | None = None
    publisher: str | None = None
    jsonl_fields: JsonlFields = field(default_factory=JsonlFields)
    limits: Limits = field(default_factory=Limits)
    fetcher: Fetcher | None = None
    summary_chars: int = 600
    readers: Mapping[str, Reader] | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """One thing to read: a file on disk, or bytes already in memory (a page, a WARC record).

    ``url`` is the article's address when known (a fetched page, a WARC target URI),
    ``hints`` what a container already said about the article (a feed entry's title, date
    and publisher, used where the page itself is silent) and ``fallback_date`` a last-resort
    publication date such as the WARC-Date of a capture.
    """

    location: str
    options: ReadOptions = field(default_factory=ReadOptions)
    path: Path | None = None
    data: bytes | None = None
    url: str | None = None
    content_type: str | None = None
    charset: str | None = None
    hints: Meta | None = None
    fallback_date: dt.date | None = None

    @property
    def name(self) -> str:
        """The lower-case file name used to match suffixes (from the path or the URL)."""
        if self.path is not None:
            return self.path.name.lower()
        tail = (self.url or self.location).split("?", 1)[0].split("#", 1)[0]
        return tail.rstrip("/").rsplit("/", 1)[-1].lower()

    def read_bytes(self) -> bytes:
        """All the bytes, refusing (S206) anything over ``max_bytes``.

        A file is read up to ``max_bytes + 1`` bytes whatever its ``st_size`` says: a device
        or ``/proc`` file reports 0 and may never end.
        """
        limit = self.options.limits.max_bytes
        if self.data is not None:
            if len(self.data) > limit:
                raise too_large(self.location, len(self.data), limit)
            return self.data
        with self.open() as stream:
            try:
                data = stream.read(limit + 1)
            except OSError as exc:
                raise unreadable(self.location, exc) from exc
        if len(data) > limit:
            raise InputError(
                f"{self.location}: more than {limit:,} bytes, over the limit of {limit:,} bytes",
                code=TOO_LARGE,
            )
        return data

    def open(self) -> BinaryIO:
        """A binary stream of the bytes; a path must name a regular file (S215), and any
        ``OSError`` becomes this source's error (S216), never an exception of the batch."""
        if self.data is not None:
            return io.BytesIO(self.data)
        assert self.path is not None
        return open_regular(self.path, self.location)

    def head(self) -> bytes:
        if self.data is not None:
            return self.data[:SNIFF_BYTES]
        with self.open() as stream:
            try:
                return stream.read(SNIFF_BYTES)
            except OSError as exc:
                raise unreadable(self.location, exc) from exc


def unreadable(location: str, exc: OSError) -> SitroomError:
    reason = exc.strerror or type(exc).__name__
    return InputError(f"{location}: cannot read: {reason}", code=UNREADABLE)


def open_regular(path: Path, location: str | None = None) -> BinaryIO:
    """Open ``path`` for reading if, after following links, it is a regular file.

    The check is made on the opened descriptor (``fstat``), so a link swapped between a check
    and the open cannot slip a device through. ``O_NONBLOCK`` keeps the open of a FIFO from
    waiting for a writer that never comes; it changes nothing for a regular file.
    """
    where = location or str(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise unreadable(where, exc) from exc
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(
                f"{where}: not a regular file ({_kind(mode)}); only regular files are read",
                code=NOT_REGULAR,
            )
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException as exc:
        os.close(fd)
        if isinstance(exc, OSError):
            raise unreadable(where, exc) from exc
        raise


def _kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "not a file")


class Reader(Protocol):
    """What a reader provides; plain class attributes satisfy the three properties."""

    @property
    def name(self) -> str: ...

    @property
    def suffixes(self) -> tuple[str, ...]: ...

    @property
    def content_types(self) -> tuple[str, ...]: ...

    def sniff(self, head: bytes) -> bool:
        """Whether the first bytes look like this reader's format."""
        ...

    def read(self, source: Source) -> Iterator[Item]: ...


def too_large(location: str, size: int, limit: int) -> SitroomError:
    return InputError(
        f"{location}: {size:,} bytes is over the limit of {limit:,} bytes", code=TOO_LARGE
    )


def gunzip_head(head: bytes) -> bytes:
    """The first decompressed bytes of a gzip stream (or the bytes as they are)."""
    if not head.startswith(GZIP_MAGIC):
        return head
    try:
        return zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(head, SNIFF_BYTES)
    except zlib.error:
        return b""


__all__ = [
    "GZIP_MAGIC",
    "SNIFF_BYTES",
    "ReadOptions",
    "Reader",
    "Source",
    "gunzip_head",
    "open_regular",
    "too_large",
    "unreadable",
]
