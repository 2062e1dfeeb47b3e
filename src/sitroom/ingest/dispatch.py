"""Choosing a reader for a source and running it: ``select_reader``, ``dispatch`` and
``read_url``.

The readers to choose from come with the source (``ReadOptions.readers``), never from the
registry, so that the readers that read nested sources (the WARC reader its records, the feed
reader an entry's page) can dispatch without importing the module that registers them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from sitroom.errors import SitroomError, UnknownFormatError
from sitroom.ingest.fetch import Fetcher
from sitroom.ingest.item import ITEM_LIMIT, READER_FAILURE, Item, Meta, failed, input_error
from sitroom.ingest.source import Reader, ReadOptions, Source

# Content types that say too little about the format: the bytes decide.
_VAGUE_TYPES = {
    "",
    "application/octet-stream",
    "application/xml",
    "text/xml",
    "binary/octet-stream",
}


def reader_by_suffix(name: str, readers: Mapping[str, Reader]) -> tuple[str, Reader] | None:
    """The reader claiming the longest suffix of ``name`` (".warc.gz" over ".gz"), with it."""
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
    readers = source.options.readers
    if not readers:
        raise UnknownFormatError(
            f"{source.location}: no readers to choose from (ReadOptions.readers is empty; "
            "read_inputs passes the registry)",
            code="S204",
        )
    ctype = (source.content_type or "").lower()
    if ctype not in _VAGUE_TYPES:
        for reader in readers.values():
            if ctype in reader.content_types:
                return reader
    name = source.name
    match = reader_by_suffix(name, readers)
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


__all__ = ["dispatch", "read_url", "reader_by_suffix", "select_reader"]
