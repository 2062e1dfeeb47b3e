"""``build_report``: what a situation report needs, read through ``Store``'s public methods.

Scope: the events the store returns for the country and period (``EventQuery``) make the
developments; the articles those events come from are the report's documents. Figures, quotes
and claims are taken from those articles, except ones tied to an event placed in another country
or dated outside the period.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from sitroom.errors import ReportError, StoreError
from sitroom.model import Event, Extraction
from sitroom.report.contests import gather_contests
from sitroom.report.merge import corpus_developments
from sitroom.report.model import (
    Count,
    Development,
    FatalityTotal,
    Report,
    ReportedFigure,
    ReportedQuote,
    Source,
)
from sitroom.store import EventQuery, Store
from sitroom.store.event_query import values_of

DEFAULT_QUOTES = 10
DEFAULT_FIGURES = 30
_SENTENCE_MAX = 320
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?:\s+(?=[A-Z\"“‘(\[])|\s*$)|\n")
_QUOTE_RANK = {"direct": 0, "partial": 2, "indirect": 1}


def build_report(
    store: Store,
    *,
    country: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    title: str | None = None,
    max_quotes: int = DEFAULT_QUOTES,
    max_figures: int = DEFAULT_FIGURES,
    now: dt.datetime | None = None,
) -> Report:
    """The situation report of ``country`` (ISO alpha-2) between two dates, both included.

    Raises ``ReportError`` S701 for a bad period, S702 for a bad country code; ``StoreError``
    when the database cannot be read.
    """
    query = _query(country, date_from, date_to)
    # The store's corpus events: one per happening across articles, by the corpus rules (the
    # one definition of "the same happening"), kept in step with every stored article.
    corpus = list(store.iter_corpus_events(query))
    members = store.corpus_members([c.id for c in corpus])
    mentions = [key for c in corpus for key in members.get(c.id, [])]
    document_ids = list(dict.fromkeys(doc_id for doc_id, _ in mentions))
    extractions = {x.document.id: x for x in store.extractions(document_ids)}
    scope = _Scope(query, extractions)

    contests = gather_contests(
        store.contested_claims(), store.cross_contradictions(), scope.claim_in_scope
    )
    sides = [side for contest in contests for side in contest.sides]
    # A cross-article contradiction may cite an article with no event in the period.
    extra = [d for d in dict.fromkeys(s.document_id for s in sides) if d not in extractions]
    extractions.update({x.document.id: x for x in store.extractions(extra)})
    numbers = _number_sources(extractions.values())
    contested_events = _claim_events(extractions, [s.key for s in sides])

    developments = corpus_developments(corpus, members, extractions, numbers, contested_events)
    return Report(
        title=title or _default_title(query),
        country=", ".join(values_of(query.country)) or None,
        date_from=query.date_from,
        date_to=query.date_to,
        generated_at=(now or dt.datetime.now(dt.UTC)).replace(microsecond=0),
        sources=tuple(_source(extractions[doc_id], number) for doc_id, number in numbers.items()),
        developments=developments,
        event_mentions=len(mentions),
        merge="corpus",
        by_type=_counts((d.type, d) for d in developments),
        by_acled_type=_counts((d.acled_event_type, d) for d in developments),
        fatalities=_fatality_total(developments),
        figures=tuple(_figures(extractions, document_ids, numbers, scope))[:max_figures],
        contests=tuple(c.numbered(numbers) for c in contests),
        quotes=tuple(_quotes(extractions, document_ids, numbers))[:max_quotes],
    )


def _query(country: str | None, date_from: dt.date | None, date_to: dt.date | None) -> EventQuery:
    if date_from and date_to and date_from > date_to:
        raise ReportError(f"the period starts ({date_from}) after it ends ({date_to})", code="S701")
    try:
        return EventQuery(country=country, date_from=date_from, date_to=date_to)
    except StoreError as exc:
        raise ReportError(exc.message, code="S702") from exc


def _default_title(query: EventQuery) -> str:
    where = ", ".join(values_of(query.country)) or "all countries"
    return f"Situation report: {where}"


def _number_sources(extractions: Iterable[Extraction]) -> dict[str, int]:
    """Document id -> source number, by publication date (undated last), then id."""
    docs = sorted(
        (x.document for x in extractions),
        key=lambda d: (d.published is None, d.published or dt.date.min, d.id),
    )
    return {d.id: n for n, d in enumerate(docs, start=1)}


def _source(x: Extraction, number: int) -> Source:
    d = x.document
    return Source(
        number=number,
        document_id=d.id,
        title=d.title,
        publisher=d.publisher,
        published=d.published,
        url=d.url,
        license=d.license,
    )


def _counts(items: Iterable[tuple[str | None, Development]]) -> tuple[Count, ...]:
    """Developments per label, most first, with the sources behind each label."""
    counted: dict[str, list[Development]] = {}
    for label, development in items:
        if label:
            counted.setdefault(label, []).append(development)
    return tuple(
        Count(label, len(ds), tuple(sorted({s for d in ds for s in d.sources})))
        for label, ds in sorted(counted.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    )


def _fatality_total(developments: Sequence[Development]) -> FatalityTotal | None:
    """Highest asserted report per development, summed; claimed or denied ones left out."""
    reported = [d for d in developments if d.fatality_reports]
    if not reported:
        return None
    total = counted = 0
    for d in reported:
        asserted = [m.fatalities for m in d.mentions if m.modality == "asserted" and m.fatalities]
        if asserted:
            total += max(asserted)
            counted += 1
    return FatalityTotal(total=total, developments=counted, excluded=len(reported) - counted)


def _claim_events(
    extractions: dict[str, Extraction], claims: Iterable[tuple[str, str]]
) -> set[tuple[str, str]]:
    """(document id, event id) of the events these claims are about."""
    found: set[tuple[str, str]] = set()
    for doc_id, claim_id in claims:
        x = extractions.get(doc_id)
        claim = next((c for c in x.claims if c.id == claim_id), None) if x else None
        if claim is not None and claim.event is not None:
            found.add((doc_id, claim.event))
    return found


class _Scope:
    """Whether an item of an article in the report is tied to an event outside its scope."""

    def __init__(self, query: EventQuery, extractions: dict[str, Extraction]) -> None:
        self._query = query
        self._extractions = extractions

    def event_in_scope(self, document_id: str, event_id: str | None) -> bool:
        x = self._extractions.get(document_id)
        if x is None:
            return False
        if event_id is None:
            return True
        event = next((e for e in x.events if e.id == event_id), None)
        return event is None or self._fits(x, event)

    def claim_in_scope(self, document_id: str, claim_id: str) -> bool:
        x = self._extractions.get(document_id)
        if x is None:
            return False
        claim = next((c for c in x.claims if c.id == claim_id), None)
        return self.event_in_scope(document_id, claim.event if claim else None)

    def _fits(self, x: Extraction, event: Event) -> bool:
        q = self._query
        place = next((p for p in x.places if p.id == event.place), None)
        if q.country and place and place.country and place.country.upper() != q.country:
            return False
        start = event.date.start or event.date.end
        end = event.date.end or event.date.start
        if q.date_from and end and end < q.date_from:
            return False
        return not (q.date_to and start and start > q.date_to)


def _figures(
    extractions: dict[str, Extraction],
    document_ids: Sequence[str],
    numbers: dict[str, int],
    scope: _Scope,
) -> Iterable[ReportedFigure]:
    for doc_id in document_ids:
        x = extractions.get(doc_id)
        if x is None:
            continue
        for figure in sorted(x.figures, key=lambda f: f.span):
            if figure.unit != "people" or not scope.event_in_scope(doc_id, figure.event):
                continue
            yield ReportedFigure(
                value=figure.value,
                qualifier=figure.qualifier,
                unit=figure.unit,
                what=figure.what,
                wording=_excerpt(x.document.text, figure.span),
                sentence=_sentence(x.document.text, figure.span),
                source=numbers[doc_id],
            )


def _quotes(
    extractions: dict[str, Extraction], document_ids: Sequence[str], numbers: dict[str, int]
) -> list[ReportedQuote]:
    """Quotes with a known speaker first; direct, then reported, then fragments; longer first."""
    found: list[tuple[tuple[int, int, int, int, int], ReportedQuote]] = []
    for doc_id in document_ids:
        x = extractions.get(doc_id)
        if x is None:
            continue
        names = {e.id: e.name for e in x.entities}
        for q in x.quotes:
            speaker = names.get(q.speaker) if q.speaker else None
            text = " ".join(q.text.split())
            if not text:
                continue
            rank = _QUOTE_RANK.get(q.kind, 3)
            key = (speaker is None, rank, numbers[doc_id], -len(text), q.span[0])
            found.append((key, ReportedQuote(speaker, text, q.kind, numbers[doc_id])))
    return [quote for _, quote in sorted(found, key=lambda kv: kv[0])]


def _excerpt(text: str, span: tuple[int, int]) -> str:
    return " ".join(text[span[0] : span[1]].split())


def _sentence(text: str, span: tuple[int, int]) -> str:
    """The sentence around ``span``, cut at sentence ends (not at decimal points)."""
    start, end = span
    left = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        left = match.end()
    after = _SENTENCE_END.search(text, end)
    right = after.end() if after else len(text)
    sentence = " ".join(text[left:right].split())
    if len(sentence) > _SENTENCE_MAX:
        sentence = sentence[: _SENTENCE_MAX - 1].rstrip() + "…"
    return sentence


__all__ = ["DEFAULT_QUOTES", "build_report"]
