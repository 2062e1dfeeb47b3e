"""The inputs of ``extract`` and ``ingest`` as the user typed them: paths, URLs and ``-``.

Arguments stay strings until the readers see them: a path type would collapse the ``//`` of
``https://`` and turn a URL into a missing file. ``-`` is standard input, read once as bytes and
given to the same readers (any encoding, HTML, JSONL...), under the name ``stdin:<digest>`` so
that re-running ``ingest`` on the same text is recognised and other text is not.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from sitroom.ingest import Fetcher, FetchPolicy, JsonlFields, Limits, read_inputs
from sitroom.ingest.item import Item
from sitroom.ingest.reader import ReadOptions, Source, dispatch, registry
from sitroom.service.titles import with_headline_title

STDIN = "-"


def stdin_item_source(data: bytes) -> str:
    return f"stdin:{hashlib.sha256(data).hexdigest()[:16]}"


def read_stdin(stream: BinaryIO, options: ReadOptions) -> Iterator[Item]:
    data = stream.read()
    location = stdin_item_source(data)
    source = Source(location=location, options=options, data=data)
    for item in dispatch(source, top=True):
        yield dataclasses.replace(item, origin=location)


def read_cli_inputs(
    inputs: Sequence[str],
    *,
    published: dt.date | None = None,
    publisher: str | None = None,
    jsonl_fields: JsonlFields | None = None,
    limits: Limits | None = None,
    fetcher: Fetcher | None = None,
    stdin: BinaryIO | None = None,
    fetch_policy: FetchPolicy | None = None,
    fetch_deadline: float = 60.0,
) -> Iterator[Item]:
    """``read_inputs`` over the inputs, with ``-`` read from ``stdin`` (default: the process's)."""
    options = ReadOptions(
        published=published,
        publisher=publisher,
        jsonl_fields=jsonl_fields or JsonlFields(),
        limits=limits or Limits(),
        fetcher=fetcher,
        readers=registry(),  # the readers a nested source (a WARC record, a feed page) may need
    )
    run: list[str] = []
    for given in inputs:
        if given != STDIN:
            run.append(given)
            continue
        if run:
            yield from read_inputs(
                run, published=published, publisher=publisher, jsonl_fields=jsonl_fields,
                limits=limits, fetcher=fetcher, fetch_policy=fetch_policy,
                fetch_deadline=fetch_deadline,
            )  # fmt: skip
            run = []
        yield from read_stdin(stdin or sys.stdin.buffer, options)
    if run:
        yield from read_inputs(
            run, published=published, publisher=publisher, jsonl_fields=jsonl_fields,
            limits=limits, fetcher=fetcher, fetch_policy=fetch_policy,
            fetch_deadline=fetch_deadline,
        )  # fmt: skip


def titled(items: Iterator[Item], *, title: str | None, url: str | None) -> Iterator[Item]:
    """Items with ``title`` and ``url`` set when given, and an untitled article's headline
    (its first line, when it reads as one) as its title."""
    update = {key: value for key, value in {"title": title, "url": url}.items() if value}
    for item in items:
        if item.document is None:
            yield item
            continue
        document = with_headline_title(item.document.model_copy(update=update))
        yield dataclasses.replace(item, document=document)


__all__ = ["STDIN", "read_cli_inputs", "read_stdin", "stdin_item_source", "titled"]
