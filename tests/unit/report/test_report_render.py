"""Markdown and HTML of a report: structure, citations, and inertness of hostile stored text."""

from __future__ import annotations

import re

import lxml.html
import pytest
from markdown_it import MarkdownIt

from sitroom.palette import palette
from sitroom.report import Report, build_report, event_map, render_html, render_markdown
from sitroom.report.html import CSP
from sitroom.store import Store

FOOTNOTE = re.compile(r"\[\^(\d+)\](?!:)")
BRACKET_LIST = re.compile(r"(?<!\\)\[\d+(?:, \d+)*\]")


def cited(line: str) -> set[int]:
    return {int(n) for n in FOOTNOTE.findall(line)}


def section(markdown: str, title: str) -> list[str]:
    lines = markdown.splitlines()
    start = lines.index(f"## {title}") + 1
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("## ")), len(lines))
    return [line for line in lines[start:end] if line.strip()]


def test_markdown_sections_and_footnotes(report: Report) -> None:
    md = render_markdown(report, map_link="report.map.svg")
    assert md.startswith("# All countries: situation report, 20 August to 4 September 2021\n")
    headings = [line for line in md.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Key messages", "## Figures", "## Developments by area", "## Contested claims",
        "## Quotes", "## Map", "## About this report", "## Sources",
    ]  # fmt: skip
    # Footnotes, never bracket lists after clauses.
    assert not BRACKET_LIST.search(md)
    messages = section(md, "Key messages")
    assert 3 <= len(messages) <= 5 and all(cited(line) for line in messages)
    for title in ("Key messages", "Developments by area", "Quotes"):
        items = [line for line in section(md, title) if line.startswith("- ")]
        assert items and all(cited(line) for line in items), title
    sources = section(md, "Sources")
    assert [line.split(":", 1)[0] for line in sources] == ["[^1]", "[^2]", "[^3]", "[^4]"]
    assert sources[1].startswith("[^2]: Northern Front attacks Taliban in Rukha — Example Wire, ")
    assert "<https://news.example/rukha>" in sources[1] and "Licence: CC-BY-4.0." in sources[1]
    assert "![Map of located developments](report.map.svg)" in md


def test_markdown_developments_by_area_newest_first(report: Report) -> None:
    lines = section(render_markdown(report), "Developments by area")
    assert lines[0] == "### Pakistan, province not identified"
    afghanistan = lines[lines.index("### Afghanistan, province not identified") + 1 :]
    assert afghanistan == [
        "- Northern Front fought Taliban in Rukha, Afghanistan on 1 September 2021.[^2][^3] "
        "*Claimed by Taliban; denied by Northern Front.*",
        "- An attack on Police was reported in Herat, Afghanistan on 19 August 2021.[^1]",
    ]
    assert "- Militants carried out an attack in Peshawar, Pakistan on 2 September 2021.[^4] " \
        "*Claimed by Militants.*" in lines  # fmt: skip
    # The talks planned in Doha are no development yet: counted, not listed.
    assert not any("Doha" in line for line in lines)
    about = section(render_markdown(report), "About this report")
    assert "- 1 development only planned, conditional, hypothetical or negated not listed." in about


def test_markdown_key_messages(report: Report) -> None:
    assert section(render_markdown(report), "Key messages") == [
        "- At least 18 people were reported killed in 2 developments of the period.[^1][^2][^3]",
        "- More than 3,000 families were reported displaced (2 September 2021).[^2]",
        "- Northern Front fought Taliban in Rukha, Afghanistan on 1 September 2021 (reported by "
        "2 sources).[^2][^3]",
        "- An attack on Police was reported in Herat, Afghanistan on 19 August 2021.[^1]",
        "- Contested: Taliban’s claim “it had captured Rukha” is denied by Northern Front.[^2][^3]",
    ]


