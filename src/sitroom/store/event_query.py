"""``EventQuery``: the filters, page size and cursor of ``Store.events``, checked up front."""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import json
import math
from collections.abc import Callable
from typing import Final, get_args

from sitroom.errors import StoreError
from sitroom.model import Modality, PloverType, Quad
from sitroom.store.records import SEARCH_SEPARATOR
from sitroom.store.search import search_words

PLOVER_TYPES: tuple[str, ...] = get_args(PloverType)
MODALITIES: tuple[str, ...] = get_args(Modality)
QUADS: tuple[str, ...] = get_args(Quad)
# ACLED's event types, as ACLED spells them; the store keeps whatever the extractor wrote.
ACLED_EVENT_TYPES: tuple[str, ...] = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)

BBox = tuple[float, float, float, float]

# Events are listed by date, latest first and undated last, then by document id and event id;
# a cursor holds those three values of the last row seen.
CursorKey = tuple[dt.date | None, str, str]
_CURSOR_PREFIX: Final = "e1."


def _invalid(message: str) -> StoreError:
    return StoreError(message, code="S507")


def encode_cursor(date: dt.date | None, document_id: str, event_id: str) -> str:
    """An opaque, URL-safe token for the position just after this event."""
    payload = json.dumps([date.isoformat() if date else None, document_id, event_id])
    token = base64.urlsafe_b64encode(payload.encode("utf-8")).decode("ascii").rstrip("=")
    return _CURSOR_PREFIX + token


def decode_cursor(cursor: str) -> CursorKey:
    """The sort key inside a cursor made by ``encode_cursor``; S507 for anything else."""
    bad = _invalid(f"not a cursor from this sitroom: {cursor[:40]!r}")
    if not cursor.startswith(_CURSOR_PREFIX):
        raise bad
    token = cursor[len(_CURSOR_PREFIX) :]
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        date, document_id, event_id = json.loads(raw.decode("utf-8"))
        day = None if date is None else dt.date.fromisoformat(date)
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError):
        raise bad from None
    if not isinstance(document_id, str) or not isinstance(event_id, str):
        raise bad
    return (day, document_id, event_id)


def _one_of(value: str, allowed: tuple[str, ...], what: str) -> str:
    """``value`` spelt as in ``allowed``, matched ignoring case, spaces and underscores."""

    def norm(text: str) -> str:
        return " ".join(text.replace("_", " ").split()).casefold()

    for option in allowed:
        if norm(option) == norm(value):
            return option
    raise _invalid(f"unknown {what} {value!r}; expected one of {', '.join(allowed)}")


def _check_bbox(bbox: object) -> BBox:
    try:
        min_lon, min_lat, max_lon, max_lat = (float(v) for v in bbox)  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        raise _invalid(
            f"bbox must be four numbers min_lon, min_lat, max_lon, max_lat, not {bbox!r}"
        ) from None
    values = (min_lon, min_lat, max_lon, max_lat)
    if not all(math.isfinite(v) for v in values):
        raise _invalid(f"bbox values must be finite numbers, not {bbox!r}")
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180):
        raise _invalid(f"bbox longitudes must be within -180..180, not {bbox!r}")
    if not (-90 <= min_lat <= max_lat <= 90):
        raise _invalid(f"bbox latitudes must be within -90..90 and min <= max, not {bbox!r}")
    return values


def _check_type(value: str) -> str:
    kind = value.strip().upper()
    if kind not in PLOVER_TYPES:
        raise _invalid(f"unknown event type {value!r}; expected one of {', '.join(PLOVER_TYPES)}")
    return kind


def _check_country(value: str) -> str:
    country = value.strip().upper()
    if len(country) != 2 or not country.isascii() or not country.isalpha():
        raise _invalid(f"country must be a two-letter ISO code, not {value!r}")
    return country


# The filters that take several values (any of them matches), each with its check.
_MULTI: Final[dict[str, Callable[[str], str]]] = {
    "type": _check_type,
    "country": _check_country,
    "modality": lambda value: _one_of(value, MODALITIES, "modality"),
    "quad": lambda value: _one_of(value, QUADS, "quad"),
    "acled_event_type": lambda value: _one_of(value, ACLED_EVENT_TYPES, "ACLED event type"),
}

