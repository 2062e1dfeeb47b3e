"""Per-article events → developments, one per happening, citing every article reporting it.

``corpus_developments`` follows the store's corpus-level merge (``Store.corpus_events``).
``merge_events`` is the fallback for a store without corpus events: identical (type, actor1,
actor2, place, date) events are one development; events differing in any of those fields stay
separate lines, since the report does not guess that they are the same happening.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence

from sitroom.model import Extraction
from sitroom.report.model import Development, Mention
from sitroom.store import CorpusEventRow, EventRow

EventKey = tuple[str, str]  # (document id, event id)
_MergeKey = tuple[str, str | None, str | None, str | None, dt.date | None, dt.date | None]


def merge_events(
    rows: Sequence[EventRow],
    numbers: Mapping[str, int],
    triggers: Mapping[EventKey, str],
    contested: Collection[EventKey],
) -> tuple[Development, ...]:
    """Developments in date order (undated last); asserted ones first within a day."""
    groups: dict[_MergeKey, list[EventRow]] = {}
    for row in rows:
        key = (row.type, row.actor1, row.actor2, row.place, row.date_start, row.date_end)
        groups.setdefault(key, []).append(row)
    developments = [_development(g, numbers, triggers, contested) for g in groups.values()]
    return tuple(sorted(developments, key=_order))


def corpus_developments(
    corpus: Sequence[CorpusEventRow],
    members: Mapping[str, Sequence[EventKey]],
    extractions: Mapping[str, Extraction],
    numbers: Mapping[str, int],
    contested: Collection[EventKey],
) -> tuple[Development, ...]:
    """One development per corpus event, with one mention per article event merged into it."""
    found: list[Development] = []
    for c in corpus:
        keys = [k for k in members.get(c.id, []) if k[0] in extractions]
        mentions = sorted(
            (_mention(extractions[doc_id], event_id, numbers[doc_id]) for doc_id, event_id in keys),
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
                admin1=c.admin1,
                lat=c.lat,
                lon=c.lon,
                geo_precision=c.geo_precision,
                date_start=c.date_start,
                date_end=c.date_end,
                date_precision=c.date_precision,
                contested=c.contested or any(k in contested for k in keys),
            )
        )
    return tuple(sorted(found, key=_order))


def _mention(x: Extraction, event_id: str, source: int) -> Mention:
    event = next(e for e in x.events if e.id == event_id)
    names = {e.id: e.name for e in x.entities}
    start, end = event.trigger
    return Mention(
        source=source,
        modality=event.modality,
        attributed_to=names.get(event.attributed_to) if event.attributed_to else None,
        fatalities=event.fatalities,
        trigger=" ".join(x.document.text[start:end].split()) or None,
    )


def _development(
    rows: list[EventRow],
    numbers: Mapping[str, int],
    triggers: Mapping[EventKey, str],
    contested: Collection[EventKey],
) -> Development:
    # Fields the key does not fix (ACLED type, coordinates) come from the first asserted report.
    rows = sorted(rows, key=lambda r: (r.modality != "asserted", numbers[r.document_id]))
    first = rows[0]
    return Development(
        type=first.type,
        quad=first.quad,
        mode=first.mode,
        mentions=tuple(
            Mention(
                source=numbers[r.document_id],
                modality=r.modality,
                attributed_to=r.attributed_to,
                fatalities=r.fatalities,
                trigger=triggers.get((r.document_id, r.event_id)),
            )
            for r in rows
        ),
        acled_event_type=next((r.acled_event_type for r in rows if r.acled_event_type), None),
        acled_sub_event_type=next(
            (r.acled_sub_event_type for r in rows if r.acled_sub_event_type), None
        ),
        actor1=_with_affiliation(first.actor1, first.actor1_affiliation),
        actor2=_with_affiliation(first.actor2, first.actor2_affiliation),
        place=first.place,
        country=first.country,
        admin1=first.admin1,
        lat=first.lat,
        lon=first.lon,
        geo_precision=first.geo_precision,
        date_start=first.date_start,
        date_end=first.date_end,
        date_precision=first.date_precision,
        contested=any((r.document_id, r.event_id) in contested for r in rows),
    )


def _with_affiliation(name: str | None, affiliation: str | None) -> str | None:
    if name and affiliation and affiliation != name:
        return f"{name} ({affiliation})"
    return name


def _order(d: Development) -> tuple[bool, dt.date, dt.date, bool, int, str]:
    return (
        d.date_start is None,
        d.date_start or dt.date.min,
        d.date_end or d.date_start or dt.date.min,
        not d.asserted,
        d.sources[0],
        d.type,
    )


__all__ = ["corpus_developments", "merge_events"]
