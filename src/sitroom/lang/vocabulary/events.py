"""Schemas of the events stage's vocabularies: ``event_triggers.yaml``, ``event_types.yaml``,
``acled_cues.yaml`` and ``sides.yaml``."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, field_validator

from sitroom.lang.vocabulary.base import Entry, Vocabulary
from sitroom.lang.vocabulary.words import LongestFirst, WordSet
from sitroom.model import ActorType, Modality, PlaceKind, PloverType, Quad


class TriggerEntry(Entry):
    """One line of ``triggers``; see the header of ``event_triggers.yaml``."""

    lemma: Annotated[str, BeforeValidator(str)]
    pos: Literal["verb", "noun", "both"]
    type: PloverType
    mode: str | None = None
    cameo: Annotated[str, BeforeValidator(str)] | None = None  # None: the type's default
    acled: tuple[str, str] | None = None
    needs: WordSet = frozenset()
    unless: WordSet = frozenset()
    weight: float = 0.7

    @field_validator("needs", "unless", mode="before")
    @classmethod
    def _none_is_empty(cls, value: Any) -> Any:
        return [] if value is None else value


# Place nouns name the kinds of place they stand for; the kinds are the gazetteer's.
GazetteerKind = PlaceKind | Literal["admin1", "admin2", "county", "area", "settlement"]


class TriggersVocabulary(Vocabulary):
    """``event_triggers.yaml``: triggers and the words the events stage reads around them."""

    FILE = "event_triggers.yaml"
    triggers: tuple[TriggerEntry, ...]
    light_verbs: WordSet
    ongoing_verbs: WordSet
    aspectual_verbs: WordSet
    death_verbs: WordSet
    victim_verbs: WordSet = frozenset()
    sequence_prepositions: WordSet = frozenset()
    venue_prepositions: WordSet = frozenset()
    pronoun_barred_doers: dict[PloverType, frozenset[ActorType]] = Field(default_factory=dict)
    direction_particles: WordSet = frozenset()
    licensing_verbs: WordSet = frozenset()
    legal_instruments: WordSet = frozenset()
    dying_verbs: WordSet = frozenset()
    leaving_verbs: WordSet = frozenset()
    death_states: WordSet = frozenset()
    unit_triggers: WordSet = frozenset()
    mediating_verbs: WordSet = frozenset()
    casualty_verbs: WordSet
    territory_nouns: WordSet
    origin_types: frozenset[PloverType]
    mutual_types: frozenset[PloverType] = frozenset()
    destination_verbs: WordSet = frozenset()
    landing_verbs: WordSet = frozenset()
    other_time_subordinators: WordSet = frozenset()
    time_gap_nouns: WordSet = frozenset()
    later_words: WordSet = frozenset()
    conveying_verbs: WordSet = frozenset()
    seat_nouns: WordSet = frozenset()
    leaving_types: frozenset[PloverType] = frozenset()
    destination_prepositions: WordSet = frozenset()
    intent_words: WordSet
    refusal_words: WordSet
    ending_verbs: WordSet
    self_report_verbs: WordSet
    plan_words: WordSet
    report_nouns: WordSet
    naming_verbs: WordSet = frozenset()
    agent_triggers: WordSet = frozenset()
    object_triggers: WordSet = frozenset()
    kind_nouns: WordSet = frozenset()
    person_heads: WordSet = frozenset()
    equipment_heads: WordSet = frozenset()
    moved_doer_types: frozenset[PloverType] = frozenset()
    leaving_modes: WordSet = frozenset()
    coming_words: WordSet = frozenset()
    campaign_nouns: WordSet = frozenset()
    mishap_harms: WordSet = frozenset()
    mishap_verbs: WordSet = frozenset()
    object_told_types: frozenset[PloverType] = frozenset()
    hazard_nouns: WordSet = frozenset()


class EventType(Entry):
    """A PLOVER type as sitroom codes it: quad class and default CAMEO root."""

    quad: Quad
    cameo: Annotated[str, BeforeValidator(str)]


class EventTypesVocabulary(Vocabulary):
    """``event_types.yaml``: every PLOVER type sitroom codes."""

    FILE = "event_types.yaml"
    event_types: dict[PloverType, EventType]


AcledFamily = Literal["violence", "territory", "protest", "other", "none"]


class AcledCue(Entry):
    """A rule of ``acled_cues``: words that give an ACLED pair to events of some families;
    see the header of ``acled_cues.yaml`` for ``near``, ``near_follows`` and ``only``."""

    words: LongestFirst
    acled: tuple[str, str]
    applies_to: frozenset[AcledFamily]
    near: int | None = Field(default=None, ge=1)  # None: anywhere in the sentence
    near_follows: bool = False
    only: frozenset[PloverType] | None = None  # None: triggers of every PLOVER type
    blocked_by: WordSet = frozenset()  # with near: words between trigger and cue that void it

    @property
    def pattern(self) -> re.Pattern[str]:
        return _pattern(self.words)


@cache
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """The words as one whole-word pattern, compiled once per list."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


