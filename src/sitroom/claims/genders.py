"""Two pronouns of different genders among the arguments of one verb stand for two people:
in "Simpson shot Flynn after she told him she was pregnant", "she" is not who "him" is, so the
speaker "she" does not fall back on Simpson (``pronoun_genders`` in ``data/reporting.yaml``).
Nothing is guessed from names.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sitroom.lang.docindex import DocIndex
from sitroom.lang.reference import antecedent, entity_for
from sitroom.lang.sentences import sentence_of
from sitroom.lang.vocabulary.reporting import ReportingVocabulary

_LOOKBACK_SENTENCES = 2  # how far back another person is looked for


class Genders:
    """Agreement of a speaker pronoun with the people around it, in one article."""

    def __init__(self, doc: Doc, index: DocIndex, cues: ReportingVocabulary) -> None:
        self.doc = doc
        self.index = index
        self.pronouns = {w: g for g, ws in cues.pronoun_genders.items() for w in ws}

    def _names(self, tok: Token) -> str | None:
        """Who an argument names; a pronoun, the nearest subject before it, as a speaker's."""
        if tok.pos_ == "PRON":
            return antecedent(tok, self.index, subjects_only=True)
        return entity_for(tok, self.index)

    def fits(self, pronoun: Token, entity: str | None) -> bool:
        """Whether the pronoun can stand for the entity: no pronoun of the other gender among
        the other arguments of its verb stands for it ("she told him": if "him" is Simpson,
        she is not)."""
        gender = self.pronouns.get(pronoun.lower_)
        if gender is None or entity is None:
            return True
        for c in pronoun.head.children:
            other = self.pronouns.get(c.lower_)
            clash = c.i != pronoun.i and other is not None and other != gender
            if clash and self._names(c) == entity:
                return False
        return True

    def other_person(self, pronoun: Token) -> str | None:
        """The nearest person before the pronoun, within a few sentences, that ``fits`` it and
        is no other argument of its own verb."""
        own = {self._names(c) for c in pronoun.head.children if c.i != pronoun.i} - {None}
        floor = sentence_of(pronoun).start
        for _ in range(_LOOKBACK_SENTENCES):
            if floor > 0:
                floor = sentence_of(self.doc[floor - 1]).start
        for i in range(pronoun.i - 1, floor - 1, -1):
            tok = self.doc[i]
            # a name the actors stage left untagged here ("shot Flynn") is still that person
            entity = self.index.entity_at.get(i) or (
                entity_for(tok, self.index) if tok.pos_ == "PROPN" else None
            )
            if entity is None or self.index.entity_label.get(entity) != "PERSON":
                continue
            if entity not in own and self.fits(pronoun, entity):
                return entity
        return None


__all__ = ["Genders"]
