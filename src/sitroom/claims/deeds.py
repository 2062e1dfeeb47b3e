"""What a claim's words name without naming it: a deed by a pronoun ("its soldiers did not do
it", "did not carry it out": the happening told just before), and the act a plea's charges
name ("pleaded not guilty to two murder charges")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from spacy.tokens import Token

from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.model import Event, PloverType, Proposition

_DEED_LOOKBACK_CHARS = 600  # how far back "did not do it" looks for the happening it names


def past(verb: Token) -> bool:
    """A verb of a past act: "did it", "had done it", "did not do it", "could not have done it"."""
    kids = list(verb.children)
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ == "VBN":
        return any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids)
    return any(c.dep_ == "aux" and c.tag_ == "VBD" and c.lemma_ == "do" for c in kids)


def deed_told_before(
    verb: Token, cues: ReportingVocabulary, events: Iterable[Event]
) -> Event | None:
    """A past verb of doing whose object is a pronoun ("its soldiers did not do it", "did not
    carry it out", ``deed_pronoun_verbs``, ``deed_anaphors``): the pronoun stands for the last
    happening told before the clause, not far back. "We will do it" names an intention."""
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    said = {verb.lemma_.lower(), *(f"{verb.lemma_.lower()} {p}" for p in particles)}
    if not said & cues.deed_pronoun_verbs:
        return None
    if not any(c.dep_ == "dobj" and c.lower_ in cues.deed_anaphors for c in verb.children):
        return None
    if not past(verb):
        return None  # "we will do it", "we must do this": an intention, no deed told
    return told_before(verb, events)


def told_before(verb: Token, events: Iterable[Event]) -> Event | None:
    """The last happening told before the clause of ``verb`` ("… burned their huts, but a
    spokesman said they had not done it": the burning), not far back."""
    start = verb.left_edge.idx
    before = [
        e for e in events if e.trigger[1] <= start and start - e.trigger[0] <= _DEED_LOOKBACK_CHARS
    ]
    return max(before, key=lambda e: e.trigger[0], default=None)


def charge_of(
    tokens: list[Token],
    pleader: str | None,
    cues: ReportingVocabulary,
    acts: Mapping[str, PloverType],
) -> Proposition | None:
    """What a plea is about: the act its charges name ("two murder charges", ``acts``: event
    trigger lemmas by type) or the deaths or injuries it answers for ("pleaded not guilty in
    the deaths of ..."), done by the pleader; an unnamed pleader ("an Oklahoma man") leaves the
    actor open."""
    for tok in tokens:
        lemma = tok.lemma_.lower()
        if lemma in cues.assert_verbs:
            continue  # "a charge of murder": the charge names the act, it is none
        kind = acts.get(lemma) or cues.casualty_nouns.get(
            tok.lower_, cues.casualty_nouns.get(lemma)
        )
        if kind is None:
            continue
        who = [pleader] if pleader else []
        return Proposition(
            kind="event",
            family=cues.family(kind),
            event_type=kind,
            actors=who,
            subject=pleader,
            text=f"{kind} ({tok.lower_}) by {pleader or 'the accused'}",
        )
    return None


__all__ = ["charge_of", "deed_told_before", "past", "told_before"]
