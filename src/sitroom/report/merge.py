"""Per-article events → developments, one per happening, citing every article reporting it.

The report does not merge events itself: each development is one of the store's corpus events
(``Store.corpus_events``), which follow the corpus rules (``sitroom.corpus``), the one
definition of "the same happening".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from sitroom.model import Extraction
from sitroom.report.model import Development, Mention
from sitroom.report.timing import fatality_timing
from sitroom.store import CorpusEventRow
from sitroom.store.export.columns import country_name

EventKey = tuple[str, str]  # (document id, event id)


def corpus_developments(
    corpus: Sequence[CorpusEventRow],
    members: Mapping[str, Sequence[EventKey]],
    extractions: Mapping[str, Extraction],
    numbers: Mapping[str, int],
    contested: Mapping[EventKey, Sequence[tuple[str, str | None]]],
    period: tuple[dt.date | None, dt.date | None] = (None, None),
) -> tuple[Development, ...]:
    """One development per corpus event, with one mention per article event merged into it.

    ``period`` (first and last day) decides which fatality counts are of the period.
    """
    found: list[Development] = []
    for c in corpus:
        keys = [k for k in members.get(c.id, []) if k[0] in extractions]
        mentions = sorted(
            (
                _mention(extractions[doc_id], event_id, numbers[doc_id], period)
                for doc_id, event_id in keys
            ),
            key=lambda m: (m.modality != "asserted", m.source),
        )
        if not mentions:
            continue
        found.append(
            Development(
                type=c.type,
                quad=c.quad,
                mode=c.mode,
                mentions=tuple(mentions),
                acled_event_type=c.acled_event_type,
                acled_sub_event_type=c.acled_sub_event_type,
                actor1=c.actor1,
                actor2=c.actor2,
                place=c.place,
                country=c.country,
                country_name=country_name(c.country),
                admin1=c.admin1,
                lat=c.lat,
                lon=c.lon,
                geo_precision=c.geo_precision,
                date_start=c.date_start,
                date_end=c.date_end,
                date_precision=c.date_precision,
                contested=c.contested or any(k in contested for k in keys),
                disputants=_disputants(keys, extractions, contested),
            )
        )
    return tuple(sorted(found, key=_order))


def _disputants(
    keys: Sequence[EventKey],
    extractions: Mapping[str, Extraction],
    contested: Mapping[EventKey, Sequence[tuple[str, str | None]]],
) -> tuple[tuple[str, str], ...]:
    """(stance, claimant) of every named claim about the member events: the article's own
    claims (which make the corpus event contested), then the sides of contradictions."""
    found: list[tuple[str, str]] = []
    for doc_id, event_id in keys:
        x = extractions[doc_id]
        names = {e.id: e.name for e in x.entities}
        for claim in x.claims:
            if claim.event == event_id and claim.claimant in names:
                found.append((claim.stance, names[claim.claimant]))
        found.extend((stance, who) for stance, who in contested.get((doc_id, event_id), ()) if who)
    return tuple(dict.fromkeys(found))


def _mention(
    x: Extraction, event_id: str, source: int, period: tuple[dt.date | None, dt.date | None]
) -> Mention:
    event = next(e for e in x.events if e.id == event_id)
    names = {e.id: e.name for e in x.entities}
    start, end = event.trigger
    timing = fatality_timing(x, event, *period) if event.fatalities else None
    return Mention(
        source=source,
        modality=event.modality,
        attributed_to=names.get(event.attributed_to) if event.attributed_to else None,
        fatalities=event.fatalities,
        trigger=" ".join(x.document.text[start:end].split()) or None,
        fatality_note=timing.why if timing is not None and not timing.current else None,
        background=event.background,
    )


def _order(d: Development) -> tuple[bool, dt.date, dt.date, bool, int, str]:
    return (
        d.date_start is None,
        d.date_start or dt.date.min,
        d.date_end or d.date_start or dt.date.min,
        not d.asserted,
        d.sources[0],
        d.type,
    )


__all__ = ["corpus_developments"]
