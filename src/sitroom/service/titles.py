"""A title for an article that came without one: its first line, when that reads as a headline.

Plain-text articles usually start with their headline on a line of its own ("Shelling kills six
in Mellit" then a blank line and the story). A first line counts as a headline when more text
follows it, it is short (at most ``MAX_WORDS`` words and ``MAX_CHARS`` characters), starts with a
capital letter or a digit and does not end like a sentence (with . , ; or :). Otherwise the
article keeps no title rather than a wrong one.
"""

from __future__ import annotations

from typing import Final

from sitroom.model import Document

MAX_WORDS: Final = 20
MAX_CHARS: Final = 160
MIN_WORDS: Final = 2
_SENTENCE_ENDS: Final = (".", ",", ";", ":")


def headline(text: str) -> str | None:
    """The text's first line if it reads as a headline, else None."""
    stripped = text.lstrip()
    first, newline, rest = stripped.partition("\n")
    line = " ".join(first.split())
    if not newline or not rest.strip() or not line:
        return None
    words = line.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS or len(line) > MAX_CHARS:
        return None
    if not (line[0].isupper() or line[0].isdigit()) or line.endswith(_SENTENCE_ENDS):
        return None
    return line


def with_headline_title(document: Document) -> Document:
    """``document`` with its headline as title when it has none (see ``headline``)."""
    if document.title:
        return document
    title = headline(document.text)
    return document if title is None else document.model_copy(update={"title": title})


__all__ = ["MAX_CHARS", "MAX_WORDS", "headline", "with_headline_title"]
