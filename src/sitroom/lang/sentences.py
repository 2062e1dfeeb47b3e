"""Sentence lookup in constant time.

``Token.sent`` scans the document on every call, which made sentence lookups the largest cost of
sitroom's own stages; the boundaries are computed once per ``Doc`` and kept in ``doc.user_data``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_KEY = "sitroom_sentence_starts"


def _starts(doc: Doc) -> list[int]:
    cached = doc.user_data.get(_KEY)
    if cached is None or cached[0] != len(doc):
        starts = [s.start for s in doc.sents] if len(doc) else []
        cached = (len(doc), starts)
        doc.user_data[_KEY] = cached
    result: list[int] = cached[1]
    return result


def sentence_of(token: Token) -> Span:
    """The sentence containing ``token`` (same as ``token.sent``, without the scan)."""
    doc = token.doc
    starts = _starts(doc)
    lo, hi = 0, len(starts) - 1
    while lo < hi:  # the last start at or before the token
        mid = (lo + hi + 1) // 2
        if starts[mid] <= token.i:
            lo = mid
        else:
            hi = mid - 1
    start = starts[lo]
    end = starts[lo + 1] if lo + 1 < len(starts) else len(doc)
    return doc[start:end]


__all__ = ["sentence_of"]
