"""PLOVER's coding of intentions, refusals and demands about another action.

PLOVER codes "X will provide aid" said by X, or "X offered to hand over Y", as an intention
(AGREE for a cooperative action, THREATEN for a conflictual one), "X refused to deploy troops" as
REJECT, and "X said Y must return Z" as DEMAND. The action itself is kept as the mode, e.g.
AGREE with mode "aid". The modality (planned, conditional…) is unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from sitroom.events.lexicon import EventVocabulary, Trigger
from sitroom.lang.syntax import governors, subject
from sitroom.lang.vocabulary.events import EventType, TriggersVocabulary
from sitroom.model import Modality

_OBLIGATION = {"must", "should", "ought"}
_FUTURE = {"will", "would", "wo", "shall"}
_COOPERATIVE = {"verbal_cooperation", "material_cooperation"}
_CHAIN_DEPS = {"xcomp", "acomp", "ccomp", "conj", "advcl"}


@dataclass(frozen=True)
class Recoded:
    type: str
    mode: str
    info: EventType


def _governors(trigger: Token) -> list[Token]:
    """The verbs governing the trigger's clause, nearest first: "offered *to* ..." → offered."""
    return governors(trigger, through=_CHAIN_DEPS, limit=4)


def _same_actor(a: Token | None, b: Token | None) -> bool:
    if a is None or b is None:
        return False
    if b.pos_ == "PRON" or a.pos_ == "PRON":
        return True  # "X said it would ...": the pronoun refers back to the speaker
    return a.lemma_.lower() == b.lemma_.lower()


def _clause_verb(trigger: Token) -> Token:
    """The verb whose clause a nominal trigger is the object of ("reach an agreement")."""
    if trigger.pos_ != "VERB" and trigger.dep_ in {"dobj", "nsubjpass"}:
        return trigger.head
    return trigger


def _refused(verb: Token, words: TriggersVocabulary) -> bool:
    """ "refused to sign", "failed to reach", "declined to agree": the verb is governed by a
    refusal, at most two clauses up."""
    return any(g.lemma_.lower() in words.refusal_words for g in _governors(verb)[:2])


def recode(
    trigger_token: Token, trigger: Trigger, modality: Modality, vocabulary: EventVocabulary
) -> Recoded | None:
    words, types = vocabulary.triggers, vocabulary.types.event_types
    if trigger.type == "REJECT":
        return None
    mode = trigger.type.lower()
    if trigger.type == "AGREE" and _refused(_clause_verb(trigger_token), words):
        return Recoded("REJECT", mode, types["REJECT"])  # "failed to reach an agreement"
    if trigger.type in {"AGREE", "THREATEN", "DEMAND"}:
        return None
    heads = _governors(trigger_token)
    lemmas = [g.lemma_.lower() for g in heads]
    if any(lemma in words.ending_verbs for lemma in lemmas[:1]):
        return None  # "ready to stop fighting" is about ending the action, not doing it
    if any(lemma in words.refusal_words for lemma in lemmas[:2]):
        return Recoded("REJECT", mode, types["REJECT"])
    aux = {c.lower_ for c in trigger_token.children if c.dep_ in {"aux", "auxpass"}}
    if aux & _OBLIGATION and trigger_token.dep_ == "ccomp":
        return Recoded("DEMAND", mode, types["DEMAND"])
    reporter = next((g for g in heads if g.lemma_.lower() in words.self_report_verbs), None)
    subj = subject(trigger_token) or next(
        (s for g in heads[:1] if (s := subject(g)) is not None), None
    )
    self_report = reporter is not None and _same_actor(subject(reporter), subj)
    if modality == "negated" and aux & _FUTURE and self_report:
        return Recoded("REJECT", mode, types["REJECT"])  # "X says it will not accept ..."
    intent = any(lemma in words.intent_words for lemma in lemmas[:2]) or (
        modality in {"planned", "conditional", "hypothetical"} and self_report
    )
    if not intent:
        return None
    if trigger.quad in _COOPERATIVE:
        return Recoded("AGREE", mode, types["AGREE"])
    return Recoded("THREATEN", mode, types["THREATEN"])


__all__ = ["Recoded", "recode"]