def test_markdown_figures_box(report: Report) -> None:
    figures = section(render_markdown(report), "Figures")
    assert figures[0] == (
        "**Killed, all developments:** At least 18 reported killed in 2 developments (the highest "
        "figure reported for each, summed). Not counted: 1 only claimed, denied or planned."
        "[^1][^2][^3]"
    )
    assert figures[1:] == [
        "| Figure | Number | Counts | Source | Date |",
        "| --- | --- | --- | --- | --- |",
        "| Killed | 12 | fighters | Example Wire[^2] | 1 September 2021 |",
        "| Displaced | more than 3,000 | families | Example Wire[^2] | 2 September 2021 |",
    ]


def test_markdown_contest_by_proposition(report: Report) -> None:
    dispute = section(render_markdown(report), "Contested claims")
    assert dispute[0] == "### “it had captured Rukha”"
    assert "- Asserted by **Taliban**: “it had captured Rukha”[^2]" in dispute
    assert "- Denied by **Northern Front**: “that claim”[^2]" in dispute
    assert "- Denied by **Northern Front**: “reports of the fall of Rukha”[^3]" in dispute
    assert dispute[-1] == "- Found across articles."


def test_html_structure(report: Report) -> None:
    page = render_html(report)
    tree = lxml.html.document_fromstring(page)
    csp = tree.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')
    assert csp == [CSP] and "script-src 'none'" in CSP and "default-src 'none'" in CSP
    assert tree.xpath("//h1")[0].text_content() == (
        "All countries: situation report, 20 August to 4 September 2021"
    )
    assert [h.text_content() for h in tree.xpath("//h2")] == [
        "Key messages", "Figures", "Developments by area", "Contested claims", "Quotes", "Map",
        "Sources", "About this report",
    ]  # fmt: skip
    items = tree.xpath('//ul[@class="developments"]/li')
    assert len(items) == len(report.listed) == 3
    for item in items:
        links = item.xpath('./sup[@class="cite"]/a/@href')
        wanted = {int(n) for n in item.get("data-sources").split(",")}
        assert {int(h.removeprefix("#source-")) for h in links} == wanted
    assert all(" q-material-conflict" in item.get("class") for item in items)
    rows = tree.xpath('//table[@class="figures"]/tbody/tr')
    assert [r.get("data-category") for r in rows] == ["killed", "displaced"]
    sources = tree.xpath('//ol[@class="sources"]/li')
    assert [li.get("id") for li in sources] == [f"source-{n}" for n in range(1, 5)]
    stances = tree.xpath('//div[@class="dispute"]//li[contains(@class, "claim")]/@data-stance')
    assert sorted(stances) == ["assert", "deny", "deny"]
    assert len(tree.xpath('//figure[@class="map"]//*[local-name()="svg"]')) == 1
    assert not tree.xpath("//script") and not tree.xpath("//link") and not tree.xpath("//img")


def test_html_uses_the_dashboards_palette_and_prints(report: Report) -> None:
    page = render_html(report)
    style = lxml.html.document_fromstring(page).xpath("//style")[0].text_content()
    shared = palette()
    assert shared.css() in style
    for quad in shared.quad_classes:
        css = quad.replace("_", "-")
        assert f"li.development.q-{css}::before {{ background: var(--q-{css}); }}" in style
    svg = event_map(report.developments, outlines=lambda: None)
    assert svg is not None
    fills = set(re.findall(r'class="event"[^>]* fill="(#[0-9a-f]{6})"', svg.svg))
    assert fills == {shared.colour("material_conflict"), shared.colour("verbal_cooperation")}
    assert "@media print" in style and "@page" in style and "@media (max-width: 560px)" in style


def test_empty_report_says_so(store: Store) -> None:
    import datetime as dt

    empty = build_report(store, country="AF", date_from=dt.date(2030, 1, 1))
    assert empty.title == "Afghanistan: situation report, from 1 January 2030"
    md = render_markdown(empty)
    assert "No events were recorded for Afghanistan, from 1 January 2030." in md
    assert "## Developments by area" not in md
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
    assert title == "All countries: situation report, 5 September 2021"


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
