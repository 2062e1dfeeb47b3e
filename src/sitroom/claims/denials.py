"""Denials of claims: "X denied Y's claim that P", "the claims that P are false".

A denial whose object is a claim noun rejects that claim; when the noun states what is claimed
("the claim that P", "the claim of victory") the claim is one of its own, its owner's (unknown
when no owner is named), reported by the denial, and the denial denies P. A claim noun called
false ("the report was false", "claims that the airport was taken were untrue") is a denial
by whoever says so, and so is a record called false ("the video was fake") or a claim given a
name of falsity ("called the reports lies", "described the account as a fabrication"). A
denial verb that refuses something or removes someone ("denied entry to", "dismissed the
governor from his post") denies no claim. The tagger often reads a plural claim noun before
"that" as a verb ("claims that the town was taken were false"); a word of ``claim_nouns`` that
is the subject of the falsity, or whose clause is, is still that noun.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from sitroom.claims.contradictions import RawClaim
from sitroom.claims.overstated import refers_to_figure
from sitroom.claims.speakers import Source
from sitroom.lang.docindex import DocIndex
from sitroom.lang.reference import entity_for
from sitroom.lang.syntax import mention_span, owner_mention
from sitroom.lang.vocabulary.reporting import ReportingVocabulary

_PREDICATES = {"acomp", "attr"}
# what a verb of calling names its object: "called it false", "branded the report a smear"
# (a name the parser hangs on the verb as a noun phrase)
_COMPLEMENTS = {"oprd", "ccomp", "xcomp", "acomp", "npadvmod"}
# where the parser may hang a word of falsity that took the claim noun as its compound: the
# object ("called the report disinformation") or the object's predicate ("called the allegation
# baseless", when a conjoined verb follows)
_MISREAD_OBJECTS = {"dobj", "oprd"}


def span_of(tokens: Sequence[Token]) -> tuple[int, int]:
    """The characters from the first token to the end of the last."""
    return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)


class DenialReader:
    """Denials of claims in one vocabulary."""

    def __init__(self, cues: ReportingVocabulary) -> None:
        self.cues = cues

    def is_false(self, tok: Token) -> bool:
        # the word or its lemma: "fabricated" is listed, its lemma is "fabricate"
        return any(
            t.lemma_.lower() in self.cues.falsity or t.lower_ in self.cues.falsity
            for t in tok.subtree
        )

    def called_false(self, verb: Token) -> Token | None:
        """The claim noun a form of "be" calls false ("the claims are false", "claims that P
        were untrue"): its subject, or the word whose clause it is when the tagger took the
        noun for a verb ("claims[VERB] that P were[ccomp] false")."""
        if not any(self.is_false(c) for c in verb.children if c.dep_ in _PREDICATES):
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None and verb.dep_ == "ccomp":
            subj = verb.head
        deniable = self.cues.claim_nouns | self.cues.record_nouns  # "the video was fake"
        return subj if subj is not None and subj.lower_ in deniable else None

    def is_false_claim_noun(self, tok: Token) -> bool:
        """Whether a word the tagger took for a verb is a claim noun called false: the subject
        of the falsity, or the head of its clause ("claims that P were false")."""
        if tok.lower_ not in self.cues.claim_nouns:
            return False
        heads = [tok.head] if tok.dep_ == "nsubj" else []
        heads += [c for c in tok.children if c.dep_ == "ccomp"]
        return any(
            (noun := self.called_false(h)) is not None and noun.i == tok.i
            for h in heads
            if h.lemma_ == "be"
        )

    def calls_false(self, verb: Token) -> bool:
        """ "called the claims false", "called it a lie", "described the report as a
        fabrication": a verb of ``calling_verbs`` with a complement of falsity, or with one
        after a preposition of ``calling_prepositions``."""
        return verb.lemma_.lower() in self.cues.calling_verbs and any(
            (c.dep_ in _COMPLEMENTS and self.is_false(c))
            or (
                c.dep_ == "prep" and c.lower_ in self.cues.calling_prepositions and self.is_false(c)
            )
            for c in verb.children
        )

    def removes(self, verb: Token) -> bool:
        """ "dismissed the governor from his post": a denial verb that removes its object from
        somewhere (``removal_prepositions``), no denial of a claim."""
        return any(
            c.dep_ == "prep" and c.lower_ in self.cues.removal_prepositions for c in verb.children
        )

    def misread_call(self, verb: Token) -> Token | None:
        """The claim noun "call" calls false where the parser did not make the falsity the
        verb's complement: hung at the end of the noun's clause ("called the reports that it
        shelled the town baseless"), or read as the object or the object's predicate with the
        noun its compound ("called the report disinformation", "called the allegation
        baseless and said ...")."""
        if verb.lemma_.lower() not in self.cues.calling_verbs:
            return None
        for obj in (c for c in verb.children if c.dep_ in _MISREAD_OBJECTS):
            if obj.lemma_.lower() in self.cues.falsity:
                nouns = [c for c in obj.children if c.dep_ == "compound"]
                if nouns and nouns[-1].lower_ in self.cues.claim_nouns:
                    return nouns[-1]
            if obj.lower_ in self.cues.claim_nouns and self._trailing_falsity(obj) is not None:
                return obj
        return None

    def _trailing_falsity(self, noun: Token) -> Token | None:
        """A word of falsity that ends a claim noun's phrase ("the reports that P baseless")."""
        last = noun.right_edge
        clause = any(c.dep_ in {"acl", "ccomp"} for c in noun.children)
        return last if clause and last.lemma_.lower() in self.cues.falsity else None

    @staticmethod
    def owner(noun: Token, index: DocIndex) -> str | None:
        """Whose claim a claim noun names: "the Taliban claim", "claims of the militia"."""
        found = owner_mention(noun)
        return entity_for(found, index) if found is not None else None

    def denial(
        self, tok: Token, source: Source | None, obj: Token, index: DocIndex
    ) -> list[RawClaim]:
        """A denial, and the claim it denies when the text states it ("rejected the Taliban's
        claim that ...", "dismissed the Taliban claim of victory"): that claim is its owner's
        (unknown when no owner is named), reported by the denial. A demand, an offer or a policy
        rejected (``proposal_nouns``) is no claim."""
        if obj.lemma_.lower() in self.cues.proposal_nouns or self.removes(tok):
            return []  # "rejected Kosovo's demand to ...": a refusal, no denial of a fact
        claimant = source.entity if source is not None else None
        is_claim = obj.lower_ in self.cues.claim_nouns
        # "disputed the figure": a tally told before is denied like "the claims"
        refers_back = is_claim or obj.pos_ in {"PRON", "DET"} or refers_to_figure(obj, self.cues)
        owner = self.owner(obj, index) if is_claim else None
        if owner is not None and owner == claimant:
            owner = None  # "the army rejected the rebels' claim": an anaphor gone astray
        toks = list(obj.subtree) if tok.dep_ != "relcl" else [obj, *tok.subtree]
        if tok.head.i == obj.i:  # "claims that P were false": the noun's words, not "false"
            toks = [t for t in toks if t.i < tok.left_edge.i or t.i > tok.right_edge.i]
        if (false := self._trailing_falsity(obj)) is not None:  # "the reports that P baseless"
            toks = [t for t in toks if t.i != false.i]
        places = {index.place_at[t.i] for t in toks if t.i in index.place_at}
        denial = RawClaim(claimant, "deny", span_of(toks), tok, owner, places, refers_back)
        denial.source = source
        content = self.claimed(obj, tok) if is_claim else []
        content = [t for t in content if t.i != getattr(self._trailing_falsity(obj), "i", -1)]
        if not content:
            return [denial]
        mention = owner_mention(obj)
        if mention is not None and any(t.i == mention.i for t in content):
            # "denied charges of tax evasion": what the noun is of is what is claimed, not who
            # claims it; the claim is nobody's in particular.
            mention = None
        owner_source = (
            Source(owner, mention, mention_span(mention), obj) if mention is not None else None
        )
        embedded = RawClaim(owner, "assert", span_of(content), obj, source=owner_source)
        embedded.embedded_in = denial
        denial.denies = embedded
        denial.refers_back = False
        return [denial, embedded]

    @staticmethod
    def claimed(noun: Token, cue: Token | None = None) -> list[Token]:
        """What a claim noun says: its clause ("the claim that P") or what it is of ("the claim
        of victory"); not the clause of the ``cue`` that denies it."""
        for child in noun.children:
            if cue is not None and child.i == cue.i:
                continue
            if child.dep_ in {"acl", "ccomp"} and child.pos_ in {"VERB", "AUX"}:
                return [t for t in child.subtree if not t.is_punct or t.i > child.i]
            if child.dep_ == "prep" and child.lower_ == "of":
                return list(child.subtree)[1:]
        return []


__all__ = ["DenialReader", "span_of"]
