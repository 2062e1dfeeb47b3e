"""The figures box: people reported killed, injured, displaced, in need… in the period.

Each people figure of the report's articles is filed under the row whose cue word
(``situation_report.yaml``) is nearest to it in its sentence, dated by its event (else by its
article), and checked against the period (``timing``): figures of the period fill the box, the
others are listed as context with the reason. The killed total sums the developments'
fatalities of the period only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping, Sequence

from sitroom.lang.vocabulary.situation_report import FigureCategory
from sitroom.model import Extraction, Figure
from sitroom.report.model import Development, FatalityTotal, ReportedFigure
from sitroom.report.timing import Timing, figure_timing, sentence_around, words

Span = tuple[int, int]
OTHER = "other"
OTHER_LABEL = "Other people counted"
MONEY = "money"
MONEY_LABEL = "Funding and money"
_CURRENCY = re.compile(r"^[A-Z]{3}$")  # an ISO 4217 code, as the figures stage writes units
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_SENTENCE_MAX = 320


def reported_figures(
    extractions: Mapping[str, Extraction],
    document_ids: Sequence[str],
    numbers: Mapping[str, int],
    in_scope: Callable[[str, str | None], bool],
    period: tuple[dt.date | None, dt.date | None],
    *,
    money: bool = False,
) -> Iterator[ReportedFigure]:
    """Every people figure of the articles (``money``: every amount of money, an ISO 4217 unit:
    pledges, appeals, aid), filed, dated and timed, in article and text order.

    ``in_scope(document id, event id)``: the figure's event is not placed in another country.
    A zero is no count ("21, 000" split by a tokeniser), never a headline.
    """
    start, end = period
    for doc_id in document_ids:
        x = extractions.get(doc_id)
        if x is None:
            continue
        for figure in sorted(x.figures, key=lambda f: f.span):
            kind = bool(_CURRENCY.match(figure.unit)) if money else figure.unit == "people"
            if kind and figure.value and in_scope(doc_id, figure.event):
                timing = figure_timing(x, figure, start, end)
                yield _reported(x, figure, numbers[doc_id], timing, money=money)


def category(text: str, figure: Figure, sentence: Span) -> FigureCategory | None:
    """The row whose cue is nearest to the figure within ``cue_window`` words, or its noun's.

    The counted noun ("refugees") files the figure by itself; the words of the noun phrase
    ("aid workers") are never cues for their own figure.
    """
    vocabulary = words()
    noun = _WORD.findall(figure.what.lower()) if figure.what else []
    if noun:
        for row in vocabulary.figure_categories:
            if noun[-1] in row.cues:
                return row
    tokens = [m.group(0).lower() for m in _WORD.finditer(text, *sentence)]
    starts = [m.start() for m in _WORD.finditer(text, *sentence)]
    ends = [m.end() for m in _WORD.finditer(text, *sentence)]
    inside = [
        i for i in range(len(tokens)) if starts[i] < figure.span[1] and ends[i] > figure.span[0]
    ]
    if not inside:
        return None
    first, last = inside[0], inside[-1]
    for word in noun:  # the counted noun phrase right after the number belongs to it
        if last + 1 < len(tokens) and tokens[last + 1] == word:
            last += 1
    best: tuple[int, int, FigureCategory] | None = None
    for order, row in enumerate(vocabulary.figure_categories):
        for cue in row.cues:
            size = len(cue.split())
            for i in range(len(tokens) - size + 1):
                if " ".join(tokens[i : i + size]) != cue or first <= i <= last:
                    continue
                gap = i - last if i > last else first - (i + size - 1)
                if gap <= vocabulary.cue_window and (best is None or (gap, order) < best[:2]):
                    best = (gap, order, row)
    return best[2] if best else None


def fatality_total(developments: Sequence[Development]) -> FatalityTotal | None:
    """Highest asserted report of the period per development, summed.

    Left out: claimed, denied or planned reports, and counts outside the period (a running toll,
    a past episode), whose number is ``outside``.
    """
    reported = [d for d in developments if d.fatality_reports]
    if not reported:
        return None
    total = counted = outside = 0
    sources: set[int] = set()
    for d in reported:
        asserted = [m for m in d.mentions if m.modality == "asserted" and m.fatalities]
        of_period = [m for m in asserted if m.fatalities and m.fatality_note is None]
        if of_period:
            total += max(m.fatalities or 0 for m in of_period)
            counted += 1
            sources.update(m.source for m in of_period)
        elif asserted:
            outside += 1
    return FatalityTotal(
        total=total,
        developments=counted,
        excluded=len(reported) - counted - outside,
        outside_period=outside,
        sources=tuple(sorted(sources)),
    )


def _reported(
    x: Extraction, figure: Figure, source: int, timing: Timing, *, money: bool = False
) -> ReportedFigure:
    text = x.document.text
    event = next((e for e in x.events if e.id == figure.event), None) if figure.event else None
    sentence = sentence_around(text, figure.span)
    row = None if money else category(text, figure, sentence)
    name, label = (
        (row.name, row.label) if row else (MONEY, MONEY_LABEL) if money else (OTHER, OTHER_LABEL)
    )
    when = (event.date.end or event.date.start) if event is not None else None
    published = x.document.published
    if when is None or (published is not None and when > published):
        when = published  # a figure is reported as of its article's date at the latest
    return ReportedFigure(
        value=figure.value,
        qualifier=figure.qualifier,
        unit=figure.unit,
        what=figure.what,
        wording=" ".join(text[figure.span[0] : figure.span[1]].split()),
        sentence=_sentence_text(text, sentence),
        source=source,
        category=name,
        label=label,
        date=when,
        period=timing.period,
        why=timing.why,
    )


def _sentence_text(text: str, span: Span) -> str:
    sentence = " ".join(text[span[0] : span[1]].split())
    if len(sentence) > _SENTENCE_MAX:
        sentence = sentence[: _SENTENCE_MAX - 1].rstrip() + "…"
    return sentence


__all__ = ["MONEY", "OTHER", "category", "fatality_total", "reported_figures"]
