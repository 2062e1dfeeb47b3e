"""Whether a claim's content says that something is not so: a negated act or state ("was
not captured", "did not call"), a subject that is nobody ("no militants were inside", "there
were no casualties"), no evidence of a clause ("there is no evidence that P"), no tie to a
party or a happening ("had no links to the group"). Negated expectations and abilities ("is
not expected to", "could not") and feelings ("was not surprised") are what they say, no denial.
"""

from __future__ import annotations

from collections.abc import Callable, Container

from spacy.tokens import Token

from sitroom.lang.vocabulary.reporting import ReportingVocabulary

SUBJECTS = {"nsubj", "nsubjpass"}
OBJECTS = {"dobj", "attr", "acomp", "oprd"}
CLAUSES = {"acl", "ccomp", "relcl"}


class NegationReader:
    """The negations of one document's claim contents. ``triggers`` are the starts of the
    happenings the events stage found, ``happening`` whether a verb names one."""

    def __init__(
        self,
        cues: ReportingVocabulary,
        triggers: Container[int],
        happening: Callable[[Token], bool],
    ) -> None:
        self.cues = cues
        self.triggers = triggers
        self.happening = happening

    def negated(self, tok: Token) -> bool:
        """A negated act or state: a negation on a verb that is a happening the events stage
        found ("was not captured"), on a past act ("did not call", "had not entered"), on a
        presence, a state or a
        passive act that no clause qualifies ("were not in the town", "was not being used"); or
        a subject that is nobody ("no militants were inside", "there were no casualties"). A
        negated expectation or ability ("is not expected to", "won't be able to") and an absence
        of reports ("there were no reports of") are reported as what they say, not as denials."""
        if self.impossible(tok):
            return True
        if self.qualified(tok):
            return False  # "no one would bomb a monastery": a belief, no denial of a fact
        if self.felt(tok):
            return False  # "was not surprised by the attack": the speaker's mind
        if self.absent(tok) is not None or self.unlinked(tok) is not None:
            return True
        if not any(self.is_negation(c) for c in tok.children):
            return False
        if tok.idx in self.triggers:
            return True
        if tok.tag_ == "VB" and any(
            c.dep_ == "aux" and c.tag_ == "VBD" and c.lemma_ == "do" for c in tok.children
        ):
            return True
        if tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children):
            return True  # a past act in the perfect: "had not entered the city"
        return self.state(tok) and not self.qualified(tok)

    def impossible(self, tok: Token) -> bool:
        """A negated modal of possibility with a perfect infinitive or an adverb of possibility
        ("could not have been involved", "can not possibly be about polygamy"): says that the
        clause is not so, where "could not reach the town" is only an inability."""
        kids = list(tok.children)
        if not any(
            c.tag_ == "MD" and c.lemma_.lower() in self.cues.possibility_modals for c in kids
        ):
            return False
        if not any(self.is_negation(c) for c in kids):
            return False
        perfect = tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids)
        return perfect or any(
            c.dep_ == "advmod" and c.lower_ in self.cues.possibility_adverbs for c in kids
        )

    def felt(self, tok: Token) -> bool:
        """A verb or its complement of ``feeling_words`` ("was not surprised", "is not aware"):
        a negation of it says what the speaker feels or knows, not that something is not so."""
        heads = [tok, *(c for c in tok.children if c.dep_ in {"acomp", "attr", "oprd"})]
        return any(h.lower_ in self.cues.feeling_words for h in heads)

    def unlinked(self, tok: Token) -> Token | None:
        """An object or subject of ``association_nouns`` or ``involvement_nouns`` with a
        negating determiner ("it had no links to the group", "played no part in the attack"):
        the tie is denied, whatever the verb."""
        ties = self.cues.association_nouns | self.cues.involvement_nouns
        for child in tok.children:
            if child.dep_ not in OBJECTS | SUBJECTS or child.lemma_.lower() not in ties:
                continue
            if any(d.dep_ == "det" and d.lower_ in self.cues.negations for d in child.children):
                return child
        return None

    def state(self, tok: Token) -> bool:
        """A verb of presence or state ("be", "hide"), or a passive one ("was used")."""
        return tok.lemma_.lower() in self.cues.presence_verbs or any(
            c.dep_ == "auxpass" for c in tok.children
        )

    @staticmethod
    def qualified(tok: Token) -> bool:
        """A verb or its complement that governs a clause ("is not expected to attack", "was
        not able to", "is not sure whether"), or a modal one ("would not", "could not"): the
        negation bears on the expectation."""
        heads = [tok, *(c for c in tok.children if c.dep_ in {"acomp", "attr", "oprd"})]
        kids = [c for h in heads for c in h.children]
        return any(c.dep_ in {"xcomp", "ccomp"} or c.tag_ == "MD" for c in kids)

    def existent(self, tok: Token) -> Token | None:
        """What an existential clause says there is (or is not): "there was (no) shelling"."""
        if tok.lemma_.lower() not in self.cues.presence_verbs:
            return None
        if not any(c.dep_ == "expl" and c.lower_ == "there" for c in tok.children):
            return None
        return next((c for c in tok.children if c.dep_ in {"attr", "nsubj"}), None)

    def absent(self, tok: Token) -> Token | None:
        """The subject of a happening, a presence or a passive act that is nobody, or the object
        of a happening: "nobody was hurt", "no militants were inside", "there were no
        casualties", "killed no civilians". Not a claim noun: "there were no reports of" says
        that nothing was reported, not that it did not happen."""
        happening = self.happening(tok)
        if not (self.state(tok) or happening or self._past_deed(tok)):
            return None
        if self.qualified(tok):
            return None
        # A happening done to nobody denies it too: "the strike killed no civilians" (a verb
        # of happening the events stage may have folded into the strike).
        deps = SUBJECTS | {"attr"} | ({"dobj"} if happening else set())
        for child in tok.children:
            if child.dep_ not in deps or child.lower_ == "there":
                continue
            if (
                child.lower_ in self.cues.claim_nouns
                or child.lemma_.lower() in self.cues.claim_nouns
            ):
                continue
            if child.lower_ in self.cues.negations or any(
                d.dep_ == "det" and d.lower_ in self.cues.negations for d in child.children
            ):
                return child
        return None

    def _past_deed(self, tok: Token) -> bool:
        """A past act done to something ("no officer had fired live ammunition", "nobody has
        taken the town"): done by nobody, it is denied like a happening; not a report ("no
        group has claimed responsibility" tells of no claim, it denies none)."""
        lemma = tok.lemma_.lower()
        if lemma in self.cues.assert_verbs or lemma in self.cues.deny_verbs:
            return False
        if not any(c.dep_ == "dobj" for c in tok.children):
            return False
        kids = list(tok.children)
        return tok.tag_ == "VBD" or (
            tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids)
        )

    def is_negation(self, tok: Token) -> bool:
        return tok.dep_ == "neg" or (tok.dep_ == "advmod" and tok.lower_ in self.cues.negations)

    def no_evidence(self, tok: Token) -> Token | None:
        """'there is no evidence (that) P', 'found no sign that P': the clause P that a noun
        with a negating determiner holds."""
        for child in tok.children:
            if child.dep_ not in OBJECTS | SUBJECTS or child.pos_ != "NOUN":
                continue
            if not any(d.dep_ == "det" and d.lower_ in self.cues.negations for d in child.children):
                continue
            for grand in child.children:
                if grand.dep_ in CLAUSES and grand.pos_ in {"VERB", "AUX"}:
                    return grand
        return None


__all__ = ["CLAUSES", "OBJECTS", "SUBJECTS", "NegationReader"]
