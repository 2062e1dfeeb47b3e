"""What every reader yields: an ``Item`` holding a ``Document`` and its ``Meta``, or an error.

Readers never raise for a bad input: a file, page, feed entry, archive record or JSONL line
that cannot be read becomes an ``Item`` whose ``error`` says why, and the stream goes on.

Error codes added by the readers (all ``InputError``, S2xx)::

    S206  too large: a file, page or record over ``Limits.max_bytes``
    S207  malformed feed: broken XML, or not an RSS/Atom feed at all
    S208  damaged archive: a truncated or corrupt WARC / gzip stream
    S209  HTTP error status (404, 500, ...) after any retries
    S210  network failure: timeout, refused connection, bad URL
    S211  malformed record: a JSONL line that is not a JSON object or lacks its text
    S212  item limit: an input produced more than ``Limits.max_items`` items
    S213  reader failure: a parser crashed on the input (its message is kept)
    S215  not a regular file: a device, FIFO, socket or folder (links are followed first)
    S216  unreadable: the operating system refused the path (permissions, I/O error, ...)
    S217  fetch refused: the address is private, loopback, link-local or multicast, or the
          host is not allowed by the fetch policy

(S214, a document too long to extract, is raised by ``sitroom.service.chunking``.)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Final, Literal

from sitroom.errors import InputError, SitroomError
from sitroom.model import Document

PublishedFrom = Literal["argument", "page", "url", "feed", "warc", "jsonl"]

TOO_LARGE: Final = "S206"
MALFORMED_FEED: Final = "S207"
DAMAGED_ARCHIVE: Final = "S208"
HTTP_STATUS: Final = "S209"
NETWORK: Final = "S210"
MALFORMED_RECORD: Final = "S211"
ITEM_LIMIT: Final = "S212"
READER_FAILURE: Final = "S213"
NOT_REGULAR: Final = "S215"
UNREADABLE: Final = "S216"
FETCH_REFUSED: Final = "S217"

MB: Final = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """Guards against inputs that would exhaust memory or flood the store.

    ``max_bytes`` applies to each single document: a text file, an HTML page, a fetched URL,
    one WARC record or one JSONL line. Archives and JSONL files are streamed, so their total
    size is not limited, only the number of items they may produce.
    """

    max_bytes: int = 20 * MB
    max_items: int = 100_000

    def __post_init__(self) -> None:
        if self.max_bytes <= 0 or self.max_items <= 0:
            raise ValueError("limits must be positive")


@dataclass(frozen=True, slots=True)
class JsonlFields:
    """Which keys of a JSONL object hold what; dotted names reach into nested objects."""

    text: str = "text"
    title: str | None = "title"
    url: str | None = "url"
    date: str | None = "date"
    publisher: str | None = "publisher"
    author: str | None = "author"
    language: str | None = "language"


@dataclass(frozen=True, slots=True)
class Meta:
    """Everything known about an article besides its text, and where the date came from."""

    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: dt.date | None = None
    published_from: PublishedFrom | None = None
    language: str | None = None
    license: str | None = None


@dataclass(frozen=True, slots=True)
class Item:
    """One result of reading: a document with its metadata, or the error that prevented it.

    ``source`` names the input precisely: a path or URL, plus a locator such as ``#line=12``,
    ``#record=3`` or ``#entry=2`` when the input holds many articles. ``origin`` is the path or
    URL the caller gave, so a folder's items can be reported against the folder.
    """

    source: str
    document: Document | None = None
    meta: Meta | None = None
    error: SitroomError | None = None
    origin: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if (self.document is None) == (self.error is None):
            raise ValueError("an Item holds either a document or an error, not both or neither")
        if self.document is not None and self.meta is None:
            raise ValueError("a document Item needs its Meta")

    @property
    def ok(self) -> bool:
        return self.document is not None

    @property
    def reason(self) -> str | None:
        """Why the item failed, without the ``[S2xx]`` prefix; None for a document."""
        return None if self.error is None else self.error.message

    @property
    def code(self) -> str | None:
        return None if self.error is None else self.error.code


def failed(source: str, error: SitroomError) -> Item:
    return Item(source=source, error=error)


def input_error(source: str, message: str, code: str) -> Item:
    """An error item whose message starts with the source, so logs read on their own."""
    return Item(source=source, error=InputError(f"{source}: {message}", code=code))


def with_locator(location: str, key: str, value: int | str) -> str:
    return f"{location}#{key}={value}"


__all__ = [
    "DAMAGED_ARCHIVE",
    "HTTP_STATUS",
    "ITEM_LIMIT",
    "MALFORMED_FEED",
    "MALFORMED_RECORD",
    "NETWORK",
    "READER_FAILURE",
    "TOO_LARGE",
    "Item",
    "JsonlFields",
    "Limits",
    "Meta",
    "PublishedFrom",
    "failed",
    "input_error",
    "with_locator",
]
