"""Human-readable rendering of one extraction (``sitroom extract --format table``)."""

from __future__ import annotations

from sitroom.model import Extraction


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def extraction_table(ex: Extraction) -> str:
    names = {e.id: e.name for e in ex.entities}
    places = {p.id: p.name for p in ex.places}
    doc = ex.document
    lines = [
        f"document {doc.id}  published {doc.published or 'unknown'}  "
        f"{len(doc.text.split())} words" + (f"  «{doc.title}»" if doc.title else ""),
        "",
        f"ENTITIES ({len(ex.entities)})",
    ]
    for e in ex.entities:
        extra = ", ".join(
            x
            for x in (
                e.actor_type or "",
                e.country or "",
                f"{e.role} of {names.get(e.affiliation or '', '?')}"
                if e.role and e.affiliation
                else e.role or "",
            )
            if x
        )
        lines.append(f"  {e.id:<4} {e.label:<7} {_clip(e.name, 40):<40} {extra}")
    lines += ["", f"PLACES ({len(ex.places)})"]
    for p in ex.places:
        coords = f"{p.lat:.3f},{p.lon:.3f}" if p.lat is not None and p.lon is not None else "-"
        lines.append(
            f"  {p.id:<4} {_clip(p.name, 28):<28} {p.kind:<9} {p.country or '-':<3} {coords:<18} "
            f"precision {p.precision}"
        )
    lines += ["", f"TIMES ({len(ex.times)})"]
    for t in ex.times:
        span = _period(t.start, t.end)
        lines.append(f"  {_clip(t.text, 28):<28} {span:<22} {t.precision}")
    lines += ["", f"DURATIONS ({len(ex.durations)})"]
    for d in ex.durations:
        window = f"{d.start or '?'}..{d.end or '?'}" if d.start or d.end else "-"
        hedge = "" if d.qualifier == "exact" else d.qualifier
        lines.append(f"  {_clip(d.text, 28):<28} {d.value:<10} {window:<22} {hedge}".rstrip())
    lines += ["", f"EVENTS ({len(ex.events)})"]
    for v in ex.events:
        trigger = doc.text[v.trigger[0] : v.trigger[1]]
        who = f"{names.get(v.actor1 or '', '-')} → {names.get(v.actor2 or '', '-')}"
        when = _period(v.date.start, v.date.end)
        by = f" by {names[v.attributed_to]}" if v.attributed_to in names else ""
        lines.append(
            f"  {v.id:<4} {v.type:<10} {_clip(trigger, 14):<14} {_clip(who, 44):<44} "
            f"{places.get(v.place or '', '-'):<12} {when:<22} {v.modality}{by}"
            + (f" dead={v.fatalities}" if v.fatalities else "")
            + (" background" if v.background else "")
        )
    lines += ["", f"QUOTES ({len(ex.quotes)})"]
    for q in ex.quotes:
        lines.append(
            f"  {q.id:<4} {q.kind:<8} {_clip(names.get(q.speaker or '', '?'), 22):<22} "
            + (
                f"“{_clip(q.text, 70)}”"
                if q.kind != "indirect"
                else f"(reported) {_clip(q.text, 70)}"
            )
        )
    lines += ["", f"CLAIMS ({len(ex.claims)})"]
    for c in ex.claims:
        hedges = f" [{', '.join(c.hedges)}]" if c.hedges else ""
        lines.append(
            f"  {c.id:<4} {c.stance:<6} {_clip(names.get(c.claimant or '', '?'), 22):<22} "
            f"{_clip(c.text, 60)}{hedges}"
        )
    lines += ["", f"CONTRADICTIONS ({len(ex.contradictions)})"]
    for k in ex.contradictions:
        lines.append(f"  {k.claims[0]} ↔ {k.claims[1]}: {k.reason}")
    lines += ["", f"FIGURES ({len(ex.figures)})"]
    for f in ex.figures:
        value = f"{f.value:,.0f}" if float(f.value).is_integer() else f"{f.value:,}"
        period = "" if f.period == "current" else f" {f.period}"
        lines.append(
            f"  {f.qualifier:<10} {value:>14} {f.unit:<8} {_clip(f.what or '-', 40)}{period}"
        )
    return "\n".join(lines)


__all__ = ["extraction_table"]


def _period(start: object, end: object) -> str:
    """A day, a range, or "—" when the text gives no date (never Python's None)."""
    if start is None and end is None:
        return "—"
    if start == end:
        return str(start)
    return f"{start or '?'}..{end or '?'}"