class AcledToldNearby(Entry):
    """A rule of ``told_nearby``: when an event of a generic ACLED pair takes the pair of a
    more specific event told near it."""

    generic: tuple[str, str]
    from_types: frozenset[str]  # ACLED event types or sub-event types
    sentences: int = Field(ge=0)


class AcledCuesVocabulary(Vocabulary):
    """``acled_cues.yaml``: context cues that refine an event's ACLED sub-event type."""

    FILE = "acled_cues.yaml"
    acled_cues: tuple[AcledCue, ...]
    told_nearby: tuple[AcledToldNearby, ...]


class SideRules(Entry):
    """When two actors are an article's sides; see the header of ``sides.yaml``."""

    types: frozenset[PloverType]
    modalities: frozenset[Modality]
    actor_types: frozenset[ActorType]
    min_mentions: int = Field(ge=1)
    date_slack_days: int = Field(ge=0)

    @property
    def date_slack(self) -> dt.timedelta:
        return dt.timedelta(days=self.date_slack_days)


class OneSidedRule(Entry):
    """A rule of ``one_sided``: a violent event whose parties are of these kinds is of another
    PLOVER type; see the header of ``sides.yaml``."""

    types: frozenset[PloverType]
    modes: frozenset[str] | None = None  # None: any mode
    actor1_types: frozenset[ActorType] | None = None  # None: any doer, or none named
    actor2_types: frozenset[ActorType] | None = None  # None: any target, or none named
    becomes: PloverType
    mode: str | None = None  # None: the trigger's mode is kept
    acled: tuple[str, str] | None = None
    # ACLED event types or sub-event types the pair replaces
    acled_replaces: frozenset[str] = frozenset()


class DoerKind(Entry):
    """A group of types whose acts with no doer take the article's only doer of the group;
    see ``same_doer_kinds`` in ``sides.yaml``."""

    types: frozenset[PloverType]
    # True: only acts at the act's own place (or both at none) lend their doer
    same_place: bool = True
    # the modalities of the acts that lend their doer (None: any)
    modalities: frozenset[Modality] | None = None
    # days apart two acts of the group may be told and share a doer (None: the rules' own)
    date_slack_days: int | None = None
    # a doer whose acts of the group are done to an actor of these types lends nothing to an
    # act that names no one done to ("police shot the gunman ... the shooting": his)
    armed_done_to: frozenset[ActorType] = frozenset()


class SidesVocabulary(Vocabulary):
    """``sides.yaml``: the rules that complete one-sided violent events."""

    FILE = "sides.yaml"
    sides: SideRules
    same_victim_types: frozenset[PloverType]
    # groups of types whose acts with no doer take the article's only doer of their group
    same_doer_kinds: tuple[DoerKind, ...] = ()
    # trigger lemmas of arrests that a police force reporting them made ("was arrested, police
    # said")
    reported_arrest_lemmas: frozenset[str] = frozenset()
    one_sided: tuple[OneSidedRule, ...] = ()


__all__ = [
    "AcledCue",
    "AcledCuesVocabulary",
    "AcledFamily",
    "EventType",
    "EventTypesVocabulary",
    "OneSidedRule",
    "SideRules",
    "SidesVocabulary",
    "TriggerEntry",
    "TriggersVocabulary",
]
