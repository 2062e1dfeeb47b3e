"""Trigger words that name no happening of their own, whatever their sense.

The lexicon says whether a word in its context may name an event; these constructions say that
this mention reports none: a name given to something told elsewhere ("referred to the protests
*as riots*"), people named by what they do standing as owners or as whom an act is aimed at
("*protesters'* demands", "violence against *protesters*"), a verb of acting on others without
anyone acted on ("the crowds *dispersed*"), the doers of an attack getting away ("attacked the
guard and *fled*"), which is part of the attack, kinds of happening ("videos of *beheadings*"),
people named by a deed ("the *suicide* bomber"), units or things named by what they are
for ("*riot* police"), a verb whose object names its happening ("*fought* a fierce battle":
the battle) and harm a mishap did ("a worker was *killed* when a beam fell", "a
boiler exploded, *injuring* 12"). The word lists are in
``data/event_triggers.yaml`` (``naming_verbs``, ``agent_triggers``, ``object_triggers``,
``kind_nouns``, ``person_heads``, ``equipment_heads``, ``leaving_types``, ``mishap_harms``,
``mishap_verbs``, ``hazard_nouns``).
"""

from __future__ import annotations

from spacy.tokens import Token

from sitroom.events.arguments import same_doer
from sitroom.events.lexicon import Trigger, TriggerLexicon
from sitroom.events.lexicon import pos_class as trigger_pos
from sitroom.lang.syntax import subject
from sitroom.lang.vocabulary.events import TriggersVocabulary

# Types whose doers may get away after the act ("shot him and fled").
_VIOLENT = frozenset({"ASSAULT", "FIGHT"})
# How a verb holds the one it acts on: an object, a passive subject, a "by" of the passive.
_ACTED_ON = frozenset({"dobj", "nsubjpass", "agent", "auxpass"})
# Prepositions of an act aimed at someone ("violence against protesters", "fired at them").
_AT_SOMEONE = frozenset({"against", "at", "on", "toward", "towards"})
# Prepositions of a cause ("killed *in* a collision", "destroyed *by* the flood").
_CAUSE_PREPOSITIONS = frozenset({"in", "by", "during", "after", "from"})
# Links of a clause to the harm it caused ("overturned and caught fire, *killing* 19").
_CAUSE_LINKS = frozenset({"advcl", "conj"})
# Modifiers that say whose or of what a noun is ("*Indian* fire", "*mortar* fire").
_WHOSE_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
# A finite verb joined to another shares its subject as its doer ("crashed in and *killed*").
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def named_as(tok: Token, words: TriggersVocabulary) -> bool:
    """The trigger is what something is called ("referred to the protests *as riots*",
    "described the attack as a *massacre*", "called it an *invasion*"): the thing named is
    told by the object, and the name is no second happening."""
    head = tok.head
    if tok.dep_ == "oprd":
        return head.lemma_.lower() in words.naming_verbs
    if tok.dep_ != "pobj" or head.lower_ != "as" or head.dep_ != "prep":
        return False
    # The parser may hang "as" on the thing named ("referring to the protests as riots"):
    # climb through it to the verb.
    node = head.head
    for _ in range(3):
        if node.lemma_.lower() in words.naming_verbs:
            return True
        if node.dep_ not in {"dobj", "pobj", "prep"} or node.head.i == node.i:
            return False
        node = node.head
    return False


def people_not_acting(tok: Token, words: TriggersVocabulary) -> bool:
    """A noun naming people by what they do, standing where they do nothing: as the owner of
    something ("*protesters'* demands") or as whom an act is aimed at ("police violence
    against *protesters*", "fired tear gas at *protesters*"). It names who; the deed, if told,
    is told by a verb or a noun of its own. The object of a verb ("arrested six *rioters*")
    still tells that they rioted."""
    if tok.lemma_.lower() not in words.agent_triggers:
        return False
    if tok.dep_ == "poss":
        return True
    head = tok.head
    return tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _AT_SOMEONE


