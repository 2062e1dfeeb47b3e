"""``sitroom_actors``: canonical actors with types, countries, roles and affiliations."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from sitroom.actors.lexicon import ActorDictionary, load_actor_dictionary, load_roles
from sitroom.actors.recognize import ActorRecognizer
from sitroom.nlp import extensions as _extensions

_extensions.register_extensions()


def _no_demonyms(_word: str) -> str | None:
    return None


class ActorsComponent:
    """Sets ``doc._.sitroom_entities`` and writes corrected labels back to ``doc.ents``."""

    def __init__(
        self,
        extra_dictionaries: tuple[Path, ...] = (),
        demonym: Callable[[str], str | None] | None = None,
    ) -> None:
        self._extra = extra_dictionaries
        self._demonym = demonym
        self._recognizer: ActorRecognizer | None = None

    def _get(self) -> ActorRecognizer:
        if self._recognizer is None:
            dictionary: ActorDictionary = load_actor_dictionary(self._extra)
            demonym = self._demonym or _default_demonym()
            self._recognizer = ActorRecognizer(dictionary, load_roles(), demonym)
        return self._recognizer

    def __call__(self, doc: Doc) -> Doc:
        result = self._get().recognize(doc, doc._.sitroom_places, doc._.sitroom_published)
        doc.set_ents(list(result.ents))
        doc._.sitroom_entities = result.entities
        return doc


def _default_demonym() -> Callable[[str], str | None]:
    try:
        from sitroom.geo import demonym_country
    except ImportError:  # the geo stage is optional for users who add only this component
        return _no_demonyms
    return demonym_country


@Language.factory(
    "sitroom_actors",
    assigns=["doc._.sitroom_entities", "doc.ents"],
    requires=["doc.ents", "token.dep"],
    default_config={"extra_dictionaries": []},
)
def make_actors(nlp: Language, name: str, extra_dictionaries: list[str]) -> ActorsComponent:
    return ActorsComponent(tuple(Path(p) for p in extra_dictionaries))
