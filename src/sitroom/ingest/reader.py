"""The registry of readers, and ``read_inputs``, which reads files, folders and URLs with them.

A reader declares the file suffixes and HTTP content types it handles, may recognise its
format from the first bytes (``sniff``), and turns a ``Source`` into a stream of ``Item``s
(the protocol and the ``Source`` are in ``source``; choosing and running a reader is
``dispatch``). Readers are looked up in a plain dict keyed by name, so a user can replace the
HTML reader or add one for a new format with ``register_reader``. Only this module knows the
built-in readers; they never import it back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from sitroom.errors import MissingInputError
from sitroom.ingest.dispatch import dispatch, read_url, reader_by_suffix, select_reader
from sitroom.ingest.fetch import Fetcher
from sitroom.ingest.guard import FetchPolicy
from sitroom.ingest.item import Item, JsonlFields, Limits, failed
from sitroom.ingest.source import (
    Reader,
    ReadOptions,
    Source,
    gunzip_head,
    too_large,
    unreadable,
)

READERS: dict[str, Reader] = {}


def _load_builtins() -> None:
    # Imported on first use: the readers load trafilatura, feedparser and warcio, which a
    # command that reads nothing should not pay for.
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


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def _skipped(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts
    if any(part.startswith(".") for part in parts):
        return True
    # "Save page as, complete" puts scripts, styles and ad frames in a NAME_files folder.
    return any(part.endswith("_files") for part in parts[:-1])


def walk(folder: Path, readers: Mapping[str, Reader]) -> Iterator[Path]:
    """Files under a folder that some reader claims by suffix, in a stable order.

    A path whose type cannot be checked (a folder without search permission) is still
    listed, so that reading it reports why; a subfolder that cannot be listed is passed over
    (``read_path`` reports it).
    """
    for path in sorted(folder.rglob("*")):
        claimed = reader_by_suffix(path.name.lower(), readers) is not None
        if claimed and _listed(path) and not _skipped(path, folder):
            yield path


def _listed(path: Path) -> bool:
    try:
        return not path.is_dir()
    except OSError:
        return True


def _unlistable(folder: Path) -> Iterator[tuple[Path, OSError]]:
    """Subfolders of ``folder`` that cannot be listed, with the reason (``rglob`` skips them)."""
    errors: list[OSError] = []
    for _ in os.walk(folder, onerror=errors.append):
        pass
    for error in errors:
        yield Path(error.filename or folder), error


def read_path(path: Path, options: ReadOptions) -> Iterator[Item]:
    """Items of a file or folder; whatever the operating system refuses on a path becomes
    that path's error item (S216) and the read goes on with the next."""
    location = str(path)
    readers = options.readers or registry()
    options = dataclasses.replace(options, readers=readers)
    try:
        exists, is_dir = path.exists(), path.is_dir()
    except OSError as exc:
        yield failed(location, unreadable(location, exc))
        return
    if not exists:
        yield failed(location, MissingInputError(f"no such file or folder: {path}", code="S201"))
        return
    if is_dir:
        try:
            files = list(walk(path, readers))
        except OSError as exc:
            yield failed(location, unreadable(location, exc))
            return
        for folder, error in _unlistable(path):
            if not _skipped(folder, path) and folder != path:
                yield failed(str(folder), unreadable(str(folder), error))
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
    fetch_policy: FetchPolicy | None = None,
    fetch_deadline: float = 60.0,
) -> Iterator[Item]:
    """Read files, folders (recursively, by type) and http(s) URLs into ``Item``s, lazily.

    ``published`` and ``publisher`` are fallbacks for articles that do not carry their own.
    Publication dates are taken, first found first: from the article's own metadata (page
    meta tags, feed entry, JSONL field), its URL path, the ``published`` argument, and as a
    last resort the WARC-Date of an archived capture. URLs given as inputs are fetched with
    ``fetcher`` or a default ``Fetcher`` (with ``fetch_policy`` and ``fetch_deadline``: by
    default no private, loopback, link-local or multicast address); feed entries' pages only
    with an explicit one.
    """
    limits = limits or Limits()
    options = ReadOptions(
        published=published,
        publisher=publisher,
        jsonl_fields=jsonl_fields or JsonlFields(),
        limits=limits,
        fetcher=fetcher,
        summary_chars=summary_chars,
        # The live registry, not a copy: a reader registered during the read is used too.
        readers=readers or registry(),
    )
    own: Fetcher | None = None
    try:
        for given in inputs:
            origin = str(given)
            if isinstance(given, str) and is_url(given):
                if fetcher is None and own is None:
                    own = Fetcher(
                        max_bytes=limits.max_bytes, policy=fetch_policy, deadline=fetch_deadline
                    )
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
