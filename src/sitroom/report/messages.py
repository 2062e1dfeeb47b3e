"""Key messages: three to five plain sentences a reader can stop after.

Built from what the report holds, most corroborated and most severe first: the killed total of
the period and its largest other figure, the developments reported by the most sources
(material conflict before verbal conflict before cooperation, more dead first), and the first
dispute between claims.
"""

from __future__ import annotations

from collections.abc import Sequence

from sitroom.report.areas import newest_first
from sitroom.report.model import Contest, Development, FatalityTotal, KeyMessage, ReportedFigure
from sitroom.report.sentence import day, describe
from sitroom.report.text import QUALIFIERS, number
from sitroom.report.timing import words

MAX_MESSAGES = 5
# Quad classes by how much a situation report reader needs them first.
SEVERITY = {
    "material_conflict": 3,
    "verbal_conflict": 2,
    "material_cooperation": 1,
    "verbal_cooperation": 0,
}


def key_messages(
    developments: Sequence[Development],
    fatalities: FatalityTotal | None,
    contests: Sequence[Contest],
    figures: Sequence[ReportedFigure] = (),
    *,
    with_country: bool = True,
) -> tuple[KeyMessage, ...]:
    """The killed total, the largest other figure of the period, the top developments and the
    first dispute, at most ``MAX_MESSAGES``."""
    messages: list[KeyMessage] = []
    if fatalities is not None and fatalities.developments:
        messages.append(
            KeyMessage(
                f"At least {fatalities.total:,} {_people(fatalities.total)} reported killed in "
                f"{_count(fatalities.developments, 'development')} of the period.",
                fatalities.sources,
            )
        )
    counted = _largest(figures, skip_killed=bool(fatalities and fatalities.developments))
    if counted is not None:
        messages.append(KeyMessage(_figure(counted), (counted.source,)))
    contest = next((c for c in contests if c.asserting and c.denying), None)
    room = MAX_MESSAGES - len(messages) - (1 if contest else 0)
    seen: set[str] = set()
    for d in sorted((d for d in developments if d.asserted), key=_rank):
        if len(seen) >= room:
            break
        text = describe(d, with_country=with_country)
        if text not in seen:
            seen.add(text)
            messages.append(KeyMessage(_corroboration(text, d), d.sources))
    if contest is not None:
        messages.append(KeyMessage(_dispute(contest), contest.sources))
    return tuple(messages)


def _largest(figures: Sequence[ReportedFigure], *, skip_killed: bool) -> ReportedFigure | None:
    """The largest filed figure of the period; killed ones only when no total says it."""
    rows = {row.name for row in words().figure_categories}
    if skip_killed:
        rows.discard("killed")
    filed = [f for f in figures if f.current and f.category in rows]
    return max(filed, key=lambda f: f.value, default=None)


def _figure(f: ReportedFigure) -> str:
    """Say the figure: About 4,000 people were reported displaced (12 June 2024)."""
    row = next(r for r in words().figure_categories if r.name == f.category)
    qualifier = QUALIFIERS.get(f.qualifier, f.qualifier.replace("_", " "))
    amount = " ".join(p for p in (qualifier, number(f.value)) if p)
    verb = "was" if f.value == 1 and f.qualifier == "exact" else "were"
    when = f" ({day(f.date)})" if f.date else ""
    said = f"{amount} {f.what or f.unit} {verb} {row.reported}{when}."
    return said[:1].upper() + said[1:]


def _rank(d: Development) -> tuple[int, int, int, tuple[bool, int, int]]:
    dead = max((m.fatalities or 0 for m in d.mentions if m.fatality_note is None), default=0)
    return (-len(d.sources), -SEVERITY.get(d.quad, 0), -dead, newest_first(d))


def _corroboration(text: str, d: Development) -> str:
    n = len(d.sources)
    return f"{text[:-1]} (reported by {n} sources)." if n > 1 else text


def _dispute(c: Contest) -> str:
    claim = c.asserting[0]
    who = f"{claim.claimant}’s" if claim.claimant else "A"
    deniers = list(dict.fromkeys(side.claimant or "another source" for side in c.denying))
    return f"Contested: {who} claim “{_clip(claim.text)}” is denied by {_join(deniers)}."


def _join(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split()).rstrip(".")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _people(n: int) -> str:
    return "person was" if n == 1 else "people were"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


__all__ = ["MAX_MESSAGES", "key_messages"]
