"""The report as Markdown (CommonMark): every stored string escaped, every line cited.

The map is an SVG image: linked by ``map_link`` (the CLI writes it next to the report as
``FILE.map.svg``), or embedded as a ``data:image/svg+xml`` URI when there is no file to put it
beside (stdout), so the output always stands alone.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Sequence

from sitroom.report import text
from sitroom.report.model import Contest, Count, Development, Report
from sitroom.report.svgmap import EventMap, event_map
from sitroom.report.topojson import Country, basemap

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&!])")


def md(value: str) -> str:
    """One line of stored text, inert in Markdown: whitespace collapsed, markup escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(value.split()))


def render_markdown(
    report: Report,
    *,
    map_link: str | None = None,
    outlines: Callable[[], Sequence[Country] | None] = basemap,
) -> str:
    lines = [f"# {md(report.title)}", ""]
    lines += [
        f"- **Period:** {md(text.period(report))}",
        f"- **Country:** {md(text.country(report))}",
        f"- **Generated:** {text.generated(report)} by sitroom from stored extractions",
    ]
    if report.empty:
        lines += [
            "",
            f"No events were recorded for {md(text.country(report))}, {md(text.period(report))}.",
            "",
        ]
        return "\n".join(lines)
    lines += [f"- **Basis:** {md(text.basis(report))} {_cite(report.sources_cited)}", ""]
    lines += _headline(report)
    lines += _developments(report.developments)
    lines += _contests(report.contests)
    lines += _quotes(report)
    lines += _map(report, event_map(report.developments, outlines=outlines), map_link)
    lines += _sources(report)
    return "\n".join(lines)


def _cite(numbers: Sequence[int]) -> str:
    return text.cite(numbers)


def _counts(counts: Sequence[Count]) -> str:
    return "; ".join(f"{md(c.label)} {c.count} {_cite(c.sources)}" for c in counts)


def _headline(report: Report) -> list[str]:
    lines = ["## Headline figures", ""]
    lines.append(f"- **Developments by type (PLOVER):** {_counts(report.by_type)}")
    if report.by_acled_type:
        lines.append(f"- **By ACLED event type:** {_counts(report.by_acled_type)}")
    with_dead = [d for d in report.developments if d.fatality_reports]
    if with_dead:
        lines.append("- **Reported fatalities** (as each source reports them, per development):")
        for d in with_dead:
            counts = "; ".join(f"{md(phrase)} {_cite([n])}" for phrase, n in text.fatalities(d))
            lines.append(f"  - {md(text.date(d))}, {md(text.action(d))}"
                         f"{_where(d)} ({_framing(d)}): {counts}")  # fmt: skip
        total = text.fatality_total(report)
        if total:
            lines.append(
                f"  - {md(total)} {_cite(sorted({s for d in with_dead for s in d.sources}))}"
            )
    else:
        lines.append("- **Reported fatalities:** none reported.")
    if report.figures:
        lines.append("- **People affected**, as reported:")
        for group in text.figure_groups(report.figures):
            what = "; ".join(md(text.figure(f)) for f in group)
            sentence, source = group[0].sentence, group[0].source
            lines.append(f"  - {what}: “{md(sentence)}” {_cite([source])}")
    lines.append("")
    return lines


def _where(d: Development) -> str:
    where = text.place(d)
    return f", {md(where)}" if where else ""


def _framing(d: Development) -> str:
    return "; ".join(f"{md(phrase)} {_cite(sources)}" for phrase, sources in text.framings(d))


def _developments(developments: Sequence[Development]) -> list[str]:
    lines = ["## Key developments", ""]
    for n, d in enumerate(developments, start=1):
        extras = [e for e in (text.acled(d),) if e]
        extra = f" ({md('; '.join(extras))})" if extras else ""
        flag = " — **contested**" if d.contested else ""
        lines.append(f"{n}. **{md(text.date(d))}** — {md(text.action(d))}{_where(d)}{extra}"
                     f" — {_framing(d)}{flag}")  # fmt: skip
    lines.append("")
    return lines


def _contests(contests: Sequence[Contest]) -> list[str]:
    lines = ["## Contested claims", ""]
    if not contests:
        return [*lines, "No contradictions between claims were found in these sources.", ""]
    for n, c in enumerate(contests, start=1):
        scope = "across articles" if c.across_articles else "within one article"
        lines.append(f"### Dispute {n} ({scope}) {_cite(c.sources)}")
        lines.append("")
        for side in (*c.asserting, *c.denying):
            verb = "Denied" if side.stance == "deny" else "Asserted"
            lines.append(f"- {verb} by **{md(text.claimant(side.claimant))}**: "
                         f"“{md(side.text)}” {_cite([side.source])}")  # fmt: skip
        for reason in c.reasons:
            lines.append(f"- Why contested: {md(reason)} {_cite(c.sources)}")
        lines.append("")
    return lines


def _quotes(report: Report) -> list[str]:
    if not report.quotes:
        return []
    lines = ["## Quotes", ""]
    for q in report.quotes:
        lines.append(f"- **{md(text.quote_speaker(q.speaker))}** ({q.kind}): “{md(q.text)}” "
                     f"{_cite([q.source])}")  # fmt: skip
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
    note = (
        f"{drawn.points} of {len(report.developments)} developments have coordinates and are "
        "drawn; colour is the quad class, size the number of sources."
    )
    if not drawn.outlines:
        note += " Country outlines were not available, so the map has none."
    lines += [note, ""]
    return lines


def _sources(report: Report) -> list[str]:
    lines = ["## Sources", ""]
    for s in report.sources:
        url = text.safe_url(s.url)
        link = f" <{url}>" if url else (f" URL (not linked): {md(s.url)}" if s.url else "")
        licence = f" Licence: {md(text.sentence_end(s.license))}" if s.license else ""
        lines.append(f"{s.number}. {md(text.source_label(s))} — {md(text.source_details(s))}."
                     f"{link}{licence} Document {s.document_id}.")  # fmt: skip
    lines.append("")
    return lines


__all__ = ["md", "render_markdown"]
