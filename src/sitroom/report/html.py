"""The report as one self-contained, static HTML page, readable on a phone and in print.

Article text is untrusted: every stored string is escaped, links are made only of http(s) URLs,
the map is inline SVG built from escaped strings, and a Content-Security-Policy forbids scripts
and every external load (only the inline ``<style>`` is allowed). Citations are superscript
footnote numbers linking to the source list. The same page prints to PDF (``report.pdf``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from sitroom.palette import palette
from sitroom.report import text
from sitroom.report.areas import by_area
from sitroom.report.model import Contest, Development, Report, ReportedFigure
from sitroom.report.sentence import describe
from sitroom.report.svgmap import esc, event_map
from sitroom.report.topojson import Country, basemap

CSP = (
    "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

_STYLE = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif;
       max-width: 920px; margin: 1.5em auto; padding: 0 1em; color: #1d1d1d; }
h1 { font-size: 1.6em; margin: 0 0 .2em; line-height: 1.25; }
h2 { font-size: 1.25em; border-bottom: 2px solid #1d1d1d; padding-bottom: .15em;
     margin-top: 1.6em; }
h3 { font-size: 1.05em; margin: 1.1em 0 .3em; }
.meta { color: #555; margin: 0 0 1em; }
sup.cite { font-size: .72em; line-height: 0; }
sup.cite a { text-decoration: none; }
.key-messages { background: #f3f5f7; border-left: 5px solid #1d1d1d; padding: .6em 1em .6em 2em; }
.key-messages li { margin: .3em 0; }
.box { border: 1px solid #bbb; padding: .2em 1em .8em; margin: 1em 0; }
table.figures { border-collapse: collapse; width: 100%; font-size: .93em; }
table.figures th, table.figures td { text-align: left; padding: .3em .5em;
                                     border-bottom: 1px solid #ddd; vertical-align: top; }
table.figures td.number { font-weight: 700; white-space: nowrap; }
table.figures td.date { white-space: nowrap; }
.rest { color: #555; font-size: .9em; margin: .5em 0 0; }
.total { font-weight: 600; }
.context { color: #444; font-size: .92em; }
ul.developments, ul.response { padding-left: 1.2em; }
li.development { margin: .35em 0; list-style: none; position: relative; }
li.development::before { content: ""; position: absolute; left: -1.1em; top: .45em;
                         width: .65em; height: .65em; border-radius: 50%;
                         background: var(--q-other); }
.note { color: #b00020; font-style: italic; }
.dispute { border-left: 4px solid var(--q-verbal-conflict); padding: .1em .9em; margin: .8em 0; }
.deny { color: #8a1c1c; }
figure.map { margin: 1em 0; }
figure.map svg { max-width: 100%; height: auto; border: 1px solid #ccc; }
figcaption { color: #555; font-size: .9em; }
ol.sources { padding-left: 1.6em; }
ol.sources li { margin-bottom: .3em; overflow-wrap: anywhere; }
.doc-id, .about { color: #666; font-size: .85em; }
@media (max-width: 560px) {
  body { font-size: 14px; margin: .8em auto; padding: 0 .6em; }
  h1 { font-size: 1.3em; }
  table.figures thead { display: none; }
  table.figures tr { display: block; border-bottom: 1px solid #ddd; padding: .3em 0; }
  table.figures td { display: inline; border: none; padding: 0 .3em 0 0; }
  table.figures td.row { display: block; font-weight: 600; }
  table.figures td.source, table.figures td.date { color: #555; font-size: .92em; }
  table.figures td.source::before, table.figures td.date::before { content: "· "; }
}
@page { size: A4; margin: 16mm 14mm 18mm;
        @bottom-right { content: "Page " counter(page) " of " counter(pages);
                        font: 8pt system-ui, sans-serif; color: #666; } }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  a { color: inherit; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .key-messages, figure.map, .dispute, tr, li { break-inside: avoid;
                                                page-break-inside: avoid; }
  #map, #sources { break-before: page; page-break-before: always; }
  .key-messages, .box { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def render_html(
    report: Report, *, outlines: Callable[[], Sequence[Country] | None] = basemap
) -> str:
    body = [
        '<header id="top">',
        f"<h1>{esc(report.title)}</h1>",
        f'<p class="meta">Country: {esc(text.country(report))} · Period: '
        f"{esc(text.period(report))} · Generated {esc(text.generated(report))} by sitroom "
        "from stored extractions</p>",
        "</header>",
    ]
    if report.empty:
        body.append(
            f'<p class="empty">No events were recorded for {esc(text.country(report))}, '
            f"{esc(text.period(report))}.</p>"
        )
    else:
        with_country = text.with_country(report)
        body += _key_messages(report)
        body += _figures(report)
        body += _developments(text.by_area_listed(report), with_country)
        body += _response(report, with_country)
        body += _contests(report.contests)
        body += _quotes(report)
        body += _map(report, outlines)
        body += _sources(report)
        body += _about(report)
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">',
            '<meta name="referrer" content="no-referrer">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{esc(report.title)}</title>",
            f"<style>{_palette_css()}{_STYLE}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )


def _palette_css() -> str:
    """The dashboard's palette as custom properties, and one marker class per quad class."""
    shared = palette()
    rules = [
        f"li.development.q-{quad.replace('_', '-')}::before "
        f"{{ background: var(--q-{quad.replace('_', '-')}); }}"
        for quad in shared.quad_classes
    ]
    return shared.css() + "\n".join(rules) + "\n"


