"""Schemas of the geo stage's data: ``data/places.yaml`` (the curated part of the gazetteer) and
``data/toponyms.yaml`` (the words around place names)."""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, StringConstraints, model_validator

from sitroom.lang.vocabulary.base import Entry, Vocabulary
from sitroom.lang.vocabulary.loader import load_vocabulary
from sitroom.lang.vocabulary.words import WordSet
from sitroom.model import PlaceKind, TimePrecision


class ToponymWords(Vocabulary):
    """``toponyms.yaml``; see its header for what each list does."""

    FILE = "toponyms.yaml"
    USER_EXTENSIBLE = False
    name_articles: WordSet
    name_particles: WordSet = frozenset()
    near_words: WordSet
    part_nouns: WordSet = frozenset()
    compass_words: WordSet
    distance_units: WordSet
    area_part_words: WordSet = frozenset()
    locative_words: WordSet
    introducing_words: WordSet
    weak_introducing_words: WordSet = frozenset()
    nearby_words: WordSet = frozenset()
    place_left_verbs: WordSet = frozenset()
    place_to_verbs: WordSet = frozenset()
    refuge_prepositions: WordSet = frozenset()
    place_object_verbs: WordSet
    place_object_nouns: WordSet
    operation_nouns: WordSet = frozenset()
    place_subject_verbs: WordSet = frozenset()
    leaving_prepositions: WordSet = frozenset()
    span_prepositions: WordSet = frozenset()
    way_nouns: WordSet = frozenset()
    non_agentive_verbs: WordSet
    addressee_verbs: WordSet = frozenset()
    seat_words: WordSet
    common_place_nouns: WordSet
    owned_site_nouns: WordSet = frozenset()
    small_settlement_words: WordSet = frozenset()
    building_name_nouns: WordSet = frozenset()
    group_name_nouns: WordSet = frozenset()
    capital_nouns: WordSet
    country_nouns: WordSet
    area_capital_words: WordSet
    speaking_verbs: WordSet
    local_settlement_nouns: WordSet
    local_quarter_nouns: WordSet
    holder_first_quarter_nouns: WordSet = frozenset()
    local_site_nouns: WordSet
    local_container_gap: Annotated[int, BeforeValidator(_no_bool), Field(ge=0)]
    carry_back_sentences: Annotated[int, BeforeValidator(_no_bool), Field(ge=0)] = 2
    back_place_adverbs: WordSet = frozenset()
    back_place_nouns: WordSet = frozenset()
    location_verbs: WordSet = frozenset()
    setting_verbs: WordSet = frozenset()
    protest_words: WordSet = frozenset()
    speaker_nouns: WordSet = frozenset()
    hurt_verbs: WordSet = frozenset()
    sending_away_verbs: WordSet = frozenset()
    protested_prepositions: WordSet = frozenset()
    story_scene_kinds: frozenset[PlaceKind] = frozenset()
    other_happening_words: WordSet = frozenset()
    origin_person_nouns: WordSet = frozenset()
    coarse_place_kinds: frozenset[PlaceKind] = frozenset()
    story_time_precisions: frozenset[TimePrecision] = frozenset({"day", "week"})


@cache
def toponym_words() -> ToponymWords:
    """The packaged words around place names (read once per process)."""
    return load_vocabulary(ToponymWords)


def _no_bool(value: Any) -> Any:
    # bool is an int subclass; "lat: yes" or "population: no" is a typo, not a number.
    if isinstance(value, bool):
        raise ValueError(f"expected a number, got {value!r}")
    return value


def _no_blank(value: Any) -> Any:
    if isinstance(value, list) and not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError("expected a list of non-empty strings")
    return () if value is None else value


Iso2 = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
Latitude = Annotated[float, BeforeValidator(_no_bool), Field(ge=-90, le=90)]
Longitude = Annotated[float, BeforeValidator(_no_bool), Field(ge=-180, le=180)]
Names = Annotated[tuple[str, ...], BeforeValidator(_no_blank)]
# Countries come from GeoNames; a curated place is any other kind.
CuratedKind = Literal["admin1", "admin2", "city", "locality", "facility", "region", "other"]


class CuratedCountry(Entry):
    """What GeoNames' country table lacks: aliases, demonyms, and a centre on land."""

    aliases: Names = ()
    demonyms: Names = ()
    lat: Latitude | None = None
    lon: Longitude | None = None

    @model_validator(mode="after")
    def _both_or_neither(self) -> CuratedCountry:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("give both lat and lon or neither")
        return self


class CuratedPlace(Entry):
    """One curated place; see the header of ``places.yaml`` for each field."""

    name: Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
    kind: CuratedKind
    country: Iso2 | None
    lat: Latitude
    lon: Longitude
    aliases: Names = ()
    admin1: str | None = None
    capital: str | None = None
    feature: str | None = None
    precision: Literal[1, 2, 3] | None = None
    population: Annotated[int, BeforeValidator(_no_bool), Field(ge=0)] = 0

    @model_validator(mode="after")
    def _coherent(self) -> CuratedPlace:
        # Only a region may span countries (the Sahel, the Gulf); everything else sits in one.
        if self.country is None and self.kind != "region":
            raise ValueError("country must be an ISO2 code (null only for a region)")
        if self.capital is not None and self.kind != "admin1":
            raise ValueError("only an admin1 entry has a capital")
        return self


class PlacesVocabulary(Vocabulary):
    """``places.yaml``: curated countries and places for the gazetteer build. The build stamps
    the index with the file's hash, so this file is packaged data, not a user vocabulary."""

    FILE = "places.yaml"
    USER_EXTENSIBLE = False
    countries: dict[Iso2, CuratedCountry] = Field(default_factory=dict)
    places: tuple[CuratedPlace, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _none_is_empty(cls, data: Any) -> Any:
        if isinstance(data, dict):
            data = {k: v for k, v in data.items() if v is not None}
            countries = data.get("countries")
            if isinstance(countries, dict):  # "AL: {}" and a bare "AL:" are one thing
                data["countries"] = {k: {} if v is None else v for k, v in countries.items()}
        return data


class PlaceEvidence(Vocabulary):
    """``place_evidence.yaml``: how far a reading may lie from the article's other places; see
    its header for each threshold."""

    FILE = "place_evidence.yaml"
    USER_EXTENSIBLE = False
    far_min_population: Annotated[int, BeforeValidator(_no_bool), Field(ge=0)]
    far_features: WordSet
    far_min_names: Annotated[int, BeforeValidator(_no_bool), Field(ge=1)]
    within_words: WordSet = frozenset()
    stray_max_population: Annotated[int, BeforeValidator(_no_bool), Field(ge=0)]
    focus_min_population: Annotated[int, BeforeValidator(_no_bool), Field(ge=0)]
    focus_neighbour_min_population: Annotated[int, BeforeValidator(_no_bool), Field(ge=0)]
    unplaced_min_population: Annotated[int, BeforeValidator(_no_bool), Field(ge=0)]
    focus_sole_unknown_population: bool = False


@cache
def place_evidence() -> PlaceEvidence:
    """The packaged thresholds of ``place_evidence.yaml`` (read once per process)."""
    return load_vocabulary(PlaceEvidence)


__all__ = [
    "CuratedCountry",
    "CuratedKind",
    "CuratedPlace",
    "PlaceEvidence",
    "PlacesVocabulary",
    "ToponymWords",
    "place_evidence",
    "toponym_words",
]
