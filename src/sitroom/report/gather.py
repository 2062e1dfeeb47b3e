"""``build_report``: what a situation report needs, read through ``Store``'s public methods.

Scope: the events the store returns for the country and period (``EventQuery``) make the
developments; the articles those events come from are the report's documents. Figures, quotes
and claims are taken from those articles, except ones tied to an event placed in another country
or dated outside the period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sitroom.errors import ReportError, StoreError
from sitroom.model import Event, Extraction
from sitroom.report.contests import Side, gather_contests
from sitroom.report.figures import fatality_total, reported_figures
from sitroom.report.merge import corpus_developments
from sitroom.report.messages import key_messages
from sitroom.report.model import (
    Count,
    Development,
    Report,
    ReportedFigure,
    ReportedQuote,
    Source,
)
from sitroom.report.sentence import period_words
from sitroom.store import EventQuery, Store
from sitroom.store.event_query import values_of
from sitroom.store.export.columns import country_name

DEFAULT_QUOTES = 10
DEFAULT_FIGURES = 30
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
    contested_events = _claim_events(extractions, sides)

    period = (query.date_from, query.date_to)
    everything = corpus_developments(
        corpus, members, extractions, numbers, contested_events, period
    )
    developments = tuple(d for d in everything if not d.background)
    fatalities = fatality_total(developments)
    in_scope = scope.event_in_country
    figures = _once(reported_figures(extractions, document_ids, numbers, in_scope, period))
    money = _once(
        reported_figures(extractions, document_ids, numbers, in_scope, period, money=True)
    )
    codes = values_of(query.country)
    name = ", ".join(country_name(c) or c for c in codes) or None
    numbered = tuple(c.numbered(numbers) for c in contests)
    return Report(
        title=title or _default_title(name, query, list(extractions.values())),
        country=", ".join(codes) or None,
        country_name=name,
        date_from=query.date_from,
        date_to=query.date_to,
        generated_at=(now or dt.datetime.now(dt.UTC)).replace(microsecond=0),
        sources=tuple(_source(extractions[doc_id], number) for doc_id, number in numbers.items()),
        developments=developments,
        event_mentions=len(mentions),
        merge="corpus",
        by_type=_counts((d.type, d) for d in developments),
        by_acled_type=_counts((d.acled_event_type, d) for d in developments),
        fatalities=fatalities,
        figures=tuple(f for f in figures if f.current)[:max_figures],
        context_figures=tuple(f for f in figures if not f.current)[:max_figures],
        money=tuple(f for f in money if f.current)[:max_figures],
        contests=numbered,
        quotes=tuple(_quotes(extractions, document_ids, numbers))[:max_quotes],
        key_messages=key_messages(
            developments, fatalities, numbered, figures, with_country=len(codes) != 1
        ),
        background=len(everything) - len(developments),
    )


def _once(figures: Iterable[ReportedFigure]) -> list[ReportedFigure]:
    """A number a source repeats for the same row and period ("12 killed", later "at least 12
    people had been killed") shown once, as first written."""
    seen: set[tuple[str, str, float, int]] = set()
    kept = []
    for f in figures:
        key = (f.category, f.period, f.value, f.source)
        if key not in seen:
            seen.add(key)
            kept.append(f)
    return kept


def _query(country: str | None, date_from: dt.date | None, date_to: dt.date | None) -> EventQuery:
    if date_from and date_to and date_from > date_to:
        raise ReportError(f"the period starts ({date_from}) after it ends ({date_to})", code="S701")
    try:
        return EventQuery(country=country, date_from=date_from, date_to=date_to)
    except StoreError as exc:
        raise ReportError(exc.message, code="S702") from exc


def _default_title(name: str | None, query: EventQuery, articles: Sequence[Extraction]) -> str:
    """Afghanistan: situation report, 1 to 7 September 2021; without dates, the span of the
    articles' publication dates."""
    where = name or "All countries"
    start, end = query.date_from, query.date_to
    if start is None and end is None:
        published = [x.document.published for x in articles if x.document.published]
        start, end = min(published, default=None), max(published, default=None)
    when = period_words(start, end)
    return f"{where}: situation report, {when}" if when else f"{where}: situation report"


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


def _claim_events(
    extractions: dict[str, Extraction], sides: Iterable[Side]
) -> dict[tuple[str, str], list[tuple[str, str | None]]]:
    """(document id, event id) of the events these claims are about -> (stance, claimant)."""
    found: dict[tuple[str, str], list[tuple[str, str | None]]] = {}
    for side in sides:
        x = extractions.get(side.document_id)
        claim = next((c for c in x.claims if c.id == side.claim_id), None) if x else None
        if claim is not None and claim.event is not None:
            key = (side.document_id, claim.event)
            found.setdefault(key, []).append((side.stance, side.claimant))
    return found


class _Scope:
    """Whether an item of an article in the report is tied to an event outside its scope."""

    def __init__(self, query: EventQuery, extractions: dict[str, Extraction]) -> None:
        self._query = query
        self._extractions = extractions

    def event_in_scope(self, document_id: str, event_id: str | None) -> bool:
        return self._in_scope(document_id, event_id, dates=True)

    def event_in_country(self, document_id: str, event_id: str | None) -> bool:
        """Not placed in another country (figures: ``timing`` judges their dates)."""
        return self._in_scope(document_id, event_id, dates=False)

    def _in_scope(self, document_id: str, event_id: str | None, *, dates: bool) -> bool:
        x = self._extractions.get(document_id)
        if x is None:
            return False
        if event_id is None:
            return True
        event = next((e for e in x.events if e.id == event_id), None)
        return event is None or self._fits(x, event, dates=dates)

    def claim_in_scope(self, document_id: str, claim_id: str) -> bool:
        x = self._extractions.get(document_id)
        if x is None:
            return False
        claim = next((c for c in x.claims if c.id == claim_id), None)
        return self.event_in_scope(document_id, claim.event if claim else None)

    def _fits(self, x: Extraction, event: Event, *, dates: bool) -> bool:
        q = self._query
        place = next((p for p in x.places if p.id == event.place), None)
        if q.country and place and place.country and place.country.upper() != q.country:
            return False
        if not dates:
            return True
        start = event.date.start or event.date.end
        end = event.date.end or event.date.start
        if q.date_from and end and end < q.date_from:
            return False
        return not (q.date_to and start and start > q.date_to)


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


__all__ = ["DEFAULT_QUOTES", "build_report"]
