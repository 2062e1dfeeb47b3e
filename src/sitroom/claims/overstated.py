"""Figures and claims said to be too high or made up: "the government said the figure was
inflated", "the ministry said the numbers were exaggerated", "disputed the figure".

Such a content says nothing of its own about what happened: it rejects a figure or a claim
given before it, the way "denied the claims" does. So a claim whose content's verb calls a
definite claim noun, tally noun or record noun (``claim_nouns``, ``tally_nouns``,
``record_nouns``) too high or false (``overstatement_words``, ``falsity``) is a denial that
refers back to the earlier assertion of another side (``targets.previous_claim``), unless the
noun names whose figure it is ("the group's figure", "the figures given by the government":
that party's, not the claim just before; it meets the claims of a speaker told before by that
word, "the rebels' report" those of "the rebels said"); and a tally
noun rejected by a denial verb ("disputed the figure", "rejected the toll") is read so too
(``refers_to_figure``); so is a content that says a claim noun has no truth or ground
("there was no truth in the report", "the claim had no basis", "this was not true":
``truth_words``; "that was a lie": ``falsity``). An indefinite
noun ("some figures were inflated") or a figure of the
speaker's own ("our figure was inflated by the count of the wounded") names no earlier claim.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from functools import cache

from spacy.tokens import Span, Token

from sitroom.claims.raw import RawClaim
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.model import Claim

_SUBJECTS = {"nsubj", "nsubjpass"}
_PREDICATES = {"acomp", "attr", "oprd"}


def _definite(noun: Token) -> bool:
    """A noun told before: "the figure", "these numbers", "the ministry's toll"; not "our"."""
    for c in noun.children:
        if c.dep_ == "poss":
            return "Person=1" not in c.morph
        if c.dep_ == "det":
            return _pointing(c)
    return False


def _pointing(word: Token) -> bool:
    """A definite or demonstrative word ("the", "this", "those"), by its morphology."""
    return "Definite=Def" in word.morph or "PronType=Dem" in word.morph


def refers_to_figure(noun: Token, cues: ReportingVocabulary) -> bool:
    """Whether ``noun``, the object of a denial verb, is a definite tally noun ("disputed the
    figure"): a figure given before it."""
    return noun.lemma_.lower() in cues.tally_nouns and _definite(noun)


def _calling(word: Token, cues: ReportingVocabulary) -> bool:
    words = cues.overstatement_words | cues.falsity
    return word.lemma_.lower() in words or word.lower_ in words


def _owner(noun: Token) -> Token | None:
    """Whose a noun says it is by name ("the group's figure", "the figures given by the
    government"): that party's figure, which need not be the one told just before."""
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            return c
        for agent in (g for g in c.children if c.dep_ == "acl" and g.dep_ == "agent"):
            return next((p for p in agent.children if p.dep_ == "pobj"), agent)
    return None


def _owners_claim(owner: Token, raw: Sequence[RawClaim], n: int) -> str | None:
    """The claimant of the last claim before the ``n``-th whose speaker is named by the owner's
    word ("the rebels' report" after "the rebels said ...")."""
    for said in reversed(raw[:n]):
        head = said.source.head if said.source is not None else None
        if said.claimant is not None and head is not None and head.lemma_ == owner.lemma_:
            return said.claimant
    return None


def overstated(content: Span | None, cues: ReportingVocabulary) -> Token | None:
    """The noun a content calls too high or false, if it does: its verb is a word of
    overstatement or falsity ("was inflated", "were exaggerated"), or a form of "be" with one
    ("was false"), and its subject a definite noun of a claim, tally or record."""
    if content is None:
        return None
    root = content.root
    if any(c.dep_ == "neg" for c in root.children):
        return None  # "the figure was not inflated" agrees with it
    nouns = cues.claim_nouns | cues.tally_nouns | cues.record_nouns
    predicates = [c for c in root.children if c.dep_ in _PREDICATES and _calling(c, cues)]
    if root.lemma_ == "be" and predicates:
        if any(_is(c, cues.falsity) for c in predicates):
            # "the claims were false" is a denial of its own (``DenialReader.called_false``);
            # "the toll was false" is not
            nouns = cues.tally_nouns - cues.claim_nouns - cues.record_nouns
    elif not _calling(root, cues):
        return None
    subjects = [c for c in root.children if c.dep_ in _SUBJECTS and _told(c, cues)]
    return next((c for c in subjects if _is(c, nouns)), None)


def _is(word: Token, words: AbstractSet[str]) -> bool:
    return word.lower_ in words or word.lemma_.lower() in words


def _told(noun: Token, cues: ReportingVocabulary) -> bool:
    """A noun of a claim told before: definite ("the figure"), or a claim noun that says what
    is claimed ("reports of shelling", "claims that the town fell")."""
    if _definite(noun):
        return True
    said = any(
        c.dep_ in {"acl", "ccomp"} or (c.dep_ == "prep" and c.lower_ == "of") for c in noun.children
    )
    return said and _is(noun, cues.claim_nouns)


def baseless(content: Span | None, cues: ReportingVocabulary) -> Token | None:
    """The claim noun a content says has no truth or ground (``truth_words``): "there was no
    truth in the report", "the rebel claim had no basis"; or the demonstrative it says is not
    true ("this was not true": what was just said)."""
    if content is None:
        return None
    root = content.root
    nouns = cues.claim_nouns | cues.tally_nouns | cues.record_nouns

    def none_of(noun: Token) -> bool:
        no = any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
        return _is(noun, cues.truth_words) and (no or any(c.dep_ == "neg" for c in root.children))

    if root.lemma_ == "be" and any(c.dep_ == "expl" for c in root.children):
        for truth in (c for c in root.children if c.dep_ in {"attr", "nsubj"} and none_of(c)):
            for prep in (c for c in truth.children if c.dep_ == "prep"):
                said = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if said is not None and _is(said, nouns) and _told(said, cues):
                    return said
    negated = any(c.dep_ == "neg" for c in root.children)
    untrue = any(c.dep_ == "acomp" and _is(c, cues.truth_words) for c in root.children)
    # "this was not true"; not "it is not true that P", which says what is not so itself
    clause = any(c.dep_ in {"ccomp", "csubj"} for c in root.children)
    # "that was a lie": a demonstrative called false, which ``called_false`` does not read
    false = any(c.dep_ in _PREDICATES and _is(c, cues.falsity) for c in root.children)
    if false and not negated and not clause:
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is not None and _pointing(subj):
            return subj
    if root.lemma_ == "be" and negated and untrue and not clause:
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is not None and (_pointing(subj) or _is(subj, nouns)):
            return subj if _told(subj, cues) or _pointing(subj) else None
    if root.lemma_ == "have" and any(c.dep_ == "dobj" and none_of(c) for c in root.children):
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is not None and _is(subj, nouns) and _told(subj, cues):
            return subj
    return None


@cache
def _packaged() -> ReportingVocabulary:
    return load_vocabulary(ReportingVocabulary)


def overstatements(
    claims: Sequence[Claim], raw: Sequence[RawClaim], cues: ReportingVocabulary | None = None
) -> list[Claim]:
    """``claims`` where an assertion that calls an earlier figure or claim too high or false
    ("said the figure was inflated") is a denial that refers back; ``raw`` is changed alike, so
    that the claims built from it later (``settle_denials``) say so too."""
    cues = _packaged() if cues is None else cues
    out = list(claims)
    for n, said in enumerate(raw):
        if said.denies is not None or said.embedded_in is not None or said.refers_back:
            continue
        content = said.cue.doc.char_span(*said.span, alignment_mode="expand")
        noun = baseless(content, cues)
        if noun is None and said.stance == "assert":
            noun = overstated(content, cues)
        if noun is not None:
            # a figure someone is named for ("the group's figure") is that party's, which
            # the claim before need not be: a denial of that speaker's claims, when one
            # named so was told before, else of no claim in particular here
            owner = _owner(noun)
            said.stance, said.refers_back = "deny", owner is None
            if owner is not None:
                said.owner = _owners_claim(owner, raw, n)
            out[n] = claims[n].model_copy(update={"stance": "deny"})
    return out


__all__ = ["baseless", "overstated", "overstatements", "refers_to_figure"]
