"""Schema of ``data/temporal.yaml``: the words of time (month and weekday names, counts, units,
the context words that tell a duration from a time)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from sitroom.lang.vocabulary.amounts import number_words
from sitroom.lang.vocabulary.base import Vocabulary
from sitroom.lang.vocabulary.loader import load_vocabulary
from sitroom.lang.vocabulary.words import WordSet, WordTuple, lower_keys
from sitroom.model import DurationUnit


class TemporalWords(Vocabulary):
    """``temporal.yaml``; see its header for what each entry does."""

    FILE = "temporal.yaml"
    USER_EXTENSIBLE = False
    months: Annotated[dict[str, Annotated[int, Field(ge=1, le=12)]], BeforeValidator(lower_keys)]
    weekdays: Annotated[dict[str, Annotated[int, Field(ge=0, le=6)]], BeforeValidator(lower_keys)]
    count_words: Annotated[dict[str, int], BeforeValidator(lower_keys)]
    vague_counts: WordSet
    point_units: Annotated[dict[str, DurationUnit], BeforeValidator(lower_keys)]
    duration_only_units: Annotated[dict[str, DurationUnit], BeforeValidator(lower_keys)]
    relational_after: WordTuple
    age_after: WordTuple
    age_before: WordTuple
    relational_before: WordTuple
    duration_prepositions: WordTuple
    frequency_before: WordTuple
    window_past: WordTuple
    window_future: WordTuple
    window_anaphoric: WordTuple
    day_offsets: Annotated[dict[str, int], BeforeValidator(lower_keys)]
    future_cues: WordSet
    named_days: WordSet = frozenset()
    past_month_prepositions: WordSet = frozenset()
    offset_marks: Annotated[dict[str, Literal[-1, 1]], BeforeValidator(lower_keys)]
    # words of the night before a day: counted from the one day their sentence names
    night_words: WordSet = frozenset()


@cache
def temporal_words() -> TemporalWords:
    """The packaged words of time (read once per process)."""
    return load_vocabulary(TemporalWords)


@cache
def time_counts() -> Mapping[str, int]:
    """Counts of units of time: the number words of ``numbers.yaml`` (but zero) and the
    ``count_words`` ("a", "a couple of", "several"); larger counts are written as digits."""
    words = temporal_words()
    counts = {word: value for word, value in number_words().items() if value}
    return MappingProxyType(counts | dict(words.count_words))


@cache
def time_units() -> Mapping[str, DurationUnit]:
    """Unit words of time → unit: the point units and those only a duration is counted in."""
    words = temporal_words()
    return MappingProxyType(dict(words.point_units) | dict(words.duration_only_units))


__all__ = ["TemporalWords", "temporal_words", "time_counts", "time_units"]
