"""Quotations in marks: their kind (a clause of their own or a part of one), whether they are
somebody's words at all, and whose they are when no cue of their own names a speaker (the
speaker of the quotation or report just before them)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from sitroom.claims.quotes import QuoteSpan
from sitroom.claims.reported import Reported
from sitroom.claims.speakers import Source
from sitroom.lang.docindex import DocIndex
from sitroom.lang.syntax import PERSONAL_SUBJECT_PRONOUNS
from sitroom.model import QuoteKind


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


@dataclass(frozen=True)
class Marked:
    """A quotation in marks, its tokens and its source."""

    qs: QuoteSpan
    tokens: range
    kind: QuoteKind
    source: Source | None


def attributed(doc: Doc, m: Marked, reported: list[Reported], index: DocIndex) -> bool:
    """Whether a quotation in marks is somebody's words: a clause of its own, words that a
    speech verb governs or that lie in reported speech ('said the vote was "rigged"'), or words
    an actor applies to something ('he referred to her as "the devil"'). Scare quotes, titles,
    slogans and single quoted words with none of these are not attributions."""
    if m.kind == "direct":
        return True
    cue = m.source.cue if m.source is not None else None
    if cue is not None and any(doc[i].i == cue.i or cue in doc[i].ancestors for i in m.tokens):
        return True
    if any(
        r.source is not None and r.span[0] <= m.qs.start and m.qs.end <= r.span[1] for r in reported
    ):
        return True
    first = doc[m.tokens.start]
    verb = next((a for a in first.ancestors if a.pos_ == "VERB"), None)
    if verb is None or m.tokens.start <= verb.i < m.tokens.stop:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and (
        subject.i in index.entity_at or subject.lower_ in PERSONAL_SUBJECT_PRONOUNS
    )


def inherit(src: Source | None) -> Source | None:
    if src is None or src.head is None:
        return None
    return replace(src, cue=None, cue_text=None)


def previous_source(
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


__all__ = ["Marked", "attributed", "inherit", "previous_source", "quote_kind"]
