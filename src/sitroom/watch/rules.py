"""Alert rules (``alerts.yaml``): which corpus events and contradictions an analyst is told of,
and when a rule fires again.

An alerts file (see ``docs/watch/alerts.example.yaml``)::

    rules:
      - name: takeovers-north-darfur
        events:                       # every condition given must hold
          types: [FIGHT, ASSAULT]     # PLOVER types
          countries: [SD]             # ISO-2
          admin1: [North Darfur]
          bbox: [21.8, 11.0, 27.9, 20.0]   # min_lon, min_lat, max_lon, max_lat
          actors: [Rapid Support Forces]   # actor1 or actor2 contains one (case-insensitive)
          modalities: [asserted, claimed]
          contested: true
          min_sources: 1
          min_fatalities: 1
        deliver:
          stdout: true
          jsonl: alerts.jsonl
          webhook: http://127.0.0.1:9000/alerts
          dashboard: true
      - name: denials-by-the-army
        claims:
          contradiction_actor: Army   # a new contradiction with this claimant on either side
        deliver: {stdout: true}

A rule fires once per corpus event (or contradiction), and again only when the event changes
materially: another independent source, a denial or claim against it (or it became contested),
or a higher toll. The reason says which.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from sitroom.store import CorpusEventRow
from sitroom.store.watch_state import ContradictionPair
from sitroom.watch.config_files import ALERTS_FILE_ERROR, load_yaml_model

Fingerprint = dict[str, Any]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EventFilter(_Strict):
    types: list[str] = []
    countries: list[str] = []
    admin1: list[str] = []
    bbox: tuple[float, float, float, float] | None = None
    actors: list[str] = []
    modalities: list[str] = []
    contested: bool | None = None
    min_sources: int = Field(default=1, ge=1)
    min_fatalities: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _bbox_order(self) -> EventFilter:
        if self.bbox is not None:
            min_lon, min_lat, max_lon, max_lat = self.bbox
            if not (min_lon <= max_lon and min_lat <= max_lat):
                raise ValueError("bbox is min_lon, min_lat, max_lon, max_lat")
        return self

    def matches(self, event: CorpusEventRow) -> bool:
        # A happening every report mentions only as background ('in 2006 …') is not news.
        if event.background:
            return False
        if self.types and event.type.upper() not in {t.upper() for t in self.types}:
            return False
        if self.countries and (event.country or "").upper() not in {
            c.upper() for c in self.countries
        }:
            return False
        if self.admin1 and (event.admin1 or "").casefold() not in {
            a.casefold() for a in self.admin1
        }:
            return False
        if self.bbox is not None:
            if event.lat is None or event.lon is None:
                return False
            min_lon, min_lat, max_lon, max_lat = self.bbox
            if not (min_lon <= event.lon <= max_lon and min_lat <= event.lat <= max_lat):
                return False
        if self.actors and not _names_any(self.actors, [event.actor1, event.actor2]):
            return False
        if self.modalities and event.modality not in self.modalities:
            return False
        if self.contested is not None and event.contested != self.contested:
            return False
        if event.sources < self.min_sources:
            return False
        if self.min_fatalities is not None:
            toll = max(event.fatalities or 0, event.fatalities_max or 0)
            if toll < self.min_fatalities:
                return False
        return True


class ClaimFilter(_Strict):
    contradiction_actor: str = Field(min_length=1)

    def matches(self, pair: ContradictionPair) -> bool:
        return _names_any([self.contradiction_actor], [pair.claimant_a, pair.claimant_b])


class Deliveries(_Strict):
    stdout: bool = False
    jsonl: Path | None = None
    webhook: str | None = Field(default=None, pattern=r"^https?://\S+$")
    dashboard: bool = True


class AlertRule(_Strict):
    name: str = Field(min_length=1, pattern=r"^[\w.\- ]+$")
    events: EventFilter | None = None
    claims: ClaimFilter | None = None
    deliver: Deliveries = Deliveries()

    @model_validator(mode="after")
    def _one_subject(self) -> AlertRule:
        if (self.events is None) == (self.claims is None):
            raise ValueError("a rule has either `events` or `claims`")
        return self


class AlertsFile(_Strict):
    rules: list[AlertRule] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_names(self) -> AlertsFile:
        names = [rule.name for rule in self.rules]
        if len(set(names)) != len(names):
            raise ValueError("rule names must be unique")
        return self


def load_rules(path: Path) -> list[AlertRule]:
    """The rules of an alerts file; relative JSONL paths are taken from the file's folder."""
    rules = load_yaml_model(path, AlertsFile, ALERTS_FILE_ERROR).rules
    out = []
    for rule in rules:
        target = rule.deliver.jsonl
        if target is not None and not target.is_absolute():
            deliver = rule.deliver.model_copy(update={"jsonl": path.parent / target})
            rule = rule.model_copy(update={"deliver": deliver})
        out.append(rule)
    return out


def _names_any(wanted: list[str], names: list[str | None]) -> bool:
    present = [name.casefold() for name in names if name]
    return any(w.casefold() in name for w in wanted for name in present)


def event_fingerprint(event: CorpusEventRow) -> Fingerprint:
    """What a material change is measured on."""
    return {
        "sources": event.sources,
        "claims_against": event.claims_against,
        "contested": event.contested,
        "toll": max(event.fatalities or 0, event.fatalities_max or 0),
    }


def event_change(previous: Fingerprint | None, now: Fingerprint) -> str | None:
    """Why the rule fires (again), or None when nothing material changed since it last did."""
    if previous is None:
        return "new"
    reasons = []
    if now["sources"] > previous.get("sources", 0):
        reasons.append(f"another source ({previous.get('sources', 0)} → {now['sources']})")
    if now["claims_against"] > previous.get("claims_against", 0):
        reasons.append("a denial")
    elif now["contested"] and not previous.get("contested", False):
        reasons.append("now contested")
    if now["toll"] > previous.get("toll", 0):
        reasons.append(f"a higher toll ({previous.get('toll', 0)} → {now['toll']})")
    return "; ".join(reasons) or None


def contradiction_change(previous: Fingerprint | None, now: Fingerprint) -> str | None:
    return "new contradiction" if previous is None else None


__all__ = [
    "AlertRule",
    "AlertsFile",
    "ClaimFilter",
    "Deliveries",
    "EventFilter",
    "contradiction_change",
    "event_change",
    "event_fingerprint",
    "load_rules",
]
