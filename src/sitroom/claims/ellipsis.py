"""A claim whose content leaves out what it says is not so: "it had not", "they did not".

English negates a verb of content only through an auxiliary ("did not fire", "had not fired"),
so a negated auxiliary left alone as a clause, with nothing after it, stands for a clause said
before it, whose verb phrase it leaves out: the question a reporter put ("Asked whether its
artillery had fired on Jermuk, the spokesman said it had not") or another side's claim ("The
army said the RSF had shelled the market. The RSF said it had not."). Such a claim denies that
clause: its stance is a denial, and its proposition is that clause's (``RawClaim.answers``).
The clause is the nearest before it whose verb has an auxiliary of the same word ("had fired"
for "had not"), or, for the auxiliary of do-support ("did not"), the nearest finite verb with
none, within its sentence or the one before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from sitroom.claims.contradictions import RawClaim
from sitroom.claims.denials import span_of
from sitroom.lang.sentences import sentence_of

_NEGATION = "neg"
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_AUXILIARIES = frozenset({"aux", "auxpass"})
# What a bare auxiliary may still hold: its subject, its negation, punctuation, a conjunction.
_BARE = frozenset({"nsubj", "neg", "punct", "cc"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_MARK = "mark"  # "whether", "if", "that" opening the clause: not part of what is denied


def _bare_negated(content: Span) -> Token | None:
    """The auxiliary of a content that is a negated auxiliary alone ("it had not", "they did
    not"), else None."""
    head = content.root
    deps = {c.dep_ for c in head.children}
    if head.tag_ not in _FINITE or _NEGATION not in deps or not deps <= _BARE:
        return None
    return head


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)


def _agree(mine: Token, theirs: Token) -> bool:
    """Whether the subject of a bare auxiliary can be the one of the clause it stands for:
    of one number, and one pronoun when both are ("she had not" stands for no "he had seen
    it": that would deny what nobody claimed of her)."""
    number, other = mine.morph.get("Number", []), theirs.morph.get("Number", [])
    if number and other and number != other:
        return False
    return not (mine.pos_ == theirs.pos_ == "PRON" and mine.lower_ != theirs.lower_)


def _fits(verb: Token, auxiliary: Token, cues: set[int]) -> bool:
    """Whether ``verb`` heads a clause whose verb phrase ``auxiliary`` can stand for: a verb
    that is no cue of a claim, with a subject that agrees with the auxiliary's, with an
    auxiliary of that word, or, when none of its auxiliaries is one, finite itself
    (do-support: "burned" for "did not")."""
    subject, mine = _subject(verb), _subject(auxiliary)
    if verb.i in cues or verb.pos_ != "VERB" or subject is None or mine is None:
        return False
    if not _agree(mine, subject):
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in _AUXILIARIES]
    if any(a.lemma_ == auxiliary.lemma_ for a in auxiliaries):
        return True
    return not auxiliaries and verb.tag_ in _FINITE


def _antecedent(auxiliary: Token, start: int, cues: set[int]) -> tuple[int, int] | None:
    """The clause before ``start`` (a character offset) that ``auxiliary`` stands for: its
    verb's words without the mark that opens it, in this sentence or the one before."""
    sentence = sentence_of(auxiliary)
    first = sentence.start
    if first > 0:
        first = sentence_of(auxiliary.doc[first - 1]).start
    for tok in reversed(auxiliary.doc[first : sentence.end]):
        if tok.idx >= start or not _fits(tok, auxiliary, cues):
            continue
        words = [w for w in tok.subtree if not (w.dep_ == _MARK and w.head.i == tok.i)]
        return span_of(words)
    return None


def answered(raw: Sequence[RawClaim]) -> list[RawClaim]:
    """``raw`` with each claim whose content is a negated auxiliary alone ("said it had not")
    a denial of the clause it stands for (``answers``)."""
    cues = {c.cue.i for c in raw}
    out: list[RawClaim] = []
    for claim in raw:
        doc = claim.cue.doc
        content = doc.char_span(*claim.span, alignment_mode="expand")
        auxiliary = _bare_negated(content) if content is not None and len(content) else None
        clause = _antecedent(auxiliary, claim.span[0], cues) if auxiliary is not None else None
        if clause is None or claim.denies is not None or claim.stance != "assert":
            out.append(claim)
            continue
        out.append(replace(claim, stance="deny", answers=clause))
    return out


__all__ = ["answered"]
