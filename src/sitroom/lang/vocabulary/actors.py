"""Schemas of the actors stage's vocabularies: ``data/actors.yaml`` and ``data/roles.yaml``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, field_validator

from sitroom.lang.vocabulary.base import Entry, Vocabulary
from sitroom.lang.vocabulary.words import WordSet, lower_keys, phrase_keys, squeeze
from sitroom.model import ActorType, PloverType


class ActorPeriod(Entry):
    """A stretch of dates in which an actor had another type or CAMEO code."""

    start: dt.date | None = Field(default=None, alias="from")
    end: dt.date | None = Field(default=None, alias="to")
    type: ActorType | None = None  # None: the actor's own type
    cameo: str | None = None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


def _strings(value: Any) -> Any:
    return tuple(str(v) for v in value) if isinstance(value, list | tuple) else value


class ActorEntry(Entry):
    """One real-world actor of the dictionary."""

    name: Annotated[str, BeforeValidator(str)]
    aliases: Annotated[tuple[str, ...], BeforeValidator(_strings)] = ()
    type: ActorType = "other"
    country: str | None = None
    cameo: str | None = None
    periods: tuple[ActorPeriod, ...] = ()

    @field_validator("aliases", "periods", mode="before")
    @classmethod
    def _none_is_empty(cls, value: Any) -> Any:
        return () if value is None else value

    def type_on(self, day: dt.date | None) -> ActorType:
        if day is not None:
            for period in self.periods:
                if period.covers(day):
                    return period.type or self.type
        return self.type


class ActorsVocabulary(Vocabulary):
    """``actors.yaml``: the actor dictionary; a user's entry for a name wins (it comes later)."""

    FILE = "actors.yaml"
    actors: tuple[ActorEntry, ...]


def _role_phrases(value: Any) -> Any:
    if not isinstance(value, list | tuple):
        return value
    phrases = {tuple(squeeze(r).replace("-", " - ").split()) for r in value}
    # Longest first; ties in word order, so the order never depends on hashing.
    return tuple(sorted(phrases, key=lambda words: (-len(words), words)))


class OriginWords(Entry):
    """``roles.yaml``'s ``origin``: how a place says where a person is from."""

    prepositions: WordSet = frozenset()  # "a man from Leeds", "a resident of Lyon"
    resident_nouns: WordSet = frozenset()  # "resident", "native": persons of a place
    resident_prepositions: WordSet = frozenset()  # "a resident of Lyon"


class RolesVocabulary(Vocabulary):
    """``roles.yaml``: role nouns, honorifics, cue words and generic actors (see its header)."""

    FILE = "roles.yaml"
    roles: Annotated[tuple[tuple[str, ...], ...], BeforeValidator(_role_phrases)]
    honorifics: WordSet
    person_cues: WordSet
    org_cues: WordSet
    name_heads: WordSet
    kin_nouns: WordSet
    org_types: Annotated[dict[str, ActorType], BeforeValidator(lower_keys)]
    generic_actors: Annotated[dict[tuple[str, ...], ActorType], BeforeValidator(phrase_keys)]
    institution_heads: Annotated[dict[str, ActorType], BeforeValidator(lower_keys)]
    # "the governor's office": bodies named by their holder's role noun
    holder_bodies: Annotated[dict[str, ActorType], BeforeValidator(lower_keys)]
    seated_bodies: WordSet = frozenset()  # "a Moscow court": the place is where it sits
    # "the mayor of Kidal": an office-holder's place says where the office is, not whose he is
    office_holders: WordSet = frozenset()
    # "a village head": nouns that name an office only after the kind of place it heads
    office_heads: Annotated[dict[str, ActorType], BeforeValidator(lower_keys)]
    headed_places: WordSet = frozenset()
    # "Ugandan peacekeepers": forces of a mission that are their nationality's state forces
    national_contingents: Annotated[
        tuple[tuple[str, ...], ...], BeforeValidator(_role_phrases)
    ] = ()
    crowd_numbers: WordSet = frozenset()
    protest_crowd_verbs: WordSet = frozenset()
    gathering_verbs: WordSet = frozenset()
    gathering_nouns: WordSet = frozenset()
    turnout_verbs: WordSet = frozenset()  # "the march drew thousands": the crowd protested
    unit_nouns: WordSet
    holding_verbs: WordSet = frozenset()  # "a checkpoint manned by X": the unit is X's
    # generic actor words that say a machine's kind before a unit noun ("fighter jet")
    kind_modifiers: WordSet = frozenset()
    unnamed_people: Annotated[dict[str, ActorType], BeforeValidator(lower_keys)]
    collective_people: WordSet = frozenset()
    allegiance_words: WordSet
    doubt_modifiers: WordSet = frozenset()  # "*Suspected* al-Shabaab militants"
    armed_group_heads: WordSet = frozenset()
    allegiance_types: frozenset[ActorType] = frozenset()
    armed_modifiers: WordSet = frozenset()
    content_addressed_types: frozenset[PloverType] = frozenset()
    condition_addressed_types: frozenset[PloverType] = frozenset()
    joint_types: frozenset[PloverType] = frozenset()
    patient_possessive_nouns: WordSet = frozenset()  # "X's arrest": X is the one arrested
    carrier_nouns: WordSet = frozenset()  # "a mediation effort between A and B"
    own_object_types: frozenset[PloverType] = frozenset()  # "deployed troops": the doer's own
    reciprocal_verbs: WordSet = frozenset()
    reciprocal_objects: WordSet = frozenset()
    # definite nouns that name an armed actor told before by what it did ("the attackers")
    attacker_anaphors: WordSet = frozenset()
    force_anaphors: WordSet = frozenset()
    # words of the police that name again the one police force named before ("officers")
    police_anaphors: WordSet = frozenset()
    police_name_heads: WordSet = frozenset()  # last words of a police force's name
    origin: OriginWords = OriginWords()  # places that say where a person is from
    # participles that give a weapon to whoever their "by" names ("rockets fired by Hamas")
    wielding_verbs: WordSet = frozenset()
    # verbs of a clause saying who unnamed people are ("whom officials identified as X")
    identifying_verbs: WordSet = frozenset()
    # prepositions of a reason ("blamed X for the bombing"): the act there is the object's
    reason_prepositions: WordSet = frozenset()
    # actor types a noun referring back to a group ("the group", "the rebels") never stands for
    group_anaphor_barred_types: frozenset[ActorType] = frozenset()
    # how many sentences back such a noun finds a group of these types when the sentence
    # before names none
    group_anaphor_reach: int = 1
    group_anaphor_far_types: frozenset[ActorType] = frozenset()


__all__ = ["ActorEntry", "ActorPeriod", "ActorsVocabulary", "RolesVocabulary"]