def kind_not_deed(tok: Token, words: TriggersVocabulary) -> bool:
    """A bare event noun after "of" of a noun of depicting, alleging or fearing names a kind of
    happening, not one ("videos of *beheadings*", "allegations of *torture* and arbitrary
    *detentions*", "the threat of *attacks*"); with a determiner it may be one ("footage of
    the attack")."""
    if trigger_pos(tok) != "noun":
        return False
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # "torture and arbitrary detentions": the first of them
    if any(c.dep_ in {"det", "poss", "nummod"} for c in tok.children):
        return False
    of = tok.head
    return (
        tok.dep_ == "pobj"
        and of.lower_ == "of"
        and of.head.i != of.i
        and of.head.lemma_.lower() in words.kind_nouns
    )


def names_a_person(tok: Token, words: TriggersVocabulary) -> bool:
    """An event noun before a noun of a person it made ("the *suicide* bomber", "*attack*
    victims", "the *shooting* suspect") or of a unit or thing it is for ("*riot* police",
    "*assault* rifles", "*attack* helicopters"): it names the person or the thing; any deed is
    told elsewhere."""
    return (
        trigger_pos(tok) == "noun"
        and tok.dep_ in {"compound", "amod", "nmod"}
        and tok.i < tok.head.i
        and tok.head.lemma_.lower() in words.person_heads | words.equipment_heads
    )


def acts_on_no_one(tok: Token, trigger: Trigger, words: TriggersVocabulary) -> bool:
    """A verb that is an act on others only with someone acted on, used without ("the crowds
    *dispersed*" is the crowd leaving; "police dispersed the crowd", "were dispersed" act)."""
    if trigger.pos != "verb" or tok.lemma_.lower() not in words.object_triggers:
        return False
    return not any(c.dep_ in _ACTED_ON for c in tok.children)


def getaway(tok: Token, trigger: Trigger, words: TriggersVocabulary, lex: TriggerLexicon) -> bool:
    """Leaving told after a violent act by the same doers ("the gunmen shot him, then *fled*",
    "stabbed a guard and *escaped*"): the attackers' getaway is part of the attack."""
    if trigger.pos != "verb" or trigger.type not in words.leaving_types:
        return False
    if tok.dep_ not in {"conj", "advcl", "dep"} or tok.head.i == tok.i:
        return False
    act = lex.match(tok.head)
    return act is not None and act.type in _VIOLENT and same_doer(tok, tok.head)


def told_by_object(
    tok: Token, trigger: Trigger, words: TriggersVocabulary, lex: TriggerLexicon
) -> bool:
    """A verb whose object is a noun that may name a happening of its type ("*fought* a fierce
    battle with the rebels", "*fighting* a losing battle against drought"): one happening,
    told by the noun, whose context says what it is. Only of the types ``object_told_types``:
    "*mediated* talks between the sides" tells a mediator and the talks' parties. A phrase's
    verb ("*opened* fire") is the phrase's trigger, with the noun part of it, and a verb that
    needs its object to be a trigger at all ("*exchanged* fire") tells the happening with it."""
    if trigger.pos != "verb" or trigger.type not in words.object_told_types:
        return False
    if lex.match(tok) != trigger:
        return False
    return any(
        c.dep_ == "dobj"
        and trigger_pos(c) == "noun"
        and c.lemma_.lower() not in trigger.needs
        and lex.may_be_type(c, trigger.type)
        for c in tok.children
    )


def _hazard(tok: Token | None, words: TriggersVocabulary, lex: TriggerLexicon) -> bool:
    """A noun of a mishap or a hazard ("a *fire* at a warehouse", "*floods*"); one that may
    also name force, said whose or of what ("*Indian* fire", "*artillery* fire"), is force."""
    if tok is None or tok.lemma_.lower() not in words.hazard_nouns:
        return False
    return not (
        lex.may_be(tok, "material_conflict") and any(c.dep_ in _WHOSE_DEPS for c in tok.children)
    )


