"""Plain-text pieces shared by the Markdown and HTML renderers.

Everything returned here is unescaped text; each renderer escapes it for its own format.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from sitroom.report.model import Development, Report, ReportedFigure, Source

QUALIFIERS = {
    "exact": "",
    "about": "about",
    "more_than": "more than",
    "less_than": "fewer than",
    "at_least": "at least",
    "up_to": "up to",
}

QUAD_COLOURS = {
    "verbal_cooperation": "#1a9850",
    "material_cooperation": "#2c7bb6",
    "verbal_conflict": "#f39c12",
    "material_conflict": "#d7191c",
}
OTHER_COLOUR = "#777777"

MERGE_NOTES = {
    "corpus": "events merged across articles by sitroom's corpus-level event merge",
}


def period(report: Report) -> str:
    start, end = report.date_from, report.date_to
    if start and end:
        return f"{start.isoformat()} to {end.isoformat()}"
    if start:
        return f"from {start.isoformat()}"
    if end:
        return f"up to {end.isoformat()}"
    return "all dates"


def country(report: Report) -> str:
    return report.country or "all countries"


def generated(report: Report) -> str:
    return report.generated_at.strftime("%Y-%m-%d %H:%M UTC")


def basis(report: Report) -> str:
    articles = len({s for d in report.developments for s in d.sources})
    return (
        f"{report.event_mentions} event report{_s(report.event_mentions)} in {articles} "
        f"article{_s(articles)}, shown as {len(report.developments)} development"
        f"{_s(len(report.developments))} ({MERGE_NOTES[report.merge]})"
    )


def cite(numbers: Iterable[int]) -> str:
    found = sorted(set(numbers))
    return f"[{', '.join(str(n) for n in found)}]" if found else ""


def date(d: Development) -> str:
    start, end, precision = d.date_start, d.date_end, d.date_precision
    if start is None and end is None:
        return "date unknown"
    start = start or end
    end = end or start
    assert start is not None and end is not None
    if precision == "month":
        return f"{start:%Y-%m} (month)"
    if precision == "year":
        return f"{start:%Y} (year)"
    if precision == "week":
        return f"week of {start.isoformat()}"
    if start == end:
        return start.isoformat()
    return f"{start.isoformat()} to {end.isoformat()} ({precision or 'range'})"


def action(d: Development) -> str:
    """``actor1 — verb [TYPE] — actor2``; a missing actor is left out, never guessed."""
    verbs = " / ".join(d.triggers[:3])
    middle = f"{verbs} [{d.type}]" if verbs else d.type
    return " — ".join(part for part in (d.actor1, middle, d.actor2) if part)


def place(d: Development) -> str | None:
    if not d.place:
        return None
    extra = [p for p in (d.admin1, d.country) if p and p != d.place]
    if d.geo_precision:
        extra.append(f"geo precision {d.geo_precision}")
    return f"{d.place} ({', '.join(extra)})" if extra else d.place


def acled(d: Development) -> str | None:
    if not d.acled_event_type:
        return None
    sub = f": {d.acled_sub_event_type}" if d.acled_sub_event_type else ""
    return f"ACLED {d.acled_event_type}{sub}"


def framings(d: Development) -> list[tuple[str, tuple[int, ...]]]:
    """How the sources frame the development: ("claimed by X", sources), in source order."""
    found: dict[str, set[int]] = {}
    for m in d.mentions:
        found.setdefault(_framing(m.modality, m.attributed_to), set()).add(m.source)
    return [(phrase, tuple(sorted(sources))) for phrase, sources in found.items()]


def _framing(modality: str, who: str | None) -> str:
    by = f" by {who}" if who else ""
    per = f" (per {who})" if who else ""
    return {
        "asserted": "reported",
        "claimed": f"claimed{by}",
        "denied": f"denied{by}",
        "planned": f"planned{per}",
        "conditional": f"conditional{per}",
        "negated": f"reported as not happening{per}",
        "hypothetical": f"hypothetical{per}",
    }.get(modality, f"{modality}{per}")


def fatalities(d: Development) -> list[tuple[str, int]]:
    return [(f"{n:,} reported killed", source) for source, n in d.fatality_reports]


def number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")


def figure(f: ReportedFigure) -> str:
    """``more than 120,000 people (Americans, Afghans), as written “…”`` from the stored figure."""
    qualifier = QUALIFIERS.get(f.qualifier, f.qualifier.replace("_", " "))
    amount = " ".join(p for p in (qualifier, number(f.value), f.unit) if p)
    what = f" ({f.what})" if f.what and f.what != f.unit else ""
    written = "" if number(f.value) in f.wording else f", as written “{f.wording}”"
    return f"{amount}{what}{written}"


def figure_groups(figures: Sequence[ReportedFigure]) -> list[list[ReportedFigure]]:
    """Consecutive figures read from the same sentence of the same source, together."""
    groups: list[list[ReportedFigure]] = []
    for f in figures:
        last = groups[-1][0] if groups else None
        if last is not None and (last.sentence, last.source) == (f.sentence, f.source):
            groups[-1].append(f)
        else:
            groups.append([f])
    return groups


def fatality_total(report: Report) -> str | None:
    t = report.fatalities
    if t is None:
        return None
    left_out = (
        f"{t.excluded} development{_s(t.excluded)} with figures only from claimed, denied or "
        "planned reports not counted"
        if t.excluded
        else ""
    )
    if not t.developments:
        return f"No total: no asserted development reports fatalities ({left_out})."
    text = (
        f"Total: {t.total:,} reported killed across {t.developments} distinct asserted "
        f"development{_s(t.developments)} (the highest figure reported for each development, "
        "summed)"
    )
    return text + (f"; {left_out}." if left_out else ".")


def source_label(s: Source) -> str:
    return s.title or f"Untitled article {s.document_id}"


def source_details(s: Source) -> str:
    parts = [p for p in (s.publisher, s.published.isoformat() if s.published else None) if p]
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
    return value.isoformat() if value else "undated"


def _s(n: int) -> str:
    return "" if n == 1 else "s"


__all__ = [
    "MERGE_NOTES",
    "OTHER_COLOUR",
    "QUAD_COLOURS",
    "QUALIFIERS",
    "acled",
    "action",
    "basis",
    "cite",
    "claimant",
    "country",
    "date",
    "day",
    "fatalities",
    "fatality_total",
    "figure",
    "figure_groups",
    "framings",
    "generated",
    "number",
    "period",
    "place",
    "quote_speaker",
    "safe_url",
    "sentence_end",
    "source_details",
    "source_label",
]
