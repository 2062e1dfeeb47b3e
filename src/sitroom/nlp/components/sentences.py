"""``sitroom_sentences``: sentence starts that wire copy implies but the parser misses.

Runs before the parser, which respects boundaries already set. Two cues: a paragraph break, and
a quotation of several words closed without a full stop and followed by a capitalised word
(copy-edited wires often drop the stop: ``… is captured” The group says …``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_CLOSERS = {"”", '"', "»"}
_OPENERS = {"“", '"', "«"}
_MIN_QUOTED_TOKENS = 4


def _quote_length(doc: Doc, close: int) -> int:
    """Tokens between the closing mark at ``close`` and its opening mark (0 if none nearby)."""
    for i in range(close - 1, max(close - 120, -1), -1):
        if doc[i].text in _OPENERS:
            return close - i - 1
        if doc[i].text in _CLOSERS:
            return 0
    return 0


def mark_sentence_starts(doc: Doc) -> Doc:
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
    return doc


@Language.component("sitroom_sentences", assigns=["token.is_sent_start"], requires=["token.text"])
def sentences_component(doc: Doc) -> Doc:
    return mark_sentence_starts(doc)
