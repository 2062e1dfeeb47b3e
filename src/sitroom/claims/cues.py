"""Reporting cues, denial cues, hedges and claim nouns, loaded from ``data/reporting.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sitroom.model import Stance
from sitroom.resources import load_data


@dataclass(frozen=True)
class ReportingCues:
    assert_verbs: frozenset[str]
    deny_verbs: frozenset[str]
    hedges: tuple[str, ...]
    claim_nouns: frozenset[str]
    falsity: frozenset[str]
    # Used by the claims stage only (the events stage reads ``stance``):
    more_assert: frozenset[str] = frozenset()  # assertive cues beyond ``assert_verbs``
    speech: frozenset[str] = frozenset()  # cues that introduce words but assert nothing
    evidential: frozenset[str] = frozenset()  # cues whose subject is evidence ("data show")
    object_content: frozenset[str] = frozenset()  # cues that report with their object

    def stance(self, lemma: str) -> str | None:
        lemma = lemma.lower()
        if lemma in self.deny_verbs:
            return "deny"
        if lemma in self.assert_verbs:
            return "assert"
        return None

    def claim_stance(self, lemma: str) -> Stance | None:
        """The stance of a claim made with this verb, counting the wider assertive list."""
        lemma = lemma.lower()
        if lemma in self.deny_verbs:
            return "deny"
        if lemma in self.assert_verbs or lemma in self.more_assert:
            return "assert"
        return None

    def is_speech(self, lemma: str) -> bool:
        """Whether the verb can introduce a quotation or reported speech."""
        lemma = lemma.lower()
        return self.claim_stance(lemma) is not None or lemma in self.speech


@cache
def load_cues() -> ReportingCues:
    raw = load_data("reporting.yaml")
    return ReportingCues(
        assert_verbs=frozenset(raw["assert"]),
        deny_verbs=frozenset(raw["deny"]),
        hedges=tuple(sorted(raw["hedges"], key=len, reverse=True)),
        claim_nouns=frozenset(raw["claim_nouns"]),
        falsity=frozenset(str(w).lower() for w in raw["falsity"]),
        more_assert=frozenset(raw.get("more_assert", ())),
        speech=frozenset(raw.get("speech", ())),
        evidential=frozenset(raw.get("evidential", ())),
        object_content=frozenset(raw.get("object_content", ())),
    )


__all__ = ["ReportingCues", "load_cues"]
