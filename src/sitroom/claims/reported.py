"""Reported speech: what a reporting verb or "according to X" attributes, in the reporter's words.

"X said (that) Y", "X urged Y to Z", "Y, X said", "according to X, Y": the content ``Y`` with its
source and cue. Content that is mostly a quotation in marks stays a direct quote, not an indirect
one. Sources are resolved here in document order, for the speakers' pronoun fallbacks.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sitroom.claims.quotes import QuoteSpan
from sitroom.claims.speakers import Source, SpeakerFinder
from sitroom.lang.sentences import sentence_of
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.event_phrases import ResponsibilityVocabulary
from sitroom.lang.vocabulary.grammar import grammar
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.model import Stance

_CLAUSE_DEPS = {"conj", "cc", "advcl", "parataxis", "punct", "ccomp", "xcomp", "relcl"}
_PARAGRAPH_BREAKS = re.compile(r"\n\s*\n")
_CONTINUATION_GAP = 400
_COMPLETING = {"of", "for", "as"}  # "accused X of Y", "blamed X for Y", "described X as Y"
_MARKS = {
    '"',
    "“",
    "”",
    "''",
    "``",
    "«",
    "»",
    "„",
}  # characters between a quote and its cue-less continuation


@dataclass(frozen=True)
class Reported:
    cue: Token
    source: Source | None
    span: tuple[int, int]  # the content
    window: tuple[int, int]  # the reporting clause and the content: where hedges count
    stance: Stance | None
    according: bool = False
    indirect: bool = True  # stands as an indirect quote (a speaker, not mostly quoted)
    # under a condition ("If X, he said, Y would ..."): still somebody's words, but no claim
    conditional: bool = False


def _span(tokens: Sequence[Token]) -> tuple[int, int]:
    return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)


def _mark(tok: Token) -> bool:
    return tok.text in _MARKS


def _loose(tok: Token) -> bool:
    return tok.is_space or (tok.is_punct and not _mark(tok))


def _trim(tokens: list[Token]) -> list[Token]:
    """Without punctuation at the edges; quotation marks go only when unpaired."""
    while tokens and _loose(tokens[0]):
        tokens = tokens[1:]
    while tokens and _loose(tokens[-1]):
        tokens = tokens[:-1]
    if sum(_mark(t) for t in tokens) % 2 and tokens:
        tokens = tokens[1:] if _mark(tokens[0]) else tokens[:-1] if _mark(tokens[-1]) else tokens
        return _trim(tokens) if tokens and (_loose(tokens[0]) or _loose(tokens[-1])) else tokens
    return tokens


def _content(verb: Token, cues: ReportingVocabulary) -> list[Token]:
    """The words a reporting verb reports: its clause, or the clause it interrupts; for a verb
    that reports with its object ("claimed responsibility for ...", "accused X of Y", "called
    it Z"), the object with what completes it."""
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    for child in verb.children:
        if child.dep_ == "ccomp" or (child.dep_ == "xcomp" and not passive):
            return _trim(_without_reports(child, cues))
    for child in verb.children:
        if child.dep_ == "xcomp":  # "is reported to have ...", no speaker
            return _trim(list(child.subtree))
    if passive:
        return _passive_content(verb, cues)
    if verb.dep_ == "parataxis" and verb.head.pos_ in {"VERB", "AUX"}:
        inner = {t.i for t in verb.subtree}
        return _trim([t for t in verb.head.subtree if t.i not in inner])
    if owned := _own_claim_clause(verb, cues):
        return _trim(owned)
    infinitive = verb.dep_ == "xcomp" or any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )  # "promised to declare a government": no declaration yet
    if verb.lemma_.lower() in cues.object_content and not passive and not infinitive:
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ != "PRON"]
        if objects:
            toks = list(objects[0].subtree)
            for child in verb.children:
                if child.dep_ == "oprd" or (child.dep_ == "prep" and child.lower_ in _COMPLETING):
                    toks.extend(child.subtree)
            return _trim(sorted(toks, key=lambda t: t.i))
    return []


