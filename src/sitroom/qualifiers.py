"""Hedge words before an amount ("more than", "nearly", "up to"), shared by the figures and the
durations of the temporal stage; the list is ``data/qualifiers.yaml``."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import cast

from sitroom.errors import ConfigError
from sitroom.model import Qualifier
from sitroom.resources import load_data

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


__all__ = ["qualifier_cues"]
