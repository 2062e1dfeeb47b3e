"""Readers that turn text files, saved pages, feeds, web archives, JSONL exports, folders and
URLs into ``Item``s (a ``Document`` with its ``Meta``, or an error), plus duplicate detection.

trafilatura, feedparser and warcio are imported only when a reader is first needed.
"""

from sitroom.ingest.dedup import NearDuplicateIndex, Signature, text_hash
from sitroom.ingest.fetch import Fetcher, Page
from sitroom.ingest.guard import FetchPolicy
from sitroom.ingest.item import Item, JsonlFields, Limits, Meta, PublishedFrom
from sitroom.ingest.reader import (
    Reader,
    ReadOptions,
    Source,
    read_inputs,
    register_reader,
    registry,
)

__all__ = [
    "FetchPolicy",
    "Fetcher",
    "Item",
    "JsonlFields",
    "Limits",
    "Meta",
    "NearDuplicateIndex",
    "Page",
    "PublishedFrom",
    "ReadOptions",
    "Reader",
    "Signature",
    "Source",
    "read_inputs",
    "register_reader",
    "registry",
    "text_hash",
]
