"""Clauses that say who did a happening without naming it as their verb's act: the subject was
behind it or responsible for it, had a part in it, or is the subject of an origin ("the drones
that struck the plant were launched from Iraq"). ``triggers`` are the happenings the events stage
found, by the start of their trigger word."""

from __future__ import annotations

from collections.abc import Container, Mapping
from typing import TypeVar

from spacy.tokens import Token

from sitroom.lang.docindex import DocIndex
from sitroom.lang.vocabulary.reporting import ReportingVocabulary

E = TypeVar("E")


def happening_in(subj: Token, triggers: Mapping[int, E]) -> E | None:
    """The happening a subject names: itself ("the attacks came from Varnia"), or the first one
    its phrase names ("the drones that struck the plant were launched from Iraq")."""
    found = triggers.get(subj.idx)
    if found is not None:
        return found
    return next((triggers[t.idx] for t in subj.subtree if t.idx in triggers), None)


def refers_back(subj: Token, anaphors: Container[str]) -> bool:
    """Whether an origin's subject refers back (``origin_anaphors``): "it", "they", "the
    drones", "these missiles"."""
    if subj.pos_ == "PRON":
        return subj.lower_ in anaphors
    return any(c.dep_ == "det" and c.lower_ in anaphors for c in subj.children)


def part_in(
    verb: Token, cues: ReportingVocabulary, triggers: Mapping[int, object]
) -> tuple[Token, Token] | None:
    """A part a clause's subject had in a happening: "they had no role in the attack", "played a
    part in the bombing" (an object of ``involvement_nouns`` with "in" before a happening, owned
    by nobody else: not "welcomed Qatar's role in the talks"); the noun and the happening's
    word."""
    for noun in verb.children:
        if noun.dep_ == "dobj" and (named := _part_by_clause(noun, cues, triggers)) is not None:
            return noun, named  # "we had nothing to do with it"
        if noun.dep_ != "dobj" or noun.lemma_.lower() not in cues.involvement_nouns:
            continue
        if any(c.dep_ == "poss" for c in noun.children):
            continue
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            found = (g for g in prep.children if g.dep_ == "pobj" and g.idx in triggers)
            happening = next(found, None)
            if happening is not None:
                return noun, happening
    return None


def _part_by_clause(
    noun: Token, cues: ReportingVocabulary, triggers: Mapping[int, object]
) -> Token | None:
    """The happening (or the pronoun of one, ``deed_anaphors``) that a pronoun's clause of
    involvement names: "nothing to do with the bombing", "nothing to do with it"."""
    if noun.lower_ not in cues.involvement_pronouns:
        return None
    for clause in (c for c in noun.children if c.dep_ in {"relcl", "acl"}):
        wanted = cues.involvement_clauses.get(clause.lemma_.lower())
        for prep in (c for c in clause.children if c.dep_ == "prep" and c.lower_ == wanted):
            for g in (g for g in prep.children if g.dep_ == "pobj"):
                if g.idx in triggers or g.lower_ in cues.deed_anaphors:
                    return g
    return None


def doer_of(
    verb: Token,
    cues: ReportingVocabulary,
    triggers: Mapping[int, object],
    deeds: frozenset[str] = frozenset(),
) -> Token | None:
    """What a presence verb's subject did: "the front was (not) behind the bombing", "was
    responsible for the attack" (``doer_prepositions``, ``doer_adjectives``); or what a verb of
    doing (``deeds``, the light verbs) has as its object: "the front carried out the attack"."""
    if verb.lemma_.lower() in deeds:
        found = (o for o in verb.children if o.dep_ == "dobj" and o.idx in triggers)
        return next(found, None)
    if verb.lemma_.lower() not in cues.presence_verbs:
        return None
    adjectives = cues.doer_adjectives
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in cues.doer_prepositions]
    preps += [
        c
        for a in verb.children
        if a.dep_ == "acomp" and a.lemma_.lower() in adjectives
        for c in a.children
        if c.dep_ == "prep" and c.lower_ == adjectives[a.lemma_.lower()]
    ]
    found = (g for c in preps for g in c.children if g.dep_ == "pobj" and g.idx in triggers)
    return next(found, None)


def own_side(index: DocIndex, claimant_name: str | None) -> set[str]:
    """The claimant's name and the names of the groups a person of that name speaks for ("his
    fighters", said by the front's spokesman, are the claimant's own side)."""
    if claimant_name is None:
        return set()
    names = index.entity_name
    return {claimant_name} | {
        names.get(group, group)
        for entity, name in names.items()
        if name == claimant_name and (group := index.entity_affiliation.get(entity))
    }


__all__ = ["doer_of", "happening_in", "own_side", "part_in", "refers_back"]
