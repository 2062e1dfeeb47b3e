"""Documents from text: the content-hash id, the licence line, and the publication-date argument."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from sitroom.errors import BadDateError, EmptyTextError
from sitroom.model import Document

_LICENCE = re.compile(
    r"\b(?:Creative Commons|CC[- ]BY(?:-[A-Z]{2})*|licen[cs]ed under)\b", re.IGNORECASE
)
_LICENCE_CUES = ("licen", "creative commons", "cc-by", "cc by")
# A sentence ends at . ! ? followed by space and a capital; "4.0" does not end one.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def parse_date(value: str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise BadDateError(f"not a date in YYYY-MM-DD form: {value!r}", code="S205") from exc


def content_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def find_license(text: str) -> str | None:
    """The licence statement the text carries, such as a Creative Commons line."""
    for line in text.splitlines():
        lowered = line.lower()
        if not any(cue in lowered for cue in _LICENCE_CUES):
            continue
        for sentence in _SENTENCE_END.split(line):
            if _LICENCE.search(sentence):
                return sentence.strip()
    return None


def make_document(
    text: str,
    *,
    source: str = "<text>",
    title: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
    published: dt.date | None = None,
    language: str | None = "en",
) -> Document:
    if not text.strip():
        raise EmptyTextError(f"{source}: the text is empty", code="S202")
    return Document(
        id=content_id(text),
        title=title,
        url=url,
        publisher=publisher,
        published=published,
        language=language,
        license=find_license(text),
        text=text,
    )


__all__ = ["content_id", "find_license", "make_document", "parse_date"]
