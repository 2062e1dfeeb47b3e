"""The curated part of the gazetteer: ``sitroom/data/places.yaml`` (format documented in that file).

GeoNames' populated places have no provinces, regions, valleys or air bases, and its country table
has no aliases or demonyms; the curated file supplies those. It is validated as a whole so that an
edit with a typo fails the build with the entry named, rather than silently dropping a place.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from sitroom.errors import GazetteerError, VocabularyError
from sitroom.geo._names import fold_key
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.places import CuratedCountry, CuratedPlace, PlacesVocabulary
from sitroom.resources import data_path

DEFAULT_PATH = data_path(PlacesVocabulary.FILE)


@dataclasses.dataclass(frozen=True, slots=True)
class Curated:
    countries: Mapping[str, CuratedCountry]
    places: tuple[CuratedPlace, ...]
    digest: str


def file_digest(path: Path | None = None) -> str:
    """sha256 of the curated file: part of the gazetteer's build stamp."""
    try:
        return hashlib.sha256((path or DEFAULT_PATH).read_bytes()).hexdigest()
    except OSError as exc:
        raise GazetteerError(f"cannot read curated places file: {exc}", code="S403") from exc


def load_curated(path: Path | None = None) -> Curated:
    """The curated file validated by its schema (``PlacesVocabulary``); a bad entry is a
    VocabularyError [S110] naming the file, the entry and the line. Another file than the
    packaged one must be called ``places.yaml`` too (its folder is what is passed on)."""
    path = path or DEFAULT_PATH
    if path.name != PlacesVocabulary.FILE:
        raise VocabularyError(
            f"a curated places file is named {PlacesVocabulary.FILE}", file=str(path)
        )
    digest = file_digest(path)
    curated = load_vocabulary(PlacesVocabulary, root=path.parent)
    return Curated(countries=curated.countries, places=curated.places, digest=digest)


@lru_cache(maxsize=4)
def _demonyms(path: Path | None) -> dict[str, str]:
    table: dict[str, str] = {}
    for code, country in load_curated(path).countries.items():
        for word in country.demonyms:
            table[fold_key(word)] = code
    return table


def demonym_country(word: str, *, path: Path | None = None) -> str | None:
    """ISO2 country of a demonym ("Afghan", "Afghans", "Qatari" → AF, AF, QA), else None."""
    key = fold_key(word)
    table = _demonyms(path)
    found = table.get(key)
    if found is None and key.endswith("s"):
        found = table.get(key[:-1])
    return found


__all__ = [
    "DEFAULT_PATH",
    "Curated",
    "CuratedCountry",
    "CuratedPlace",
    "demonym_country",
    "file_digest",
    "load_curated",
]
