"""The schema of ``place_cues.yaml``: feature words → class of place → gazetteer kinds, and the
ACLED precision of each kind."""

from __future__ import annotations

from typing import Literal, Self, get_args

from pydantic import field_validator, model_validator

from sitroom.lang.vocabulary.base import Entry, Vocabulary
from sitroom.model import PlaceKind

# The classes of feature word. Fixed in code because geo resolution reads some of them by name
# (see place_cues.yaml); their words and kinds are data.
Cue = Literal["admin", "district", "county", "area", "settlement", "facility"]


class CueClass(Entry):
    """One class of feature word: its words (lower case) and the kinds a cued name may have."""

    kinds: frozenset[PlaceKind]
    words: tuple[str, ...]

    @field_validator("words")
    @classmethod
    def _lower_case(cls, words: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(" ".join(word.lower().split()) for word in words)


class PlaceAnaphor(Entry):
    """A noun that refers back to a place: its class, narrowed to some of its kinds or not."""

    cue: Cue
    kinds: frozenset[PlaceKind] | None = None  # None: every kind of the class
    # Kinds of a wider area that contains the place meant ("the district" → the province
    # named before): no reading of the noun, an acceptable referent at a coarser precision.
    within: frozenset[PlaceKind] = frozenset()


class PlaceCues(Vocabulary):
    FILE = "place_cues.yaml"

    acled_precision: dict[PlaceKind, Literal[1, 2, 3]]
    specificity: tuple[PlaceKind, ...]
    place_cues: dict[Cue, CueClass]
    place_anaphors: dict[str, PlaceAnaphor]
    # Countries whose first-level areas are counties (ISO 3166-1 alpha-2).
    county_first_level: frozenset[str] = frozenset()
    # The words that name such a county inside a name ("Lamu County"); not "borough", "parish".
    county_first_level_words: frozenset[str] = frozenset()

    @model_validator(mode="after")
    def _every_kind_has_a_precision(self) -> Self:
        missing = sorted(set(get_args(PlaceKind)) - set(self.acled_precision))
        if missing:
            raise ValueError(f"acled_precision lacks the kinds {', '.join(missing)}")
        missing = sorted(set(get_args(PlaceKind)) - set(self.specificity))
        if missing or len(set(self.specificity)) != len(self.specificity):
            raise ValueError("specificity must list every kind once")
        return self

    @model_validator(mode="after")
    def _one_class_per_word(self) -> Self:
        seen: dict[str, Cue] = {}
        for cue, entry in self.place_cues.items():
            for word in entry.words:
                if seen.setdefault(word, cue) != cue:
                    raise ValueError(f"{word!r} is a cue of both {seen[word]} and {cue}")
        for noun, anaphor in self.place_anaphors.items():
            cue_class = self.place_cues.get(anaphor.cue)
            if cue_class is None:
                raise ValueError(
                    f"place_anaphors.{noun} names {anaphor.cue!r}, not a class of place_cues"
                )
            if anaphor.kinds is not None and not anaphor.kinds <= cue_class.kinds:
                extra = ", ".join(sorted(anaphor.kinds - cue_class.kinds))
                raise ValueError(f"place_anaphors.{noun}: {extra} not a kind of {anaphor.cue}")
        return self

    def anaphor_kinds(self, noun: str) -> frozenset[PlaceKind]:
        """The kinds of place ``noun`` may refer back to: its own, and those of the areas that
        contain it."""
        anaphor = self.place_anaphors[noun]
        own = anaphor.kinds if anaphor.kinds is not None else self.place_cues[anaphor.cue].kinds
        return own | anaphor.within


__all__ = ["Cue", "CueClass", "PlaceAnaphor", "PlaceCues"]
