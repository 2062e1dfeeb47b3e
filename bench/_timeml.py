"""TimeML reading, TIMEX3 value rendering and TempEval-3 style timex scoring for the benchmarks.

Reading: the ``<TEXT>`` element of a ``.tml`` file with its tags removed is the document text;
every ``<TIMEX3>`` inside it becomes a gold span (character offsets into that text) and the
``<DCT>`` value is the anchor.

Rendering (:func:`timex_value`) turns sitroom's ``(start, end, precision)`` into a TIMEX3
``value`` string. Days, ISO weeks, months and years map directly. A ``range`` maps, in order, to:

1. a calendar unit it covers exactly: a day, an ISO week (``2013-W11``), a weekend
   (``2013-W11-WE``), a month, a quarter (``2013-Q1``), a half (``2013-H1``), a season
   (``2012-SU``; meteorological: spring = March..May, winter = December..February, named by the
   year of its December), a year, a decade (``199``) or a century (``19``, 1900..1999);
2. a duration ``PnY``/``PnM``/``PnW``/``PnD`` when it starts or ends on the anchor and spans a
   whole number of those units ("the past two years" is ``P2Y`` in TimeML);
3. the month or year it lies in, when it covers at least a quarter of it: sitroom's "early
   December" (1..10 December) is TimeML's ``2012-12`` with ``mod="START"``, "early 2011"
   (January..April) is ``2011``, and TempEval-3 compares ``value`` only;
4. otherwise ``start/end``, which no gold value equals (a value miss).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import _scores as scores

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)/?>|[^<]+")
_ATTR = re.compile(r'([A-Za-z_]+)="([^"]*)"')
_SEASONS = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}


@dataclasses.dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclasses.dataclass(frozen=True)
class TimeMLDoc:
    name: str
    text: str
    dct: dt.date
    timexes: tuple[Timex, ...]


def read_tml(path: Path) -> TimeMLDoc:
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", raw, re.S)
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if dct_match is None or body is None:
        raise ValueError(f"{path.name}: no DCT or TEXT")
    parts: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    timexes: list[Timex] = []
    for m in _TAG.finditer(body.group(1)):
        if m.group(2) is None:
            chunk = html.unescape(m.group(0))
            parts.append(chunk)
            length += len(chunk)
        elif m.group(2) == "TIMEX3" and not m.group(1):
            open_timex.append((length, dict(_ATTR.findall(m.group(3)))))
        elif m.group(2) == "TIMEX3":
            start, attrs = open_timex.pop()
            text = "".join(parts)[start:length]
            timexes.append(Timex(start, length, attrs["type"], attrs["value"], text))
    text = "".join(parts)
    timexes.sort(key=lambda t: t.start)
    return TimeMLDoc(path.stem, text, dt.date.fromisoformat(dct_match.group(1)), tuple(timexes))


def read_corpus(folder: Path) -> list[TimeMLDoc]:
    return [read_tml(p) for p in sorted(folder.glob("*.tml"))]


# -- rendering sitroom intervals as TIMEX3 values -----------------------------------------------


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, _month_end(year, month + 1).day))


def _exact_unit(start: dt.date, end: dt.date) -> str | None:
    if start == end:
        return start.isoformat()
    iso_year, week, weekday = start.isocalendar()
    if weekday == 1 and (end - start).days == 6:
        return f"{iso_year}-W{week:02d}"
    if weekday == 6 and (end - start).days == 1:
        return f"{iso_year}-W{week:02d}-WE"
    if start.day != 1:
        return None
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if end != _month_end(end.year, end.month):
        return None
    if months == 1:
        return f"{start.year}-{start.month:02d}"
    if months == 3 and start.month in _SEASONS:
        return f"{start.year}-{_SEASONS[start.month]}"
    if months == 3 and start.month % 3 == 1:
        return f"{start.year}-Q{start.month // 3 + 1}"
    if months == 6 and start.month in (1, 7):
        return f"{start.year}-H{1 if start.month == 1 else 2}"
    if start.month != 1:
        return None
    if months == 12:
        return str(start.year)
    if months == 120 and start.year % 10 == 0:
        return str(start.year // 10)
    if months == 1200 and start.year % 100 == 0:
        return str(start.year // 100)
    return None


def _anchored_duration(start: dt.date, end: dt.date, anchor: dt.date) -> str | None:
    if anchor not in (start, end):
        return None
    sign = 1 if start == anchor else -1
    other = end if start == anchor else start
    for code, months in (("Y", 12), ("M", 1)):
        for n in range(1, 100):
            if _add_months(anchor, sign * n * months) == other:
                return f"P{n}{code}"
    days = (end - start).days
    if days % 7 == 0:
        return f"P{days // 7}W"
    return f"P{days}D"


def _covering(start: dt.date, end: dt.date) -> str | None:
    span = (end - start).days + 1
    if (start.year, start.month) == (end.year, end.month):
        if 4 * span >= _month_end(start.year, start.month).day:
            return f"{start.year}-{start.month:02d}"
        return None
    if start.year == end.year and 4 * span >= 365:
        return str(start.year)
    return None


def timex_value(start: dt.date, end: dt.date, precision: str, anchor: dt.date) -> str:
    """The TIMEX3 value of a sitroom interval (see the module docstring for ranges)."""
    if precision == "day":
        return start.isoformat()
    if precision == "week":
        iso_year, week, _ = start.isocalendar()
        return f"{iso_year}-W{week:02d}"
    if precision == "month":
        return f"{start.year}-{start.month:02d}"
    if precision == "year":
        return str(start.year)
    return (
        _exact_unit(start, end)
        or _anchored_duration(start, end, anchor)
        or _covering(start, end)
        or f"{start.isoformat()}/{end.isoformat()}"
    )


# -- scoring ------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Predicted:
    start: int
    end: int
    value: str
    text: str
    type: str = "DATE"  # "DURATION" for sitroom durations; times are scored as DATE


@dataclasses.dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    present_ref: int = 0  # value hits on gold PRESENT_REF (credited to the anchor day)

    def add(self, other: Counts) -> None:
        for field in dataclasses.fields(self):
            setattr(self, field.name, getattr(self, field.name) + getattr(other, field.name))


@dataclasses.dataclass(frozen=True)
class Pair:
    gold: Timex | None
    system: Predicted | None


def align(gold: Sequence[Timex], system: Sequence[Predicted]) -> list[Pair]:
    """One-to-one matching by overlap: each gold timex takes the free system span that overlaps
    it most (an exact match first); unmatched spans on either side pair with ``None``."""
    used: set[int] = set()
    pairs: list[Pair] = []
    for g in gold:
        best: int | None = None
        best_key = (False, 0)
        for i, s in enumerate(system):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            key = ((g.start, g.end) == (s.start, s.end), overlap)
            if i not in used and overlap > 0 and key > best_key:
                best, best_key = i, key
        if best is not None:
            used.add(best)
        pairs.append(Pair(g, system[best] if best is not None else None))
    pairs += [Pair(None, s) for i, s in enumerate(system) if i not in used]
    return pairs


def value_correct(gold: Timex, system: Predicted, anchor: dt.date) -> bool:
    """Exact value equality; a gold ``PRESENT_REF`` ("now") also accepts the anchor day, the only
    way sitroom can say "at the time of publication"."""
    if gold.value == "PRESENT_REF":
        return system.value in ("PRESENT_REF", anchor.isoformat())
    return gold.value == system.value


def score(pairs: Iterable[Pair], anchor: dt.date) -> Counts:
    counts = Counts()
    for pair in pairs:
        g, s = pair.gold, pair.system
        counts.gold += g is not None
        counts.system += s is not None
        if g is not None and s is not None:
            counts.relaxed += 1
            counts.strict += (g.start, g.end) == (s.start, s.end)
            correct = value_correct(g, s, anchor)
            counts.value += correct
            counts.present_ref += correct and g.value == "PRESENT_REF"
    return counts


def prf(hits: int, system: int, gold: int) -> tuple[float, float, float]:
    return scores.prf(hits, system, hits, gold)
