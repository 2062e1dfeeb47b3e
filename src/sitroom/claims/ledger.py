"""Quotes with speakers, claims with claimant and stance, and contradictions within a document.

A quote is a quotation in marks (``direct`` when it is a clause of its own, else ``partial``) or
reported speech in the reporter's words (``indirect``: "X said that ...", "according to X, ...").
A claim is made by a reporting construction: a reporting verb with a content clause or a quote
("X says 'Y'", "X claims Y", "according to X, Y"), or a denial ("X denied Y", "X dismissed the
claim of Z as false"). A denial whose object names somebody's claim contradicts that party's
claims about the same place or kind of event.

The speakers come from ``speakers.py``, reported speech from ``reported.py`` and contradictions
from ``contradictions.py``; this module puts them together.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitroom.claims.contradictions import RawClaim, find_contradictions
from sitroom.claims.quotes import QuoteSpan, find_quote_spans
from sitroom.claims.reported import Reported, continues, find_reported
from sitroom.claims.speakers import Source, SpeakerFinder
from sitroom.lang.docindex import DocIndex
from sitroom.lang.reference import entity_for
from sitroom.lang.sentences import sentence_of
from sitroom.lang.vocabulary.grammar import grammar
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.model import Claim, Contradiction, Entity, Event, Quote, QuoteKind, Stance


def quote_kind(span: SpacySpan) -> QuoteKind:
    """Direct when the quoted words stand on their own, else partial.

    They stand on their own as a clause (a finite verb, with its subject or among four words or
    more) or as an utterance that is capitalised and closed by its own punctuation ("Amazing,").
    """
    finite = [t for t in span if t.tag_ in {"VBD", "VBZ", "VBP", "MD"}]
    has_subject = any(
        c.dep_.startswith("nsubj") and span.start <= c.i < span.end
        for t in finite
        for c in t.children
    )
    if finite and (len(span) >= 4 or has_subject):
        return "direct"
    text = span.text.strip()
    if text[:1].isupper() and text[-1:] in {",", ".", "!", "?"}:
        return "direct"
    return "partial"


def _is_name(span: SpacySpan) -> bool:
    """Marks around no words at all (markup) or around a name or title ("Meet the Press")."""
    words = [t for t in span if t.is_alpha]
    if not words:
        return True
    if len(words) < 2 or any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in span):
        return False
    return all(t.text[0].isupper() or t.lower_ in grammar().title_function_words for t in words)


def _span(tokens: Sequence[Token]) -> tuple[int, int]:
    return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)


@dataclass(frozen=True)
class _Marked:
    """A quotation in marks, its tokens and its source."""

    qs: QuoteSpan
    tokens: range
    kind: QuoteKind
    source: Source | None


class ClaimsLedger:
    def __init__(self, cues: ReportingVocabulary) -> None:
        self.cues = cues
        # One alternation, longest phrases first, so "could not be independently verified" wins.
        self._hedges = re.compile(
            r"\b(?:" + "|".join(re.escape(h) for h in cues.hedges) + r")\b", re.IGNORECASE
        )

    # --- quotations in marks -----------------------------------------------------------------

    @staticmethod
    def _quote_tokens(doc: Doc) -> list[tuple[QuoteSpan, range]]:
        out = []
        for qs in find_quote_spans(doc.text):
            span = doc.char_span(qs.start, qs.end, alignment_mode="expand")
            if span is not None and not _is_name(span):
                out.append((qs, range(span.start, span.end)))
        return out

    def _marked(
        self,
        doc: Doc,
        finder: SpeakerFinder,
        found: list[tuple[QuoteSpan, range]],
        reported: list[Reported],
    ) -> list[_Marked]:
        text = finder.text
        sources: list[Source | None] = []
        kinds: list[QuoteKind] = []
        for qs, rng in found:
            kinds.append(quote_kind(doc[rng.start : rng.stop]))
            clause = kinds[-1] == "direct"
            sources.append(finder.for_quote(rng, text[qs.start : qs.end], clause=clause))
        # Continuations take the speaker of what they continue, with no cue of their own: the
        # next paragraph of a long quotation, or a quote standing alone right after somebody's
        # words ('"...," he said. "..."', 'She said ... . "..."').
        for k, (qs, rng) in enumerate(found):
            if sources[k] is not None:
                continue
            if qs.continued and k > 0:
                sources[k] = _inherit(sources[k - 1])
                continue
            if kinds[k] != "direct":
                continue
            nxt = sources[k + 1] if k + 1 < len(found) else None
            gap = text[qs.end : found[k + 1][0].open_at] if nxt is not None else "\n"
            if nxt is not None and "\n" not in gap and not any(ch.isalnum() for ch in gap):
                sources[k] = _inherit(nxt)  # '"...." "...," she said.'
                if sources[k] is not None:
                    continue
            prev = _previous(qs.open_at, found[:k], sources[:k], reported)
            if prev is not None and continues(doc, finder, prev[0], (qs, rng), prev[1]):
                sources[k] = _inherit(prev[1])
        for k in range(len(found) - 2, -1, -1):  # a paragraph that runs on: the next part's
            if sources[k] is None and found[k][0].runs_on and found[k + 1][0].continued:
                sources[k] = _inherit(sources[k + 1])
        return [_Marked(qs, rng, kinds[k], sources[k]) for k, (qs, rng) in enumerate(found)]

    # --- the whole document --------------------------------------------------------------------

    def run(
        self, doc: Doc, index: DocIndex, entities: Sequence[Entity], events: Sequence[Event]
    ) -> LedgerResult:
        found = self._quote_tokens(doc)
        finder = SpeakerFinder(doc, index, self.cues, [rng for _, rng in found])
        # Sources are resolved in document order, so that "he" can fall back on the last speaker.
        reported = find_reported(doc, finder, self.cues)
        marked = self._marked(doc, finder, found, reported)
        quotes = self._quotes(doc, marked, reported)
        claims, raw = self._claims(doc, index, events, finder, marked, reported)
        contradictions = find_contradictions(claims, raw, entities, events)
        return LedgerResult(tuple(quotes), tuple(claims), tuple(contradictions))

    def _quotes(self, doc: Doc, marked: list[_Marked], reported: list[Reported]) -> list[Quote]:
        text = doc.text
        items: list[tuple[tuple[int, int], QuoteKind, Source | None]] = [
            ((m.qs.start, m.qs.end), m.kind, m.source) for m in marked
        ]
        for r in reported:
            if r.source is not None and r.source.span is not None and r.indirect:
                items.append((r.span, "indirect", r.source))
        items.sort(key=lambda item: item[0])
        return [
            Quote(
                id=f"q{n}",
                text=text[span[0] : span[1]],
                span=span,
                kind=kind,
                speaker=src.entity if src else None,
                speaker_span=src.span if src else None,
                cue=src.cue_lemma if src else None,
            )
            for n, (span, kind, src) in enumerate(items, 1)
        ]

    # --- claims --------------------------------------------------------------------------------

    def _owner(self, noun: Token, index: DocIndex) -> str | None:
        """Whose claim a claim noun names: "the Taliban claim", "claims of the militia"."""
        for child in noun.children:
            if child.dep_ in {"compound", "poss"} and (found := entity_for(child, index)):
                return found
            if child.dep_ == "prep" and child.lower_ in {"of", "by"}:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and (found := entity_for(pobj, index)):
                        return found
        return None

    def _is_false(self, tok: Token) -> bool:
        return any(t.lemma_.lower() in self.cues.falsity for t in tok.subtree)

    def _denial(self, tok: Token, claimant: str | None, obj: Token, index: DocIndex) -> RawClaim:
        refers_back = obj.lower_ in self.cues.claim_nouns or obj.pos_ in {"PRON", "DET"}
        owner = self._owner(obj, index) if obj.lower_ in self.cues.claim_nouns else None
        toks = list(obj.subtree) if tok.dep_ != "relcl" else [obj, *tok.subtree]
        places = {index.place_at[t.i] for t in toks if t.i in index.place_at}
        return RawClaim(claimant, "deny", _span(toks), tok, owner, places, refers_back)

    def _false_claim(self, tok: Token, index: DocIndex, marked: list[_Marked]) -> RawClaim | None:
        """ "The claims are false": a denial by whoever says so."""
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        pred = [c for c in tok.children if c.dep_ in {"acomp", "attr"}]
        if (
            subj is None
            or subj.lower_ not in self.cues.claim_nouns
            or not any(self._is_false(p) for p in pred)
        ):
            return None
        speaker = next((m.source.entity for m in marked if m.source and tok.i in m.tokens), None)
        return self._denial(tok, speaker, subj, index)

    def _raw_claims(
        self,
        doc: Doc,
        index: DocIndex,
        finder: SpeakerFinder,
        marked: list[_Marked],
        reported: list[Reported],
    ) -> list[RawClaim]:
        claims: list[RawClaim] = []
        denied_by: set[int] = set()
        content = {r.cue.i: r for r in reported}
        for tok in doc:
            if tok.pos_ == "AUX" and tok.lemma_ == "be":
                if (found := self._false_claim(tok, index, marked)) is not None:
                    claims.append(found)
                continue
            if tok.pos_ != "VERB":
                continue
            stance = self.cues.claim_stance(tok.lemma_)
            calls_false = tok.lemma_ == "call" and any(
                c.dep_ in {"oprd", "ccomp", "xcomp", "acomp"} and self._is_false(c)
                for c in tok.children
            )
            if stance is None and not calls_false:
                continue
            claimant = finder.of_verb(tok).entity
            objects = [c for c in tok.children if c.dep_ == "dobj"]
            if calls_false or stance == "deny":
                restated = objects and objects[0].pos_ == "PRON" and tok.head.i in denied_by
                if restated:
                    continue  # "denied the report, calling it false": one denial, not two
                if objects:
                    denied_by.add(tok.i)
                    claims.append(self._denial(tok, claimant, objects[0], index))
                    continue
                if tok.dep_ == "relcl" and tok.head.lower_ in self.cues.claim_nouns:
                    denied_by.add(tok.i)
                    claims.append(self._denial(tok, claimant, tok.head, index))
                    continue
            said = content.get(tok.i)
            if said is not None and stance is not None:
                claims.append(RawClaim(claimant, stance, said.span, tok, hedge_span=said.window))
        for r in reported:
            if r.according and r.source is not None:
                claims.append(
                    RawClaim(r.source.entity, "assert", r.span, r.cue, hedge_span=r.window)
                )
        return claims

    def _claims(
        self,
        doc: Doc,
        index: DocIndex,
        events: Sequence[Event],
        finder: SpeakerFinder,
        marked: list[_Marked],
        reported: list[Reported],
    ) -> tuple[list[Claim], list[RawClaim]]:
        raw = self._raw_claims(doc, index, finder, marked, reported)
        # Quotations are claims too when no content clause of their cue already covers them.
        for m in marked:
            if m.kind != "direct":
                continue
            span = (m.qs.start, m.qs.end)
            cue = m.source.cue if m.source is not None else None
            if cue is not None and any(
                c.cue.i == cue.i and c.span[0] <= span[0] < c.span[1] for c in raw
            ):
                continue
            stance: Stance = (
                "deny"
                if cue is not None and self.cues.claim_stance(cue.lemma_) == "deny"
                else "assert"
            )
            claimant = m.source.entity if m.source is not None else None
            raw.append(RawClaim(claimant, stance, span, cue or doc[m.tokens.start]))
        raw.sort(key=lambda c: c.span[0])
        text = doc.text
        # Events by trigger start, to find those inside a claim by bisection: a scan of every
        # event per claim was quadratic on a long article. The first in ``events`` order wins.
        by_start = sorted((e.trigger[0], i) for i, e in enumerate(events))
        starts = [start for start, _ in by_start]
        out = []
        for n, c in enumerate(raw, 1):
            window = c.hedge_span or _span(list(sentence_of(c.cue)))
            hedges = sorted(
                {m.group(0).lower() for m in self._hedges.finditer(text, window[0], window[1])}
            )
            inside = by_start[bisect_left(starts, c.span[0]) : bisect_left(starts, c.span[1])]
            event = events[min(i for _, i in inside)].id if inside else None
            out.append(
                Claim(
                    id=f"c{n}",
                    claimant=c.claimant,
                    stance=c.stance,
                    text=text[c.span[0] : c.span[1]],
                    span=c.span,
                    event=event,
                    hedges=hedges,
                )
            )
            c.places |= {
                index.place_at[t.i]
                for t in doc.char_span(*c.span, alignment_mode="expand") or ()
                if t.i in index.place_at
            }
        return out, raw


def _inherit(src: Source | None) -> Source | None:
    if src is None or src.head is None:
        return None
    return Source(src.entity, src.head, src.span, None)


def _previous(
    before: int,
    found: list[tuple[QuoteSpan, range]],
    sources: list[Source | None],
    reported: list[Reported],
) -> tuple[int, Source] | None:
    """The nearest attribution with a speaker ending before ``before``, and where it ends."""
    ends: list[tuple[int, Source]] = []
    for (qs, _), src in zip(found, sources, strict=True):
        if src is not None and src.head is not None:
            ends.append((max(qs.end, *(src.span or (0,))), src))
    for r in reported:
        if r.source is not None and r.source.head is not None:
            ends.append((max(r.span[1], r.window[1]), r.source))
    ends = [e for e in ends if e[0] <= before]
    return max(ends, key=lambda e: e[0]) if ends else None


@dataclass(frozen=True)
class LedgerResult:
    quotes: tuple[Quote, ...]
    claims: tuple[Claim, ...]
    contradictions: tuple[Contradiction, ...]


__all__ = ["ClaimsLedger", "LedgerResult", "quote_kind"]
