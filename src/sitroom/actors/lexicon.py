"""The actor dictionary: the entries of ``data/actors.yaml`` (and users' files) by name.

The entries and the role vocabulary (``data/roles.yaml``) are vocabularies of the language core
(``sitroom.lang.vocabulary.actors``); this module only indexes the entries for lookup.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sitroom.lang.vocabulary.actors import ActorEntry, ActorsVocabulary


def normalise_name(text: str) -> str:
    """Lower-case, drop a leading article and possessive, squeeze spaces: the dictionary key."""
    words = text.replace("’", "'").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    key = " ".join(words).lower()
    if key.endswith("'s"):
        key = key[:-2]
    return key.strip(" .,")


@dataclass(frozen=True)
class ActorDictionary:
    entries: tuple[ActorEntry, ...]
    _index: dict[str, ActorEntry] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries:  # a later entry for a name wins: users' files come last
            for form in (entry.name, *entry.aliases):
                self._index[normalise_name(form)] = entry
                # Acronyms are matched case-sensitively elsewhere; here the dotted form helps too.
                self._index[normalise_name(form.replace(".", ""))] = entry

    @classmethod
    def of(cls, vocabulary: ActorsVocabulary) -> ActorDictionary:
        return cls(vocabulary.actors)

    def lookup(self, text: str) -> ActorEntry | None:
        key = normalise_name(text)
        return self._index.get(key) or self._index.get(key.replace(".", ""))


__all__ = ["ActorDictionary", "normalise_name"]
