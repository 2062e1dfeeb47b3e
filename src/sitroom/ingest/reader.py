"""The reader protocol, the registry of readers, and ``read_inputs``, which dispatches to them.

A reader declares the file suffixes and HTTP content types it handles, may recognise its
format from the first bytes (``sniff``), and turns a ``Source`` into a stream of ``Item``s.
Readers are looked up in a plain dict keyed by name, so a user can replace the HTML reader
or add one for a new format with ``register_reader``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Protocol

from sitroom.errors import InputError, MissingInputError, SitroomError, UnknownFormatError
from sitroom.ingest.fetch import Fetcher
from sitroom.ingest.item import (
    ITEM_LIMIT,
    READER_FAILURE,
    TOO_LARGE,
    Item,
    JsonlFields,
    Limits,
    Meta,
    failed,
    input_error,
)

SNIFF_BYTES = 4096
GZIP_MAGIC = b"\x1f\x8b"
# Content types that say too little about the format: the bytes decide.
_VAGUE_TYPES = {
    "",
    "application/octet-stream",
    "application/xml",
    "text/xml",
    "binary/octet-stream",
}


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Settings shared by every reader during one ``read_inputs`` call.

    ``fetcher`` lets the feed reader fetch the full page of an entry whose feed text is
    shorter than ``summary_chars``; without it nothing is fetched (network use is opt-in).
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

    def size(self) -> int:
        if self.data is not None:
            return len(self.data)
        assert self.path is not None
        return self.path.stat().st_size

    def read_bytes(self) -> bytes:
        """All the bytes, refusing (S206) anything over ``max_bytes`` before reading it."""
        limit = self.options.limits.max_bytes
        size = self.size()
        if size > limit:
            raise too_large(self.location, size, limit)
        if self.data is not None:
            return self.data
        assert self.path is not None
        return self.path.read_bytes()

    def open(self) -> BinaryIO:
        if self.data is not None:
            return io.BytesIO(self.data)
        assert self.path is not None
        return self.path.open("rb")

    def head(self) -> bytes:
        if self.data is not None:
            return self.data[:SNIFF_BYTES]
        with self.open() as stream:
            return stream.read(SNIFF_BYTES)


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


READERS: dict[str, Reader] = {}


def _load_builtins() -> None:
    # Imported here because the readers themselves import this module.
    if READERS:
        return
    from sitroom.ingest.feed import FeedReader
    from sitroom.ingest.html import HtmlReader
    from sitroom.ingest.jsonl import JsonlReader
    from sitroom.ingest.plain import TextReader
    from sitroom.ingest.warc import WarcReader

    # Order is sniffing order; "text" is always tried last as the catch-all.
    for reader in (WarcReader(), FeedReader(), HtmlReader(), JsonlReader(), TextReader()):
        READERS[reader.name] = reader


def registry() -> dict[str, Reader]:
    """The default readers by name (the live dict: changes affect later reads)."""
    _load_builtins()
    return READERS


def register_reader(reader: Reader) -> None:
    """Add a reader, or replace the one of the same name."""
    _load_builtins()
    READERS[reader.name] = reader


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


def _by_suffix(name: str, readers: Mapping[str, Reader]) -> tuple[str, Reader] | None:
    best: tuple[str, Reader] | None = None
    for reader in readers.values():
        for suffix in reader.suffixes:
            if suffix and name.endswith(suffix) and (best is None or len(suffix) > len(best[0])):
                best = (suffix, reader)
    return best


def _by_sniff(head: bytes, readers: Mapping[str, Reader], *, text: bool) -> Reader | None:
    ordered = [r for r in readers.values() if r.name != "text"]
    if text and "text" in readers:
        ordered.append(readers["text"])
    for reader in ordered:
        if reader.sniff(head):
            return reader
    return None


def select_reader(source: Source) -> Reader:
    """Content type first (for fetched pages), then the file suffix, then the first bytes."""
    readers = source.options.readers or registry()
    ctype = (source.content_type or "").lower()
    if ctype not in _VAGUE_TYPES:
        for reader in readers.values():
            if ctype in reader.content_types:
                return reader
    name = source.name
    match = _by_suffix(name, readers)
    if match is not None and ctype in _VAGUE_TYPES:
        return match[1]
    has_suffix = "." in name.lstrip(".")
    # A file with no suffix is most likely plain text, but it may be a saved page or feed.
    sniffed = _by_sniff(source.head(), readers, text=not has_suffix or ctype.startswith("text/"))
    if sniffed is not None:
        return sniffed
    kind = ctype or (Path(name).suffix if has_suffix else "no suffix")
    known = sorted({s for r in readers.values() for s in r.suffixes if s})
    raise UnknownFormatError(
        f"{source.location}: unsupported input type {kind!r} (supported: {', '.join(known)})",
        code="S204",
    )


def dispatch(source: Source, *, reader: Reader | None = None, top: bool = False) -> Iterator[Item]:
    """Run a reader over a source; whatever it raises becomes a final error item.

    ``top`` marks an input named by the caller, where ``Limits.max_items`` applies.
    """
    try:
        chosen = reader or select_reader(source)
    except SitroomError as exc:
        yield failed(source.location, exc)
        return
    limit = source.options.limits.max_items
    count = 0
    stream = chosen.read(source)
    try:
        for item in stream:
            if top and count >= limit:
                yield input_error(
                    source.location,
                    f"stopped after {limit:,} items (Limits.max_items); the rest was not read",
                    ITEM_LIMIT,
                )
                return
            count += 1
            yield item
    except SitroomError as exc:
        yield failed(source.location, exc)
    except Exception as exc:  # a third-party parser may raise anything on malformed bytes
        yield input_error(
            source.location,
            f"the {chosen.name} reader failed: {type(exc).__name__}: {exc}",
            READER_FAILURE,
        )
    finally:
        close = getattr(stream, "close", None)
        if close is not None:
            close()


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def read_url(
    url: str, options: ReadOptions, fetcher: Fetcher, *, hints: Meta | None = None
) -> Iterator[Item]:
    """Fetch a page or feed and read it with the reader its content type or bytes call for."""
    try:
        page = fetcher.fetch(url)
    except SitroomError as exc:
        yield failed(url, exc)
        return
    source = Source(
        location=url,
        options=options,
        data=page.data,
        url=page.url,
        content_type=page.content_type,
        charset=page.charset,
        hints=hints,
    )
    yield from dispatch(source, top=True)


def _skipped(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts
    if any(part.startswith(".") for part in parts):
        return True
    # "Save page as, complete" puts scripts, styles and ad frames in a NAME_files folder.
    return any(part.endswith("_files") for part in parts[:-1])


def walk(folder: Path, readers: Mapping[str, Reader]) -> Iterator[Path]:
    """Files under a folder that some reader claims by suffix, in a stable order."""
    for path in sorted(folder.rglob("*")):
        claimed = _by_suffix(path.name.lower(), readers) is not None
        if claimed and path.is_file() and not _skipped(path, folder):
            yield path


def read_path(path: Path, options: ReadOptions) -> Iterator[Item]:
    location = str(path)
    if not path.exists():
        yield failed(location, MissingInputError(f"no such file or folder: {path}", code="S201"))
        return
    if path.is_dir():
        files = list(walk(path, options.readers or registry()))
        if not files:
            message = f"{path}: the folder holds no readable files"
            yield failed(location, MissingInputError(message, code="S201"))
        for file in files:
            yield from dispatch(Source(location=str(file), options=options, path=file), top=True)
        return
    yield from dispatch(Source(location=location, options=options, path=path), top=True)


def read_inputs(
    inputs: Iterable[str | Path],
    *,
    published: dt.date | None = None,
    publisher: str | None = None,
    jsonl_fields: JsonlFields | None = None,
    limits: Limits | None = None,
    fetcher: Fetcher | None = None,
    readers: Mapping[str, Reader] | None = None,
    summary_chars: int = 600,
) -> Iterator[Item]:
    """Read files, folders (recursively, by type) and http(s) URLs into ``Item``s, lazily.

    ``published`` and ``publisher`` are fallbacks for articles that do not carry their own.
    Publication dates are taken, first found first: from the article's own metadata (page
    meta tags, feed entry, JSONL field), its URL path, the ``published`` argument, and as a
    last resort the WARC-Date of an archived capture. URLs given as inputs are fetched with
    ``fetcher`` or a default ``Fetcher``; feed entries' pages only with an explicit one.
    """
    limits = limits or Limits()
    options = ReadOptions(
        published=published,
        publisher=publisher,
        jsonl_fields=jsonl_fields or JsonlFields(),
        limits=limits,
        fetcher=fetcher,
        summary_chars=summary_chars,
        readers=readers,
    )
    own: Fetcher | None = None
    try:
        for given in inputs:
            origin = str(given)
            if isinstance(given, str) and is_url(given):
                if fetcher is None and own is None:
                    own = Fetcher(max_bytes=limits.max_bytes)
                client = fetcher or own
                assert client is not None
                items = read_url(given, options, client)
            else:
                items = read_path(Path(given), options)
            for item in items:
                yield dataclasses.replace(item, origin=origin)
    finally:
        if own is not None:
            own.close()


__all__ = [
    "READERS",
    "ReadOptions",
    "Reader",
    "Source",
    "dispatch",
    "gunzip_head",
    "is_url",
    "read_inputs",
    "read_path",
    "read_url",
    "register_reader",
    "registry",
    "select_reader",
    "too_large",
    "walk",
]
