"""Schema of ``data/periods.yaml``: the constructions that place a happening or a figure before
the article's period (background events, cumulative and historical figures)."""

from __future__ import annotations

from functools import cache

from pydantic import Field

from sitroom.lang.vocabulary.base import Vocabulary
from sitroom.lang.vocabulary.loader import load_vocabulary
from sitroom.lang.vocabulary.words import LongestFirst, WordSet


class PeriodWords(Vocabulary):
    """``periods.yaml``; see its header for what each entry does."""

    FILE = "periods.yaml"
    USER_EXTENSIBLE = False
    period_days: int = Field(ge=0)
    since_words: LongestFirst
    running_openers: LongestFirst = ()
    campaign_days: int = Field(ge=0)
    anniversary_nouns: WordSet
    past_phrases: LongestFirst
    anaphoric_time_phrases: LongestFirst
    former_modifiers: WordSet
    anaphoric_determiners: WordSet
    perfect_auxiliaries: WordSet
    era_prepositions: WordSet
    total_phrases: LongestFirst
    simultaneous_marks: WordSet = frozenset()
    former_adverbs: WordSet = frozenset()
    likeness_modifiers: WordSet = frozenset()
    indefinite_articles: WordSet = frozenset()
    remembering_verbs: WordSet = frozenset()
    recent_phrases: LongestFirst = ()


@cache
def period_words() -> PeriodWords:
    """The packaged period words (read once per process)."""
    return load_vocabulary(PeriodWords)


__all__ = ["PeriodWords", "period_words"]
