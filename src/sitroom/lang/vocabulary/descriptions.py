"""Schema of ``data/descriptions.yaml``: how one event is said in one line.

Read by ``sitroom.service.describe`` (the dashboard's feed and event table, the report).
"""

from __future__ import annotations

from sitroom.lang.vocabulary.base import Entry, Vocabulary
from sitroom.model import Modality


class Verb(Entry):
    """A type's (or mode's) verb in the three forms a line needs, and its actor-less noun."""

    past: str
    participle: str
    base: str
    target: str
    noun: str
    noun_target: str


class Phrases(Entry):
    place: str
    unnamed_actor: str
    more_outlets: str


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


__all__ = ["DescriptionsEntry", "DescriptionsVocabulary", "Phrases", "Verb"]
