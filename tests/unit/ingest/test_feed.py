from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitroom.ingest import Fetcher, read_inputs
from unit.ingest.builders import BODY, Route, article_page, serve, write

LONG = " ".join(BODY) * 3


def rss(link_a: str, link_b: str = "https://example.invalid/b") -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Wire</title><link>https://example.invalid/</link><language>en</language>
<item><title>Short one</title><link>{link_a}</link>
<pubDate>Mon, 06 Sep 2021 23:00:00 -0500</pubDate>
<description>&lt;p&gt;Floods hit Kadugli.&lt;/p&gt;</description>
<author>desk@example.invalid (Jo Reporter)</author></item>
<item><title>Full one</title><link>{link_b}</link>
<content:encoded><![CDATA[<p>{LONG}</p><p>Second paragraph &amp; more.</p>]]>
</content:encoded></item>
</channel></rss>"""


ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Atom Desk</title>
<id>urn:x</id><updated>2020-05-02T10:00:00Z</updated>
<entry><title>Atom entry</title><id>urn:1</id><link href="https://example.invalid/atom/1"/>
<published>2020-05-01T09:00:00+03:00</published><updated>2020-05-02T10:00:00Z</updated>
<author><name>Sam Writer</name></author>
<content type="html">&lt;p&gt;{LONG}&lt;/p&gt;</content></entry>
<entry><title>Updated only</title><id>urn:2</id><link href="https://example.invalid/atom/2"/>
<updated>2020-05-03T10:00:00Z</updated><summary>Plain summary text of the second entry.</summary>
</entry></feed>"""


def test_rss_entries_without_fetching(tmp_path: Path) -> None:
    items = list(read_inputs([write(tmp_path / "wire.rss", rss("https://example.invalid/a"))]))
    assert [i.source.rsplit("#", 1)[1] for i in items] == ["entry=1", "entry=2"]
    short, full = items
    assert short.document is not None and short.meta is not None
    assert short.document.text == "Floods hit Kadugli."
    assert short.meta.title == "Short one" and short.meta.author == "Jo Reporter"
    assert short.meta.publisher == "Example Wire"
    # The date as the publisher wrote it, not shifted to UTC.
    assert (short.meta.published, short.meta.published_from) == (dt.date(2021, 9, 6), "feed")
    assert full.document is not None and full.document.text.endswith("Second paragraph & more.")
    assert full.meta is not None and full.meta.published is None


def test_atom_feed(tmp_path: Path) -> None:
    items = list(read_inputs([write(tmp_path / "desk.atom", ATOM)]))
    first, second = items
    assert first.meta is not None and first.meta.author == "Sam Writer"
    assert first.meta.published == dt.date(2020, 5, 1)
    assert (first.meta.url or "").endswith("/atom/1")
    assert first.meta.language == "en"
    assert second.meta is not None and second.meta.published == dt.date(2020, 5, 3)
    assert second.document is not None
    assert second.document.text == "Plain summary text of the second entry."


def test_short_summary_is_replaced_by_the_fetched_page(tmp_path: Path) -> None:
    page = article_page().encode()
    with serve({"/2021/09/06/flood.html": Route(body=page)}) as server:
        feed = rss(server.url("/2021/09/06/flood.html"), link_b=server.url("/full"))
        path = write(tmp_path / "wire.xml", feed)
        with Fetcher(retries=0, allow_private=True) as fetcher:
            items = list(read_inputs([path], fetcher=fetcher))
    short, full = items
    assert short.source == f"{path}#entry=1"
    assert short.document is not None and short.meta is not None
    assert short.document.text == "\n\n".join(BODY)
    assert short.meta.title == "Flood kills 12 in Kadugli"  # the page's own title
    assert short.meta.author == "Jane Roe"
    assert (short.meta.published, short.meta.published_from) == (dt.date(2021, 9, 6), "feed")
    # The long entry is not fetched: its server path would have answered 404.
    assert full.ok and "/full" not in server.hits


def test_failed_page_fetch_keeps_the_summary(tmp_path: Path) -> None:
    with serve({}) as server:
        path = write(tmp_path / "wire.rss", rss(server.url("/gone")))
        with Fetcher(retries=0, allow_private=True) as fetcher:
            items = list(read_inputs([path], fetcher=fetcher))
    error, summary, full = items
    assert error.code == "S209" and error.source == server.url("/gone")
    assert summary.ok and summary.source == f"{path}#entry=1"
    assert summary.document is not None and summary.document.text == "Floods hit Kadugli."
    assert full.ok


def test_broken_xml_feed_keeps_what_was_read(tmp_path: Path) -> None:
    feed = rss("https://example.invalid/a")
    cut = feed[: feed.index("<item><title>Full")] + "<item><title>Broken</title><link>x</item>"
    items = list(read_inputs([write(tmp_path / "broken.rss", cut)]))
    assert items[0].ok and items[0].meta is not None and items[0].meta.title == "Short one"
    assert items[-1].code == "S207" and "malformed feed" in (items[-1].reason or "")


def test_not_a_feed(tmp_path: Path) -> None:
    for name, content in [("a.xml", "<sitemap><url>x</url></sitemap>"), ("b.rss", "garbage <")]:
        (item,) = list(read_inputs([write(tmp_path / name, content)]))
        assert item.code == "S207", item
    empty = '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>'
    (item,) = list(read_inputs([write(tmp_path / "empty.rss", empty)]))
    assert item.code == "S207" and "no entries" in (item.reason or "")
