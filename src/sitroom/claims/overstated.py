"""Figures and claims said to be too high or made up: "the government said the figure was
inflated", "the ministry said the numbers were exaggerated", "disputed the figure".

Such a content says nothing of its own about what happened: it rejects a figure or a claim
given before it, the way "denied the claims" does. So a claim whose content's verb calls a
definite claim noun, tally noun or record noun (``claim_nouns``, ``tally_nouns``,
``record_nouns``) too high or false (``overstatement_words``, ``falsity``) is a denial that
refers back to the earlier assertion of another side (``targets.previous_claim``), unless the
noun names whose figure it is ("the group's figure", "the figures given by the government":
that party's, not the claim just before); and a tally
noun rejected by a denial verb ("disputed the figure", "rejected the toll") is read so too
(``refers_to_figure``). An indefinite noun ("some figures were inflated") or a figure of the
speaker's own ("our figure was inflated by the count of the wounded") names no earlier claim.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.model import Claim

if TYPE_CHECKING:  # contradictions.py calls this module: the raw claims' type only
    from sitroom.claims.contradictions import RawClaim

_SUBJECTS = {"nsubj", "nsubjpass"}
_PREDICATES = {"acomp", "attr", "oprd"}
_FIRST_PERSON = {"our", "my"}


def _definite(noun: Token) -> bool:
    """A noun told before: "the figure", "these numbers", "the ministry's toll"; not "our"."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c.lower_ not in _FIRST_PERSON
        if c.dep_ == "det":
            return c.lower_ in {"the", "this", "that", "these", "those"}
    return False


def refers_to_figure(noun: Token, cues: ReportingVocabulary) -> bool:
    """Whether ``noun``, the object of a denial verb, is a definite tally noun ("disputed the
    figure"): a figure given before it."""
    return noun.lemma_.lower() in cues.tally_nouns and _definite(noun)


def _calling(word: Token, cues: ReportingVocabulary) -> bool:
    words = cues.overstatement_words | cues.falsity
    return word.lemma_.lower() in words or word.lower_ in words


def _owned(noun: Token) -> bool:
    """Whether a noun names whose it is by name ("the group's figure", "the figures given by
    the government"): that party's figure, which need not be the one told just before."""
    if any(c.dep_ == "poss" and c.pos_ != "PRON" for c in noun.children):
        return True
    return any(
        c.dep_ == "acl" and any(g.dep_ == "agent" for g in c.children) for c in noun.children
    )


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
    if root.lemma_ == "be" and any(
        c.dep_ in _PREDICATES and _calling(c, cues) for c in root.children
    ):
        # "the claims were false" is a denial of its own (``DenialReader.called_false``);
        # "the toll was false" is not
        nouns = cues.tally_nouns - cues.claim_nouns - cues.record_nouns
    elif not _calling(root, cues):
        return None
    subjects = [c for c in root.children if c.dep_ in _SUBJECTS and _definite(c)]
    return next((c for c in subjects if c.lower_ in nouns or c.lemma_.lower() in nouns), None)


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
        if said.stance != "assert" or said.denies is not None or said.embedded_in is not None:
            continue
        content = said.cue.doc.char_span(*said.span, alignment_mode="expand")
        noun = overstated(content, cues)
        if noun is not None:
            # a figure someone is named for ("the group's figure") is that party's, which
            # the claim before need not be: a denial, of no claim in particular here
            said.stance, said.refers_back = "deny", not _owned(noun)
            out[n] = claims[n].model_copy(update={"stance": "deny"})
    return out


__all__ = ["overstated", "overstatements", "refers_to_figure"]
