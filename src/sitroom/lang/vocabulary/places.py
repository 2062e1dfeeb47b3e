"""Schema of ``data/toponyms.yaml``: the words around place names that the geo stage reads."""

from __future__ import annotations

from functools import cache
from types import MappingProxyType
from typing import Literal

from sitroom.lang.vocabulary.base import Vocabulary
from sitroom.lang.vocabulary.loader import load_vocabulary
from sitroom.lang.vocabulary.words import WordSet, WordTuple

# The kinds of place a cue word names; sitroom.geo.resolve maps each to gazetteer kinds.
PlaceCue = Literal["admin", "district", "county", "area", "settlement", "facility"]


class ToponymWords(Vocabulary):
    """``toponyms.yaml``; see its header for what each list does."""

    FILE = "toponyms.yaml"
    USER_EXTENSIBLE = False
    place_cues: dict[PlaceCue, WordTuple]
    name_articles: WordSet
    near_words: WordSet
    compass_words: WordSet
    distance_units: WordSet
    locative_words: WordSet
    non_agentive_verbs: WordSet

    def cue_words(self) -> MappingProxyType[str, PlaceCue]:
        """Cue word → the kind of place it names (a word listed twice keeps its last kind)."""
        return MappingProxyType(
            {word: cue for cue, words in self.place_cues.items() for word in words}
        )


@cache
def toponym_words() -> ToponymWords:
    """The packaged words around place names (read once per process)."""
    return load_vocabulary(ToponymWords)


__all__ = ["PlaceCue", "ToponymWords", "toponym_words"]
