"""The report as Markdown: every stored string escaped, every statement footnoted.

Citations are footnotes (``[^3]`` after the sentence, defined under Sources), as GitHub and
most Markdown renderers show them. The map is an SVG image: linked by ``map_link`` (the CLI
writes it next to the report as ``FILE.map.svg``), or embedded as a ``data:image/svg+xml`` URI
when there is no file to put it beside (stdout), so the output always stands alone.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Iterable, Sequence

from sitroom.report import text
from sitroom.report.areas import by_area
from sitroom.report.model import Contest, Development, Report, ReportedFigure
from sitroom.report.sentence import describe
from sitroom.report.svgmap import EventMap, event_map
from sitroom.report.topojson import Country, basemap

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&!])")


def md(value: str) -> str:
    """One line of stored text, inert in Markdown: whitespace collapsed, markup escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(value.split()))


def fn(numbers: Iterable[int]) -> str:
    """Footnote references to these sources: ``[^1][^3]``."""
    return "".join(f"[^{n}]" for n in sorted(set(numbers)))


def render_markdown(
    report: Report,
    *,
    map_link: str | None = None,
    outlines: Callable[[], Sequence[Country] | None] = basemap,
) -> str:
    lines = [f"# {md(report.title)}", ""]
    lines += [
        f"**Country:** {md(text.country(report))} · **Period:** {md(text.period(report))} · "
        f"**Generated:** {text.generated(report)} by sitroom from stored extractions",
        "",
    ]
    if report.empty:
        lines += [
            f"No events were recorded for {md(text.country(report))}, {md(text.period(report))}.",
            "",
        ]
        return "\n".join(lines)
    with_country = text.with_country(report)
    lines += _key_messages(report)
    lines += _figures(report)
    lines += _developments(text.by_area_listed(report), with_country)
    lines += _response(report, with_country)
    lines += _contests(report.contests)
    lines += _quotes(report)
    lines += _map(report, event_map(report.developments, outlines=outlines), map_link)
    lines += _about(report)
    lines += _sources(report)
    return "\n".join(lines)


def _key_messages(report: Report) -> list[str]:
    lines = ["## Key messages", ""]
    lines += [f"- {md(m.text)}{fn(m.sources)}" for m in report.key_messages]
    return [*lines, ""]


def _figures(report: Report) -> list[str]:
    lines = ["## Figures", ""]
    total = text.fatality_total(report)
    if total:
        cited = report.fatalities.sources if report.fatalities else ()
        lines += [f"**Killed, all developments:** {md(total)}{fn(cited)}", ""]
    if report.figures:
        lines += [
            "| Figure | Number | Counts | Source | Date |",
            "| --- | --- | --- | --- | --- |",
        ]
        shown, rest = text.box_order(report.figures)
        lines += [_figure_row(report, f) for f in shown]
        lines += ["", rest, ""] if rest else [""]
    else:
        lines += ["No people figure of the period was reported.", ""]
    if report.context_figures:
        lines += ["Context, not counted above (outside the period):", ""]
        for f in report.context_figures:
            lines.append(f"- {md(text.amount(f))} {md(text.counts(f))}, {md(f.label.lower())}: "
                         f"{md(f.why or '')}. “{md(f.sentence)}”{fn([f.source])}")  # fmt: skip
        lines.append("")
    return lines


def _figure_row(report: Report, f: ReportedFigure) -> str:
    source = f"{md(text.source_short(report, f.source))}{fn([f.source])}"
    return (f"| {md(f.label)} | {md(text.amount(f))} | {md(text.counts(f))} | {source} "
            f"| {md(text.figure_date(f))} |")  # fmt: skip


def _developments(developments: Sequence[Development], with_country: bool) -> list[str]:
    lines = ["## Developments by area", ""]
    for area in by_area(developments, with_country=with_country):
        lines += [f"### {md(area.name)}", ""]
        for said, sources, note in text.area_lines(area, with_country):
            flag = f" *{md(note)}*" if note else ""
            lines.append(f"- {md(said)}{fn(sources)}{flag}")
        lines.append("")
    return lines


