"""``sitroom_actors``: canonical actors with types, countries, roles and affiliations."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from sitroom.actors.lexicon import ActorDictionary
from sitroom.actors.recognize import ActorRecognizer
from sitroom.lang.entity_repair import repaired_entities
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.actors import ActorsVocabulary, RolesVocabulary
from sitroom.lang.vocabulary.places import ToponymWords
from sitroom.nlp import extensions as _extensions

_extensions.register_extensions()


def _no_demonyms(_word: str) -> str | None:
    return None


class ActorsComponent:
    """Sets ``doc._.sitroom_entities`` and writes corrected labels back to ``doc.ents``."""

    def __init__(
        self,
        vocabulary: tuple[Path, ...] = (),
        demonym: Callable[[str], str | None] | None = None,
    ) -> None:
        self._vocabulary = vocabulary  # the user's vocabulary files; read by initialize()
        self._demonym = demonym
        self._recognizer: ActorRecognizer | None = None
        self._roles: RolesVocabulary | None = None

    def initialize(self, get_examples: object = None, *, nlp: object = None) -> None:
        """Load the actor dictionary and the role words, with the user's files merged in."""
        actors = load_vocabulary(ActorsVocabulary, self._vocabulary)
        roles = load_vocabulary(RolesVocabulary, self._vocabulary)
        self._roles = roles
        # Nouns of people a group's initialism may stand before ("the ELN rebels").
        self._people_nouns = frozenset(roles.unnamed_people) | roles.org_cues
        # Nouns of armed people or of a force it may stand before without "the" ("ELN rebels").
        self._force_nouns = frozenset(
            noun
            for noun, kind in roles.unnamed_people.items()
            if kind in {"armed_group", "government"}
        )
        demonym = self._demonym or _default_demonym()
        # "the Gulf cartel": nouns of groups named after a name, shared with the places stage
        group_nouns = load_vocabulary(ToponymWords, self._vocabulary).group_name_nouns
        self._recognizer = ActorRecognizer(
            ActorDictionary.of(actors), roles, demonym, group_nouns=group_nouns
        )

    def __call__(self, doc: Doc) -> Doc:
        if self._recognizer is None:  # a pipeline built by hand, without initialize()
            self.initialize()
        assert self._recognizer is not None and self._roles is not None
        # The model's cut or mislabelled group names first ("Islamic" of "Islamic State").
        doc.set_ents(
            repaired_entities(
                doc,
                self._roles.name_heads,
                self._people_nouns,
                self._force_nouns,
                self._roles.doubt_modifiers,
                self._roles.police_name_heads,
            )
        )
        result = self._recognizer.recognize(doc, doc._.sitroom_places, doc._.sitroom_published)
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
    default_config={"vocabulary": []},
)
def make_actors(nlp: Language, name: str, vocabulary: list[str]) -> ActorsComponent:
    """``vocabulary``: the user's vocabulary files (any name; keys route to vocabularies)."""
    return ActorsComponent(tuple(Path(p) for p in vocabulary))