# One value, or several: a tuple, or one string with commas ("FIGHT,ASSAULT").
Values = str | tuple[str, ...]


def _many(value: object, check: Callable[[str], str], name: str) -> Values:
    """The values checked and normalised, duplicates dropped: one value stays a string, several
    become a tuple."""
    given = [value] if isinstance(value, str) else list(value)  # type: ignore[call-overload]
    parts = [part.strip() for one in given for part in str(one).split(",")]
    found = list(dict.fromkeys(check(part) for part in parts if part))
    if not found:
        raise _invalid(f"{name} filter needs a value, not {value!r}")
    return found[0] if len(found) == 1 else tuple(found)


def values_of(value: Values | None) -> tuple[str, ...]:
    """A multi-value filter as a tuple (empty when not set)."""
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else value


@dataclasses.dataclass(frozen=True)
class EventQuery:
    """Filters for ``Store.events``; every filter given must hold.

    Values are validated and normalised on construction (type upper case, country upper case,
    modality and quad lower case, ACLED type as ACLED spells it), so a bad filter fails before
    any query runs. ``type``, ``country``, ``modality``, ``quad`` and ``acled_event_type`` take
    several values (a tuple, or commas: ``"FIGHT,ASSAULT"``); an event matches any of them.

    - ``bbox``: (min_lon, min_lat, max_lon, max_lat) in degrees, edges included; events whose
      place has no coordinates never match. ``min_lon > max_lon`` means a box across the
      antimeridian.
    - ``admin1``: the place's first-level division, whole name, case-insensitive.
    - ``text``: every word must occur in the event's document, in its title, text or quotes;
      words are stemmed (English), case and punctuation ignored.
    - ``include_background``: also background mentions ("in 2006 …", ``Event.background``)
      and happenings all of whose mentions are background; left out by default, as from the
      maps and totals. A scope rather than a filter: ``filtered`` ignores it.
    - ``limit`` and ``after``: a page. Rows come latest first (undated last), then by document
      id and event id; pass the last row's ``cursor`` as ``after`` for the next page. A cursor
      stays valid while rows are added or removed, and with other filters.
    """

    type: Values | None = None
    country: Values | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    actor: str | None = None
    modality: Values | None = None
    quad: Values | None = None
    acled_event_type: Values | None = None
    admin1: str | None = None
    bbox: BBox | None = None
    text: str | None = None
    limit: int | None = None
    after: str | None = None
    include_background: bool = False

    def __post_init__(self) -> None:
        def set_(name: str, value: object) -> None:
            object.__setattr__(self, name, value)

        for name, check in _MULTI.items():
            value = getattr(self, name)
            if value is not None:
                set_(name, _many(value, check, name))
        if self.actor is not None:
            actor = self.actor.strip()
            if not actor or SEARCH_SEPARATOR in actor:
                raise _invalid(f"actor filter must be a non-empty name, not {self.actor!r}")
            set_("actor", actor)
        if self.admin1 is not None:
            admin1 = " ".join(self.admin1.split())
            if not admin1:
                raise _invalid(f"admin1 filter must be a non-empty name, not {self.admin1!r}")
            set_("admin1", admin1)
        if self.bbox is not None:
            set_("bbox", _check_bbox(self.bbox))
        if self.text is not None:
            text = " ".join(self.text.split())
            if not search_words(text):
                raise _invalid(f"text search needs at least one word, not {self.text!r}")
            set_("text", text)
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise _invalid(f"date_from {self.date_from} is after date_to {self.date_to}")
        if self.limit is not None and self.limit < 0:
            raise _invalid(f"limit must not be negative, not {self.limit}")
        if self.after is not None:
            decode_cursor(self.after)

    @property
    def after_key(self) -> CursorKey | None:
        return None if self.after is None else decode_cursor(self.after)

    @property
    def filtered(self) -> bool:
        """True when any filter is set; a page (``limit``, ``after``) is not a filter."""
        return any(
            getattr(self, field.name) is not None
            for field in dataclasses.fields(self)
            if field.name not in ("limit", "after", "include_background")
        )


__all__ = [
    "ACLED_EVENT_TYPES",
    "MODALITIES",
    "PLOVER_TYPES",
    "QUADS",
    "BBox",
    "CursorKey",
    "EventQuery",
    "Values",
    "decode_cursor",
    "encode_cursor",
    "values_of",
]
