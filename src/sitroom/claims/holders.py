"""Rival holders of one place: "the rebels said the town remained in their hands" against "the
army said it was in full control of the town".

A claim that someone holds a place states who holds it now; two such claims of one article by
two sides, each naming another holder, cannot both be so, whether or not either tells a
capture; nor whether the speaker's own holding was read as a denial of the capture
(``places.py``). The holding is read off the content's verb with the words of
``place_holding_verbs`` ("we hold the town"), ``place_holding_states`` and
``place_holding_nouns`` ("X remains in our hands", "X is under their control", and with the
holder as subject, "the army is in full control of X"), in ``data/reporting.yaml``. A holder
that is a pronoun ("its hands", "we hold") or the claimant's own words is the claimant's side;
two holders named by other words ("the army" of two claims) are one holder. The place is a
proper name or a common noun of place ("the town"): in one article two claims about "the town"
and about a town by name are about one town, two by other names or other nouns are not. A
negated holding ("no longer in our hands") says who does not hold it, and is left to the
denials; so is a denial of a holding ("denied that the rebels hold the town").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from sitroom.claims.holding import TAKEN
from sitroom.claims.raw import RawClaim
from sitroom.lang.places import anaphor_kinds
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.model import Claim

SideOf = Callable[[Claim, Mapping[str, str] | None], str | None]

_SPEAKER = ""  # the holder is whoever makes the claim
_OWNERS = {"poss", "compound"}


@dataclass(frozen=True)
class Holding:
    """Who a claim says holds which place: names case-folded; ``generic`` when the place is a
    common noun ("the town") rather than a name."""

    place: str
    generic: bool
    holder: str  # ``_SPEAKER``, or the holder's words


@cache
def _packaged() -> ReportingVocabulary:
    return load_vocabulary(ReportingVocabulary)


def _words(tok: Token) -> str:
    """A noun's words without its determiner and adjectives ("the army" -> "army")."""
    kept = [t for t in tok.subtree if t.dep_ not in {"det", "amod", "advmod", "punct"}]
    kept = [t for t in kept if t.i <= tok.i]
    return " ".join(t.lower_ for t in kept)


def _holder(tok: Token) -> str:
    """The speaker for a pronoun or a noun a pronoun owns ("it", "its troops", "our
    forces"), else the holder's words."""
    owners = [c for c in tok.children if c.dep_ == "poss"]
    if tok.pos_ == "PRON" or any(c.pos_ == "PRON" for c in owners):
        return _SPEAKER
    return _words(tok)


def _place(tok: Token) -> tuple[str, bool] | None:
    """The place a noun names: a proper name, or "the town of X" by X, or a definite common
    noun ("the town"), generic."""
    if tok.pos_ == "PROPN":
        return _words(tok), False
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            name = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if name is not None and name.pos_ == "PROPN":
                return _words(name), False
    the = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    if the and tok.lemma_.lower() in anaphor_kinds():  # "the town", "the province"
        return tok.lemma_.lower(), True
    return None


def _of(noun: Token) -> Token | None:
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def holding(content: Span | None, cues: ReportingVocabulary) -> Holding | None:
    """Who the content's verb says holds which place, if it says so."""
    if content is None:
        return None
    verb = content.root
    modifiers = [c for c in verb.children if c.dep_ in {"neg", "advmod"}]
    if any(t.lower_ in cues.negations or t.dep_ == "neg" for c in modifiers for t in c.subtree):
        return None  # "not in our hands", "no longer in control of the town"
    lemma = verb.lemma_.lower()
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    if lemma in cues.place_holding_verbs:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        place = _place(obj) if obj is not None else None
        return Holding(place[0], place[1], _holder(subj)) if place else None
    if lemma not in cues.place_holding_states:
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            if noun.lemma_.lower() not in cues.place_holding_nouns:
                continue
            owner = next((c for c in noun.children if c.dep_ in _OWNERS), None)
            held = _of(noun)
            if owner is not None and (place := _place(subj)) is not None:
                return Holding(place[0], place[1], _holder(owner))  # "X remains in our hands"
            if owner is None and held is not None and (place := _place(held)) is not None:
                return Holding(place[0], place[1], _holder(subj))  # "we are in control of X"
    return None


def _stated(claim: Claim) -> bool:
    """Whether a claim states what it says: an assertion, or the speaker's own holding read
    as a denial that the place was taken (``places.HeldPlaces``), not a denial of a holding."""
    p = claim.proposition
    return claim.stance == "assert" or (p is not None and p.predicate == TAKEN)


def _one_place(a: Holding, b: Holding) -> bool:
    if (a.generic and b.generic) or not (a.generic or b.generic):
        return a.place == b.place
    return True  # "the town" and the town by name, in one article


def _own(claim: Claim, said: RawClaim, h: Holding) -> bool:
    """Whether a holding names its claimant's side as the holder: by pronoun, or by the words
    the claimant is named with."""
    if h.holder == _SPEAKER:
        return True
    source = said.source.head if said.source is not None else None
    if source is not None and source.pos_ == "NOUN" and _words(source) == h.holder:
        return True
    return bool(claim.claimant_text) and h.holder == " ".join(
        w for w in (claim.claimant_text or "").casefold().split() if w != "the"
    )


def rival_holders(
    claims: Sequence[Claim],
    raw: Sequence[RawClaim],
    names: Mapping[str, str],
    side_of: SideOf,
    cues: ReportingVocabulary | None = None,
) -> list[tuple[int, int]]:
    """Pairs of asserted claims of two sides that name other holders of one place."""
    cues = _packaged() if cues is None else cues
    held: list[tuple[int, Holding]] = []
    for n, said in enumerate(raw):
        if said.supposed or side_of(claims[n], None) is None or not _stated(claims[n]):
            continue
        h = holding(said.cue.doc.char_span(*said.span, alignment_mode="expand"), cues)
        if h is not None:
            held.append((n, h))
    pairs = []
    for k, (n, a) in enumerate(held):
        for m, b in held[k + 1 :]:
            if side_of(claims[n], names) == side_of(claims[m], names) or not _one_place(a, b):
                continue
            own_a, own_b = _own(claims[n], raw[n], a), _own(claims[m], raw[m], b)
            if own_a and own_b:
                pairs.append((n, m))  # each side says it holds the place
            elif not (own_a or own_b) and a.holder != b.holder:
                pairs.append((n, m))  # two other holders, by other words
            elif own_a != own_b:
                # one side holds it by its own words, the other names a holder: a rival unless
                # that holder is the first side by the words it is named with
                named, owner = (a, m) if own_b else (b, n)
                if not _own(claims[owner], raw[owner], named):
                    pairs.append((n, m))
    return pairs


__all__ = ["Holding", "holding", "rival_holders"]