def _cite(numbers: Iterable[int]) -> str:
    found = sorted(set(numbers))
    if not found:
        return ""
    links = ",".join(f'<a href="#source-{n}">{n}</a>' for n in found)
    return f'<sup class="cite">{links}</sup>'


def _key_messages(report: Report) -> list[str]:
    out = ['<section id="key-messages">', "<h2>Key messages</h2>", '<ul class="key-messages">']
    out += [f"<li>{esc(m.text)}{_cite(m.sources)}</li>" for m in report.key_messages]
    return [*out, "</ul>", "</section>"]


def _figures(report: Report) -> list[str]:
    out = ['<section id="figures">', "<h2>Figures</h2>", '<div class="box">']
    total = text.fatality_total(report)
    if total:
        cited = report.fatalities.sources if report.fatalities else ()
        out.append(f'<p class="total">Killed, all developments: {esc(total)}{_cite(cited)}</p>')
    if report.figures:
        out += [
            '<table class="figures">',
            "<thead><tr><th>Figure</th><th>Number</th><th>Counts</th><th>Source</th>"
            "<th>Date</th></tr></thead>",
            "<tbody>",
        ]
        shown, rest = text.box_order(report.figures)
        out += [_figure_row(report, f) for f in shown]
        out += ["</tbody>", "</table>"]
        out += [f'<p class="rest">{esc(rest)}</p>'] if rest else []
    else:
        out.append("<p>No people figure of the period was reported.</p>")
    out.append("</div>")
    if report.context_figures:
        out += ['<div class="context">', "<h3>Context, not counted above</h3>", "<ul>"]
        for f in report.context_figures:
            out.append(
                f'<li class="context-figure">{esc(text.amount(f))} {esc(text.counts(f))}, '
                f"{esc(f.label.lower())}: {esc(f.why or '')}. <q>{esc(f.sentence)}</q>"
                f"{_cite([f.source])}</li>"
            )
        out += ["</ul>", "</div>"]
    return [*out, "</section>"]


def _figure_row(report: Report, f: ReportedFigure) -> str:
    return (
        f'<tr class="figure" data-category="{esc(f.category)}"><td class="row">{esc(f.label)}</td>'
        f'<td class="number">{esc(text.amount(f))}</td><td>{esc(text.counts(f))}</td>'
        f'<td class="source">{esc(text.source_short(report, f.source))}{_cite([f.source])}</td>'
        f'<td class="date">{esc(text.figure_date(f))}</td></tr>'
    )


def _developments(developments: Sequence[Development], with_country: bool) -> list[str]:
    out = ['<section id="developments">', "<h2>Developments by area</h2>"]
    for area in by_area(developments, with_country=with_country):
        out += [f'<h3 class="area">{esc(area.name)}</h3>', '<ul class="developments">']
        quads = {describe(d, with_country=with_country): d.quad for d in area.developments}
        for said, sources, note in text.area_lines(area, with_country):
            flag = f' <span class="note">{esc(note)}</span>' if note else ""
            quad = quads.get(said, "other").replace("_", "-")
            out.append(
                f'<li class="development q-{esc(quad)}" data-sources="'
                f'{",".join(map(str, sources))}">{esc(said)}{_cite(sources)}{flag}</li>'
            )
        out.append("</ul>")
    return [*out, "</section>"]