def _response(report: Report, with_country: bool) -> list[str]:
    """Aid given and money pledged or spent in the period; nothing when there is neither."""
    given, money = text.response(report), report.money
    if not given and not money:
        return []
    lines = ["## Response and funding", ""]
    for d in given:
        note = text.contested(d) or text.unconfirmed(d)
        flag = f" *{md(note[:1].upper() + note[1:])}.*" if note else ""
        lines.append(f"- {md(describe(d, with_country=with_country))}{fn(d.sources)}{flag}")
    for f in money:
        lines.append(f"- {md(text.money(f))}: “{md(f.sentence)}”{fn([f.source])}")
    return [*lines, ""]


def _contests(contests: Sequence[Contest]) -> list[str]:
    lines = ["## Contested claims", ""]
    if not contests:
        return [*lines, "No contradictions between claims were found in these sources.", ""]
    for c in contests:
        proposition = (c.asserting or c.denying)[0].text
        lines += [f"### “{md(proposition)}”", ""]
        for side in (*c.asserting, *c.denying):
            verb = "Denied" if side.stance == "deny" else "Asserted"
            lines.append(f"- {verb} by **{md(text.claimant(side.claimant))}**: "
                         f"“{md(side.text)}”{fn([side.source])}")  # fmt: skip
        for reason in c.reasons:
            lines.append(f"- Why contested: {md(reason)}")
        scope = "across articles" if c.across_articles else "within one article"
        lines += [f"- Found {scope}.", ""]
    return lines


def _quotes(report: Report) -> list[str]:
    if not report.quotes:
        return []
    lines = ["## Quotes", ""]
    for q in report.quotes:
        lines.append(f"- **{md(text.quote_speaker(q.speaker))}**: “{md(q.text)}”"
                     f"{fn([q.source])}")  # fmt: skip
    lines.append("")
    return lines


def _map(report: Report, drawn: EventMap | None, map_link: str | None) -> list[str]:
    lines = ["## Map", ""]
    if drawn is None:
        return [*lines, "No development has coordinates, so there is no map.", ""]
    target = map_link or "data:image/svg+xml;base64," + base64.b64encode(
        drawn.svg.encode("utf-8")
    ).decode("ascii")
    lines.append(f"![Map of located developments]({target})")
    lines.append("")
    return [*lines, _map_note(report, drawn), ""]


def _map_note(report: Report, drawn: EventMap) -> str:
    note = (
        f"{drawn.points} of {len(report.developments)} developments have coordinates and are "
        "drawn; colour is the quad class (the dashboard's palette), size the number of sources."
    )
    if not drawn.outlines:
        note += " Country outlines were not available, so the map has none."
    return note


def _about(report: Report) -> list[str]:
    lines = ["## About this report", ""]
    lines.append(f"- Basis: {md(text.basis(report))}.")
    lines += [f"- {md(line)}" for line in text.left_out(report)]
    if report.by_type:
        kinds = ", ".join(f"{md(c.label)} {c.count}" for c in report.by_type)
        lines.append(f"- Developments by PLOVER type: {kinds}.")
    return [*lines, ""]


def _sources(report: Report) -> list[str]:
    lines = ["## Sources", ""]
    for s in report.sources:
        url = text.safe_url(s.url)
        link = f" <{url}>" if url else (f" URL (not linked): {md(s.url)}" if s.url else "")
        licence = f" Licence: {md(text.sentence_end(s.license))}" if s.license else ""
        label = f"{md(text.source_label(s))} — {md(text.source_details(s))}."
        lines.append(f"[^{s.number}]: {label}{link}{licence} Document {s.document_id}.")
    lines.append("")
    return lines


__all__ = ["fn", "md", "render_markdown"]
