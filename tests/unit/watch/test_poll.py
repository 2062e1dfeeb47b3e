"""What a poll's response is read as: feed entries keyed by their links, sitemap URLs, a plain
page keyed by its text; the item stored for an entry."""

from __future__ import annotations

import datetime as dt

from sitroom.ingest import Limits
from sitroom.store.watch_state import SourceState
from sitroom.watch.polite import Fetched
from sitroom.watch.poll import read_listing

URL = "https://news.example/feed.xml"


def _source(url: str = URL) -> SourceState:
    now = dt.datetime(2025, 3, 5)
    return SourceState(
        url, "Example", "en", "headlines only", 60.0, None, None, now, None, None, None,
        0, 0, None, 0, None, None,
    )  # fmt: skip


def _fetched(body: str, ctype: str | None, url: str = URL) -> Fetched:
    return Fetched(url, 200, body.encode(), ctype, None, '"1"', None, None)


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
<item><title>B</title><link>https://news.example/b.html</link>
<description>Clashes were reported near Kadugli on Monday, residents said.</description></item>
<item><title>A</title><link>https://news.example/a.html</link>
<description>Aid convoys reached Mellit on Sunday, the United Nations said.</description></item>
</channel></rss>"""


def test_feed_entries_are_keyed_by_their_links() -> None:
    listing = read_listing(_source(), _fetched(RSS, "application/rss+xml"), Limits())
    assert listing.kind == "feed" and listing.problem is None
    assert [e.key for e in listing.entries] == [
        "https://news.example/b.html",
        "https://news.example/a.html",
    ]
    first = listing.entries[0].item
    assert first is not None and first.source == "https://news.example/b.html"


def test_sitemaps_list_pages_and_an_index_is_reported() -> None:
    sitemap = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://news.example/1.html</loc></url>"
        "<url><loc>https://news.example/2.html</loc></url><url><loc>ftp://x/3</loc></url>"
        "</urlset>"
    )
    listing = read_listing(_source(), _fetched(sitemap, "application/xml"), Limits())
    assert listing.kind == "sitemap"
    assert [(e.key, e.link) for e in listing.entries] == [
        ("https://news.example/1.html", "https://news.example/1.html"),
        ("https://news.example/2.html", "https://news.example/2.html"),
    ]
    index = (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<sitemap><loc>https://news.example/s1.xml</loc></sitemap></sitemapindex>"
    )
    listing = read_listing(_source(), _fetched(index, "application/xml"), Limits())
    assert listing.entries == [] and listing.problem is not None


def test_a_plain_page_is_one_entry_per_version_of_its_text() -> None:
    page = "https://news.example/live"
    html = (
        "<html><head><title>Live</title></head><body><article><p>Fighting resumed in Taiz on "
        "Tuesday after a night of shelling, residents said. Several families fled the old city "
        "toward the coast, aid workers said.</p></article></body></html>"
    )
    first = read_listing(_source(page), _fetched(html, "text/html", page), Limits())
    changed = read_listing(
        _source(page), _fetched(html.replace("Tuesday", "Wednesday"), "text/html", page), Limits()
    )
    assert first.kind == "page" and len(first.entries) == 1
    (entry,) = first.entries
    assert entry.key.startswith(page + "#") and entry.item is not None
    assert changed.entries[0].key != entry.key