def _own_claim_clause(verb: Token, cues: ReportingVocabulary) -> list[Token]:
    """ "X repeated its claim that P", "X stood by the account that P": an assertive verb whose
    object is a claim noun (``claim_nouns``) of the speaker's own, with no owner or a pronoun
    for one, and a clause of its content: the clause is what the speaker asserts. A claim
    noun of a named other ("repeated the army's claim that P") is that other's claim."""
    if cues.claim_stance(verb.lemma_) != "assert":
        return []
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.lower_ not in cues.claim_nouns:
            continue
        if any(c.dep_ == "poss" and c.pos_ != "PRON" for c in obj.children):
            continue
        for clause in obj.children:
            if clause.dep_ in {"acl", "ccomp"} and any(c.dep_ == "mark" for c in clause.children):
                return list(clause.subtree)
    return []


def _without_reports(clause: Token, cues: ReportingVocabulary) -> list[Token]:
    """A content clause without a reporting participle the parser hung on it, which says more
    of its own ("said there was no crime, explaining that ...": the explanation is another
    claim, not part of the first)."""
    cut = [
        c
        for c in clause.children
        if c.dep_ == "advcl"
        and c.tag_ == "VBG"
        and c.i > clause.i
        and cues.claim_stance(c.lemma_) is not None
        and any(g.dep_ == "ccomp" for g in c.children)
    ]
    if not cut:
        return list(clause.subtree)
    end = min(c.left_edge.i for c in cut)
    return [t for t in clause.subtree if t.i < end]


def _passive_content(verb: Token, cues: ReportingVocabulary) -> list[Token]:
    """An agentless report in the passive: "X is accused of shooting Y" reports the shooting;
    "Dozens have been reported injured" the whole clause, cue included. A passive with its
    agent ("was confirmed by the army") or without a clause of its own reports nothing here."""
    if any(c.dep_ == "agent" for c in verb.children):
        return []
    lemma = verb.lemma_.lower()
    if lemma in cues.blame_verbs:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in _COMPLETING:
                return _trim(list(child.subtree)[1:])
        return []
    if lemma in cues.assert_verbs and any(
        c.dep_ in {"oprd", "acomp", "attr"} for c in verb.children
    ):
        return _trim(list(verb.subtree))
    return []


def _window(verb: Token, content: list[Token]) -> tuple[int, int]:
    toks = [verb, *content]
    for child in verb.children:
        if child.dep_ not in _CLAUSE_DEPS and child.i not in {t.i for t in content}:
            toks.extend(child.subtree)
    return _span(toks)


def _quoted_share(tokens: list[Token], finder: SpeakerFinder) -> float:
    words = [t for t in tokens if not t.is_punct]
    return sum(finder.quoted(t) for t in words) / len(words) if words else 1.0


def cue_stance(tok: Token, cues: ReportingVocabulary) -> Stance | None:
    """The stance of a claim made with the verb ``tok``. A negated denial verb ("did not deny
    that ...", "does not contradict the claim") denies nothing: it leaves the content standing,
    an assertion however weak, and still somebody's attribution."""
    stance = cues.claim_stance(tok.lemma_)
    if stance == "deny" and any(
        c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in cues.negations) for c in tok.children
    ):
        return "assert"
    return stance


def _conditional(content: list[Token], verb: Token) -> bool:
    """Whether reported words are a consequence under a condition ("If the army kept attacking,
    he said, the rebels would take Sake"): a hypothetical (a modal of
    ``hypothetical_auxiliaries`` and a clause of ``condition_marks``, on the reported verb or,
    as the parser may hang it, on the reporting ``verb``), which states no fact: no claim."""
    words = grammar()
    inside = {t.i for t in content}

    def condition(head: Token) -> bool:
        return any(
            c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in words.condition_marks for m in c.children)
            for c in head.children
        )

    for root in (t for t in content if t.head.i not in inside or t.head.i == t.i):
        modal = any(
            c.dep_ == "aux" and c.lower_ in words.hypothetical_auxiliaries for c in root.children
        )
        if modal and (condition(root) or condition(verb)):
            return True
    return False


def unasserted(tok: Token, cues: ReportingVocabulary) -> bool:
    """Whether an assertion verb is negated ("could not confirm the number of dead", "did not
    say who fired"): it asserts nothing, and its content is nobody's claim."""
    return cues.claim_stance(tok.lemma_) == "assert" and any(
        c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in cues.negations) for c in tok.children
    )


def asked(tok: Token) -> bool:
    """Whether a verb is asked about, not said: its sentence ends in a question mark and an
    auxiliary comes before its subject ("Did the army deny the report?")."""
    if tok.sent[-1].text != "?":
        return False
    subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subj is not None and any(
        c.dep_ in {"aux", "auxpass"} and c.i < subj.i for c in tok.children
    )


