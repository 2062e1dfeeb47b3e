"""Quotes with speakers, claims with claimant and stance, and contradictions within a document.

A quote is a quotation in marks (``direct`` when it is a clause of its own, else ``partial``) or
reported speech in the reporter's words (``indirect``: "X said that ...", "according to X, ...").
A claim is made by a reporting construction: a reporting verb with a content clause or a quote
("X says 'Y'", "X claims Y", "according to X, Y"), or a denial ("X denied Y", "X dismissed the
claim of Z as false"). A denial whose object names somebody's claim contradicts that party's
claims about the same place or kind of event.

The speakers come from ``speakers.py``, reported speech from ``reported.py``, the kind and
attribution of quotations in marks from ``marked.py`` and contradictions from
``contradictions.py``; this module puts them together.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from sitroom.claims.clauses import split_conjoined
from sitroom.claims.contradictions import (
    RawClaim,
    conceded_claim,
    find_contradictions,
)
from sitroom.claims.denials import DenialReader, span_of
from sitroom.claims.ellipsis import answered
from sitroom.claims.happenings import HappeningLinker
from sitroom.claims.marked import Marked, attributed, inherit, previous_source, quote_kind
from sitroom.claims.propositions import PropositionFinder
from sitroom.claims.quotes import QuoteSpan, find_quote_spans, names_a_title
from sitroom.claims.rejections import rejected_accusations
from sitroom.claims.reported import (
    Reported,
    asked,
    continues,
    cue_stance,
    find_reported,
    owning,
    unasserted,
)
from sitroom.claims.roles import last_name_holding, role_body
from sitroom.claims.settled import settle_denials
from sitroom.claims.speakers import Source, SpeakerFinder
from sitroom.lang.docindex import DocIndex
from sitroom.lang.sentences import sentence_of
from sitroom.lang.syntax import np_tokens
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.event_phrases import ResponsibilityVocabulary
from sitroom.lang.vocabulary.events import TriggersVocabulary
from sitroom.lang.vocabulary.grammar import grammar
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.model import (
    Claim,
    Contradiction,
    Entity,
    Event,
    Place,
    PloverType,
    Quote,
    QuoteKind,
    Stance,
)


class ClaimsLedger:
    def __init__(
        self,
        cues: ReportingVocabulary,
        triggers: TriggersVocabulary | None = None,
        responsibility: ResponsibilityVocabulary | None = None,
    ) -> None:
        self.cues = cues
        self.denials = DenialReader(cues)
        # "claimed responsibility / took credit": one word list with the events stage's rule.
        self.responsibility_nouns = (
            responsibility or load_vocabulary(ResponsibilityVocabulary)
        ).responsibility_nouns
        # The acts a charge can name ("murder charges"), from the event triggers' lemmas.
        acts: dict[str, PloverType] = {}
        # The kinds of happening a verb names by itself: verb triggers that need no other word.
        verbs: dict[str, PloverType] = {}
        words = triggers or load_vocabulary(TriggersVocabulary)
        # What was done to people ("killed") and dying ("died"): the words of a toll.
        self.casualty_verbs, self.dying_verbs = words.casualty_verbs, words.dying_verbs
        for entry in words.triggers:
            acts.setdefault(entry.lemma.lower(), entry.type)
            if entry.pos != "noun" and not entry.needs:
                verbs.setdefault(entry.lemma.lower(), entry.type)
        self.acts = acts
        self.happening_verbs = verbs
        # One alternation, longest phrases first, so "could not be independently verified" wins.
        self._hedges = re.compile(
            r"\b(?:" + "|".join(re.escape(h) for h in cues.hedges) + r")\b", re.IGNORECASE
        )

    # --- quotations in marks -----------------------------------------------------------------

    @staticmethod
    def _quote_tokens(doc: Doc, spans: Sequence[QuoteSpan]) -> list[tuple[QuoteSpan, range]]:
        out = []
        for qs in spans:
            span = doc.char_span(qs.start, qs.end, alignment_mode="expand")
            if span is not None and not names_a_title(span):
                out.append((qs, range(span.start, span.end)))
        return out

    def _marked(
        self,
        doc: Doc,
        finder: SpeakerFinder,
        found: list[tuple[QuoteSpan, range]],
        reported: list[Reported],
    ) -> list[Marked]:
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
                sources[k] = inherit(sources[k - 1])
                continue
            if kinds[k] != "direct":
                continue
            nxt = sources[k + 1] if k + 1 < len(found) else None
            gap = text[qs.end : found[k + 1][0].open_at] if nxt is not None else "\n"
            if nxt is not None and "\n" not in gap and not any(ch.isalnum() for ch in gap):
                sources[k] = inherit(nxt)  # '"...." "...," she said.'
                if sources[k] is not None:
                    continue
            prev = previous_source(qs.open_at, found[:k], sources[:k], reported)
            if prev is not None and continues(doc, finder, prev[0], (qs, rng), prev[1]):
                sources[k] = inherit(prev[1])
        for k in range(len(found) - 2, -1, -1):  # a paragraph that runs on: the next part's
            if sources[k] is None and found[k][0].runs_on and found[k + 1][0].continued:
                sources[k] = inherit(sources[k + 1])
        return [Marked(qs, rng, kinds[k], sources[k]) for k, (qs, rng) in enumerate(found)]

    # --- the whole document --------------------------------------------------------------------

    def run(
        self,
        doc: Doc,
        index: DocIndex,
        entities: Sequence[Entity],
        events: Sequence[Event],
        places: Sequence[Place] = (),
        restated: Sequence[tuple[int, str]] = (),
    ) -> LedgerResult:
        quote_spans = find_quote_spans(doc.text)  # read once: quotes, then what they hold
        found = self._quote_tokens(doc, quote_spans)
        finder = SpeakerFinder(doc, index, self.cues, [rng for _, rng in found])
        # Sources are resolved in document order, so that "he" can fall back on the last speaker.
        reported = find_reported(doc, finder, self.cues)
        marked = self._marked(doc, finder, found, reported)
        quotes = self._quotes(doc, marked, reported, index)
        context = _Context(
            {e.id: e for e in entities},
            PropositionFinder(
                doc,
                index,
                self.cues,
                {e.id: e for e in events},
                {p.id: p for p in places},
                self.acts,
                self.responsibility_nouns,
                self.happening_verbs,
                restated,
            ),
            HappeningLinker(
                doc,
                events,
                {p.id: p for p in places},
                self.casualty_verbs,
                self.dying_verbs,
                self.cues.family,
                self.cues.involvement_nouns | self.responsibility_nouns,
                frozenset(self.cues.family(t) for t in self.cues.casualty_nouns.values()),
                self.cues.tally_nouns,
            ),
        )
        claims, raw = self._claims(doc, index, events, finder, marked, reported, context, restated)
        names = {e.id: e.name for e in entities}
        affiliation = {e.id: e.affiliation for e in entities}
        contradictions = find_contradictions(
            claims, raw, names, affiliation, self.casualty_verbs | self.dying_verbs, quote_spans
        )
        claims = settle_denials(claims, raw, contradictions, names)
        claims = rejected_accusations(claims, raw, contradictions, names)
        return LedgerResult(tuple(quotes), tuple(claims), tuple(contradictions))

    def _quotes(
        self, doc: Doc, marked: list[Marked], reported: list[Reported], index: DocIndex
    ) -> list[Quote]:
        text = doc.text
        items: list[tuple[tuple[int, int], QuoteKind, Source | None]] = [
            ((m.qs.start, m.qs.end), m.kind, m.source)
            for m in marked
            if attributed(doc, m, reported, index)
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

    def _false_claim(
        self, tok: Token, index: DocIndex, marked: list[Marked], reported: list[Reported]
    ) -> RawClaim | None:
        """ "The claims are false": a denial by whoever says so, in quotes or in reported speech
        ("the army said the report was false")."""
        subj = self.denials.called_false(tok)
        if subj is None:
            return None
        speakers = [m.source for m in marked if tok.i in m.tokens]
        speakers += [r.source for r in reported if r.span[0] <= tok.idx < r.span[1]]
        speaker = next((src for src in speakers if src is not None), None)
        return self.denials.denial(tok, speaker, subj, index)[0]

    def _nobody(self, src: Source) -> bool:
        """A speaker that is nobody in particular: an indefinite pronoun ("someone says",
        ``generic_speakers``) or a pronoun with a relative clause ("those who think")."""
        head = src.head
        if head is None or src.entity is not None or head.pos_ not in {"PRON", "DET"}:
            return False
        return head.lower_ in self.cues.generic_speakers or any(
            c.dep_ == "relcl" for c in head.children
        )

    def _no_one(self, src: Source) -> bool:
        """A speaker that is negated, so that no one spoke: a negative pronoun ("nobody
        claimed", "none has admitted") or a noun under a negative determiner ("no group has
        claimed the attack"), by ``negations``."""
        head = src.head
        if head is None or src.entity is not None:
            return False
        negations = self.cues.negations
        return head.lower_ in negations or any(
            c.dep_ == "det" and c.lower_ in negations for c in head.children
        )

    def _plea(self, tok: Token, finder: SpeakerFinder) -> RawClaim | None:
        """ "X pleaded (not) guilty to the charges": a claim about the charges, asserted here;
        the negation of "not guilty" makes it a denial with the other negated contents."""
        heads = [tok, *(c for c in tok.children if c.dep_ in {"acomp", "oprd"})]
        content = [
            t
            for h in heads
            for c in h.children
            if c.dep_ == "prep" and c.lower_ in self.cues.plea_prepositions
            for t in list(c.subtree)[1:]
        ]
        if not content:
            return None
        source = finder.of_verb(tok)
        return RawClaim(source.entity, "assert", span_of(content), tok, source=source)

    def _raw_claims(
        self,
        doc: Doc,
        index: DocIndex,
        finder: SpeakerFinder,
        marked: list[Marked],
        reported: list[Reported],
    ) -> list[RawClaim]:
        claims: list[RawClaim] = []
        denied_by: set[int] = set()
        content = {r.cue.i: r for r in reported}
        for tok in doc:
            if tok.pos_ == "AUX" and tok.lemma_ == "be":
                if (found := self._false_claim(tok, index, marked, reported)) is not None:
                    claims.append(found)
                continue
            if tok.pos_ != "VERB" or self.denials.is_false_claim_noun(tok):
                continue  # "claims[VERB] that P were false": a noun, denied by its speaker
            if asked(tok):
                continue  # "Did the army deny the report?": nothing said
            stance = None if unasserted(tok, self.cues) else self.cues.claim_stance(tok.lemma_)
            if stance is None and tok.i in content and owning(tok, self.cues):
                # "officials put the death toll at four" (``reported._tally``), "the front
                # took responsibility for the attack" (``reported._owned``)
                stance = "assert"
            conceded = stance == "deny" and cue_stance(tok, self.cues) != "deny"
            misread = self.denials.misread_call(tok)  # "called the reports that P baseless"
            calls_false = misread is not None or self.denials.calls_false(tok)
            if tok.lemma_.lower() in self.cues.pleas and (plea := self._plea(tok, finder)):
                claims.append(plea)
                continue
            if stance is None and not calls_false:
                continue
            source = finder.of_verb(tok)
            if self._no_one(source):
                continue  # "nobody has claimed responsibility": no one said anything
            claimant = source.entity
            objects = [c for c in tok.children if c.dep_ == "dobj"]
            if not objects and any(c.dep_ == "auxpass" for c in tok.children):
                # "the claim was denied by the ministry": the passive subject is what is denied
                # and the agent, when there is one, speaks (``lang.syntax.speaker``).
                objects = [c for c in tok.children if c.dep_ == "nsubjpass"]
            if calls_false or stance == "deny":
                restated = objects and objects[0].pos_ == "PRON" and tok.head.i in denied_by
                if restated:
                    continue  # "denied the report, calling it false": one denial, not two
                denied = misread or (objects[0] if objects else None)
                if (
                    denied is None
                    and tok.dep_ == "relcl"
                    and tok.head.lower_ in self.cues.claim_nouns
                ):
                    denied = tok.head
                if denied is not None:
                    denied_by.add(tok.i)
                    rejected = self.denials.denial(tok, source, denied, index)
                    claims.extend(conceded_claim(c, tok) if conceded else c for c in rejected)
                    continue
            said = content.get(tok.i)
            if said is not None and stance is not None and not said.conditional:
                claims.append(
                    RawClaim(
                        claimant,
                        "assert" if conceded else stance,
                        said.span,
                        tok,
                        hedge_span=said.window,
                        source=source,
                    )
                )
        for r in reported:
            if r.cue.pos_ == "NOUN" and r.stance is not None:  # a cue the parser took for a noun
                claims.append(
                    RawClaim(
                        r.source.entity if r.source else None,
                        r.stance,
                        r.span,
                        r.cue,
                        hedge_span=r.window,
                        source=r.source,
                    )
                )
            if r.according and r.source is not None:
                claims.append(
                    RawClaim(
                        r.source.entity,
                        "assert",
                        r.span,
                        r.cue,
                        hedge_span=r.window,
                        source=r.source,
                    )
                )
        return claims

    def _claims(
        self,
        doc: Doc,
        index: DocIndex,
        events: Sequence[Event],
        finder: SpeakerFinder,
        marked: list[Marked],
        reported: list[Reported],
        context: _Context,
        restated: Sequence[tuple[int, str]] = (),
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
            raw.append(
                RawClaim(claimant, stance, span, cue or doc[m.tokens.start], source=m.source)
            )
        raw = answered(sorted(split_conjoined(raw, context.propositions), key=lambda c: c.span[0]))
        text = doc.text
        # Events by trigger start, to find those inside a claim by bisection: a scan of every
        # event per claim was quadratic on a long article. The first in ``events`` order wins.
        # A restatement folded into an earlier event ("the attack", later on) still stands where
        # it was said: a claim around it is about that event.
        position = {e.id: i for i, e in enumerate(events)}
        by_start = sorted(
            [(e.trigger[0], i) for i, e in enumerate(events)]
            + [(start, position[id_]) for start, id_ in restated if id_ in position]
        )
        starts = [start for start, _ in by_start]
        out = []
        numbers = {id(c): n for n, c in enumerate(raw, 1)}
        for n, c in enumerate(raw, 1):
            window = c.hedge_span or span_of(list(sentence_of(c.cue)))
            hedges = sorted(
                {m.group(0).lower() for m in self._hedges.finditer(text, window[0], window[1])}
            )
            inside = by_start[bisect_left(starts, c.span[0]) : bisect_left(starts, c.span[1])]
            event = events[min(i for _, i in inside)].id if inside else None
            side = context.side(c.source, index)
            # "X rejected Y's claim that P": X denies P itself, the proposition Y asserts.
            what = c.denies or c
            told = c.answers or what.span  # "said it had not": the clause it stands for
            within = by_start[bisect_left(starts, told[0]) : bisect_left(starts, told[1])]
            said = events[min(i for _, i in within)].id if within else None
            entity = context.entities.get(what.claimant or "")
            claimant_name = entity.name if entity is not None else None
            party = context.entities.get(context.side(what.source, index) or "")
            stated = context.propositions.find(
                told, said, what.cue, claimant_name, party.name if party else None
            )
            # A toll, a fallen place, a bare denial of a part: the happening told elsewhere.
            doer = party.name if party is not None else claimant_name
            linked = context.happenings.link(told, said, event, stated.proposition, doer)
            if linked is not None:
                event, proposition = linked
                stated = replace(stated, proposition=proposition)
            # "the monks told us no one would bomb a monastery": a supposition states no fact
            # that another claim could contradict.
            content = doc.char_span(*what.span, alignment_mode="expand")
            supposed = content is not None and _supposed(content.root)
            stance = c.stance
            if stated.negated and c.denies is None:
                stance = "deny" if stance == "assert" else "assert"
            src = c.source if c.source is not None and c.source.span is not None else None
            if src is not None and self._nobody(src):
                # "those who think ISIS has been defeated": nobody in particular, no side
                src, side = None, None
            outer = numbers.get(id(c.embedded_in)) if c.embedded_in is not None else None
            out.append(
                Claim(
                    id=f"c{n}",
                    claimant=c.claimant,
                    stance=stance,
                    text=text[c.span[0] : c.span[1]],
                    span=c.span,
                    event=event,
                    hedges=hedges,
                    claimant_text=_words(text, src),
                    claimant_span=src.span if src else None,
                    side=side,
                    proposition=stated.proposition,
                    embedded_in=f"c{outer}" if outer is not None else None,
                )
            )
            c.stance, c.negated = stance, stated.negated and not stated.plea
            c.supposed = supposed
            c.cleared = stated.cleared
            c.undone = stated.undone and c.denies is None
            c.places |= {
                index.place_at[t.i]
                for t in doc.char_span(*c.span, alignment_mode="expand") or ()
                if t.i in index.place_at
            }
        return out, raw


def _words(text: str, src: Source | None) -> str | None:
    """The words that name a claim's speaker: its mention's, or those of the speaker a
    pronoun goes on with (``Source.named_as``)."""
    span = (src.named_as or src.span) if src is not None else None
    return text[span[0] : span[1]] if span is not None else None


def _supposed(verb: Token) -> bool:
    """A clause under a modal of supposition ("would", "could", "might")."""
    modals = grammar().hypothetical_auxiliaries
    return any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children)


@dataclass(frozen=True)
class _Context:
    """What the claims of one document are put in context with: the actors and propositions."""

    entities: dict[str, Entity]
    propositions: PropositionFinder
    happenings: HappeningLinker

    def side(self, source: Source | None, index: DocIndex) -> str | None:
        """The party a claimant speaks for: a known actor's organisation, else the actor; for a
        mention that names no actor, the organisation its words name ("the ministry", "the
        front's foreign relations head": the last actor whose name ends in that word)."""
        if source is None:
            return None
        entity = self.entities.get(source.entity or "")
        if entity is not None:  # "An army commander, General Paul Mbala": the army's
            return entity.affiliation or role_body(source.head, index, entity.id) or entity.id
        if source.affiliation is not None:  # "the Kenyan health ministry" speaks for Kenya
            return source.affiliation
        if source.head is None or source.head.pos_ == "PRON":
            return None
        for tok in np_tokens(source.head, {"of", "for", "from", "at"}):
            if tok.pos_ == "NOUN" and (found := _named_before(tok, index)) is not None:
                return found
        return None


def _named_before(noun: Token, index: DocIndex) -> str | None:
    """The last actor before ``noun`` whose name holds the noun ("the ministry" → the Health
    Ministry of Veldara), when the noun is definite ("the", a possessive)."""
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) or (
        noun.dep_ == "poss"
    )
    if not definite:
        return None
    # "the ministry" is the Health Ministry, and the Ministry of Health too
    return last_name_holding(noun, index)


@dataclass(frozen=True)
class LedgerResult:
    quotes: tuple[Quote, ...]
    claims: tuple[Claim, ...]
    contradictions: tuple[Contradiction, ...]


__all__ = ["ClaimsLedger", "LedgerResult", "quote_kind"]
