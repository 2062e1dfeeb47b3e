"""What time a figure counts (``Figure.period``): the news, a running total, or the past.

*More than 200 civilians have been killed since late 2023* is a running total (cumulative),
*the army killed 3,000 people in the 1990s war* a past toll (historical), *the attack killed
12* the toll of the news (current). The constructions are those of ``sitroom.lang.period``,
read on the clause the number belongs to; durations that run up to the article from before
its period ("over the past three months") make a running total too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from sitroom.lang.docindex import tokens_of
from sitroom.lang.period import (
    ArticlePeriod,
    TokenTimes,
    article_period,
    clause_time,
    clause_tokens,
    named_era,
    past_perfect,
    past_phrase,
    since_phrase,
    total_phrase,
)
from sitroom.lang.token_times import TimesByToken
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.model import Duration, FigurePeriod, TimeSpan


class FigureClock:
    """The article's times and period, found once per document, to date its figures."""

    def __init__(
        self,
        doc: Doc,
        times: Sequence[TimeSpan],
        durations: Sequence[Duration],
        published: dt.date | None,
        reporting: ReportingVocabulary,
    ) -> None:
        self.times: TokenTimes = TimesByToken(
            (toks.start, toks.stop, t) for t in times if len(toks := tokens_of(doc, t.span))
        )
        self.durations = [(toks.start, d) for d in durations if len(toks := tokens_of(doc, d.span))]
        self.period: ArticlePeriod = article_period(doc, self.times, published)
        self.reporting = reporting

    def _running_window(self, token: Token) -> bool:
        """A duration of the clause that runs up to the article from before its period ("over
        the past three months")."""
        start = self.period.start
        if start is None:
            return False
        words = {t.i for t in clause_tokens(token)}
        return any(
            i in words and d.start is not None and d.start < start and d.end is not None
            for i, d in self.durations
        )

    def period_of(self, number: Token) -> FigurePeriod:
        """The period of the figure whose number (or counted noun) is ``number``."""
        if total_phrase(number) is not None:
            return "cumulative"
        dated = clause_time(number, self.times)
        if dated is not None and self.period.start is not None:
            if dated.since or dated.time.end >= self.period.start:
                # a "since" time is a running total when it began before the period
                begun_before = dated.time.start < self.period.start
                return "cumulative" if dated.since and begun_before else "current"
            return "historical"
        if since_phrase(number) or self._running_window(number):
            return "cumulative"
        if past_phrase(number) is not None or named_era(number):
            return "historical"
        return "historical" if past_perfect(number, self.reporting) else "current"


__all__ = ["FigureClock"]
