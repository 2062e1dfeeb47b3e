"""Words for amounts shared by the stages that read numbers (figures, durations, casualty counts):
number words ("two", "ninety") and the hedges before an amount ("more than", "nearly", "up to"),
the latter listed in ``data/qualifiers.yaml``."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import cast

from sitroom.errors import ConfigError
from sitroom.model import Qualifier
from sitroom.resources import load_data

NUMBER_WORDS: Mapping[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip

_QUALIFIERS = frozenset({"about", "more_than", "less_than", "at_least", "up_to"})


@cache
def qualifier_cues() -> Mapping[str, Qualifier]:
    """Cue (lower case, single spaces) → qualifier."""
    raw = load_data("qualifiers.yaml")
    cues: dict[str, Qualifier] = {}
    for qualifier, words in raw.items():
        if qualifier not in _QUALIFIERS:
            raise ConfigError(f"qualifiers.yaml: unknown qualifier {qualifier!r}", code="S106")
        for word in words:
            cues[" ".join(str(word).lower().split())] = cast(Qualifier, qualifier)
    return cues


__all__ = ["NUMBER_WORDS", "qualifier_cues"]
