"""Quotation spans in raw text, with their kind.

Wire copy mixes straight and typographic quotes and sometimes closes a straight opening quote
with a typographic one, so quotes are paired by a small state machine rather than a regex.
"""

from __future__ import annotations

from dataclasses import dataclass

_OPENERS = {'"': '"', "“": "”", "«": "»", "„": "“"}
_CLOSERS = {'"', "”", "»", "“"}
_MAX_CHARS = 2000


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # first character inside the marks
    end: int
    open_at: int  # offset of the opening mark


def find_quote_spans(text: str) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if open_at is None:
            if ch in _OPENERS:
                open_at = i
            continue
        if ch in _CLOSERS or (ch == "\n" and text[i - 1 : i] == "\n"):
            if ch != "\n" and i > open_at + 1:
                spans.append(QuoteSpan(open_at + 1, i, open_at))
            open_at = None
        elif i - open_at > _MAX_CHARS:
            open_at = None
    return spans


__all__ = ["QuoteSpan", "find_quote_spans"]
