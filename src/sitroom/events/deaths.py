"""How many people an event mention says died: "killing six civilians", "two ... were
killed", "left 20 dead", "12 people died in the bombing", named people killed, one person by a
singular noun ("a man was shot dead"), the members a group noun counts ("a family of six").
The words are ``event_triggers.yaml``'s and ``roles.yaml``'s."""

from __future__ import annotations

from spacy.tokens import Token

from sitroom.events.arguments import same_doer
from sitroom.events.lexicon import STATE_DEPS, kills, one_each
from sitroom.events.mentions import died_in, relative_happening
from sitroom.lang.docindex import DocIndex
from sitroom.lang.sentences import sentence_of
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.actors import RolesVocabulary
from sitroom.lang.vocabulary.amounts import number_words
from sitroom.lang.vocabulary.event_phrases import FoldingVocabulary
from sitroom.lang.vocabulary.events import TriggersVocabulary

_VIOLENT = frozenset({"ASSAULT", "FIGHT"})  # types whose acts may leave people dead
_NUMBER_WORDS = {**number_words(), "dozen": 12}


def _count(token: Token) -> int | None:
    text = token.text.replace(",", "")
    if text.isdigit():
        return int(text)
    return _NUMBER_WORDS.get(token.lower_)


def _members(token: Token) -> int | None:
    """The number a collective noun of people gives its members by "of" ("a family of *six*",
    "a group of *12* soldiers"; ``roles.yaml`` ``collective_people``)."""
    if token.lemma_.lower() not in load_vocabulary(RolesVocabulary).collective_people:
        return None
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for member in prep.children:
            if member.dep_ != "pobj":
                continue
            if n := _count(member):
                return n
            for tok in member.children:
                if tok.dep_ == "nummod" and (n := _count(tok)):
                    return n
    return None


def _coordinated_count(noun: Token) -> int | None:
    """The sum of the numbers of coordinated nouns of people that each carry one ("two
    soldiers and three militants", "two men and a woman"); ``None`` unless there are two or
    more and each has its number."""
    people = [noun, *noun.conjuncts]
    if len(people) < 2:
        return None
    counts = [
        next((n for c in p.children if c.dep_ == "nummod" and (n := _count(c))), None)
        or one_each([p])  # "two men and a woman": the woman is one
        for p in people
    ]
    if any(n is None for n in counts):
        return None
    return sum(n for n in counts if n is not None)


def fatalities(
    trig: Token,
    index: DocIndex,
    kind: str,
    words: TriggersVocabulary,
    folding: FoldingVocabulary,
) -> int | None:
    """Deaths: "killing six civilians", "two … were killed", "we lost two fighters", "shot
    dead two men", and named people killed ("X and Y were killed" counts two)."""
    violent = kind in _VIOLENT
    deaths = [trig] if kills(trig, words, violent=violent) else []
    # "..., killing six", "and killed six"; on an event noun "the bombing that killed six"
    deaths += [
        c
        for c in trig.children
        if kills(c, words)
        and c.dep_ in {"advcl", "conj", "relcl", "acl"}
        and (c.dep_ in {"relcl", "acl"} or same_doer(c, trig))
    ]
    if trig.pos_ == "NOUN":
        # "a truck bombing in the capital that killed 500": the clause hung on the place
        deaths += [
            verb
            for verb in sentence_of(trig)
            if verb.dep_ == "relcl"
            and verb.head.i != trig.i
            and trig in relative_happening(verb)
            and any(s.tag_ == "WDT" for s in verb.children if s.dep_ == "nsubj")
            and kills(verb, words)
        ]
    if (trig.dep_ == "csubj" or (trig.pos_ == "NOUN" and trig.dep_ == "nsubj")) and kills(
        trig.head, words
    ):
        deaths.append(trig.head)  # "the attack left six soldiers dead", "fighting left 20 dead"
    if trig.pos_ == "NOUN" and trig.dep_ in {"ROOT", "ccomp"}:
        # A subject the parser left with no verb ("An air strike on a school sheltering
        # families killed 27 people", its verb hung on "families"): the verb of killing with an
        # object of its own inside the noun's phrase is the noun's.
        deaths += [
            verb
            for verb in trig.subtree
            if verb.dep_ == "acl"
            and kills(verb, words)
            and any(c.dep_ == "dobj" for c in verb.children)
        ][:1]
    died = died_in(trig, words.dying_verbs, folding)
    if died is not None:
        deaths.append(died)  # "12 people died in the bombing": its dead are the subject
    for verb in deaths:
        counted = {"dobj", "nsubjpass"} | ({"nsubj"} if verb is died else set())
        # "left at least 55 dead": the parser may hang the count on the state itself.
        states = (
            c
            for c in verb.children
            if c.dep_ in STATE_DEPS and c.lemma_.lower() in words.death_states
        )
        for state in states:
            for tok in state.children:
                if tok.dep_ == "nummod" and (n := _count(tok)):
                    return n
        for child in verb.children:
            if child.dep_ not in counted:
                continue
            if (total := _coordinated_count(child)) is not None:
                return total  # "two soldiers and three militants were killed": five
            for tok in [child, *child.children]:
                if tok.dep_ in {"nummod", *counted} and (n := _count(tok)):
                    return n
            if n := _members(child):
                return n  # "killing a family of six"
            people = [child, *(c for c in child.children if c.dep_ == "conj")]
            named = {
                index.entity_at[t.i]
                for t in people
                if t.i in index.entity_at
                and index.entity_label.get(index.entity_at[t.i]) == "PERSON"
                # a named person; "a man and two women" are counted by their numbers
                and index.entity_type.get(index.entity_at[t.i]) in {None, "person"}
            }
            if found := len(named) or one_each(people):  # named people, else "a man"
                return found
    return None


__all__ = ["fatalities"]
