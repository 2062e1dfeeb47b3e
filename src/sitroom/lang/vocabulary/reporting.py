"""Schema of ``data/reporting.yaml``: reporting, denial and speech cues, hedges, claim nouns.

Read by the claims stage (quotes, claims, contradictions) and by the events stage (an event
in the complement of a reporting verb is claimed, of a denial verb denied).
"""

from __future__ import annotations

from pydantic import Field

from sitroom.lang.vocabulary.base import Vocabulary
from sitroom.lang.vocabulary.words import LongestFirst, WordSet
from sitroom.model import PloverType, Stance


class ReportingVocabulary(Vocabulary):
    """``reporting.yaml``; see its header for what each list does."""

    FILE = "reporting.yaml"
    assert_verbs: WordSet = Field(alias="assert")
    deny_verbs: WordSet = Field(alias="deny")
    hedges: LongestFirst
    claim_nouns: WordSet
    falsity: WordSet
    more_assert: WordSet
    speech: WordSet
    evidential: WordSet
    object_content: WordSet
    negations: WordSet
    possibility_modals: WordSet = frozenset()
    possibility_adverbs: WordSet = frozenset()
    deed_pronoun_verbs: WordSet = frozenset()
    deed_anaphors: WordSet = frozenset()
    origin_anaphors: WordSet = frozenset()
    tally_verbs: WordSet = frozenset()
    tally_nouns: WordSet = frozenset()
    tally_prepositions: WordSet = frozenset()
    overstatement_words: WordSet = frozenset()
    truth_words: WordSet = frozenset()
    referring_determiners: WordSet = frozenset()
    pleas: WordSet
    plea_prepositions: WordSet
    content_marks: WordSet
    innocence_words: WordSet
    guilt_words: WordSet
    occurrence_verbs: WordSet
    pronoun_genders: dict[str, WordSet]
    name_suffixes: WordSet
    generic_speakers: WordSet
    blame_verbs: WordSet
    involvement_nouns: WordSet
    deed_claiming_verbs: WordSet
    doer_adjectives: dict[str, str]
    origin_verbs: WordSet
    involvement_clauses: dict[str, str]
    involvement_pronouns: WordSet
    doer_prepositions: WordSet
    body_nouns: WordSet
    branch_nouns: WordSet = frozenset()
    event_families: dict[str, tuple[PloverType, ...]]
    presence_verbs: WordSet
    presence_prepositions: WordSet
    occupation_verbs: WordSet = frozenset()
    occupation_sites: WordSet = frozenset()
    truce_nouns: WordSet = frozenset()
    truce_breaking_verbs: WordSet = frozenset()
    truce_holding_verbs: WordSet = frozenset()
    truce_keeping_verbs: WordSet = frozenset()
    casualty_nouns: dict[str, PloverType]
    harm_verbs: dict[str, PloverType]
    place_capture_verbs: dict[str, PloverType]
    place_capture_away: WordSet
    aimed_verbs: dict[str, PloverType]
    aimed_prepositions: WordSet
    place_holding_verbs: dict[str, PloverType]
    place_holding_states: dict[str, PloverType]
    place_holding_nouns: WordSet
    place_state_holders: WordSet = frozenset()
    count_measures: dict[str, WordSet]
    count_people: WordSet
    revision_verbs: WordSet = frozenset()
    proposal_nouns: WordSet = frozenset()
    removal_prepositions: WordSet = frozenset()
    record_nouns: WordSet = frozenset()
    announcing_nouns: WordSet = frozenset()
    calling_verbs: WordSet = frozenset()
    calling_prepositions: WordSet = frozenset()
    association_nouns: WordSet = frozenset()
    feeling_words: WordSet = frozenset()
    installation_nouns: WordSet = frozenset()
    advocate_nouns: WordSet = frozenset()
    member_nouns: WordSet = frozenset()
    further_words: WordSet = frozenset()
    exclusive_words: WordSet = frozenset()
    civilian_nouns: WordSet = frozenset()
    count_about_margin: float
    spelling_variants: dict[str, str]
    side_words: WordSet

    def family(self, event_type: str) -> str:
        """The family an event type belongs to for comparing propositions (its own name when
        it is in none)."""
        for family, types in self.event_families.items():
            if event_type in types:
                return family
        return event_type.lower()

    def declared_family(self, event_type: str) -> str | None:
        """The family an event type is listed in, or None: only the listed families are kinds
        of happening that a statement's verb can name ("denied capturing the town")."""
        for family, types in self.event_families.items():
            if event_type in types:
                return family
        return None

    def stance(self, lemma: str) -> Stance | None:
        """The stance of an event's reporting verb: ``assert`` and ``deny`` lists only."""
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


__all__ = ["ReportingVocabulary"]
