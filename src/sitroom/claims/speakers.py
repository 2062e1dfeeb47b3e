"""Who is speaking: the source of a reporting verb, of a quotation, or of "according to X".

Sources are resolved in document order so that a pronoun ("he said") or a definite report noun
("the statement added") can fall back on the last named speaker of the right kind. A speaker that
is no known actor ("a social media page", "the mayor") keeps its mention span with no entity.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from sitroom.claims.genders import Genders
from sitroom.lang.docindex import DocIndex
from sitroom.lang.reference import antecedent, entity_for
from sitroom.lang.sentences import sentence_of
from sitroom.lang.syntax import mention_span, owner_mention, reporting_subject, speaker
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.actors import RolesVocabulary
from sitroom.lang.vocabulary.grammar import grammar
from sitroom.lang.vocabulary.reporting import ReportingVocabulary

_LAST_SPEAKER_CHARS = 1500  # how far back "he" may look for the last named speaker
_RELATIVE = {"who", "that", "which", "whom"}
_DEFINITE = {"the", "this", "that"}
_SENTENCE_END = {".", "!", "?"}
_AFTER_QUOTE = {'"', "”", "»", "''", ","}
_COUNTRY_LABELS = {"GPE", "NORP"}  # what a body noun's qualifier names to give it a side
_SPEAKING_LABELS = {"PERSON", "ORG", "GPE", "NORP"}  # actors that can make a report


@dataclass(frozen=True)
class Source:
    """A speaker: the entity (if it is a known actor), the mention and the cue that names it."""

    entity: str | None
    head: Token | None
    span: tuple[int, int] | None
    cue: Token | None
    cue_text: str | None = None  # "according to" and colons are cues without a verb
    # The side of a speaker that is a body of a country rather than a known actor ("the
    # Kenyan health ministry": the ministry speaks, for Kenya).
    affiliation: str | None = None
    # The words that name the speaker a pronoun goes on with when no known actor does ("The
    # SPLA-IO denied ... It said"): the claimant's words, where ``span`` is the pronoun's.
    named_as: tuple[int, int] | None = None

    @property
    def cue_lemma(self) -> str | None:
        if self.cue_text is not None:
            return self.cue_text
        return self.cue.lemma_.lower() if self.cue is not None else None


@functools.cache
def _person_cues() -> frozenset[str]:
    return load_vocabulary(RolesVocabulary).person_cues


def _titled(head: Token) -> bool:
    """A speaker named by a noun of a person (``person_cues``): the noun itself, or the title
    before a name ("Police spokeswoman Resila Onyango", a name the model may take for a
    group's)."""
    cues = _person_cues()
    titles = (c for c in head.children if c.dep_ == "compound" and c.i < head.i)
    return head.lemma_.lower() in cues or any(c.lemma_.lower() in cues for c in titles)


class SpeakerFinder:
    """Resolves sources in one document; call ``of_verb`` in document order."""

    def __init__(
        self, doc: Doc, index: DocIndex, cues: ReportingVocabulary, quoted: Sequence[range]
    ) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token on each access
        self.index = index
        self.cues = cues
        self._quoted = [False] * len(doc)
        for rng in quoted:
            for i in rng:
                self._quoted[i] = True
        self._by_verb: dict[int, Source] = {}
        self.genders = Genders(doc, index, cues)
        self._history: list[Source] = []  # named speakers, in document order
        # speakers named by words that are no known actor ("The SPLA-IO denied ..."), in order
        self._unnamed: list[Source] = []

    def quoted(self, tok: Token) -> bool:
        return self._quoted[tok.i]

    def is_cue(self, tok: Token) -> bool:
        return tok.pos_ in {"VERB", "AUX"} and self.cues.is_speech(tok.lemma_)

    # --- the mention that speaks -------------------------------------------------------------

    def _speaking_mention(self, verb: Token) -> Token | None:
        """``lang.syntax.speaker`` of the verb, with the repairs that quotations and relative
        clauses call for: a participle hung on the reported clause, "who", two subjects, and a
        subject the parser put inside a quotation (the noun phrases outside it, see
        ``_outside_subject``; a speaker after its verb is ``_inverted_subject``)."""
        root = sentence_of(verb).root
        if (
            verb.tag_ == "VBG"
            and verb.i > 0
            and self.doc[verb.i - 1].text == ","
            and root.i != verb.i
            and self.is_cue(root)
            and any(a.i == root.i for a in verb.ancestors)
        ):
            # "X said Y ..., adding that ...": the parser may hang the participle on Y's clause.
            verb = root
        noun = verb.head
        if verb.dep_ == "acl" and noun.lemma_.lower() in self.cues.claim_nouns:
            # "the weather office report saying ...": the office speaks, not the main clause
            mention = owner_mention(noun)
            if mention is not None and self._can_speak(mention):
                return mention
        subj = speaker(verb, skip=self.quoted if not self.quoted(verb) else None)
        if subj is not None and subj.lower_ in _RELATIVE and subj.head.dep_ == "relcl":
            subj = subj.head.head  # "Trump, who said ...": the relative clause's noun
        if subj is not None and subj.dep_ == "nsubj":
            # Two subjects ("Neighboring country Iran has ..."): the named one, else the nearer.
            both = [c for c in subj.head.children if c.dep_ == "nsubj"]
            named = [c for c in both if c.i in self.index.entity_at]
            subj = (named or both)[-1]
        if subj is not None and self.quoted(subj) and not self.quoted(verb):
            subj = self._outside_subject(subj.head)
        return subj

    def _can_speak(self, tok: Token) -> bool:
        """An owner of a report that can have made it: a known actor or a body ("the weather
        office report"), not the report's kind ("a DNA report")."""
        found = self.index.entity_at.get(tok.i)
        if found is not None:
            return self.index.entity_label.get(found) in _SPEAKING_LABELS
        return tok.lemma_.lower() in self.cues.body_nouns

    def _outside_subject(self, verb: Token) -> Token | None:
        """A subject the parser put inside a quotation: the noun phrase between it and the verb.

        '"... Dashty" Neighboring country Iran has denounced ...': the phrase after the quote.
        """
        segment: list[Token] = []
        for i in range(verb.i - 1, sentence_of(verb).start - 1, -1):
            if self.quoted(self.doc[i]):
                break
            segment.append(self.doc[i])
        inside = {t.i for t in segment}
        heads = [
            t
            for t in reversed(segment)
            if t.pos_ in {"NOUN", "PROPN", "PRON"} and t.head.i not in inside
        ]
        named = [t for t in heads if t.i in self.index.entity_at]
        best = named or heads
        return best[-1] if best else None  # the actor nearest the verb

    def resolve(self, subj: Token) -> str | None:
        """The entity a speaking mention stands for, using the last named speaker if needed."""
        word = subj.lower_
        pronouns = grammar()
        # A speaker is a subject: its third-person subject forms ("he said", "they claimed").
        third_person = pronouns.subject_pronouns - pronouns.first_person_pronouns
        if subj.pos_ == "PRON" and word in third_person:
            person = word in pronouns.person_pronouns
            reporter = reporting_subject(subj)  # "X said he ...": he is X
            if reporter is not None and (found := entity_for(reporter, self.index)) is not None:
                return found
            # "X said Y was free. He said ...": he who goes on speaking is X, not the subject
            # of what X said. Only a main clause's speaker: in "Y shot Z after she told him",
            # she is no one who spoke before.
            # So too "The army denied that the rebels took the base. It said ...": it is the
            # body that spoke, not the group its report names.
            main = subj.head.dep_ == "ROOT"
            went_on = self._previous_speaker(subj, person=person) if main else None
            if went_on is not None and self.genders.fits(subj, went_on):
                return went_on
            # "she told him": she is not who "him" is.
            near = antecedent(subj, self.index, subjects_only=True)
            if near is not None:
                if self.genders.fits(subj, near):
                    return near
                if (other := self.genders.other_person(subj)) is not None:
                    return other
            last = self._last_speaker(subj, person=person)
            if last is not None and self.genders.fits(subj, last):
                return last
            found = antecedent(subj, self.index, sentences=3)
            return found if self.genders.fits(subj, found) else self.genders.other_person(subj)
        found = entity_for(subj, self.index, sources=True)
        if (
            found is None
            and subj.lemma_.lower() in self.cues.claim_nouns
            and any(c.lower_ in _DEFINITE for c in subj.children)
        ):
            # "The statement added ...": the source of the last statement.
            for src in reversed(self._history):
                if src.head is not None and src.head.lemma_ == subj.lemma_:
                    return src.entity
        return found

    def _previous_speaker(self, tok: Token, *, person: bool = True) -> str | None:
        """The person (or, not ``person``, the body that is no person) who spoke in the
        sentence just before ``tok``'s, if one did."""
        start = sentence_of(tok).start
        if start == 0:
            return None
        before = sentence_of(self.doc[start - 1])
        for src in reversed(self._history):
            if src.head is None or src.entity is None or not before.start <= src.head.i < start:
                continue
            # A person by the model's label, or by the noun that names him ("the militia's
            # spokesman, Jean-Claude Dhedda", a name the model may take for a group's).
            named_person = self.index.entity_label.get(src.entity) == "PERSON" or _titled(src.head)
            if named_person == person:
                return src.entity
        return None

    def _last_speaker(self, tok: Token, *, person: bool) -> str | None:
        """The named speaker of the right kind closest before ``tok``, not too far back."""
        floor = tok.idx - _LAST_SPEAKER_CHARS
        best: tuple[int, str] | None = None
        for src in self._history:
            if src.span is None or src.entity is None or not floor <= src.span[0] < tok.idx:
                continue
            if (self.index.entity_label.get(src.entity) == "PERSON") != person:
                continue
            if best is None or src.span[0] > best[0]:
                best = (src.span[0], src.entity)
        return best[1] if best else None

    def _remember(self, src: Source) -> None:
        if src.head is None or self.quoted(src.head):
            return
        if src.entity is not None:
            self._history.append(src)
        elif src.head.pos_ != "PRON" and src.affiliation is None and src.span is not None:
            self._unnamed.append(src)

    def _unnamed_went_on(self, head: Token) -> Source | None:
        """The speaker no known actor names whom a third-person pronoun of a main clause goes
        on from ("The SPLA-IO denied attacking the barracks. It said ..."): the one speaker of
        the sentence just before, of the pronoun's kind (a person by the noun that names him,
        ``_titled``), when no known actor spoke there; the pronoun then speaks in its words,
        for its side, rather than for the last actor the text named."""
        pronouns = grammar()
        word = head.lower_
        third_person = pronouns.subject_pronouns - pronouns.first_person_pronouns
        if head.pos_ != "PRON" or word not in third_person or head.head.dep_ != "ROOT":
            return None
        if head.dep_ != "nsubj" or reporting_subject(head) is not None:
            return None
        start = sentence_of(head).start
        if start == 0:
            return None
        person = word in pronouns.person_pronouns
        if self._previous_speaker(head, person=person) is not None:
            return None
        before = sentence_of(self.doc[start - 1])
        spoke = [
            src
            for src in self._unnamed
            if src.head is not None and before.start <= src.head.i < start
        ]
        if len(spoke) != 1 or spoke[0].head is None or _titled(spoke[0].head) != person:
            return None
        return spoke[0]

    def _body_of(self, head: Token) -> str | None:
        """The country or people a body noun is qualified by ("the Kenyan health ministry",
        "the Afghan interior ministry"): the body speaks, and the country is its side."""
        if head.lemma_.lower() not in self.cues.body_nouns:
            return None
        named = self.index.entity_at.get(head.i)
        # "the Sudanese military": an actor named by the body noun alone ("Military") is still
        # the country's body; a body with a name of its own ("the Health Ministry") is not.
        if named is not None and self.index.entity_name.get(named, "").casefold() not in {
            head.lower_,
            head.lemma_.lower(),
        }:
            return None
        for child in head.children:
            if child.dep_ not in {"amod", "compound"}:
                continue
            found = self.index.entity_at.get(child.i)
            if found is not None and self.index.entity_label.get(found) in _COUNTRY_LABELS:
                return found
        return None

    def _organisation_of_part(self, head: Token) -> str | None:
        """The organisation a speaker is a part or a national branch of: the owner of a
        branch noun ("Islamic State's Mozambique branch", ``branch_nouns``), or the
        organisation whose name a country's name ends ("Amnesty International Kenya", where
        the parser makes the country the head): the organisation speaks, not the country."""
        entity_at, label = self.index.entity_at, self.index.entity_label
        if head.lemma_.lower() in self.cues.branch_nouns:
            for child in head.children:
                owner = entity_at.get(child.i)
                if child.dep_ == "poss" and owner is not None and label.get(owner) == "ORG":
                    return owner
            return None
        own = entity_at.get(head.i)
        if own is None or label.get(own) not in _COUNTRY_LABELS:
            return None
        for child in head.children:
            named = entity_at.get(child.i)
            if child.dep_ == "compound" and named not in {None, own} and label.get(named) == "ORG":
                return named
        return None

    def mention(self, head: Token, cue: Token | None, cue_text: str | None = None) -> Source:
        went_on = self._unnamed_went_on(head)
        if went_on is not None:
            span = mention_span(head)
            return replace(
                went_on, head=head, span=span, cue=cue, cue_text=cue_text, named_as=went_on.span
            )
        country = self._body_of(head)
        entity = None if country is not None else self._organisation_of_part(head)
        entity = entity or (None if country is not None else self.resolve(head))
        src = Source(entity, head, mention_span(head), cue, cue_text, country)
        self._remember(src)
        return src

    def of_verb(self, verb: Token) -> Source:
        """The source of a reporting verb (cached); without a subject, only the cue is known."""
        if verb.i in self._by_verb:
            return self._by_verb[verb.i]
        # A stranded appositive first: the parser gives such a verb the clause's subject, or
        # its agent ("killed by bandits"), whose words these are not.
        subj = (
            self.stranded_speaker(verb)
            or self._speaking_mention(verb)
            or self._inverted_subject(verb)
        )
        if subj is not None and self._unowned_evidence(verb, subj):
            # "X argued the evidence showed P": X says P; the evidence is nobody's voice
            src = replace(self.of_verb(verb.head), cue=verb, cue_text=None)
        elif subj is not None:
            src = self.mention(subj, verb)
        elif verb.dep_ in {"advcl", "conj", "xcomp"} and self.is_cue(verb.head):
            head = self.of_verb(verb.head)  # '"...," said X, adding ...': X adds
            src = replace(head, cue=verb, cue_text=None)
        elif (
            verb.dep_ == "advcl"
            and verb.tag_ == "VBG"
            and verb.head.dep_ == "ccomp"
            and self.is_cue(verb.head.head)
        ):  # "X said P, explaining that Q", the participle hung on P: X explains
            src = replace(self.of_verb(verb.head.head), cue=verb, cue_text=None)
        else:
            src = Source(None, None, None, verb)
        self._by_verb[verb.i] = src
        return src

    def stranded_speaker(self, verb: Token) -> Token | None:
        """ "P happened near the river, a police commander, Ann Lee, said": a reporting verb
        with no subject, hung on the verb of the clause before it as a conjunct, and right
        after a comma a named person or body the parser hung on a noun of that clause as an
        appositive: the speaker, stranded so."""
        if verb.dep_ != "conj" or verb.head.pos_ not in {"VERB", "AUX"} or verb.i < 2:
            return None
        if any(c.dep_.startswith("nsubj") for c in verb.children):
            return None
        if self.doc[verb.i - 1].text != "," or not self.is_cue(verb):
            return None
        named = self.doc[verb.i - 2]
        if named.dep_ != "appos" or named.head.i not in {t.i for t in verb.head.subtree}:
            return None
        found = self.index.entity_at.get(named.i)
        return named if found is not None and self._can_speak(named) else None

    def _unowned_evidence(self, verb: Token, subj: Token) -> bool:
        """An evidential verb ("showed", ``evidential``) reported by another cue ("X argued the
        evidence showed P") whose subject names no party, nor has one for owner or author ("the
        evidence", "the footage"; not "a UN report", "Amnesty's findings"): the reporter of
        the verb says P."""
        if verb.lemma_.lower() not in self.cues.evidential or verb.dep_ != "ccomp":
            return False
        if not self.is_cue(verb.head) or self.quoted(verb) != self.quoted(verb.head):
            return False
        return subj.pos_ == "NOUN" and not any(
            t.i in self.index.entity_at or t.pos_ == "PROPN" or t.dep_ == "poss"
            for t in subj.subtree
        )

    def _inverted_subject(self, verb: Token) -> Token | None:
        """'"...," said the minister' when the parser found no subject: the noun after the verb."""
        doc = self.doc
        if verb.i == 0 or self.quoted(verb) or doc[verb.i - 1].text not in _AFTER_QUOTE:
            return None
        if doc[verb.i - 1].text == "," and (verb.i < 2 or doc[verb.i - 2].text not in _AFTER_QUOTE):
            return None
        for child in verb.rights:
            if child.pos_ in {"NOUN", "PROPN"} and child.dep_ not in {"pobj", "conj"}:
                return child
        window = range(verb.i + 1, min(verb.i + 7, len(self.doc)))
        for i in window:
            tok = self.doc[i]
            if tok.is_punct or self.quoted(tok) or tok.pos_ in {"VERB", "AUX", "SCONJ"}:
                return None
            if tok.pos_ in {"NOUN", "PROPN"}:
                while (
                    tok.head.i != tok.i
                    and tok.head.i in window
                    and tok.head.pos_ in {"NOUN", "PROPN"}
                ):
                    tok = tok.head
                return tok
        return None

    def according_to(self, tok: Token) -> Source | None:
        """ "according to X": the source X of the clause."""
        if tok.lower_ != "according" or tok.i + 1 >= len(self.doc):
            return None
        to = tok.nbor()
        if to.lower_ != "to":
            return None
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        return self.mention(pobj, tok, "according to") if pobj is not None else None

    # --- the source of a quotation -----------------------------------------------------------

    def for_quote(self, tokens: range, text: str, *, clause: bool) -> Source | None:
        """The source of a quotation; ``clause`` for a direct quote (a clause of its own).

        In order: the reporting verb that governs the quote, one right after it (in its sentence,
        or a bare "X said." sentence after it), one before it, "according to X", and for a direct
        quote introduced by a colon or a comma, the subject of the introducing clause. A cue
        whose subject was not found is the last resort (the quote keeps its cue).
        """
        doc = self.doc
        fallback: Source | None = None
        candidates: list[Token] = []
        for root in (doc[i] for i in tokens if doc[i].head.i not in tokens):
            tok = root.head
            for _ in range(8):
                if not self.quoted(tok) and self.is_cue(tok):
                    candidates.append(tok)
                if tok.head.i == tok.i:
                    break
                tok = tok.head
        before, after = self._around(tokens, text)
        candidates += [t for t in after[:25] if self.is_cue(t)]
        candidates += [t for t in reversed(before) if self.is_cue(t)]
        # Evidence ("the comments showed ...") speaks only when no speaker is found around it.
        candidates.sort(key=lambda t: t.lemma_.lower() in self.cues.evidential)
        for tok in candidates:
            src = self.of_verb(tok)
            if src.head is not None:
                return src
            if fallback is None:
                fallback = src
        for tok in [*before, *after]:
            if (according := self.according_to(tok)) is not None:
                return according
        if before and before[-1].text in {":", ","} and clause:
            return self._intro_source(before[:-1]) or fallback
        return fallback

    def _around(self, tokens: range, text: str) -> tuple[list[Token], list[Token]]:
        """Unquoted words before the quote in its sentence, and after it up to the sentence end.

        A quote that ends with a comma, "?" or "!" may be followed by its cue across a sentence
        break the parser made ("...?" he asked).
        """
        doc = self.doc
        first, last = doc[tokens.start], doc[tokens.stop - 1]
        start = sentence_of(first).start
        if start == first.i - 1 or start == first.i:  # the quote opens a sentence
            prev = doc[start - 1] if start > 0 else None
            if prev is not None and prev.text == ":":
                start = sentence_of(prev).start
        before: list[Token] = []
        for i in range(tokens.start - 1, start - 1, -1):
            if self.quoted(doc[i]) or self._new_paragraph(i + 1):
                break  # another quote or paragraph: what lies before is their context
            before.append(doc[i])
        before.reverse()
        while before and before[-1].is_punct and before[-1].text not in {":", ","}:
            before.pop()  # the opening mark
        runs_on = text.rstrip()[-1:] in {",", "?", "!", "-", "—"}
        end = sentence_of(last).end
        limit = min(len(doc), tokens.stop + 25) if runs_on else end
        after: list[Token] = []
        for i in range(tokens.stop, max(end, limit)):
            tok = doc[i]
            if self.quoted(tok) or (tok.text in _SENTENCE_END and i > tokens.stop):
                break
            if self._new_paragraph(i):
                break
            after.append(tok)
        if not any(t.is_alpha for t in after):
            after = self._bare_attribution(tokens.stop)
        return before, after

    def _new_paragraph(self, i: int) -> bool:
        """Whether a line break comes between token ``i - 1`` and the end of token ``i``."""
        if i <= 0 or i >= len(self.doc):
            return False
        prev, tok = self.doc[i - 1], self.doc[i]
        stop = tok.idx + len(tok) if tok.is_space else tok.idx
        return "\n" in self.text[prev.idx + len(prev) : stop]

    def _bare_attribution(self, stop: int) -> list[Token]:
        """'"...." Trump said to cheers.': a sentence right after the quote that only says who.

        It qualifies when its cue reports nothing of its own (no content clause or object).
        """
        doc = self.doc
        j = stop
        while j < len(doc) and doc[j].is_punct and not self.quoted(doc[j]) and j < stop + 3:
            j += 1
        if (
            j >= len(doc)
            or self.quoted(doc[j])
            or any(self._new_paragraph(k) for k in range(stop, j + 1))
        ):
            return []
        sent = sentence_of(doc[j])
        root = sent.root
        if sent.start < stop - 1 or not self.is_cue(root) or len(sent) > 25:
            return []
        if any(c.dep_ in {"ccomp", "xcomp", "dobj"} for c in root.children):
            return []
        return [t for t in sent if not self.quoted(t)]

    def _intro_source(self, before: list[Token]) -> Source | None:
        """Who a colon or comma introduces: 'Mr Smith: "..."', 'The email began, "..."'."""
        if not before:
            return None
        inside = {t.i for t in before}
        verbs = [
            t
            for t in before
            if t.pos_ in {"VERB", "AUX"} and (t.head.i not in inside or t.dep_ == "ROOT")
        ]
        if verbs:
            subj = speaker(verbs[0], skip=self.quoted)
            return self.mention(subj, verbs[0]) if subj is not None and subj.i in inside else None
        if before[-1].text == ",":
            return None
        nouns = [t for t in before if t.pos_ in {"PROPN", "NOUN", "PRON"}]
        if not nouns:
            return None
        head = nouns[-1]
        while (
            head.head.i in inside and head.head.pos_ in {"PROPN", "NOUN"} and head.head.i != head.i
        ):
            head = head.head
        return self.mention(head, None, ":")


__all__ = ["Source", "SpeakerFinder"]
