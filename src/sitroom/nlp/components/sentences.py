"""``sitroom_sentences``: sentence starts that wire copy implies but the parser misses.

Runs before the parser, which respects boundaries already set. Three cues: a paragraph break; a
quotation of several words closed without a full stop and followed by a capitalised word
(copy-edited wires often drop the stop: ``… is captured” The group says …``); and the dash that
ends a dateline (``KYIV, Ukraine (AP) — Russian forces shelled …``). Left in its sentence, a
dateline is parsed as the subject's apposition, and the filing city becomes the doer.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_CLOSERS = {"”", '"', "»"}
_OPENERS = {"“", '"', "«"}
_MIN_QUOTED_TOKENS = 4
_DASHES = {"—", "–", "-", "--"}
# A dateline is a few words: "NEW YORK, Dec. 3 (Reuters) —" is eleven tokens.
_DATELINE_TOKENS = 14


def _quote_length(doc: Doc, close: int) -> int:
    """Tokens between the closing mark at ``close`` and its opening mark (0 if none nearby)."""
    for i in range(close - 1, max(close - 120, -1), -1):
        if doc[i].text in _OPENERS:
            return close - i - 1
        if doc[i].text in _CLOSERS:
            return 0
    return 0


def _dateline_end(doc: Doc, start: int) -> int | None:
    """The dash ending a dateline that opens a paragraph at ``start``: a capitalised place, then
    words without a verb (a region, a date, an agency in brackets), then a dash set apart by
    a space (not the hyphen of "Al-Quaety") and a capitalised word."""
    while start < len(doc) and doc[start].is_space:
        start += 1
    if start >= len(doc) or not doc[start].text[:1].isupper():
        return None
    for i in range(start + 1, min(start + _DATELINE_TOKENS, len(doc) - 1)):
        tok = doc[i]
        if tok.text in _DASHES and (doc[i - 1].whitespace_ or tok.whitespace_):
            after = doc[i + 1]
            return i if after.text[:1].isupper() or after.text in _OPENERS else None
        if tok.tag_.startswith("VB") or tok.is_space or tok.text in {".", "!", "?", ":"}:
            return None
    return None


def _after_dateline(doc: Doc, dash: int) -> None:
    """The sentence after a dateline starts after its dash and goes on past its first word:
    left free there, the parser cuts "SIRTE - Fighters | loyal to ... seized ..." after the
    subject, and the clause loses its doer."""
    doc[dash + 1].is_sent_start = True
    if dash + 2 < len(doc) and not doc[dash + 2].is_punct and not doc[dash + 2].is_space:
        doc[dash + 2].is_sent_start = False


def mark_sentence_starts(doc: Doc) -> Doc:
    dash = _dateline_end(doc, 0)
    if dash is not None:
        _after_dateline(doc, dash)
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        paragraph = prev.is_space and "\n\n" in prev.text and not tok.is_space
        if paragraph or (
            prev.text in _CLOSERS
            and prev.whitespace_
            and tok.text[:1].isupper()
            and tok.i >= 2
            and not doc[tok.i - 2].is_punct
            and _quote_length(doc, prev.i) >= _MIN_QUOTED_TOKENS
        ):
            tok.is_sent_start = True
        if paragraph and (dash := _dateline_end(doc, tok.i)) is not None:
            _after_dateline(doc, dash)
    return doc


@Language.component("sitroom_sentences", assigns=["token.is_sent_start"], requires=["token.text"])
def sentences_component(doc: Doc) -> Doc:
    return mark_sentence_starts(doc)
