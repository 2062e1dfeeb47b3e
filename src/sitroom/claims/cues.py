"""Reporting cues, denial cues, hedges and claim nouns, loaded from ``data/reporting.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sitroom.resources import load_data


@dataclass(frozen=True)
class ReportingCues:
    assert_verbs: frozenset[str]
    deny_verbs: frozenset[str]
    hedges: tuple[str, ...]
    claim_nouns: frozenset[str]
    falsity: frozenset[str]

    def stance(self, lemma: str) -> str | None:
        lemma = lemma.lower()
        if lemma in self.deny_verbs:
            return "deny"
        if lemma in self.assert_verbs:
            return "assert"
        return None


@cache
def load_cues() -> ReportingCues:
    raw = load_data("reporting.yaml")
    return ReportingCues(
        assert_verbs=frozenset(raw["assert"]),
        deny_verbs=frozenset(raw["deny"]),
        hedges=tuple(sorted(raw["hedges"], key=len, reverse=True)),
        claim_nouns=frozenset(raw["claim_nouns"]),
        falsity=frozenset(str(w).lower() for w in raw["falsity"]),
    )


__all__ = ["ReportingCues", "load_cues"]
