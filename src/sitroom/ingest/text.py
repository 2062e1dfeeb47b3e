"""Plain-text articles: read a file safely and make a ``Document`` keyed by its content hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

from sitroom.errors import (
    BadDateError,
    DecodeError,
    EmptyTextError,
    MissingInputError,
    UnknownFormatError,
)
from sitroom.model import Document

TEXT_SUFFIXES = {"", ".txt", ".text", ".md"}
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


def decode(data: bytes, source: str) -> str:
    if b"\x00" in data:
        raise DecodeError(f"{source}: binary data, not text", code="S203")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DecodeError(f"{source}: cannot decode the bytes as UTF-8 or Windows-1252", code="S203")


def read_text_file(path: Path) -> str:
    if not path.exists():
        raise MissingInputError(f"no such file: {path}", code="S201")
    if path.is_dir():
        raise MissingInputError(f"{path} is a directory; give article files", code="S201")
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise UnknownFormatError(
            f"{path}: unsupported file type {path.suffix!r} (supported: .txt, .text, .md)",
            code="S204",
        )
    return decode(path.read_bytes(), str(path))


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


__all__ = ["content_id", "decode", "find_license", "make_document", "parse_date", "read_text_file"]
