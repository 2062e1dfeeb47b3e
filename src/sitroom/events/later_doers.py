"""Doers named after the attack: "A teenager *was stabbed* to death outside a school ... Police
arrested a 17-year-old *suspect* a few hours later", "an inmate was stabbed ... they believed
they had identified *the attacker*".

A report often opens on the victims, in the passive and without a "by" phrase, and names who
did it only when it tells of the arrest or the inquiry. An analyst codes that person as the
attack's doer. So an attack (``responsibility.yaml``'s ``claimed_types``) told by a passive
verb with no agent and no actor1 of its own takes as actor1 the first actor named after its
sentence by a noun of a doer (``later_doer_nouns``: "suspect", "attacker", "gunman"), as long
as no other attack with a doer of its own is told before that noun (then the noun is that
attack's business), the noun is not denied ("police do not have a suspect", "no suspect") and
that actor is not the attack's own victim.

An attack told by its weapon ("a car bomb *exploded* outside a police station", "rockets
struck the base") names no doer either; a later sentence that says who wielded that weapon ("the
*bomb* had been planted by members of X", "the rockets were fired by X": ``roles.yaml``'s
``wielding_verbs`` with a "by" phrase, the same noun as in the attack's sentence) names it,
within the same reach.

A claim of responsibility (``events.responsibility``) runs first: a group that says it carried
out the attack is its doer, and the event then has an actor1 and is left alone.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Doc, Token

from sitroom.lang.docindex import DocIndex
from sitroom.lang.reference import entity_for
from sitroom.lang.syntax import agent
from sitroom.lang.vocabulary.actors import RolesVocabulary
from sitroom.lang.vocabulary.grammar import grammar
from sitroom.lang.vocabulary.loader import load_vocabulary
from sitroom.model import Event

_ROLES = load_vocabulary(RolesVocabulary)


def _passive_without_agent(trigger: Token) -> bool:
    """ "was stabbed to death", "were shot": a passive verb with no "by" phrase."""
    if trigger.pos_ != "VERB":
        return False
    doer = agent(trigger)
    return doer.passive and doer.token is None


def _denied(tok: Token) -> bool:
    """ "Police do not have a suspect", "no suspect was named": the noun names nobody."""
    if any(c.dep_ == "det" and c.lower_ in grammar().denying_determiners for c in tok.children):
        return True
    clause = tok.head
    while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
        clause = clause.head
    return any(c.dep_ == "neg" for c in clause.children)


def _wielder_at(tok: Token, index: DocIndex, weapons: Collection[str]) -> str | None:
    """Who a participle of wielding names as wielding one of ``weapons`` (lemmas) named again:
    "the bomb had been planted by X", "the rockets were fired by X"."""
    if tok.tag_ != "VBN" or tok.lemma_.lower() not in _ROLES.wielding_verbs:
        return None
    wielded = [c for c in tok.children if c.dep_ == "nsubjpass"]
    if tok.dep_ == "acl":
        wielded.append(tok.head)
    # the weapon named again, not a new one ("a bomb planted by X" may be another attack's)
    indefinite = grammar().indefinite_determiners
    if not any(
        w.lemma_.lower() in weapons
        and not any(c.dep_ == "det" and c.lower_ in indefinite for c in w.children)
        for w in wielded
    ):
        return None
    by = next((c for c in tok.children if c.dep_ == "agent"), None)
    doer = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
    return entity_for(doer, index)


def _doer_at(tok: Token, index: DocIndex, doer_nouns: Collection[str]) -> str | None:
    """The actor a doer noun names ("a 17-year-old *suspect*", "the *attacker*"), if any."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in doer_nouns or _denied(tok):
        return None
    return index.entity_at.get(tok.i)


def name_later_doers(
    events: Sequence[Event],
    doc: Doc,
    index: DocIndex,
    attack_types: Collection[str],
    doer_nouns: Collection[str],
) -> list[Event]:
    """``events`` with each passive attack that names no doer given the doer a later sentence
    names by a doer noun (see the module)."""
    out = list(events)
    # where each other attack told with a doer of its own starts: a doer noun after it is its
    told = sorted(
        e.sentence[0]
        for e in events
        if e.type in attack_types
        and e.actor1 is not None
        and "actor1" not in e.inferred  # a doer lent from the article is no doer of its own
        and not e.background
    )
    for n, event in enumerate(out):
        if event.actor1 is not None or event.background or event.type not in attack_types:
            continue
        trigger = doc.char_span(*event.trigger, alignment_mode="expand")
        if trigger is None:
            continue
        passive = _passive_without_agent(trigger.root)
        # the nouns of the attack's sentence, a weapon a later sentence may say who wielded
        sentence = doc.char_span(*event.sentence, alignment_mode="expand")
        nouns = {t.lemma_.lower() for t in sentence or () if t.pos_ == "NOUN"}
        after = event.sentence[1]
        stop = next((start for start in told if start >= after), len(doc.text))
        for tok in doc:
            if tok.idx < after:
                continue
            # the weapon named again ("the bomb had been planted by X to ambush police") may
            # be in the sentence of the next attack told with its doer, which is then the same
            if tok.idx >= stop and tok.sent.start_char > stop:
                break
            doer = _wielder_at(tok, index, nouns)
            if doer is None and passive and tok.idx < stop:
                doer = _doer_at(tok, index, doer_nouns)
            if doer is not None and doer != event.actor2:
                out[n] = event.model_copy(update={"actor1": doer})
                break
    return out


__all__ = ["name_later_doers"]
