"""The report as one self-contained, static HTML page.

Article text is untrusted: every stored string is escaped, links are made only of http(s) URLs,
the map is inline SVG built from escaped strings, and a Content-Security-Policy forbids scripts
and every external load (only the inline ``<style>`` is allowed).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sitroom.report import text
from sitroom.report.model import Contest, Count, Development, Report
from sitroom.report.svgmap import esc, event_map
from sitroom.report.topojson import Country, basemap

CSP = (
    "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

_STYLE = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif;
       max-width: 920px; margin: 2em auto; padding: 0 1em; color: #1d1d1d; }
h1 { font-size: 1.6em; margin-bottom: .2em; }
h2 { border-bottom: 1px solid #ddd; padding-bottom: .2em; margin-top: 1.6em; }
.meta { color: #555; margin: 0 0 1em; padding: 0; list-style: none; }
.cite a { text-decoration: none; }
.contested { color: #b00020; font-weight: 600; }
.dispute { border-left: 4px solid #f0b400; padding: .2em .8em; margin: .8em 0; }
.deny { color: #8a1c1c; }
figure.map svg { max-width: 100%; height: auto; border: 1px solid #ccc; }
ol.sources li { margin-bottom: .3em; }
.doc-id { color: #777; font-size: .85em; }
"""


def render_html(
    report: Report, *, outlines: Callable[[], Sequence[Country] | None] = basemap
) -> str:
    body = [
        f"<h1>{esc(report.title)}</h1>",
        '<ul class="meta">',
        f"<li>Period: {esc(text.period(report))}</li>",
        f"<li>Country: {esc(text.country(report))}</li>",
        f"<li>Generated: {esc(text.generated(report))} by sitroom from stored extractions</li>",
    ]
    if report.empty:
        body += [
            "</ul>",
            f'<p class="empty">No events were recorded for {esc(text.country(report))}, '
            f"{esc(text.period(report))}.</p>",
        ]
    else:
        body.append(f"<li>Basis: {esc(text.basis(report))} {_cite(report.sources_cited)}</li>")
        body.append("</ul>")
        body += _headline(report)
        body += _developments(report.developments)
        body += _contests(report.contests)
        body += _quotes(report)
        body += _map(report, outlines)
        body += _sources(report)
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
            f"<style>{_STYLE}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )


def _cite(numbers: Sequence[int]) -> str:
    found = sorted(set(numbers))
    if not found:
        return ""
    links = ", ".join(f'<a href="#source-{n}">{n}</a>' for n in found)
    return f'<span class="cite">[{links}]</span>'


def _counts(counts: Sequence[Count]) -> str:
    return "; ".join(
        f'<span class="count">{esc(c.label)} {c.count}</span> {_cite(c.sources)}' for c in counts
    )


def _where(d: Development) -> str:
    where = text.place(d)
    return f', <span class="place">{esc(where)}</span>' if where else ""


def _framing(d: Development) -> str:
    return "; ".join(
        f'<span class="modality">{esc(phrase)}</span> {_cite(sources)}'
        for phrase, sources in text.framings(d)
    )


def _headline(report: Report) -> list[str]:
    out = ['<section id="headline">', "<h2>Headline figures</h2>", "<ul>"]
    out.append(
        f"<li><strong>Developments by type (PLOVER):</strong> {_counts(report.by_type)}</li>"
    )
    if report.by_acled_type:
        out.append(
            f"<li><strong>By ACLED event type:</strong> {_counts(report.by_acled_type)}</li>"
        )
    with_dead = [d for d in report.developments if d.fatality_reports]
    if with_dead:
        out.append('<li><strong>Reported fatalities</strong> (as each source reports them, per '
                   'development):<ul class="fatalities">')  # fmt: skip
        for d in with_dead:
            counts = "; ".join(f"{esc(phrase)} {_cite([n])}" for phrase, n in text.fatalities(d))
            out.append(f"<li>{esc(text.date(d))}, {esc(text.action(d))}{_where(d)} "
                       f"({_framing(d)}): {counts}</li>")  # fmt: skip
        total = text.fatality_total(report)
        if total:
            cited = _cite(sorted({s for d in with_dead for s in d.sources}))
            out.append(f'<li class="total">{esc(total)} {cited}</li>')
        out.append("</ul></li>")
    else:
        out.append("<li><strong>Reported fatalities:</strong> none reported.</li>")
    if report.figures:
        out.append('<li><strong>People affected</strong>, as reported:<ul class="figures">')
        for group in text.figure_groups(report.figures):
            what = "; ".join(esc(text.figure(f)) for f in group)
            sentence, source = group[0].sentence, group[0].source
            out.append(f'<li class="figure">{what}: <q>{esc(sentence)}</q> {_cite([source])}</li>')
        out.append("</ul></li>")
    out += ["</ul>", "</section>"]
    return out


