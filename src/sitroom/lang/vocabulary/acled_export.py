"""``acled_export.yaml``: how the ACLED export derives ACLED's categories (inter codes, disorder
types, regions, admin1 spellings); read by ``store/export/acled.py``."""

from __future__ import annotations

import functools
import re
from typing import get_args

from pydantic import model_validator

from sitroom.lang.vocabulary.base import Entry, Vocabulary
from sitroom.model import ActorType


class EventTypeRule(Entry):
    """ACLED categories set by what an actor does in an event of one type."""

    actor1: int | None = None
    actor2: int | None = None
    default_actor1: str | None = None
    default_actor2: str | None = None
    replaces: frozenset[int] = frozenset()


class AcledExportVocabulary(Vocabulary):
    """The schema of ``data/acled_export.yaml`` (its header explains each key)."""

    FILE = "acled_export.yaml"
    inter_codes: dict[int, str]
    actor_types: dict[str, int]
    by_event_type: dict[str, EventTypeRule]
    disorder_types: dict[str, str]
    civilian_targeting: str
    admin1_suffixes: tuple[str, ...]
    admin1_names: dict[str, str]
    city_admin1: dict[str, dict[str, str]]
    regions: dict[str, tuple[str, ...]]

    @model_validator(mode="after")
    def _consistent(self) -> AcledExportVocabulary:
        known = set(get_args(ActorType))
        if unknown := set(self.actor_types) - known:
            raise ValueError(f"unknown actor types {sorted(unknown)}")
        codes = [*self.actor_types.values()] + [
            code for rule in self.by_event_type.values() for code in (rule.actor1, rule.actor2)
        ]
        if bad := {code for code in codes if code is not None} - set(self.inter_codes):
            raise ValueError(f"inter codes {sorted(bad)} are not in inter_codes")
        seen: dict[str, str] = {}
        for region, countries in self.regions.items():
            for code in countries:
                if code in seen:
                    raise ValueError(f"{code} is in both {seen[code]} and {region}")
                seen[code] = region
        return self

    @functools.cached_property
    def region_of(self) -> dict[str, str]:
        return {code: region for region, codes in self.regions.items() for code in codes}

    @functools.cached_property
    def _suffix_pattern(self) -> re.Pattern[str]:
        words = "|".join(re.escape(word) for word in self.admin1_suffixes)
        return re.compile(rf"\s+(?:{words})$", re.IGNORECASE)

    def admin1(self, name: str | None) -> str | None:
        """A first-level division as ACLED spells it: "Kabul Province" -> "Kabul"."""
        if not name:
            return None
        cut = self._suffix_pattern.sub("", name.strip()) or name.strip()
        return self.admin1_names.get(cut, cut)


__all__ = ["AcledExportVocabulary", "EventTypeRule"]
