"""A truce said to hold against a truce said to be broken: "the army said the rebels had
violated the ceasefire" and "the rebels' spokesman said the truce was holding".

Neither claim need tell a happening the other's words name: one says the truce was broken, the
other that it holds or is kept, and both cannot be so of one truce. In one article two claims
of a truce are taken to be of one truce. The claim that it holds is the denial: what is
disputed is the breach. The words are ``truce_nouns``, ``truce_breaking_verbs``,
``truce_holding_verbs`` (the truce as subject: "the ceasefire still holds") and
``truce_keeping_verbs`` (the truce as object or passive subject: "the truce was respected") in
``data/reporting.yaml``. A negated breach or holding ("had not violated the truce", "the truce
no longer holds") is a denial of its own, left to the denials of what it negates.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cache

from spacy.tokens import Span, Token

from sitroom.claims.raw import RawClaim
from sitroom.claims.stated import BROKEN, HOLDS
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.model import Claim

SideOf = Callable[[Claim, Mapping[str, str] | None], str | None]


@cache
def _packaged() -> ReportingVocabulary:
    return load_vocabulary(ReportingVocabulary)


def _negated(verb: Token, cues: ReportingVocabulary) -> bool:
    modifiers = [c for c in verb.children if c.dep_ in {"neg", "advmod"}]
    return any(t.dep_ == "neg" or t.lower_ in cues.negations for c in modifiers for t in c.subtree)


def truce_state(content: Span | None, cues: ReportingVocabulary) -> str | None:
    """``HOLDS`` or ``BROKEN`` when the content's verb says a truce holds or was broken."""
    if content is None:
        return None
    verb = content.root
    if _negated(verb, cues):
        return None
    lemma = verb.lemma_.lower()

    def truce(deps: set[str]) -> bool:
        return any(c.dep_ in deps and c.lemma_.lower() in cues.truce_nouns for c in verb.children)

    if lemma in cues.truce_breaking_verbs and truce({"dobj", "nsubjpass"}):
        return BROKEN
    if lemma in cues.truce_holding_verbs and truce({"nsubj"}):
        return HOLDS
    if lemma in cues.truce_keeping_verbs and truce({"dobj", "nsubjpass"}):
        return HOLDS
    return None


def broken_and_held(
    claims: Sequence[Claim],
    raw: Sequence[RawClaim],
    names: Mapping[str, str],
    side_of: SideOf,
    cues: ReportingVocabulary | None = None,
) -> list[tuple[int, int]]:
    """(breach, holding) pairs of asserted claims of two sides; each holding so paired is made
    a denial in ``raw`` (``settle_denials`` gives the claims the stance)."""
    cues = _packaged() if cues is None else cues
    states: dict[str, list[int]] = {HOLDS: [], BROKEN: []}
    for n, said in enumerate(raw):
        if said.stance != "assert" or said.supposed or side_of(claims[n], None) is None:
            continue
        state = truce_state(said.cue.doc.char_span(*said.span, alignment_mode="expand"), cues)
        if state is not None:
            states[state].append(n)
    pairs = [
        (n, m)
        for n in states[BROKEN]
        for m in states[HOLDS]
        if side_of(claims[n], names) != side_of(claims[m], names)
    ]
    for _, m in pairs:
        raw[m].stance = "deny"
    return pairs


__all__ = ["BROKEN", "HOLDS", "broken_and_held", "truce_state"]