def _mishap_clause(verb: Token, words: TriggersVocabulary, lex: TriggerLexicon) -> bool:
    """A clause telling a mishap: a verb of one ("a crane *toppled*"), a hazard doing it
    ("*floods* swept through"), or a trigger word its context rules out ("a *boiler*
    exploded")."""
    doer = subject(verb)
    return verb.pos_ in {"VERB", "AUX"} and (
        (verb.lemma_.lower() in words.mishap_verbs and not _named_or_pronoun(doer))
        or _hazard(doer, words, lex)
        or lex.ruled_out(verb)
    )


def _named_or_pronoun(doer: Token | None) -> bool:
    """A subject that may be someone acting: a name ("*Mosul* fell", "*Gunmen* burst in", which
    the model may take for a place) or a pronoun ("*they* crashed through the gate"); a mishap
    befalls things ("a steel *beam* fell")."""
    return doer is not None and (bool(doer.ent_type_) or doer.pos_ == "PRON")


def _tells_conflict(verb: Token, lex: TriggerLexicon, harm: Token) -> bool:
    """Whether a clause tells an act of conflict of its own, outside the harm's words ("when
    their car *hit a mine*", "the building collapsed after an *air strike*")."""
    inside = {w.i for w in harm.subtree}
    return any(
        (t := lex.match(w)) is not None and t.quad == "material_conflict"
        for w in verb.subtree
        if w.i not in inside
    )


def _has_patient(verb: Token) -> bool:
    return any(c.dep_ == "nsubjpass" for c in verb.children)


def by_mishap(tok: Token, trigger: Trigger, words: TriggersVocabulary, lex: TriggerLexicon) -> bool:
    """Harm without a doer that a mishap or a hazard did: "a worker was *killed* when a steel
    beam fell on him", "were *killed* in a collision", "a tanker overturned and caught fire,
    *killing* 19", "a boiler exploded, *injuring* 12 workers". No one attacked anyone; a doer
    of its own ("gunmen killed …", "killed by soldiers") or a clause of conflict ("when their
    car hit a mine") keeps the harm an attack."""
    if trigger.pos != "verb" or tok.lemma_.lower() not in words.mishap_harms:
        return False
    doers = [c for c in tok.children if c.dep_ == "nsubj"] + [
        g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
    ]
    if doers:
        return all(_hazard(d, words, lex) for d in doers)
    causes = [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in _CAUSE_PREPOSITIONS
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if any(_hazard(c, words, lex) for c in causes):
        return True
    clauses = [c for c in tok.children if c.dep_ == "advcl"]
    if any(_mishap_clause(c, words, lex) and not _tells_conflict(c, lex, tok) for c in clauses):
        return True
    if tok.dep_ == "conj" and tok.tag_ in _FINITE_TAGS and not _has_patient(tok):
        return False  # "gunmen crashed through the gate and killed a guard": their act
    node = tok
    for _ in range(3):  # up the clauses the harm is told after
        if node.dep_ not in _CAUSE_LINKS or node.head.i == node.i:
            return False
        node = node.head
        if lex.match(node) is not None:
            return False  # "attacked the town and killed …": the act's harm
        if _mishap_clause(node, words, lex):
            return not _tells_conflict(node, lex, tok)
    return False


def no_happening(
    tok: Token, trigger: Trigger, words: TriggersVocabulary, lex: TriggerLexicon
) -> bool:
    """Whether the trigger at ``tok`` reports no happening of its own (see the module)."""
    return (
        named_as(tok, words)
        or people_not_acting(tok, words)
        or kind_not_deed(tok, words)
        or names_a_person(tok, words)
        or acts_on_no_one(tok, trigger, words)
        or getaway(tok, trigger, words, lex)
        or told_by_object(tok, trigger, words, lex)
        or by_mishap(tok, trigger, words, lex)
    )


__all__ = [
    "acts_on_no_one",
    "by_mishap",
    "getaway",
    "kind_not_deed",
    "named_as",
    "names_a_person",
    "no_happening",
    "people_not_acting",
    "told_by_object",
]
