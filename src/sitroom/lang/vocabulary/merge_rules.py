"""The schema of ``merge.yaml``: when two event mentions may report one happening."""

from __future__ import annotations

from pydantic import Field

from sitroom.lang.vocabulary.base import Entry, Vocabulary
from sitroom.model import Modality


class MergeRulesEntry(Entry):
    """The thresholds and type groups of the corpus merge (see ``merge.yaml``)."""

    compatible_types: tuple[frozenset[str], ...]
    symmetric_types: frozenset[str]
    modality_groups: tuple[frozenset[Modality], ...]
    date_slack_days: int = Field(ge=0)
    undated_window_days: int = Field(ge=0)
    near_km: float = Field(ge=0)


class MergeRulesVocabulary(Vocabulary):
    FILE = "merge.yaml"

    merge_rules: MergeRulesEntry


__all__ = ["MergeRulesEntry", "MergeRulesVocabulary"]
