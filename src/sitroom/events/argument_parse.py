"""Where an event's arguments sit in the dependency parse, apart from what they name.

The positions ``sitroom.events.arguments`` reads its actors from: the prepositions of a nominal
trigger, an object shared by coordinated verbs, what a participle on an object bears on, the side
fought before ground was taken, the patient of a passive and whether a dependent clause keeps its
governor's doer. Each takes tokens and gives tokens; naming them is ``ArgumentFinder``'s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Token

from sitroom.lang.docindex import DocIndex
from sitroom.lang.reference import shared_modifiers
from sitroom.lang.syntax import agent, subject
from sitroom.lang.vocabulary.grammar import grammar

CLAUSE_LINKS = frozenset({"xcomp", "conj", "advcl"})
MODIFYING_CLAUSES = frozenset({"relcl", "acl"})


def nominal_preps(trig: Token, ongoing: frozenset[str]) -> list[Token]:
    """The prepositions of a nominal trigger, and those of the verb that says it goes on
    ("talks continued between A and B")."""
    preps = [c for c in trig.children if c.dep_ == "prep"]
    # "the arrest of X by police": the parser may hang the agent on the act's object
    objects = objects_of(p for p in preps if p.lower_ in grammar().nominal_object_prepositions)
    preps += [g for o in objects for g in o.children if g.dep_ == "prep" and g.lower_ == "by"]
    # "attacks by settlers on farmers": the parser may hang the second party on the agent
    agents = objects_of(p for p in preps if p.lower_ == "by")
    preps += [
        g
        for a in agents
        for g in a.children
        if g.dep_ == "prep" and g.lower_ in grammar().agent_party_prepositions
    ]
    if trig.dep_ == "nsubj" and trig.head.lemma_.lower() in ongoing:
        preps += [c for c in trig.head.children if c.dep_ == "prep"]
    return preps


def objects_of(preps: Iterable[Token]) -> list[Token]:
    """The objects of prepositions; where the parser made a gerund clause the object ("fired
    at *thousands* of students marching on the palace": "thousands" the subject of
    "marching"), that clause's subject, which is the preposition's object."""
    found = []
    for prep in preps:
        for g in prep.children:
            if g.dep_ == "pobj":
                found.append(g)
            elif g.dep_ == "pcomp" and g.tag_ == "VBG":
                found += [c for c in g.children if c.dep_ == "nsubj" and c.i < g.i]
    return found


def is_one_of(verb: Token, lemmas: frozenset[str]) -> bool:
    """The verb's lemma is one of ``lemmas``, or its past form is a regular one of them: the
    small model lemmatises "staged" as "stag"."""
    if verb.lemma_.lower() in lemmas:
        return True
    word = verb.lower_
    if verb.pos_ != "VERB" or verb.tag_ not in {"VBD", "VBN"} or not word.endswith("ed"):
        return False
    return word[:-1] in lemmas or word[:-2] in lemmas


def pobj_of(prep: Token) -> Token | None:
    return next((g for g in prep.children if g.dep_ == "pobj"), None)


def coordinated(heads: list[Token], index: DocIndex, named: set[str | None]) -> list[str]:
    """The entities an argument and its conjuncts name, except those already ``named``."""
    found: list[str] = []
    for head in heads:
        for tok in (head, *head.conjuncts):
            words = [tok, *(c for c in tok.children if c.dep_ in {"compound", "amod"})]
            entity = next((index.entity_at[w.i] for w in words if w.i in index.entity_at), None)
            for each in [entity, *shared_modifiers(tok, index)]:
                if each is not None and each not in named and each not in found:
                    found.append(each)
    return found


def shared_object(verb: Token) -> list[Token]:
    """The object a verb shares with the verb coordinated after it: "arrested and beat three
    journalists" (both done to the journalists); not when that verb has a subject of its own
    ("arrested two men and police beat others")."""
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in conj.children):
            continue
        if conj.i > verb.i and not any(c.dep_ == "dobj" for c in verb.children):
            return [c for c in conj.children if c.dep_ == "dobj"]
    return []


def carried(objects: list[Token]) -> list[Token]:
    """What a participle on an object bears on: "launched missiles targeting US troops",
    "hit a bus carrying soldiers" (the troops, the soldiers are the ones it was done to)."""
    return [
        g for o in objects for clause in o.children
        if clause.dep_ == "acl" and clause.tag_ == "VBG"
        for g in clause.children if g.dep_ == "dobj"
    ]  # fmt: skip


def fought_with(verb: Token, kind: str, noun_type: Callable[[Token], str | None]) -> list[Token]:
    """Whom ground was taken from, told by a fight of the same kind around the taking ("seized
    the town after a brief gun battle with government troops", "retook the village following
    clashes with the rebels", or a span of it: "after two days *of* fighting with the army");
    ``noun_type`` gives a noun's event type as a trigger."""
    fights = [
        g for c in verb.children if c.dep_ == "prep"
        for g in c.children if g.dep_ in {"pobj", "pcomp"}
    ]  # fmt: skip
    fights += objects_of(c for f in fights for c in f.children if c.lower_ == "of")
    return [
        side for fight in fights if noun_type(fight) == kind
        for side in objects_of(c for c in fight.children if c.lower_ in {"with", "against"})
    ]  # fmt: skip


def gerund_subject(verb: Token) -> Token | None:
    """The object of a verb the parser hung as the subject of a gerund after it: in "to stop
    thousands of farmers marching" the small model makes "thousands" the subject of
    "marching"; a noun between the verb and its gerund clause is the verb's object."""
    for clause in verb.children:
        if clause.dep_ in {"advcl", "ccomp"} and clause.tag_ == "VBG" and clause.i > verb.i:
            subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subj is not None and verb.i < subj.left_edge.i and subj.right_edge.i < clause.i:
                return subj
    return None


def passive_patient(verb: Token) -> Token | None:
    """Who a passive verb is done to: its grammatical subject; without one, the noun a past
    participle modifies ("protesters arrested by police") or the subject of the clause it
    hangs on ("died after being shot", "was reported to have been killed")."""
    found = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if found is not None:
        return found
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ in MODIFYING_CLAUSES - {"relcl"} and head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return _member(head) or head
    if verb.dep_ == "pcomp" and head.head.i != head.i:
        head = head.head  # "died after being shot": the clause of the preposition
    elif verb.dep_ not in CLAUSE_LINKS:
        return None
    return subject(head, climb=CLAUSE_LINKS, levels=3)


def _member(group: Token) -> Token | None:
    """ "Seven soldiers were among those killed": the subject of the clause that puts them in
    the group, who are the ones it was done to (``grammar.yaml`` membership_prepositions)."""
    prep = group.head
    if group.dep_ != "pobj" or prep.lower_ not in grammar().membership_prepositions:
        return None
    return next((c for c in prep.head.children if c.dep_ == "nsubj"), None)


def same_doer(clause: Token, governor: Token) -> bool:
    """A dependent clause acts with its governor's doer ("attacked the base, killing four"),
    not with one of its own ("the rebels attacked, and the army killed six")."""
    own = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    theirs = agent(governor).token
    return own is None or (theirs is not None and own.i == theirs.i)