def find_reported(doc: Doc, finder: SpeakerFinder, cues: ReportingVocabulary) -> list[Reported]:
    out: list[Reported] = []
    for tok in doc:
        if tok.lower_ == "according":
            src = finder.according_to(tok)
            if src is None or src.head is None:
                continue
            clause = tok.head
            while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
                clause = clause.head
            inner = {t.i for t in tok.subtree}
            content = _trim([t for t in clause.subtree if t.i not in inner])
            if not content:
                continue
            span = _span(content)
            window = _span([*content, *tok.subtree])
            indirect = not finder.quoted(tok) and _quoted_share(content, finder) < 0.5
            out.append(Reported(tok, src, span, window, "assert", True, indirect))
            continue
        found = _mistagged(tok, finder, cues) or _tally(tok, finder, cues) or _owned(tok, finder)
        if found is not None:
            out.append(found)
            continue
        if not finder.is_cue(tok):
            continue
        src = finder.of_verb(tok)  # also for verbs without content: speakers in document order
        content = _content(tok, cues)
        if not content:
            if (found := _stranded(tok, finder, cues)) is not None:
                out.append(found)
            continue
        indirect = (
            src is not None and not finder.quoted(tok) and _quoted_share(content, finder) < 0.5
        )
        # A negated denial verb still reports words ("did not deny that ..."): the ledger
        # makes no claim of it (``cue_stance``), the quote keeps the verb's own stance.
        stance = cues.claim_stance(tok.lemma_)
        window = _window(tok, content)
        conditional = _conditional(content, tok)
        out.append(Reported(tok, src, _span(content), window, stance, False, indirect, conditional))
    return out


def _mistagged(tok: Token, finder: SpeakerFinder, cues: ReportingVocabulary) -> Reported | None:
    """ "Prosecutors allege Simpson shot Flynn": a plural subject and a reporting verb in its
    base form that the parser took for two nouns modifying the reported clause's subject. The
    verb reports what follows it in that clause; the word before it is the speaker."""
    stance = cues.claim_stance(tok.lemma_)
    if stance is None or tok.tag_ != "NN" or tok.dep_ != "compound" or tok.i == 0:
        return None
    if tok.lower_ != tok.lemma_.lower():
        return None
    speaker = tok.doc[tok.i - 1]
    subject = tok.head
    if speaker.tag_ not in {"NNS", "NNPS"} or speaker.head.i not in {subject.i, tok.i}:
        return None
    if not subject.dep_.startswith("nsubj") or subject.head.pos_ not in {"VERB", "AUX"}:
        return None
    content = _trim([t for t in subject.head.subtree if t.i > tok.i])
    if not content:
        return None
    src = finder.mention(speaker, tok)
    window = _span([speaker, tok, *content])
    indirect = not finder.quoted(tok) and _quoted_share(content, finder) < 0.5
    return Reported(tok, src, _span(content), window, stance, False, indirect)


def _stranded(tok: Token, finder: SpeakerFinder, cues: ReportingVocabulary) -> Reported | None:
    """ "Five herders were killed near the river, a police commander, Ann Lee, said": a
    reporting verb after the clause it reports, hung on that clause's verb as a conjunct, its
    speaker on a noun of the clause as an appositive (``SpeakerFinder.stranded_speaker``). The
    clause up to the first appositive of that noun is the content."""
    named = finder.stranded_speaker(tok)
    stance = cues.claim_stance(tok.lemma_)
    if named is None or stance is None:
        return None
    top = named  # "near Kitale, a county official, Mary Atieno,": the name of the official
    while top.head.dep_ == "appos" and top.head.i < top.i:
        top = top.head
    noun = top.head
    start = min(c.left_edge.i for c in noun.children if c.dep_ == "appos" and c.i > noun.i)
    inner = {t.i for t in tok.subtree}
    content = _trim([t for t in tok.head.subtree if t.i < start and t.i not in inner])
    if not content:
        return None
    window = _span([*content, *tok.doc[start : tok.right_edge.i + 1]])
    indirect = not finder.quoted(tok) and _quoted_share(content, finder) < 0.5
    return Reported(tok, finder.of_verb(tok), _span(content), window, stance, False, indirect)


