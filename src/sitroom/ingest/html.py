"""Saved and fetched HTML pages: the article's main text and the page's own metadata.

trafilatura finds the main text and drops navigation, cookie banners, footers and related
links. The publication date is read here from explicit markup only (JSON-LD, meta tags,
marked ``<time>`` elements): a year in a copyright footer says when the site template was
last touched, not when the article appeared, so free-text date guessing is never used.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

import lxml.etree  # type: ignore[import-untyped]
import lxml.html  # type: ignore[import-untyped]
import trafilatura

from sitroom.errors import EmptyTextError, SitroomError
from sitroom.ingest.item import READER_FAILURE, Item, failed, input_error
from sitroom.ingest.meta import DateCandidate, build_item, clean, parse_when
from sitroom.ingest.plain import decode_bytes
from sitroom.ingest.source import Source

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
# Meta names and properties that state when an article was first published (lower case).
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article.published",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "published-date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "citation_date",
    "sailthru.date",
    "parsely-pub-date",
    "originalpublicationdate",
    "date",
)
_TIME_XPATH = (
    "//time[not(ancestor::footer)][@pubdate or contains(@class, 'publish')"
    " or contains(@class, 'posted') or @itemprop='datePublished']"
    " | //article//header//time[not(ancestor::footer)]"
)
_BLOCK_TAGS = frozenset(
    {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
     "table", "section", "article", "pre", "figure", "figcaption", "header", "hr", "dd", "dt"}
)  # fmt: skip


def _json_ld_dates(tree: Any) -> Iterator[str]:
    def walk(node: object) -> Iterator[str]:
        if isinstance(node, dict):
            for key in ("datePublished", "dateCreated"):
                if isinstance(node.get(key), str):
                    yield node[key]
            for value in node.values():
                if isinstance(value, (dict, list)):
                    yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)

    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            yield from walk(json.loads(script.text or ""))
        except ValueError:
            continue  # broken JSON-LD is common; the meta tags may still say it


def page_date(tree: Any) -> dt.date | None:
    """The publication date stated in the page's markup, or None."""
    for value in _json_ld_dates(tree):
        if (day := parse_when(value)) is not None:
            return day
    metas: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        metas.setdefault(key.strip(), meta.get("content"))
    for key in _PUBLISHED_META:
        if key in metas and (day := parse_when(metas[key])) is not None:
            return day
    for node in tree.xpath("//*[@itemprop='datePublished']"):
        value = node.get("content") or node.get("datetime") or node.text_content()
        if (day := parse_when(value)) is not None:
            return day
    for node in tree.xpath(_TIME_XPATH):
        if (day := parse_when(node.get("datetime") or node.text_content())) is not None:
            return day
    return None


def declared_language(tree: Any) -> str | None:
    for value in (
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        *tree.xpath(
            "//meta[translate(@http-equiv, 'CONTENTLAGU', 'contentlagu')"
            "='content-language']/@content"
        ),
        *tree.xpath("//meta[@property='og:locale']/@content"),
    ):
        if isinstance(value, str) and value.strip():
            return value
    return None


def paragraphs(text: str, title: str | None = None) -> str:
    """One paragraph per block, separated by blank lines; a repeated headline is dropped."""
    blocks = [" ".join(line.split()) for line in text.splitlines()]
    blocks = [block for block in blocks if block]
    if blocks and title and blocks[0].casefold() == " ".join(title.split()).casefold():
        blocks = blocks[1:]
    return "\n\n".join(blocks)


def fragment_text(fragment: str) -> str:
    """Plain paragraphs from an HTML fragment such as a feed entry's content."""
    if not fragment.strip():
        return ""
    if "<" not in fragment:
        return paragraphs(lxml.html.fromstring(f"<p>{fragment}</p>").text_content())
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    out: list[str] = []

    def walk(node: Any) -> None:
        block = isinstance(node.tag, str) and node.tag in _BLOCK_TAGS
        if block:
            out.append("\n")
        if isinstance(node.tag, str) and node.tag not in ("script", "style"):
            out.append(node.text or "")
            for child in node:
                walk(child)
                out.append(child.tail or "")
        if block or node.tag == "br":
            out.append("\n")

    walk(root)
    return paragraphs("".join(out))


def parse_html(html: str) -> Any:
    # lxml refuses str input that still carries an XML encoding declaration.
    return lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))


class HtmlReader:
    name = "html"
    suffixes = (".html", ".htm", ".xhtml", ".shtml")
    content_types = ("text/html", "application/xhtml+xml")

    def sniff(self, head: bytes) -> bool:
        return bool(_HTML_START.match(head.lstrip(b"\xef\xbb\xbf")))

    def read(self, source: Source) -> Iterator[Item]:
        try:
            data = source.read_bytes()
            declared = source.charset
            if declared is None and (match := _META_CHARSET.search(data[:4096])):
                declared = match[1].decode("ascii", "replace")
            html = decode_bytes(data, source.location, declared)
        except SitroomError as exc:
            yield failed(source.location, exc)
            return
        yield self.extract(source, html)

    def extract(self, source: Source, html: str) -> Item:
        """The Item for one page's HTML text (also used for WARC records and feed pages)."""
        if not html.strip():
            return failed(source.location, EmptyTextError(f"{source.location}: empty page"))
        try:
            tree = parse_html(html)
        except (ValueError, lxml.etree.LxmlError) as exc:
            message = f"cannot parse the HTML: {exc}"
            return input_error(source.location, message, READER_FAILURE)
        day, language = page_date(tree), declared_language(tree)
        # The page date is ours; trafilatura's own date search also reads copyright lines.
        result = trafilatura.bare_extraction(
            tree,
            url=source.url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
        if result is None or isinstance(result, dict) or not (result.text or "").strip():
            message = f"{source.location}: no article text found in the page"
            return failed(source.location, EmptyTextError(message, code="S202"))
        title = clean(result.title)
        dates: list[DateCandidate] = [(day, "page")]
        return build_item(
            source,
            paragraphs(result.text or "", title),
            title=title,
            publisher=result.sitename,
            author=result.author,
            dates=dates,
            declared_language=language,
            license=result.license,
        )


__all__ = ["HtmlReader", "declared_language", "fragment_text", "page_date", "paragraphs"]
