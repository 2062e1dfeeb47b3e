"""Schemas of the words for amounts shared by the stages that read numbers (figures, durations,
casualty counts): number words (``data/numbers.yaml``) and the hedges before an amount
(``data/qualifiers.yaml``: "more than", "nearly", "up to")."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Annotated, Literal

from pydantic import BeforeValidator

from sitroom.lang.vocabulary.base import Vocabulary
from sitroom.lang.vocabulary.loader import load_vocabulary
from sitroom.lang.vocabulary.words import WordTuple, lower_keys
from sitroom.model import Qualifier

# The qualifiers a cue may give; "exact" is what a figure without a cue gets.
CueQualifier = Literal["about", "more_than", "less_than", "at_least", "up_to"]


class Qualifiers(Vocabulary):
    """``qualifiers.yaml``: qualifier → the cues that mean it."""

    FILE = "qualifiers.yaml"
    USER_EXTENSIBLE = False
    qualifiers: dict[CueQualifier, WordTuple]


class Numbers(Vocabulary):
    """``numbers.yaml``: number words, magnitudes, vague amounts and currency names."""

    FILE = "numbers.yaml"
    USER_EXTENSIBLE = False
    number_words: Annotated[dict[str, int], BeforeValidator(lower_keys)]
    currency_words: Annotated[dict[str, str], BeforeValidator(lower_keys)]
    magnitudes: Annotated[dict[str, int], BeforeValidator(lower_keys)]
    fractions: Annotated[dict[str, float], BeforeValidator(lower_keys)]
    vague_amounts: Annotated[dict[str, int], BeforeValidator(lower_keys)]
    vague_qualifier: CueQualifier


@cache
def qualifier_cues() -> Mapping[str, Qualifier]:
    """Cue (lower case, single spaces) → qualifier, in the file's order."""
    table = load_vocabulary(Qualifiers).qualifiers
    return MappingProxyType({cue: q for q, cues in table.items() for cue in cues})


@cache
def number_words() -> Mapping[str, int]:
    """Number word ("two", "ninety") → value."""
    return MappingProxyType(load_vocabulary(Numbers).number_words)


__all__ = ["CueQualifier", "Numbers", "Qualifiers", "number_words", "qualifier_cues"]