def _tally(tok: Token, finder: SpeakerFinder, cues: ReportingVocabulary) -> Reported | None:
    """ "Officials put the death toll at four": a verb of ``tally_verbs`` whose object is a
    tally noun with its figure after a preposition of ``tally_prepositions`` gives the tally
    as the subject's own figure. Its content is the tally and the figure."""
    if tok.lemma_.lower() not in cues.tally_verbs or tok.pos_ != "VERB":
        return None
    if not any(c.dep_ == "nsubj" for c in tok.children):
        return None  # "the toll was put at four": nobody's figure here
    tallies = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in cues.tally_nouns]
    figures = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in cues.tally_prepositions]
    if not tallies or not figures:
        return None
    content = _trim(sorted([*tallies[0].subtree, *figures[0].subtree], key=lambda t: t.i))
    src = finder.of_verb(tok)
    indirect = not finder.quoted(tok) and _quoted_share(content, finder) < 0.5
    return Reported(tok, src, _span(content), _window(tok, content), "assert", False, indirect)


@functools.cache
def _owning() -> ResponsibilityVocabulary:
    return load_vocabulary(ResponsibilityVocabulary)


def owning(tok: Token, cues: ReportingVocabulary) -> bool:
    """Whether a verb that is no reporting verb reports its subject's own figure or deed: a
    tally ("put the toll at four", ``tally_verbs``) or a claim of responsibility ("took
    responsibility for", ``claiming_verbs``)."""
    lemma = tok.lemma_.lower()
    if lemma in cues.tally_verbs:
        return True
    negated = any(c.dep_ == "neg" for c in tok.children)  # "did not take responsibility"
    return lemma in _owning().claiming_verbs and not cues.is_speech(lemma) and not negated


def _owned(tok: Token, finder: SpeakerFinder) -> Reported | None:
    """ "The front took responsibility for the bombing", "accepted responsibility": a verb of
    ``claiming_verbs`` that is no reporting verb, with a noun of ``responsibility_nouns`` for
    object (``data/responsibility.yaml``), claims the deed as the subject's own, as "claimed
    responsibility" does. Its content is the noun and what it is for."""
    words = _owning()
    if (
        tok.pos_ != "VERB"
        or not owning(tok, finder.cues)
        or tok.lemma_.lower() in finder.cues.tally_verbs
    ):
        return None  # "claimed responsibility" is read as a cue already
    if not any(c.dep_ == "nsubj" for c in tok.children):
        return None
    owned = [
        c
        for c in tok.children
        if c.dep_ == "dobj" and c.lemma_.lower() in words.responsibility_nouns
    ]
    if not owned:
        return None
    content = _trim(list(owned[0].subtree))
    src = finder.of_verb(tok)
    indirect = not finder.quoted(tok) and _quoted_share(content, finder) < 0.5
    return Reported(tok, src, _span(content), _window(tok, content), "assert", False, indirect)


def continues(
    doc: Doc, finder: SpeakerFinder, prev_end: int, cur: tuple[QuoteSpan, range], src: Source
) -> bool:
    """Whether a quote with no cue of its own continues what ``src`` said up to ``prev_end``.

    The quote must open its sentence and follow closely (in the same paragraph or the next),
    and nobody else may be introduced in between: no cue of another speaker, no main clause
    with another subject.
    """
    cq, crng = cur
    gap = finder.text[prev_end : cq.open_at]
    if len(gap) > _CONTINUATION_GAP or len(_PARAGRAPH_BREAKS.findall(gap)) > 1:
        return False
    if sentence_of(doc[crng.start]).start < crng.start - 1:
        return False
    start = _token_at(doc, prev_end)
    for i in range(start, crng.start):
        tok = doc[i]
        if finder.quoted(tok) or tok.is_punct or tok.is_space:
            continue
        if src.span is not None and src.span[0] <= tok.idx < src.span[1]:
            continue
        if finder.is_cue(tok):
            other = finder.of_verb(tok)
            if other.span != src.span and (other.entity is None or other.entity != src.entity):
                return False
        elif (
            tok.dep_.startswith("nsubj")
            and tok.head.dep_ == "ROOT"
            and (src.entity is None or finder.resolve(tok) != src.entity)
        ):
            return False
    return True


def _token_at(doc: Doc, char: int) -> int:
    """Index of the first token that starts at or after ``char``."""
    lo, hi = 0, len(doc)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc[mid].idx < char:
            lo = mid + 1
        else:
            hi = mid
    return lo


__all__ = [
    "Reported",
    "asked",
    "continues",
    "cue_stance",
    "find_reported",
    "owning",
    "unasserted",
]
