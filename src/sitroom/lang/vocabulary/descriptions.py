"""Schema of ``data/descriptions.yaml``: how one event is said in one line.

Read by ``sitroom.service.describe``, the one sentence generator that the dashboard's feed and
event table and the situation report share.
"""

from __future__ import annotations

from sitroom.lang.vocabulary.base import Entry, Vocabulary
from sitroom.model import Modality


class Forms(Entry):
    """A verb phrase in the three forms a clause needs: "attacked", "attacked", "attack"."""

    past: str
    participle: str
    base: str


class Verb(Forms):
    """A type's (or mode's) verb with a target, its forms without one, and its actor-less noun."""

    target: str
    # The phrase when there is no target, where the transitive verb alone would read as cut
    # short ("carried out an attack", not "attacked"); the verb itself when absent.
    alone: Forms | None = None
    noun: str
    noun_target: str
    plural: bool = False  # the noun takes "were": "talks were reported"


class Phrases(Entry):
    place: str
    unnamed_actor: str
    more_outlets: str
    reported: str
    reported_plural: str


class DescriptionsEntry(Entry):
    types: dict[str, Verb]
    modes: dict[str, Verb]
    # Keys: a modality, or a modality with ``_attributed`` / ``_self`` (see the file's header).
    modalities: dict[str, str]
    phrases: Phrases

    def clause(self, modality: Modality, attribution: str) -> str:
        """The template of a modality for ``attribution`` '' (none), 'attributed' or 'self',
        falling back to the plain modality's and then to the asserted one."""
        for key in (f"{modality}_{attribution}" if attribution else modality, modality):
            if key in self.modalities:
                return self.modalities[key]
        return self.modalities["asserted"]


class DescriptionsVocabulary(Vocabulary):
    FILE = "descriptions.yaml"

    descriptions: DescriptionsEntry


__all__ = ["DescriptionsEntry", "DescriptionsVocabulary", "Forms", "Phrases", "Verb"]
