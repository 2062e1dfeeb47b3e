"""Metadata shared by all readers: text repair, language, publication dates, and the final Item.

Dates are collected by each reader as ``(date, where)`` candidates in its own order of trust;
``build_item`` then appends the URL path, the caller's ``published`` argument and the WARC
capture date, and keeps the first one present.
"""

from __future__ import annotations

import calendar
import datetime as dt
import email.utils
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import ftfy

from sitroom.errors import EmptyTextError
from sitroom.ingest.item import Item, Meta, PublishedFrom, failed
from sitroom.ingest.source import Source
from sitroom.ingest.text import content_id, find_license
from sitroom.model import Document

DateCandidate = tuple[dt.date | None, PublishedFrom]

# Repair mojibake and control characters, but leave curly quotes, full-width forms and HTML
# entities alone: they are the article's own characters, not damage.
_REPAIR = ftfy.TextFixerConfig(
    unescape_html=False, uncurl_quotes=False, fix_character_width=False, explain=False
)
_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
)
_COMPACT_URL_DATE = re.compile(r"/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)")
_ISO = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s_]|[+-]\d\d:?\d\d|Z)")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|T)")
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.I
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I
)
_LETTERS = re.compile(r"[^\W\d_]")
# Every match of text.find_license contains one of these.
_LICENCE_HINT = re.compile(r"creative commons|cc[- ]by|licen[cs]ed under", re.I)
MIN_LANGUAGE_LETTERS = 20
MIN_LANGUAGE_CONFIDENCE = 0.6


def repair(text: str) -> str:
    """Fix mojibake (UTF-8 read as Windows-1252 and similar), stray controls, CRLF endings."""
    return ftfy.fix_text(text, _REPAIR)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    # py3langid ships its model inside the wheel; loading it takes about half a second.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short or unclear."""
    sample = text[:4000]
    if len(_LETTERS.findall(sample)) < MIN_LANGUAGE_LETTERS:
        return None
    language, confidence = _identifier().classify(sample)
    return str(language) if float(confidence) >= MIN_LANGUAGE_CONFIDENCE else None


def language_tag(value: str | None) -> str | None:
    """The primary subtag of a declared language: 'en-GB' or 'en_US' -> 'en'."""
    if not value:
        return None
    primary = re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0]
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        found = dt.date(year, month, day)
    except ValueError:
        return None
    # Page metadata is sometimes plain wrong; a date far in the future or past is not a
    # publication date (two days' slack covers time zones ahead of the machine's).
    if found.year < 1900 or found > dt.date.today() + dt.timedelta(days=2):
        return None
    return found


def date_from_url(url: str | None) -> dt.date | None:
    """A date written in a URL path, as in /2021/09/06/ or /2021-09-06- or /20210906/."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.split("?", 1)[0], flags=re.I)
    for pattern in (_URL_DATE, _COMPACT_URL_DATE):
        match = pattern.search(path)
        if match:
            return _valid(int(match[1]), int(match[2]), int(match[3]))
    return None


def parse_when(value: object) -> dt.date | None:
    """A date from ISO 8601, RFC 2822, compact or spelled-out forms; None if none is found.

    The calendar date is taken as written, in the publisher's own time zone, not converted
    to UTC: an article dated 23:30 -05:00 on 6 September was published on 6 September.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    for pattern in (_ISO, _COMPACT):
        match = pattern.match(text)
        if match:
            return _valid(int(match[1]), int(match[2]), int(match[3]))
    try:
        return _valid(*email.utils.parsedate_to_datetime(text).timetuple()[:3])
    except (TypeError, ValueError, IndexError):
        pass
    match = _DAY_MONTH_YEAR.search(text)
    if match:
        return _valid(int(match[3]), _MONTHS[match[2].lower()], int(match[1]))
    match = _MONTH_DAY_YEAR.search(text)
    if match:
        return _valid(int(match[3]), _MONTHS[match[1].lower()], int(match[2]))
    return None


def licence_line(text: str) -> str | None:
    """``find_license`` on just the lines that mention a licence (same answer, far faster)."""
    if not _LICENCE_HINT.search(text):
        return None
    for line in text.splitlines():
        if _LICENCE_HINT.search(line) and (found := find_license(line)):
            return found
    return None


def clean(value: object) -> str | None:
    """A metadata string with whitespace collapsed, or None when there is nothing in it."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def build_item(
    source: Source,
    text: str,
    *,
    location: str | None = None,
    title: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
    author: str | None = None,
    dates: Sequence[DateCandidate] = (),
    declared_language: str | None = None,
    license: str | None = None,
) -> Item:
    """The Item for one article: a Document with its Meta, or an error item if it is empty."""
    where = location or source.location
    hints = source.hints or Meta()
    url = url or source.url or hints.url
    title = title or hints.title
    publisher = publisher or hints.publisher
    author = author or hints.author
    options = source.options
    candidates: list[DateCandidate] = [
        *dates,
        (hints.published, hints.published_from or "feed"),
        (date_from_url(url), "url"),
        (options.published, "argument"),
        (source.fallback_date, "warc"),
    ]
    published, published_from = next(
        ((day, origin) for day, origin in candidates if day is not None), (None, None)
    )
    if not text.strip():
        return failed(where, EmptyTextError(f"{where}: the text is empty", code="S202"))
    language = detect_language(text) or language_tag(declared_language or hints.language)
    licence = licence_line(text) or clean(license)
    # Built here rather than by make_document, whose licence search costs ~20 ms on a long
    # article; the id is the same content hash.
    document = Document(
        id=content_id(text),
        title=clean(title),
        url=url,
        publisher=clean(publisher) or options.publisher,
        published=published,
        language=language,
        license=licence,
        text=text,
    )
    meta = Meta(
        title=document.title,
        url=document.url,
        publisher=document.publisher,
        author=clean(author),
        published=published,
        published_from=published_from,
        language=language,
        license=licence,
    )
    return Item(source=where, document=document, meta=meta)


__all__ = [
    "DateCandidate",
    "build_item",
    "clean",
    "date_from_url",
    "detect_language",
    "language_tag",
    "licence_line",
    "parse_when",
    "repair",
]
