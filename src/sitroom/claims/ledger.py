"""Quotes with speakers, claims with claimant and stance, and contradictions within a document.

A claim is made by a reporting construction: a reporting verb with a content clause or a quote
("X says 'Y'", "X claims Y", "according to X, Y"), or a denial ("X denied Y", "X dismissed the
claim of Z as false"). A denial whose object names somebody's claim contradicts that party's
claims about the same place or kind of event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitroom.actors.lookup import DocIndex, entity_for, mention_span
from sitroom.claims.cues import ReportingCues
from sitroom.claims.quotes import QuoteSpan, find_quote_spans
from sitroom.model import Claim, Contradiction, Entity, Event, Quote, QuoteKind, Stance
from sitroom.sentences import sentence_of

_LOOKBACK_CHARS = 600


@dataclass
class _Claim:
    claimant: str | None
    stance: Stance
    span: tuple[int, int]
    cue: Token
    owner: str | None = None  # for a denied claim noun: whose claim it is
    places: set[str] = field(default_factory=set)
    refers_back: bool = False  # "that account", "the claim": an earlier claim is denied


def _subject(verb: Token) -> Token | None:
    """The speaker of a reporting verb; "X welcomed ..., saying ..." climbs to X."""
    tok = verb
    for _ in range(6):
        if any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children):
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            return next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
        for child in tok.children:
            if child.dep_ == "nsubj":
                return child
        if tok.dep_ in {"ccomp", "ROOT"} or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def quote_kind(span: SpacySpan) -> QuoteKind:
    """Direct when the quoted words make a clause of their own (a finite verb), else partial."""
    finite = any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in span)
    return "direct" if finite and len(span) >= 4 else "partial"


def _span(tokens: Sequence[Token]) -> tuple[int, int]:
    return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)


class ClaimsLedger:
    def __init__(self, cues: ReportingCues) -> None:
        self.cues = cues
        # One alternation, longest phrases first, so "could not be independently verified" wins.
        self._hedges = re.compile(
            r"\b(?:" + "|".join(re.escape(h) for h in cues.hedges) + r")\b", re.IGNORECASE
        )

    def _reporting_verb(self, tokens: Sequence[Token]) -> Token | None:
        for tok in tokens:
            if tok.pos_ in {"VERB", "AUX"} and self.cues.stance(tok.lemma_) is not None:
                return tok
        return None

    def _speaker(self, verb: Token | None, index: DocIndex) -> tuple[str | None, Token | None]:
        if verb is None:
            return None, None
        subj = _subject(verb)
        if subj is None:
            return None, None
        return entity_for(subj, index, sources=True), subj

    def quotes(
        self, doc: Doc, index: DocIndex
    ) -> tuple[list[Quote], list[tuple[QuoteSpan, Token | None]]]:
        out: list[Quote] = []
        cues: list[tuple[QuoteSpan, Token | None]] = []
        text = doc.text  # Doc.text joins every token on each access
        for qs in find_quote_spans(text):
            span = doc.char_span(qs.start, qs.end, alignment_mode="expand")
            if span is None or not span.text.strip():
                continue
            inside = range(span.start, span.end)
            edges = [doc[span.start], doc[span.end - 1]] + (
                [doc[span.start - 2]] if span.start > 1 else []
            )
            sents = {sentence_of(t).start: sentence_of(t) for t in edges}
            outside = [t for s in sents.values() for t in s if t.i not in inside]
            verb = self._reporting_verb(outside)
            speaker, subj = self._speaker(verb, index)
            kind: QuoteKind = quote_kind(span)
            out.append(
                Quote(
                    id=f"q{len(out) + 1}",
                    text=text[qs.start : qs.end],
                    span=(qs.start, qs.end),
                    kind=kind,
                    speaker=speaker,
                    speaker_span=mention_span(subj) if subj is not None else None,
                    cue=verb.lemma_.lower() if verb is not None else None,
                )
            )
            cues.append((qs, verb))
        return out, cues

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

    def _denial(self, tok: Token, claimant: str | None, obj: Token, index: DocIndex) -> _Claim:
        refers_back = obj.lower_ in self.cues.claim_nouns or obj.pos_ in {"PRON", "DET"}
        owner = self._owner(obj, index) if obj.lower_ in self.cues.claim_nouns else None
        toks = list(obj.subtree) if tok.dep_ != "relcl" else [obj, *tok.subtree]
        places = {index.place_at[t.i] for t in toks if t.i in index.place_at}
        return _Claim(claimant, "deny", _span(toks), tok, owner, places, refers_back)

    def _raw_claims(self, doc: Doc, index: DocIndex, quotes: Sequence[Quote]) -> list[_Claim]:
        claims: list[_Claim] = []
        denied_by: set[int] = set()
        for tok in doc:
            if tok.pos_ == "AUX" and tok.lemma_ == "be":
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                pred = [c for c in tok.children if c.dep_ in {"acomp", "attr"}]
                if (
                    subj is not None
                    and subj.lower_ in self.cues.claim_nouns
                    and any(self._is_false(p) for p in pred)
                ):
                    speaker = next(
                        (q.speaker for q in quotes if q.span[0] <= tok.idx < q.span[1]), None
                    )
                    claims.append(self._denial(tok, speaker, subj, index))
                continue
            if tok.pos_ != "VERB":
                continue
            stance = self.cues.stance(tok.lemma_)
            calls_false = tok.lemma_ == "call" and any(
                c.dep_ in {"oprd", "ccomp", "xcomp", "acomp"} and self._is_false(c)
                for c in tok.children
            )
            if stance is None and not calls_false:
                continue
            claimant = entity_for(_subject(tok), index, sources=True)
            content = [c for c in tok.children if c.dep_ in {"ccomp", "xcomp"}]
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
            if content and stance is not None:
                toks = list(content[0].subtree)
                claims.append(_Claim(claimant, stance, _span(toks), tok))  # type: ignore[arg-type]
        return claims

    def claims(
        self, doc: Doc, index: DocIndex, events: Sequence[Event], quotes: Sequence[Quote]
    ) -> tuple[list[Claim], list[_Claim]]:
        raw = self._raw_claims(doc, index, quotes)
        covered = {c.cue.i for c in raw}
        # Quotes whose reporting verb took no content clause ("X says: '...'") are claims too.
        for q in quotes:
            if q.kind != "direct":
                continue
            tok = doc.char_span(q.span[0], q.span[1], alignment_mode="expand")
            if tok is None:
                continue
            sentence = sentence_of(tok[0])
            verb = next(
                (t for t in sentence if t.pos_ == "VERB" and self.cues.stance(t.lemma_)), None
            )
            if (
                verb is not None
                and verb.i in covered
                and any(c.span[0] <= q.span[0] < c.span[1] for c in raw if c.cue.i == verb.i)
            ):
                continue
            stance: Stance = (
                "deny" if verb is not None and self.cues.stance(verb.lemma_) == "deny" else "assert"
            )
            raw.append(_Claim(q.speaker, stance, q.span, verb or tok[0]))
        raw.sort(key=lambda c: c.span[0])
        doc_text = doc.text
        out = []
        for n, c in enumerate(raw, 1):
            sent = sentence_of(c.cue)
            event = next((e.id for e in events if c.span[0] <= e.trigger[0] < c.span[1]), None)
            hedges = sorted({m.group(0).lower() for m in self._hedges.finditer(sent.text)})
            out.append(
                Claim(
                    id=f"c{n}",
                    claimant=c.claimant,
                    stance=c.stance,
                    text=doc_text[c.span[0] : c.span[1]],
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

    def contradictions(
        self,
        claims: Sequence[Claim],
        raw: Sequence[_Claim],
        entities: Sequence[Entity],
        events: Sequence[Event],
    ) -> list[Contradiction]:
        affiliation = {e.id: e.affiliation for e in entities}
        names = {e.id: e.name for e in entities}
        event_type = {e.id: e.type for e in events}
        found: list[Contradiction] = []
        for i, denial in enumerate(raw):
            if denial.stance != "deny":
                continue
            who = names.get(denial.claimant or "", "a source")
            targets = 0
            if denial.owner is not None:
                for j, other in enumerate(raw):
                    party = other.claimant
                    if other.stance != "assert" or party is None:
                        continue
                    if party != denial.owner and affiliation.get(party) != denial.owner:
                        continue
                    same_place = bool(denial.places & other.places)
                    if denial.places and not same_place:
                        continue
                    reason = f"{who} denies the claim of {names.get(denial.owner, 'another party')}"
                    if same_place:
                        reason += " about the same place"
                    found.append(Contradiction(claims=(claims[j].id, claims[i].id), reason=reason))
                    targets += 1
            if not targets and denial.refers_back:
                earlier = self._previous_claim(raw, i)
                if earlier is not None:
                    j = earlier
                    target = names.get(raw[j].claimant or "", "an earlier source")
                    found.append(
                        Contradiction(
                            claims=(claims[j].id, claims[i].id),
                            reason=f"{who} rejects the preceding claim of {target}",
                        )
                    )
        # Opposite stances on the same event by different claimants.
        by_event: dict[str, list[Claim]] = {}
        for c in claims:
            if c.event is not None:
                by_event.setdefault(c.event, []).append(c)
        seen = {frozenset(c.claims) for c in found}
        for event_id, group in by_event.items():
            for a in group:
                for b in group:
                    if a.stance == "assert" and b.stance == "deny" and a.claimant != b.claimant:
                        pair = frozenset((a.id, b.id))
                        if pair not in seen:
                            seen.add(pair)
                            found.append(
                                Contradiction(
                                    claims=(a.id, b.id),
                                    reason=f"opposite stances on one {event_type[event_id]} event",
                                )
                            )
        return found

    @staticmethod
    def _previous_claim(raw: Sequence[_Claim], i: int) -> int | None:
        """The nearest earlier assertion by someone else, within a few sentences."""
        denial = raw[i]
        floor = sentence_of(denial.cue).start_char - _LOOKBACK_CHARS
        for j in range(i - 1, -1, -1):
            other = raw[j]
            if other.span[0] < floor:
                break
            if other.stance == "assert" and other.claimant != denial.claimant:
                return j
        return None

    def run(
        self, doc: Doc, index: DocIndex, entities: Sequence[Entity], events: Sequence[Event]
    ) -> LedgerResult:
        quotes, _ = self.quotes(doc, index)
        claims, raw = self.claims(doc, index, events, quotes)
        contradictions = self.contradictions(claims, raw, entities, events)
        return LedgerResult(tuple(quotes), tuple(claims), tuple(contradictions))


@dataclass(frozen=True)
class LedgerResult:
    quotes: tuple[Quote, ...]
    claims: tuple[Claim, ...]
    contradictions: tuple[Contradiction, ...]


__all__ = ["ClaimsLedger", "LedgerResult"]
