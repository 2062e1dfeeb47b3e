"""Who an attack was done to when its own clause names no object: the killed of a participle
after it, the dead it struck by number, and those a clause of suffering says were hurt in it;
and, the other way round, who did the hurting a passive verb of suffering tells, named in its
clause of circumstance.

Each takes ``party``, the caller's reading of a noun phrase as an actor (``None`` when it names
none, a place for one), so that these constructions stay apart from how a phrase is read."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from sitroom.events.argument_parse import carried, same_doer
from sitroom.events.lexicon import kills
from sitroom.lang.vocabulary.event_phrases import FoldingVocabulary
from sitroom.lang.vocabulary.events import TriggersVocabulary
from sitroom.lang.vocabulary.loader import load_vocabulary

Party = Callable[[Token | None], str | None]
_FOLDING = load_vocabulary(FoldingVocabulary)  # the marks and verbs of suffering in a deed


def struck_victims(trig: Token, words: TriggersVocabulary, party: Party) -> str | None:
    """ "Hit a bus carrying soldiers, killing 14", "attacked their positions, killing five":
    dead told only by a number are of the party the act they follow struck."""
    head = trig.head
    counted = [c for c in trig.children if c.dep_ == "dobj"]
    if (
        trig.dep_ not in {"advcl", "conj"}
        or head.pos_ != "VERB"
        or not kills(trig, words)
        or not counted
        or any(c.pos_ != "NUM" for c in counted)
        or not same_doer(trig, head)
    ):
        return None
    struck = [c for c in head.children if c.dep_ == "dobj"]
    return next((e for o in [*struck, *carried(struck)] if (e := party(o))), None)


def sufferers(trig: Token, party: Party) -> str | None:
    """ "32 people were killed when a suicide bomber blew himself up (and gunmen stormed a
    restaurant)": those a passive verb of suffering says were hurt in the deed its clause of
    circumstance tells (``event_folding.yaml``) are the deed's second party."""
    clause = trig
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    suffered = clause.head
    marked = any(
        c.dep_ in {"advmod", "mark"} and c.lower_ in _FOLDING.circumstance_marks
        for c in clause.children
    )
    if clause.dep_ != "advcl" or not marked:
        return None
    if suffered.lemma_.lower() not in _FOLDING.suffering_verbs:
        return None
    return party(next((c for c in suffered.children if c.dep_ == "nsubjpass"), None))


def circumstance_doer(trig: Token, party: Party) -> str | None:
    """ "Five engineers were killed when a suicide bomber rammed a car into their convoy": the
    subject of the clause of circumstance on a passive verb of suffering without a "by"
    phrase did it (whether or not that clause's verb is an event of its own); "were killed
    when their bus overturned" names no one."""
    if trig.lemma_.lower() not in _FOLDING.suffering_verbs:
        return None
    for clause in (c for c in trig.children if c.dep_ == "advcl"):
        marks = (c for c in clause.children if c.dep_ in {"advmod", "mark"})
        if any(m.lower_ in _FOLDING.circumstance_marks for m in marks):
            found = party(next((c for c in clause.children if c.dep_ == "nsubj"), None))
            if found is not None:
                return found
    return None


def adjunct_victims(trig: Token, words: TriggersVocabulary, party: Party) -> str | None:
    """ "Attacked the village, killing 17 soldiers": the killed are the second party, and so
    are the wounded ("hit a market, wounding six traders")."""
    for child in trig.children:
        if child.dep_ not in {"advcl", "conj"} or not (
            kills(child, words) or child.lemma_ in words.casualty_verbs
        ):
            continue
        if not same_doer(child, trig):
            continue  # "X attacked, and Y killed Z": another doer, another event
        if (
            found := party(next((c for c in child.children if c.dep_ == "dobj"), None))
        ) is not None:
            return found
    return None


__all__ = ["adjunct_victims", "circumstance_doer", "struck_victims", "sufferers"]