def _developments(developments: Sequence[Development]) -> list[str]:
    out = ['<section id="developments">', "<h2>Key developments</h2>", '<ol class="developments">']
    for d in developments:
        acled = text.acled(d)
        extra = f' <span class="acled">({esc(acled)})</span>' if acled else ""
        flag = ' — <span class="contested">contested</span>' if d.contested else ""
        out.append(
            f'<li class="development" data-sources="{",".join(map(str, d.sources))}">'
            f'<strong class="date">{esc(text.date(d))}</strong> — '
            f'<span class="action">{esc(text.action(d))}</span>{_where(d)}{extra} — '
            f"{_framing(d)}{flag}</li>"
        )
    out += ["</ol>", "</section>"]
    return out


def _contests(contests: Sequence[Contest]) -> list[str]:
    out = ['<section id="contested">', "<h2>Contested claims</h2>"]
    if not contests:
        return [*out, "<p>No contradictions between claims were found in these sources.</p>",
                "</section>"]  # fmt: skip
    for n, c in enumerate(contests, start=1):
        scope = "across articles" if c.across_articles else "within one article"
        out.append(f'<div class="dispute"><h3>Dispute {n} ({scope}) {_cite(c.sources)}</h3><ul>')
        for side in (*c.asserting, *c.denying):
            stance = "deny" if side.stance == "deny" else "assert"
            verb = "Denied" if stance == "deny" else "Asserted"
            out.append(
                f'<li class="claim {stance}" data-stance="{stance}">{verb} by '
                f'<strong class="claimant">{esc(text.claimant(side.claimant))}</strong>: '
                f'<q class="claim-text">{esc(side.text)}</q> {_cite([side.source])}</li>'
            )
        for reason in c.reasons:
            out.append(f'<li class="reason">Why contested: {esc(reason)} {_cite(c.sources)}</li>')
        out.append("</ul></div>")
    out.append("</section>")
    return out


def _quotes(report: Report) -> list[str]:
    if not report.quotes:
        return []
    out = ['<section id="quotes">', "<h2>Quotes</h2>", '<ul class="quotes">']
    for q in report.quotes:
        out.append(
            f'<li><strong class="speaker">{esc(text.quote_speaker(q.speaker))}</strong> '
            f"({esc(q.kind)}): <q>{esc(q.text)}</q> {_cite([q.source])}</li>"
        )
    out += ["</ul>", "</section>"]
    return out


def _map(report: Report, outlines: Callable[[], Sequence[Country] | None]) -> list[str]:
    out = ['<section id="map">', "<h2>Map</h2>"]
    drawn = event_map(report.developments, outlines=outlines)
    if drawn is None:
        return [*out, "<p>No development has coordinates, so there is no map.</p>", "</section>"]
    note = (
        f"{drawn.points} of {len(report.developments)} developments have coordinates and are "
        "drawn; colour is the quad class, size the number of sources."
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
        shown = "" if url or not s.url else f" URL (not linked): <code>{esc(s.url)}</code>."
        licence = f" Licence: {esc(text.sentence_end(s.license))}" if s.license else ""
        out.append(
            f'<li id="source-{s.number}">{title} — {esc(text.source_details(s))}.{shown}'
            f'{licence} <span class="doc-id">Document {esc(s.document_id)}</span></li>'
        )
    out += ["</ol>", "</section>"]
    return out


__all__ = ["CSP", "render_html"]
