"""Event mentions as the corpus rules see them, and the names an actor of one is known by."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable

from sitroom.corpus.rules import MergeRules

MentionKey = tuple[str, str]  # (document id, event id)


@dataclasses.dataclass(frozen=True)
class PlaceRef:
    name: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: int
    geonames_id: int | None


@dataclasses.dataclass(frozen=True)
class Mention:
    """One stored event as the merge sees it; actor keys are case-folded names and aliases."""

    document_id: str
    event_id: str
    type: str
    mode: str | None
    cameo: str
    quad: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    modality: str
    actor1: str | None
    actor2: str | None
    actor1_keys: frozenset[str]
    actor2_keys: frozenset[str]
    place: PlaceRef | None
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: str | None
    fatalities: int | None
    confidence: float
    published: dt.date | None
    place_basis: str | None = None  # argument, sentence or document (the article's focus)
    background: bool = False  # mentioned as context ("in 2006 …"), not as the article's news

    @property
    def key(self) -> MentionKey:
        return (self.document_id, self.event_id)


def fold(text: str | None) -> str:
    """A name as the rules compare it: whitespace collapsed, case folded."""
    return " ".join((text or "").split()).casefold()


def actor_keys(
    name: str | None, aliases: Iterable[str] | None, affiliation: str | None
) -> frozenset[str]:
    """The folded names an event's actor is matched by: its name, its aliases and the
    organisation it speaks or fights for, which stands for it too ("Taliban spokesman")."""
    found = {fold(v) for v in (name, affiliation, *(aliases or [])) if v}
    return frozenset(k for k in found if k)


def window(m: Mention, rules: MergeRules) -> tuple[dt.date, dt.date] | None:
    """The dates the mention may lie in: its own interval, else the days before publication."""
    if m.date_start is not None or m.date_end is not None:
        start = m.date_start or m.date_end
        end = m.date_end or m.date_start
        assert start is not None and end is not None
        return (start, end)
    if m.published is not None:
        return (m.published - rules.undated_window, m.published)
    return None


__all__ = ["Mention", "MentionKey", "PlaceRef", "actor_keys", "fold", "window"]
