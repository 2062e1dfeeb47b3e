"""RSS and Atom feeds: one document per entry, from its full content or its summary.

Many feeds carry only a teaser. When a fetcher is given and an entry's text is shorter than
``ReadOptions.summary_chars``, the entry's page is fetched and read instead, with the feed's
title, date and publisher kept as hints where the page is silent.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import time
from collections.abc import Iterator
from typing import Any

import feedparser  # type: ignore[import-untyped]

from sitroom.errors import SitroomError
from sitroom.ingest.dispatch import read_url
from sitroom.ingest.html import fragment_text
from sitroom.ingest.item import MALFORMED_FEED, Item, Meta, failed, input_error, with_locator
from sitroom.ingest.meta import build_item, clean, language_tag, parse_when
from sitroom.ingest.source import Source

_FEED_START = re.compile(rb"<(?:rss|feed|rdf:rdf)\b", re.I)
_EMAIL_NAME = re.compile(r"^\S+@\S+\s+\((.+)\)$")
# feedparser reports these through ``bozo`` although the feed was read completely.
_HARMLESS = (
    feedparser.CharacterEncodingOverride,
    feedparser.NonXMLContentType,
    feedparser.exceptions.UndeclaredNamespace,
)


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published", "created", "updated"):
        if (day := parse_when(entry.get(key))) is not None:
            return day
    for key in ("published_parsed", "created_parsed", "updated_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def _entry_text(entry: Any) -> str:
    """The longest body the entry carries: full content beats the summary."""
    bodies = [part.get("value", "") for part in entry.get("content", [])]
    bodies.append(entry.get("summary", ""))
    best = max((body for body in bodies if isinstance(body, str)), key=len, default="")
    return fragment_text(best) if best.strip() else ""


def _author(entry: Any) -> str | None:
    # RSS writes "email (Name)"; feedparser's own split trips over some mail domains.
    raw = clean(entry.get("author"))
    if raw and (match := _EMAIL_NAME.match(raw)):
        return clean(match[1])
    detail = entry.get("author_detail") or {}
    return clean(detail.get("name")) or raw


class FeedReader:
    name = "feed"
    suffixes = (".rss", ".atom", ".rdf", ".xml")
    content_types = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")

    def sniff(self, head: bytes) -> bool:
        return bool(_FEED_START.search(head[:2048]))

    def read(self, source: Source) -> Iterator[Item]:
        try:
            data = source.read_bytes()
        except SitroomError as exc:
            yield failed(source.location, exc)
            return
        # Bytes, never str: feedparser treats a string as a URL or file name to open.
        parsed = feedparser.parse(data, resolve_relative_uris=True, sanitize_html=True)
        problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
        if isinstance(problem, _HARMLESS):
            problem = None
        entries = parsed.get("entries", [])
        if not entries:
            if problem is not None or not parsed.get("version"):
                detail = f": {problem}" if problem is not None else ""
                yield input_error(
                    source.location, f"not a readable RSS or Atom feed{detail}", MALFORMED_FEED
                )
            else:
                yield input_error(source.location, "the feed has no entries", MALFORMED_FEED)
            return
        channel = parsed.get("feed", {})
        publisher = clean(channel.get("title")) or source.options.publisher
        language = language_tag(channel.get("language"))
        for number, entry in enumerate(entries, start=1):
            yield from self._entry(source, entry, number, publisher, language)
        if problem is not None:
            yield input_error(
                source.location,
                f"malformed feed ({problem}); {len(entries)} entries were read before the "
                "error and later ones may be missing",
                MALFORMED_FEED,
            )

    def _entry(
        self, source: Source, entry: Any, number: int, publisher: str | None, language: str | None
    ) -> Iterator[Item]:
        location = with_locator(source.location, "entry", number)
        link = clean(entry.get("link"))
        hints = Meta(
            title=clean(entry.get("title")),
            url=link,
            publisher=publisher,
            author=_author(entry),
            published=_entry_date(entry),
            published_from="feed",
            language=language,
        )
        text = _entry_text(entry)
        fetcher = source.options.fetcher
        if link and fetcher is not None and len(text) < source.options.summary_chars:
            errors: list[Item] = []
            for item in read_url(link, source.options, fetcher, hints=hints):
                if item.ok:
                    yield dataclasses.replace(item, source=location)
                    return
                errors.append(item)
            # The page could not be read: report why, and keep the summary we have.
            yield from errors
        entry_source = dataclasses.replace(source, hints=hints, url=link)
        yield build_item(entry_source, text, location=location)


__all__ = ["FeedReader"]
