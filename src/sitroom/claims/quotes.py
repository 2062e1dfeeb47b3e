"""Quotation spans in raw text, and whether the marks hold only a name or a title.

Wire copy mixes straight and typographic quotes and sometimes closes a straight opening quote
with a typographic one, and some archives write two apostrophes for a double quote, so quotes are
paired by a small state machine rather than a regex. A quote left open at the end of a paragraph
counts only when the next paragraph opens a quote again: the convention for a quotation that runs
over several paragraphs. Its part in each paragraph is one span; the later parts are marked
``continued``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from sitroom.lang.vocabulary.grammar import grammar

_OPENERS = {'"', "“", "«", "„", "''", "``"}
_CLOSERS = {'"', "”", "»", "“", "''"}
_MARK = re.compile(r"''|``|[\"“”«»„]")
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*(?:''|``|[\"“«„]))")
_MAX_CHARS = 2000
QUOTE_CHARS = frozenset("\"“”«»„'`")


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # first character inside the marks
    end: int  # the closing mark, or the end of the paragraph for a quote that runs on
    open_at: int  # offset of the opening mark
    runs_on: bool = False  # not closed in its paragraph: the next paragraph continues it
    continued: bool = False  # continues a quote left open in the previous paragraph


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for m in _PARAGRAPH.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _pair(text: str, start: int, end: int) -> tuple[list[tuple[int, int, int]], int | None]:
    """Closed quotes of one paragraph as (open_at, start, end), and where one is left open."""
    spans: list[tuple[int, int, int]] = []
    open_at: int | None = None
    inner = 0
    nested = 0  # “ ... “inner” ... ”: typographic quotes inside a typographic quote
    for m in _MARK.finditer(text, start, end):
        mark = m.group(0)
        if open_at is None:
            if mark in _OPENERS:
                open_at, inner, nested = m.start(), m.end(), 0
            continue
        if m.start() - open_at > _MAX_CHARS:
            open_at, inner = (m.start(), m.end()) if mark in _OPENERS else (None, 0)
            continue
        if mark == "“" and text[open_at] == "“" and _opens(text, m.start(), m.end()):
            nested += 1
        elif mark == "”" and nested and text.find("”", m.end(), end) >= 0:
            nested -= 1  # (when no closing mark follows, this one closes both)
        elif mark in _CLOSERS:
            body = text[inner : m.start()]
            if body.strip():  # the span is trimmed of the spaces inside the marks
                lead = len(body) - len(body.lstrip())
                spans.append((open_at, inner + lead, inner + len(body.rstrip())))
            open_at = None
    return spans, (open_at if open_at is not None and end - open_at <= _MAX_CHARS else None)


def _opens(text: str, at: int, after: int) -> bool:
    """A mark with space (or an opening bracket) before it and a word after it opens a quote."""
    before = text[at - 1 : at]
    return (not before or before.isspace() or before in "([{—-") and text[
        after : after + 1
    ].isalnum()


def find_quote_spans(text: str) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    continued = False  # the previous paragraph left a quote open and this one reopens it
    paragraphs = _paragraphs(text)
    for n, (start, end) in enumerate(paragraphs):
        closed, left_open = _pair(text, start, end)
        at_start = start + _lead(text, start, end)
        for k, (open_at, inner, close) in enumerate(closed):
            first = continued and k == 0 and open_at == at_start
            spans.append(QuoteSpan(inner, close, open_at, continued=first))
        carried = continued and not closed and left_open == at_start
        continued = False
        if left_open is None or n + 1 == len(paragraphs):
            continue
        nxt_start, nxt_end = paragraphs[n + 1]
        again = _MARK.match(text, nxt_start + _lead(text, nxt_start, nxt_end))
        if again is None or again.group(0) not in _OPENERS:
            continue
        mark = _MARK.match(text, left_open)
        body_start = mark.end() if mark else left_open + 1
        body_start += _lead(text, body_start, end)
        body_end = body_start + len(text[body_start:end].rstrip())
        if body_end > body_start:
            spans.append(QuoteSpan(body_start, body_end, left_open, True, carried))
            continued = True
    return spans


def _lead(text: str, start: int, end: int) -> int:
    """Width of the whitespace that opens ``text[start:end]``."""
    return len(text[start:end]) - len(text[start:end].lstrip())


def names_a_title(span: Span) -> bool:
    """Marks around no words at all (markup) or around a name or title ("Meet the Press")."""
    words = [t for t in span if t.is_alpha]
    if not words:
        return True
    if len(words) < 2 or any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in span):
        return False
    return all(t.text[0].isupper() or t.lower_ in grammar().title_function_words for t in words)


__all__ = ["QUOTE_CHARS", "QuoteSpan", "find_quote_spans", "names_a_title"]
