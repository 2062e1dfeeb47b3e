"""The ``sitroom_places`` pipeline component: toponyms → ``doc._.sitroom_places``.

Add it after the NER (and after any stage that corrects ``doc.ents``)::

    nlp.add_pipe("sitroom_places", config={"gazetteer_path": None, "vocabulary": []})

With ``gazetteer_path`` None the path comes from ``sitroom.config.load_settings()``. Nothing is
built or opened when the component is created: the first document does that (a first run builds
the gazetteer, which takes a few seconds).

The component finds mentions (``sitroom.geo.toponyms``), resolves them
(``sitroom.geo.resolve``), adds the named places under the gazetteer's level that lie in them
(``sitroom.geo.local``), then every further occurrence of a resolved name
(``sitroom.geo.propagate``) and reads "the Afghan capital" as Kabul
(``sitroom.geo.capitals``). Mentions used as actors ("Washington said") stay places;
``sitroom.geo.metonyms.metonym_spans(doc)`` lists them so that the events stage can avoid taking
them as event locations.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language

import sitroom.nlp.extensions  # noqa: F401  (registers doc._.sitroom_places)
from sitroom.config import load_settings
from sitroom.geo.capitals import add_capitals
from sitroom.geo.gazetteer import Gazetteer
from sitroom.geo.local import add_local_places
from sitroom.geo.propagate import propagate
from sitroom.geo.resolve import resolve
from sitroom.geo.toponyms import find_mentions, organisation_names
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.actors import ActorsVocabulary, RolesVocabulary
from sitroom.model import Place, Span

Doc = Any  # spaCy ships no type information


class PlacesComponent:
    """Finds and resolves the places of a document; the gazetteer opens on first use."""

    def __init__(
        self,
        name: str = "sitroom_places",
        gazetteer_path: str | Path | None = None,
        *,
        gazetteer: Gazetteer | None = None,
        vocabulary: tuple[Path, ...] = (),
    ) -> None:
        self.name = name
        self.gazetteer_path = None if gazetteer_path is None else Path(gazetteer_path)
        self._gazetteer = gazetteer
        self._vocabulary = vocabulary  # the user's vocabulary files; read by initialize()
        self._org_words: frozenset[str] | None = None
        self._org_names: frozenset[str] | None = None

    def initialize(self, get_examples: object = None, *, nlp: object = None) -> None:
        """Load the words that make a name an organisation (``org_cues``, roles.yaml) and the
        organisations the actors vocabulary lists (actors.yaml)."""
        self._org_words = load_vocabulary(RolesVocabulary, self._vocabulary).org_cues
        self._org_names = organisation_names(load_vocabulary(ActorsVocabulary, self._vocabulary))

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            path = self.gazetteer_path or load_settings().gazetteer_path
            self._gazetteer = Gazetteer(path)
        return self._gazetteer

    def __call__(self, doc: Doc) -> Doc:
        if self._org_words is None:  # a pipeline built by hand, without initialize()
            self.initialize()
        mentions = find_mentions(doc, self.gazetteer, self._org_words, self._org_names)
        places = propagate(doc, resolve(mentions))
        with_local = add_local_places(doc, places, self.gazetteer, self._org_words or frozenset())
        if len(with_local) > len(places):
            places = propagate(doc, with_local)  # the local names' further occurrences
        doc._.sitroom_places, doc._.sitroom_place_references = add_capitals(
            doc, places, self.gazetteer
        )
        return doc


@Language.factory(
    "sitroom_places",
    assigns=["doc._.sitroom_places", "doc._.sitroom_place_references"],
    requires=["doc.ents"],
    default_config={"gazetteer_path": None, "vocabulary": []},
)
def make_places(
    nlp: Language, name: str, gazetteer_path: str | None, vocabulary: list[str]
) -> PlacesComponent:
    """``vocabulary``: the user's vocabulary files (any name; keys route to vocabularies)."""
    return PlacesComponent(
        name=name, gazetteer_path=gazetteer_path, vocabulary=tuple(Path(p) for p in vocabulary)
    )


def place_at(doc: Doc, char_offset: int) -> Place | None:
    """The place one of whose mentions covers ``char_offset`` (start inclusive, end exclusive)."""
    for place in doc._.sitroom_places:
        for start, end in place.mentions:
            if start <= char_offset < end:
                return place  # type: ignore[no-any-return]
    return None


def place_ids_by_span(places: tuple[Place, ...] | list[Place]) -> dict[Span, str]:
    """Every mention span → its place id, for stages that attach events to places."""
    return {span: place.id for place in places for span in place.mentions}


__all__ = ["PlacesComponent", "make_places", "place_at", "place_ids_by_span"]
