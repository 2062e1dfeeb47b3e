"""Plain-text pieces shared by the Markdown and HTML renderers.

Everything returned here is unescaped text; each renderer escapes it for its own format.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from urllib.parse import urlsplit

from sitroom.report import sentence
from sitroom.report.areas import Area
from sitroom.report.model import Development, Report, ReportedFigure, Source
from sitroom.report.sentence import describe, period_words
from sitroom.report.timing import words

QUALIFIERS = {
    "exact": "",
    "about": "about",
    "more_than": "more than",
    "less_than": "fewer than",
    "at_least": "at least",
    "up_to": "up to",
}

BOX_ROWS = 3  # figures per row of the figures box: the largest; the rest are counted

MERGE_NOTES = {
    "corpus": "events merged across articles by sitroom's corpus-level event merge",
}


def period(report: Report) -> str:
    return period_words(report.date_from, report.date_to) or "all dates"


def country(report: Report) -> str:
    return report.country_name or report.country or "all countries"


def with_country(report: Report) -> bool:
    """Whether places need their country named: a report of more or less than one country."""
    return report.country is None or "," in report.country


def box_order(
    figures: Sequence[ReportedFigure], per_row: int = BOX_ROWS
) -> tuple[list[ReportedFigure], str | None]:
    """The figures box: by category in the order of situation_report.yaml, largest first,
    ``per_row`` figures of each at most, uncategorised ones last; and a sentence on the rest."""
    order = {row.name: i for i, row in enumerate(words().figure_categories)}
    ranked = sorted(figures, key=lambda f: (order.get(f.category, len(order)), -f.value))
    shown: list[ReportedFigure] = []
    hidden: dict[str, int] = {}
    for f in ranked:
        if sum(1 for g in shown if g.category == f.category) < per_row:
            shown.append(f)
        else:
            hidden[f.label] = hidden.get(f.label, 0) + 1
    if not hidden:
        return shown, None
    rest = ", ".join(f"{label.lower()} {n}" for label, n in hidden.items())
    return shown, f"Smaller figures of the period not shown: {rest}."


def source_short(report: Report, number: int) -> str:
    """The outlet of source ``number`` for a table cell: its publisher, else "source n"."""
    return report.source(number).publisher or f"source {number}"


def area_lines(area: Area, with_country: bool) -> list[tuple[str, tuple[int, ...], str | None]]:
    """(sentence, sources, note) per development of ``area``; developments said in the same
    words are one line citing all their sources."""
    lines: dict[tuple[str, str | None], set[int]] = {}
    for d in area.developments:
        note = contested(d) or unconfirmed(d)
        note = f"{note[:1].upper()}{note[1:]}." if note else None
        lines.setdefault((describe(d, with_country=with_country), note), set()).update(d.sources)
    return [(said, tuple(sorted(sources)), note) for (said, note), sources in lines.items()]


def left_out(report: Report) -> list[str]:
    """What the report counted but does not list, in sentences."""
    found = []
    if report.background:
        found.append(f"{report.background} development{_s(report.background)} mentioned only "
                     "as background (an earlier episode) not listed.")  # fmt: skip
    if report.unrealised:
        found.append(f"{report.unrealised} development{_s(report.unrealised)} only planned, "
                     "conditional, hypothetical or negated not listed.")  # fmt: skip
    return found


def response(report: Report) -> tuple[Development, ...]:
    """The developments of the Response section (situation_report.yaml ``response_types``)."""
    return report.response(words().response_types)


def by_area_listed(report: Report) -> tuple[Development, ...]:
    """The developments listed by area: those that happened, the response aside."""
    types = words().response_types
    return tuple(d for d in report.listed if d.type not in types)


def money(f: ReportedFigure) -> str:
    """ "more than USD 2 million", as the qualifier, unit and value were read."""
    qualifier = QUALIFIERS.get(f.qualifier, f.qualifier.replace("_", " "))
    return " ".join(p for p in (qualifier, f.unit, number(f.value)) if p)


def generated(report: Report) -> str:
    return report.generated_at.strftime("%Y-%m-%d %H:%M UTC")


def basis(report: Report) -> str:
    articles = len({s for d in report.developments for s in d.sources})
    return (
        f"{report.event_mentions} event report{_s(report.event_mentions)} in {articles} "
        f"article{_s(articles)}, shown as {len(report.developments)} development"
        f"{_s(len(report.developments))} ({MERGE_NOTES[report.merge]})"
    )


def contested(d: Development) -> str | None:
    """ "claimed by Taliban; denied by NRFA" for a contested development, else None."""
    if not d.contested:
        return None
    parts = []
    if d.claimed_by:
        parts.append(f"claimed by {_names(d.claimed_by)}")
    if d.denied_by:
        parts.append(f"denied by {_names(d.denied_by)}")
    else:  # disputed by no one named in a claim tied to it: the disputes say the rest
        parts.append("disputed (see Contested claims)")
    return "; ".join(parts)


def unconfirmed(d: Development) -> str | None:
    """How a development no source asserts is framed: "claimed by X", "planned", …"""
    if d.asserted or d.contested:
        return None
    found = dict.fromkeys(_framing(m.modality, m.attributed_to) for m in d.mentions)
    return "; ".join(found)


def _framing(modality: str, who: str | None) -> str:
    by = f" by {who}" if who else ""
    per = f" (per {who})" if who else ""
    return {
        "claimed": f"claimed{by}",
        "denied": f"denied{by}",
        "planned": f"planned{per}",
        "conditional": f"conditional{per}",
        "negated": f"reported as not happening{per}",
        "hypothetical": f"hypothetical{per}",
    }.get(modality, f"{modality.replace('_', ' ')}{per}")


def _names(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def number(value: float) -> str:
    """ "3,000", "2.5", and whole or half millions in words: "18 million", "2.5 million"."""
    millions = value / 1_000_000
    if millions >= 1 and (millions * 2).is_integer():
        return f"{millions:g} million"
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")


def amount(f: ReportedFigure) -> str:
    """ "more than 3,000", as the qualifier and value were read."""
    qualifier = QUALIFIERS.get(f.qualifier, f.qualifier.replace("_", " "))
    return " ".join(p for p in (qualifier, number(f.value)) if p)


def counts(f: ReportedFigure) -> str:
    """What the figure counts: "families", else "people"; the wording when it says more."""
    what = f.what if f.what and f.what != f.unit else f.unit
    written = "" if number(f.value) in f.wording else f" (“{f.wording}”)"
    return f"{what}{written}"


def figure_date(f: ReportedFigure) -> str:
    return day(f.date) if f.date else "undated"


def fatality_total(report: Report) -> str | None:
    """The killed total of the period, and what it leaves out, in one sentence."""
    t = report.fatalities
    if t is None:
        return None
    left_out = []
    if t.excluded:
        left_out.append(f"{t.excluded} only claimed, denied or planned")
    if t.outside_period:
        left_out.append(f"{t.outside_period} counting outside the period")
    note = f" Not counted: {', '.join(left_out)}." if left_out else ""
    if not t.developments:
        return f"No development of the period reports a number of dead.{note}"
    return (
        f"At least {t.total:,} reported killed in {t.developments} development"
        f"{_s(t.developments)} (the highest figure reported for each, summed).{note}"
    )


def source_label(s: Source) -> str:
    return s.title or f"Untitled article {s.document_id}"


def source_details(s: Source) -> str:
    parts = [p for p in (s.publisher, day(s.published) if s.published else None) if p]
    return ", ".join(parts) if parts else "publisher and date not recorded"


def sentence_end(value: str) -> str:
    """``value`` ending with exactly one full stop (or its own ! or ?)."""
    value = " ".join(value.split())
    return value if value.endswith((".", "!", "?")) else value + "."


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) address fit for a link, else None."""
    if not url or any(c.isspace() or ord(c) < 32 or c in "<>\"'`\\" for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def quote_speaker(speaker: str | None) -> str:
    return speaker or "unnamed speaker"


def claimant(name: str | None) -> str:
    return name or "an unnamed source"


def day(value: dt.date | None) -> str:
    return sentence.day(value) if value else "undated"


def _s(n: int) -> str:
    return "" if n == 1 else "s"


__all__ = [
    "BOX_ROWS",
    "MERGE_NOTES",
    "QUALIFIERS",
    "amount",
    "area_lines",
    "basis",
    "box_order",
    "by_area_listed",
    "claimant",
    "contested",
    "country",
    "counts",
    "day",
    "fatality_total",
    "figure_date",
    "generated",
    "left_out",
    "money",
    "number",
    "period",
    "quote_speaker",
    "response",
    "safe_url",
    "sentence_end",
    "source_details",
    "source_label",
    "source_short",
    "unconfirmed",
    "with_country",
]
