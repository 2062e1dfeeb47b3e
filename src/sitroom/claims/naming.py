"""How a proposition names the actors of a claim's words: an actor by its name (a pronoun by its
antecedent, a spokesman's "we" by the party he speaks for, a person by first and last name), a
kind of party by its noun ("militants"), anything else by its lemma. A part of
``PropositionFinder``, which sets the attributes declared here."""

from __future__ import annotations

import functools
from collections.abc import Mapping

from spacy.tokens import Doc, Token

from sitroom.lang.docindex import DocIndex
from sitroom.lang.reference import entity_for
from sitroom.lang.vocabulary.grammar import grammar
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.model import Place

_FULL_NAME_WORDS = 3  # a given name, a middle name or initial, a family name


class ActorNaming:
    """The naming of actors in one document's claims (a base of ``PropositionFinder``)."""

    doc: Doc
    index: DocIndex
    cues: ReportingVocabulary
    places: Mapping[str, Place]
    _speaking_for: str | None  # the party of the claim being read

    @functools.cached_property
    def _named(self) -> frozenset[str]:
        """Entities some mention of which is a name: capitalised where a sentence does not begin,
        or tagged a proper noun ("Rebels attacked" at a sentence start is no name)."""
        named = set()
        for i, entity in self.index.entity_at.items():
            tok = self.doc[i]
            if tok.pos_ == "PROPN" or (tok.text[:1].isupper() and not tok.is_sent_start):
                named.add(entity)
        return frozenset(named)

    @functools.cached_property
    def _people(self) -> frozenset[str]:
        """The names of the persons of the article."""
        return frozenset(
            name
            for entity, name in self.index.entity_name.items()
            if self.index.entity_label.get(entity) == "PERSON"
        )

    def _person(self, name: str) -> str:
        """A doer who is a person by his first and last name: a middle name or initial that one
        outlet gives and another leaves out ("Christopher Kenyon Simpson", "Christopher
        Simpson") does not make two doers."""
        words = name.split()
        if name not in self._people or len(words) != _FULL_NAME_WORDS:
            return name
        if not all(w[:1].isupper() and w[1:].replace(".", "").isalpha() for w in words):
            return name  # "Abu Mahdi al-Muhandis", "Herbert Flynn Jr": no given names in the middle
        if words[-1].rstrip(".").lower() in self.cues.name_suffixes:
            return name
        return f"{words[0]} {words[-1]}"

    # --- words ---------------------------------------------------------------------------------

    def _entity(self, tok: Token) -> str | None:
        """The actor a word names (a pronoun: its antecedent)."""
        found = self.index.entity_at.get(tok.i)
        if found is None and tok.pos_ == "PRON":
            found = entity_for(tok, self.index)
        return found

    def _we(self, tok: Token) -> bool:
        """A first-person plural pronoun of a claimant who speaks for a party: that party."""
        return self._speaking_for is not None and tok.lower_ in grammar().first_person_pronouns

    def _name(self, tok: Token) -> str:
        """An actor's name when the word names one (a pronoun: its antecedent; a spokesman's
        "we": the party he speaks for), else the noun's lemma ("prosecutors" → "prosecutor",
        "the father of X" → "father")."""
        if self._we(tok) and self._speaking_for is not None:
            return self._speaking_for
        found = self._entity(tok)
        if found is not None:
            return self.index.entity_name.get(found, tok.lemma_.lower())
        place = self.places.get(self.index.place_at.get(tok.i, ""))
        return place.name if place is not None else tok.lemma_.lower()

    def _generic(self, tok: Token) -> str | None:
        """A noun that names a kind of party rather than one ("militants", "the fighters"):
        its lemma, however the actors stage spelled the mention, so that "militants were in the
        school" of one article meets "there were no militants in the school" of another."""
        found = self._entity(tok)
        if found is None or found in self._named or self._we(tok):
            return None
        return self._kinds.get(found)

    @functools.cached_property
    def _kinds(self) -> dict[str, str]:
        """The entities no mention of which is a name, each by the lemma of its first mention's
        noun ("militant" of "militants"): what a pronoun that refers to one names too."""
        kinds: dict[str, str] = {}
        last: dict[str, int] = {}  # the last token of each entity's first mention so far
        for i, entity in sorted(self.index.entity_at.items()):
            if entity in self._named or (entity in last and last[entity] != i - 1):
                continue  # another mention than the first
            last[entity] = i
            if self.doc[i].pos_ == "NOUN":
                kinds[entity] = self.doc[i].lemma_.lower()
        return kinds


__all__ = ["ActorNaming"]
