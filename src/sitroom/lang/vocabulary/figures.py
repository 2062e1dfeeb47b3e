"""Schema of ``data/figure_nouns.yaml``: the words that decide what a number counts."""

from __future__ import annotations

from sitroom.lang.vocabulary.base import Vocabulary
from sitroom.lang.vocabulary.words import WordSet


class FigureNouns(Vocabulary):
    """``figure_nouns.yaml``; see its header. A user's lists are added, never replace."""

    FILE = "figure_nouns.yaml"
    person_nouns: WordSet
    casualty_words: WordSet
    crowd_verbs: WordSet
    time_nouns: WordSet
    level_verbs: WordSet
    part_words: WordSet = frozenset()


__all__ = ["FigureNouns"]
