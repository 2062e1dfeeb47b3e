"""One poll of one source: what the server sent, turned into the entries that may be new.

A response is read as a feed (RSS/Atom, by the ingest package's feed reader), a sitemap
(``<urlset>`` / ``<sitemapindex>``: each ``<loc>`` is a page) or else a plain page. Each entry
has a stable key, the ``source`` it is recorded under in the ``inputs`` table: the entry's link
(feeds, sitemaps; positions in a feed shift as items are added) or, for a plain page, its URL
with the text's hash (a changed page is a new version). An entry is new when its key is not in
``inputs`` yet; nothing else needs remembering to resume.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree  # type: ignore[import-untyped]

from sitroom.ingest import Fetcher, Item, Limits, ReadOptions, Source, read_inputs, registry
from sitroom.store.watch_state import SourceState
from sitroom.watch.polite import Fetched

_SITEMAP_START = re.compile(rb"<(?:\w+:)?(?:urlset|sitemapindex)\b", re.I)
_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_MAX_SITEMAP_URLS = 50_000


@dataclass(frozen=True)
class Entry:
    """Something a source lists: ``item`` when the listing itself carries the text (a feed
    entry, a page), ``link`` when the text is on a page still to fetch."""

    key: str
    item: Item | None = None
    link: str | None = None


@dataclass(frozen=True)
class Listing:
    kind: str  # "feed", "sitemap" or "page"
    entries: list[Entry]
    problem: str | None = None  # a malformed feed: what was read is kept, the error reported


def read_listing(source: SourceState, fetched: Fetched, limits: Limits) -> Listing:
    head = fetched.body[:4096]
    readers = registry()
    feed = readers["feed"]
    options = ReadOptions(publisher=source.publisher, limits=limits)
    made = Source(
        location=source.url,
        options=options,
        data=fetched.body,
        url=fetched.url,
        content_type=fetched.content_type,
        charset=fetched.charset,
    )
    if fetched.content_type in feed.content_types or feed.sniff(head):
        return _feed(feed.read(made))
    if _SITEMAP_START.search(head):
        return _sitemap(fetched.body)
    return _page(source.url, made)


def _feed(items: Iterator[Item]) -> Listing:
    entries: list[Entry] = []
    problems: list[str] = []
    for item in items:
        if item.document is None or item.meta is None:
            problems.append(item.reason or "unreadable feed")
            continue
        key = item.meta.url or item.source
        entries.append(Entry(key=key, item=dataclasses.replace(item, source=key)))
    return Listing("feed", entries, "; ".join(problems) or None)


def _sitemap(body: bytes) -> Listing:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as exc:
        return Listing("sitemap", [], f"malformed sitemap: {exc}")
    if etree.QName(root).localname == "sitemapindex":
        # An index lists sitemaps, not articles: each is a source of its own, with its pace.
        return Listing("sitemap", [], "a sitemap index: watch the sitemaps it lists instead")
    entries: list[Entry] = []
    for loc in root.iter(f"{_SITEMAP_NS}loc", "loc"):
        url = (loc.text or "").strip()
        if url.lower().startswith(("http://", "https://")):
            entries.append(Entry(key=url, link=url))
        if len(entries) >= _MAX_SITEMAP_URLS:
            break
    return Listing("sitemap", entries)


def _page(url: str, made: Source) -> Listing:
    readers = registry()
    ordered = [r for name, r in readers.items() if name != "text"]
    head = made.head()
    reader = next((r for r in ordered if made.content_type in r.content_types), None)
    reader = reader or next((r for r in ordered if r.sniff(head)), readers["text"])
    entries = []
    for item in reader.read(made):
        if item.document is not None:
            key = f"{url}#{item.document.id}"
            entries.append(Entry(key=key, item=dataclasses.replace(item, source=key)))
    return Listing("page", entries)


def entry_item(
    entry: Entry,
    source: SourceState,
    fetcher: Fetcher,
    limits: Limits,
    *,
    summary_chars: int = 600,
) -> Item:
    """The item to store for a new entry, its page fetched when the listing has too little text.

    A page that cannot be read leaves the feed's summary when there is one, else an error item
    (which also ends in ``inputs``: the entry is not tried again)."""
    summary = entry.item
    link = entry.link or (summary.meta.url if summary is not None and summary.meta else None)
    needs_page = summary is None or (
        summary.document is not None and len(summary.document.text) < summary_chars
    )
    if link is None or not needs_page:
        assert summary is not None
        return _tagged(summary, source)
    hints = summary.meta if summary is not None else None
    problem: Item | None = None
    for item in read_inputs(
        [link],
        published=hints.published if hints else None,
        publisher=(hints.publisher if hints else None) or source.publisher,
        fetcher=fetcher,
        limits=limits,
    ):
        if item.ok:
            return _tagged(dataclasses.replace(item, source=entry.key), source)
        problem = problem or item
    if summary is not None:
        return _tagged(summary, source)
    assert problem is not None
    return dataclasses.replace(problem, source=entry.key, origin=source.url)


def _tagged(item: Item, source: SourceState) -> Item:
    """The item with the watched source as its origin, and the source's language and licence
    note where the article gives none."""
    meta, document = item.meta, item.document
    if meta is not None and meta.language is None and source.language:
        item = dataclasses.replace(item, meta=dataclasses.replace(meta, language=source.language))
    if document is not None and document.license is None and source.license:
        item = dataclasses.replace(
            item, document=document.model_copy(update={"license": source.license})
        )
    return dataclasses.replace(item, origin=source.url)


__all__ = ["Entry", "Listing", "entry_item", "read_listing"]
