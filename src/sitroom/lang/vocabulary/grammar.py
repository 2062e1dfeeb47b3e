"""Schema of ``data/grammar.yaml``: closed word classes read by several stages."""

from __future__ import annotations

from functools import cache

from sitroom.lang.vocabulary.base import Vocabulary
from sitroom.lang.vocabulary.loader import load_vocabulary
from sitroom.lang.vocabulary.words import WordSet


class Grammar(Vocabulary):
    """``grammar.yaml``; see its header for what each list does."""

    FILE = "grammar.yaml"
    USER_EXTENSIBLE = False
    person_pronouns: WordSet
    group_pronouns: WordSet
    group_possessives: WordSet
    group_anaphors: WordSet
    subject_pronouns: WordSet
    oblique_pronouns: WordSet
    first_person_pronouns: WordSet
    opposing_prefixes: WordSet
    future_auxiliaries: WordSet
    hypothetical_auxiliaries: WordSet
    condition_marks: WordSet
    party_prepositions: WordSet
    place_prepositions: WordSet
    carrier_prepositions: WordSet
    indefinite_determiners: WordSet
    single_determiners: WordSet
    acronym_skip_words: WordSet
    pronoun_determiners: WordSet
    title_function_words: WordSet
    nominal_deps: WordSet
    auxiliary_verbs: WordSet
    speaking_for_prepositions: WordSet
    present_tense_tags: WordSet
    object_control_verbs: WordSet = frozenset()
    supposition_verbs: WordSet = frozenset()  # "gunmen *believed* to be X attacked …"
    nominal_object_prepositions: WordSet = frozenset()  # "the arrest *of* X by police"
    agent_party_prepositions: WordSet = frozenset()  # "attacks by settlers *on* farmers"
    membership_prepositions: WordSet = frozenset()  # "X were *among* those killed"
    singular_group_pronouns: WordSet = frozenset()
    denying_determiners: WordSet = frozenset()
    reprisal_nouns: WordSet = frozenset()
    reprisal_verbs: WordSet = frozenset()


@cache
def grammar() -> Grammar:
    """The packaged grammar words (read once per process)."""
    return load_vocabulary(Grammar)


__all__ = ["Grammar", "grammar"]
