"""Markdown and HTML of a report: structure, citations, and inertness of hostile stored text."""

from __future__ import annotations

import re

import lxml.html
import pytest
from markdown_it import MarkdownIt

from sitroom.report import Report, build_report, render_html, render_markdown
from sitroom.report.html import CSP
from sitroom.store import Store

CITE = re.compile(r"\[(\d+(?:, \d+)*)\]")


def cited(line: str) -> set[int]:
    return {int(n) for group in CITE.findall(line) for n in group.split(", ")}


def section(markdown: str, title: str) -> list[str]:
    lines = markdown.splitlines()
    start = lines.index(f"## {title}") + 1
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("## ")), len(lines))
    return [line for line in lines[start:end] if line.strip()]


def test_markdown_sections_and_citations(report: Report) -> None:
    md = render_markdown(report, map_link="report.map.svg")
    assert md.startswith("# Situation report: all countries\n")
    headings = [line for line in md.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Headline figures", "## Key developments", "## Contested claims", "## Quotes",
        "## Map", "## Sources",
    ]  # fmt: skip
    developments = section(md, "Key developments")
    assert len(developments) == len(report.developments)
    for line, development in zip(developments, report.developments, strict=True):
        assert cited(line) == set(development.sources)
    fight = next(line for line in developments if "Northern Front — attacked" in line)
    assert "**2021-09-01**" in fight and "Rukha" in fight and "[2, 3]" in fight
    claimed = next(line for line in developments if "captured" in line)
    assert "claimed by Taliban [2]" in claimed and "**contested**" in claimed
    assert any("planned [3]" in line for line in developments)
    # Every line of every section but the sources cites a source (list headings aside).
    for title in ("Headline figures", "Key developments", "Quotes"):
        lines = [line for line in section(md, title) if not line.endswith(":")]
        assert all(cited(line) for line in lines), title
    assert "![Map of located developments](report.map.svg)" in md


def test_markdown_figures_fatalities_and_sources(report: Report) -> None:
    md = render_markdown(report)
    headline = "\n".join(section(md, "Headline figures"))
    assert "12 reported killed [2]; 15 reported killed [3]" in headline
    assert "Total: 18 reported killed across 2 distinct asserted developments" in headline
    assert (
        "1 development with figures only from claimed, denied or planned reports not counted"
        in headline
    )
    assert "more than 3,000 people (families): “More than 3,000 families fled Rukha" in headline
    sources = section(md, "Sources")
    assert sources[1].startswith("2. Northern Front attacks Taliban in Rukha — Example Wire, ")
    assert "<https://news.example/rukha>" in sources[1] and "Licence: CC-BY-4.0." in sources[1]
    assert "![Map of located developments](data:image/svg+xml;base64," in md  # no file: inline


def test_markdown_contest_lists_both_stances(report: Report) -> None:
    dispute = section(render_markdown(report), "Contested claims")
    assert dispute[0] == "### Dispute 1 (across articles) [2, 3]"
    assert "- Asserted by **Taliban**: “it had captured Rukha” [2]" in dispute
    assert "- Denied by **Northern Front**: “that claim” [2]" in dispute
    assert "- Denied by **Northern Front**: “reports of the fall of Rukha” [3]" in dispute


def test_html_structure(report: Report) -> None:
    page = render_html(report)
    tree = lxml.html.document_fromstring(page)
    csp = tree.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')
    assert csp == [CSP] and "script-src 'none'" in CSP and "default-src 'none'" in CSP
    assert tree.xpath("//h1")[0].text_content() == "Situation report: all countries"
    items = tree.xpath('//ol[@class="developments"]/li')
    assert len(items) == len(report.developments)
    for item, development in zip(items, report.developments, strict=True):
        links = item.xpath('.//span[@class="cite"]/a/@href')
        assert {int(h.removeprefix("#source-")) for h in links} == set(development.sources)
    sources = tree.xpath('//ol[@class="sources"]/li')
    assert [li.get("id") for li in sources] == [f"source-{n}" for n in range(1, 5)]
    stances = tree.xpath('//div[@class="dispute"]//li[contains(@class, "claim")]/@data-stance')
    assert sorted(stances) == ["assert", "deny", "deny"]
    assert len(tree.xpath('//figure[@class="map"]//*[local-name()="svg"]')) == 1
    assert not tree.xpath("//script") and not tree.xpath("//link") and not tree.xpath("//img")


def test_empty_report_says_so(store: Store) -> None:
    import datetime as dt

    empty = build_report(store, country="AF", date_from=dt.date(2030, 1, 1))
    md = render_markdown(empty)
    assert "No events were recorded for AF, from 2030-01-01." in md
    assert "## Key developments" not in md
    tree = lxml.html.document_fromstring(render_html(empty))
    assert tree.xpath('//p[@class="empty"]')[0].text_content().startswith("No events were")


@pytest.fixture
def hostile(evil_store: Store) -> Report:
    return build_report(evil_store)


def test_html_leaves_hostile_strings_inert(hostile: Report) -> None:
    page = render_html(hostile)
    assert "<script" not in page.lower()
    tree = lxml.html.document_fromstring(page)
    assert not tree.xpath("//script") and not tree.xpath("//img") and not tree.xpath("//b")
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            assert "javascript:" not in value.lower(), (element.tag, name, value)
    assert tree.xpath("//a[starts-with(@href, 'javascript')]") == []
    # The hostile text is still shown, as text.
    text = tree.text_content()
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text
    assert "javascript:alert(7)" in text  # the URL shown, not linked
    title = tree.xpath("//title")[0].text_content()
    assert title == "Situation report: all countries"


def test_markdown_leaves_hostile_strings_inert(hostile: Report) -> None:
    md = render_markdown(hostile)
    assert not re.search(r"(?<!\\)<(?!https?://)", md)  # every < escaped, autolinks aside
    assert r"\[envoy\](javascript:alert(9))" in md  # a link in a name stays text
    # Rendered by a CommonMark renderer that passes raw HTML through, nothing is live.
    page = MarkdownIt("commonmark").render(md)
    tree = lxml.html.fragment_fromstring(page, create_parent="div")
    assert not tree.xpath("//script | //svg | //b | //i")
    assert not tree.xpath("//img[not(starts-with(@src, 'data:image/svg+xml;base64,'))]")
    for element in tree.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on") and "javascript:" not in value.lower()
    assert "<script>alert(1)</script>" in tree.text_content()
