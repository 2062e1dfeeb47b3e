from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitroom.ingest import Limits, read_inputs
from sitroom.ingest.html import fragment_text
from sitroom.ingest.item import Item
from unit.ingest.builders import BODY, COOKIE, FOOTER, NAV, RELATED, article_page, write


def one(path: Path, **kwargs: object) -> Item:
    items = list(read_inputs([path], **kwargs))  # type: ignore[arg-type]
    assert len(items) == 1, items
    return items[0]


def test_main_text_without_boilerplate(tmp_path: Path) -> None:
    item = one(write(tmp_path / "page.html", article_page()))
    assert item.ok and item.document is not None and item.meta is not None
    text = item.document.text
    assert text == "\n\n".join(BODY)  # headline moved to the title, one paragraph per block
    for noise in (COOKIE, FOOTER, *NAV[1:], *RELATED, "Related stories"):
        assert noise not in text
    assert item.meta.title == item.document.title == "Flood kills 12 in Kadugli"
    assert item.meta.publisher == "Example News"
    assert item.meta.author == "Jane Roe"
    assert item.meta.language == item.document.language == "en"
    assert item.source == str(tmp_path / "page.html")


def test_copyright_year_is_not_a_publication_date(tmp_path: Path) -> None:
    item = one(write(tmp_path / "page.html", article_page(footer_year=2019)))
    assert item.meta is not None
    assert item.meta.published is None and item.meta.published_from is None


def test_date_from_meta_tag_in_the_publishers_time_zone(tmp_path: Path) -> None:
    head = '<meta property="article:published_time" content="2021-09-06T23:30:00-05:00">'
    item = one(write(tmp_path / "page.html", article_page(head=head)))
    assert item.meta is not None and item.document is not None
    assert item.meta.published == item.document.published == dt.date(2021, 9, 6)
    assert item.meta.published_from == "page"


def test_date_from_json_ld_beats_the_argument(tmp_path: Path) -> None:
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
        '[{"@type": "NewsArticle", "datePublished": "2020-03-14T08:00:00Z"}]}</script>'
    )
    item = one(write(tmp_path / "p.html", article_page(head=head)), published=dt.date(2022, 1, 1))
    assert item.meta is not None
    assert (item.meta.published, item.meta.published_from) == (dt.date(2020, 3, 14), "page")


def test_date_from_a_marked_time_element(tmp_path: Path) -> None:
    page = article_page().replace(
        "<h1>", '<header><time class="published" datetime="2019-05-02">2 May</time></header><h1>'
    )
    item = one(write(tmp_path / "p.html", page))
    assert item.meta is not None and item.meta.published == dt.date(2019, 5, 2)


def test_argument_is_the_fallback(tmp_path: Path) -> None:
    item = one(write(tmp_path / "p.html", article_page()), published=dt.date(2021, 1, 2))
    assert item.meta is not None
    assert (item.meta.published, item.meta.published_from) == (dt.date(2021, 1, 2), "argument")


def test_legacy_charset_declared_in_the_page(tmp_path: Path) -> None:
    paragraphs = [p.replace("Residents said", "Residents of the caf\u00e9 said") for p in BODY]
    page = article_page(paragraphs=paragraphs, charset="windows-1252").encode("cp1252")
    item = one(write(tmp_path / "p.htm", page))
    assert item.document is not None and "caf\u00e9" in item.document.text


def test_non_english_page_is_read_with_its_language(tmp_path: Path) -> None:
    french = [
        "De fortes pluies ont provoqué des inondations à Kadugli mardi, tuant au moins douze "
        "personnes, selon les autorités locales.",
        "Le gouverneur a déclaré que plus de trois cents maisons avaient été détruites.",
    ]
    item = one(write(tmp_path / "p.html", article_page("Inondations", french, lang="fr")))
    assert item.ok and item.meta is not None and item.meta.language == "fr"


def test_licence_link_of_the_page(tmp_path: Path) -> None:
    page = article_page().replace(
        "</footer>",
        '<a rel="license" href="https://creativecommons.org/licenses/by/2.5/">CC BY 2.5</a>'
        "</footer>",
    )
    item = one(write(tmp_path / "p.html", page))
    assert item.meta is not None and item.meta.license is not None
    assert "CC BY" in item.meta.license or "creativecommons" in item.meta.license


def test_page_of_fifty_megabytes_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as out:
        out.write(b"<!DOCTYPE html><html><body>")
        out.truncate(50 * 1024 * 1024)  # a sparse file: big on paper, instant to make
    item = one(path)
    assert item.code == "S206" and item.reason is not None and "over the limit" in item.reason


def test_page_limit_is_configurable(tmp_path: Path) -> None:
    item = one(write(tmp_path / "p.html", article_page()), limits=Limits(max_bytes=100))
    assert item.code == "S206"


def test_page_without_article_text(tmp_path: Path) -> None:
    for name, content in [("empty.html", ""), ("bare.html", "<html><body></body></html>")]:
        item = one(write(tmp_path / name, content))
        assert item.code == "S202", item


def test_feed_fragment_to_paragraphs() -> None:
    text = fragment_text("<p>One <b>bold</b> line.</p><p>Two &amp; three.</p>intro<br/>tail")
    assert text == "One bold line.\n\nTwo & three.\n\nintro\n\ntail"
    assert fragment_text("plain &amp; simple") == "plain & simple"
    assert fragment_text("  ") == ""
