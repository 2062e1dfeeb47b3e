"""The merge rules' parameters, from ``data/merge.yaml`` (key ``merge_rules``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path

from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.merge_rules import MergeRulesEntry, MergeRulesVocabulary


@dataclasses.dataclass(frozen=True)
class MergeRules:
    """``merge.yaml`` in the form the rules ask it: type → compatible types, modality → group."""

    compatible: Mapping[str, frozenset[str]]
    symmetric: frozenset[str]
    modality_group: Mapping[str, int]
    date_slack: dt.timedelta
    undated_window: dt.timedelta
    near_km: float

    def types_compatible(self, a: str, b: str) -> bool:
        return a == b or b in self.compatible.get(a, frozenset())

    def modalities_compatible(self, a: str, b: str) -> bool:
        """Both modalities in one group (a modality in none is compatible with nothing)."""
        group = self.modality_group.get(a)
        return group is not None and group == self.modality_group.get(b)

    @classmethod
    def from_entry(cls, entry: MergeRulesEntry) -> MergeRules:
        compatible: dict[str, set[str]] = {}
        for group in entry.compatible_types:
            for kind in group:
                compatible.setdefault(kind, set()).update(group)
        groups: dict[str, int] = {
            m: i for i, group in enumerate(entry.modality_groups) for m in group
        }
        return cls(
            compatible={k: frozenset(v) for k, v in compatible.items()},
            symmetric=entry.symmetric_types,
            modality_group=groups,
            date_slack=dt.timedelta(days=entry.date_slack_days),
            undated_window=dt.timedelta(days=entry.undated_window_days),
            near_km=entry.near_km,
        )


def load_rules(extra: Sequence[Path | str] = ()) -> MergeRules:
    """The packaged rules, with the ``merge_rules`` of the user's vocabulary files applied."""
    return MergeRules.from_entry(load_vocabulary(MergeRulesVocabulary, extra).merge_rules)


@cache
def default_rules() -> MergeRules:
    return load_rules()


__all__ = ["MergeRules", "default_rules", "load_rules"]