def _response(report: Report, with_country: bool) -> list[str]:
    given, money = text.response(report), report.money
    if not given and not money:
        return []
    out = ['<section id="response">', "<h2>Response and funding</h2>", '<ul class="response">']
    for d in given:
        note = text.contested(d) or text.unconfirmed(d)
        flag = f' <span class="note">{esc(note[:1].upper() + note[1:])}.</span>' if note else ""
        out.append(
            f'<li class="development q-{esc(d.quad.replace("_", "-"))}">'
            f"{esc(describe(d, with_country=with_country))}{_cite(d.sources)}{flag}</li>"
        )
    for f in money:
        out.append(
            f'<li class="money">{esc(text.money(f))}: <q>{esc(f.sentence)}</q>'
            f"{_cite([f.source])}</li>"
        )
    return [*out, "</ul>", "</section>"]


def _contests(contests: Sequence[Contest]) -> list[str]:
    out = ['<section id="contested">', "<h2>Contested claims</h2>"]
    if not contests:
        return [*out, "<p>No contradictions between claims were found in these sources.</p>",
                "</section>"]  # fmt: skip
    for c in contests:
        proposition = (c.asserting or c.denying)[0].text
        out.append(f'<div class="dispute"><h3><q>{esc(proposition)}</q></h3><ul>')
        for side in (*c.asserting, *c.denying):
            stance = "deny" if side.stance == "deny" else "assert"
            verb = "Denied" if stance == "deny" else "Asserted"
            out.append(
                f'<li class="claim {stance}" data-stance="{stance}">{verb} by '
                f'<strong class="claimant">{esc(text.claimant(side.claimant))}</strong>: '
                f'<q class="claim-text">{esc(side.text)}</q>{_cite([side.source])}</li>'
            )
        for reason in c.reasons:
            out.append(f'<li class="reason">Why contested: {esc(reason)}</li>')
        scope = "across articles" if c.across_articles else "within one article"
        out.append(f'<li class="scope">Found {scope}.</li></ul></div>')
    return [*out, "</section>"]


def _quotes(report: Report) -> list[str]:
    if not report.quotes:
        return []
    out = ['<section id="quotes">', "<h2>Quotes</h2>", '<ul class="quotes">']
    for q in report.quotes:
        out.append(
            f'<li><strong class="speaker">{esc(text.quote_speaker(q.speaker))}</strong>: '
            f"<q>{esc(q.text)}</q>{_cite([q.source])}</li>"
        )
    return [*out, "</ul>", "</section>"]


def _map(report: Report, outlines: Callable[[], Sequence[Country] | None]) -> list[str]:
    out = ['<section id="map">', "<h2>Map</h2>"]
    drawn = event_map(report.developments, outlines=outlines)
    if drawn is None:
        return [*out, "<p>No development has coordinates, so there is no map.</p>", "</section>"]
    note = (
        f"{drawn.points} of {len(report.developments)} developments have coordinates and are "
        "drawn; colour is the quad class (the dashboard's palette), size the number of sources."
    )
    if not drawn.outlines:
        note += " Country outlines were not available, so the map has none."
    out += ['<figure class="map">', drawn.svg, f"<figcaption>{esc(note)}</figcaption>",
            "</figure>", "</section>"]  # fmt: skip
    return out


def _sources(report: Report) -> list[str]:
    out = ['<section id="sources">', "<h2>Sources</h2>", '<ol class="sources">']
    for s in report.sources:
        title = esc(text.source_label(s))
        url = text.safe_url(s.url)
        if url:
            title = f'<a href="{esc(url)}" rel="noopener noreferrer nofollow">{title}</a>'
        shown = f" <code>{esc(url)}</code>." if url else ""
        if not url and s.url:
            shown = f" URL (not linked): <code>{esc(s.url)}</code>."
        licence = f" Licence: {esc(text.sentence_end(s.license))}" if s.license else ""
        out.append(
            f'<li id="source-{s.number}">{title} — {esc(text.source_details(s))}.{shown}'
            f'{licence} <span class="doc-id">Document {esc(s.document_id)}</span></li>'
        )
    return [*out, "</ol>", "</section>"]


def _about(report: Report) -> list[str]:
    items = [f"Basis: {esc(text.basis(report))}."]
    items += [esc(line) for line in text.left_out(report)]
    if report.by_type:
        kinds = ", ".join(f"{esc(c.label)} {c.count}" for c in report.by_type)
        items.append(f"Developments by PLOVER type: {kinds}.")
    return ['<section id="about" class="about">', "<h2>About this report</h2>",
            *(f"<p>{item}</p>" for item in items), "</section>"]  # fmt: skip


__all__ = ["CSP", "render_html"]
