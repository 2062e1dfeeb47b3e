"""Plain-text articles in any encoding, and the byte decoding every text-like reader shares."""

from __future__ import annotations

import codecs
import contextlib
import re
import string
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import charset_normalizer

from sitroom.errors import DecodeError, SitroomError
from sitroom.ingest.item import Item, failed
from sitroom.ingest.meta import build_item, repair
from sitroom.ingest.source import Source

# UTF-32 LE's mark begins with UTF-16 LE's, so the longer marks are tried first.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (DOCX, XLSX, EPUB, ...)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "gzip-compressed data",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"\x7fELF": "a program",
}
# Form feed, ESC and DOS's end-of-file mark occur in real text files; other controls do not.
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x19\x1c-\x1f]")
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# WHATWG: pages labelled Latin-1 or ASCII are decoded as Windows-1252, which browsers do too.
_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252"}
MAX_CONTROL_SHARE = 0.02
_BASELINE = ("cp1252", "cp1250")
_EDGE_PUNCTUATION = string.punctuation + "\u00ab\u00bb\u201c\u201d\u2018\u2019\u2014\u2013"


def binary_kind(head: bytes) -> str | None:
    """What kind of binary data the first bytes are, or None if they look like text."""
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            return what
    if b"\x00" in head:
        return "binary data"
    sample = head[:65536]
    if sample and len(_CONTROL.findall(sample)) / len(sample) > MAX_CONTROL_SHARE:
        return "binary data"
    return None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, location: str, declared: str | None = None) -> str:
    """Text from bytes: BOM, then a declared charset, then UTF-8, then detection.

    Bytes that are mostly UTF-8 but hold invalid sequences are a damaged file rather than
    another encoding, so they raise ``DecodeError`` (S203) instead of becoming mojibake.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"{location}: invalid {encoding} text: {exc}", code="S203"
                ) from exc
    kind = binary_kind(data)
    if kind is not None:
        raise DecodeError(f"{location}: {kind}, not text", code="S203")
    codec = _codec(declared)
    if codec is not None:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            pass  # a wrong declaration is common; fall through to UTF-8 and detection
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    invalid = data.decode("utf-8", errors="replace").count("\ufffd")
    multibyte = len(_UTF8_MULTIBYTE.findall(data))
    if multibyte and multibyte >= invalid:
        raise DecodeError(
            f"{location}: invalid UTF-8 at byte {first_bad} "
            f"({invalid} bad sequence{'s' if invalid > 1 else ''} in otherwise UTF-8 text)",
            code="S203",
        )
    return _decode_legacy(data, location)


@lru_cache(maxsize=4096)
def _script(char: str) -> str | None:
    """The script of a letter ('LATIN', 'CYRILLIC', ...), or None for a non-letter."""
    if not unicodedata.category(char).startswith("L"):
        return None
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]


def _implausible(text: str) -> float:
    """Share of words that look like a wrong code page: symbols glued to letters (as in
    'powiedzia³'), mixed scripts, or Latin words made mostly of accented letters (the
    look of Cyrillic or Greek read as Latin-1)."""
    bad = total = 0
    for token in text[:20000].split():
        word = token.strip(_EDGE_PUNCTUATION)
        if not word:
            continue
        total += 1
        if word.isascii():
            continue
        scripts = {_script(char) for char in word} - {None}
        accented = sum(1 for char in word if not char.isascii() and _script(char) == "LATIN")
        glued = any(
            unicodedata.category(char)[0] in "SNC" and not char.isascii() and char.isprintable()
            for char in word
        ) and any(char.isalpha() for char in word)
        if glued or len(scripts) > 1 or (accented > 2 and accented * 2 > len(word)):
            bad += 1
    return bad / total if total else 0.0


def _decode_legacy(data: bytes, location: str) -> str:
    # charset-normalizer proposes encodings but often ranks the Windows code pages wrongly
    # on short texts, so its candidates and the common Windows code pages are ranked by how
    # word-like their decodings are; ties go to Windows-1252, the commonest of them.
    candidates: dict[str, str] = {}
    for encoding in _BASELINE:
        with contextlib.suppress(UnicodeDecodeError):
            candidates[encoding] = data.decode(encoding)
    for match in charset_normalizer.from_bytes(data):
        candidates.setdefault(match.encoding, str(match))
    if not candidates:
        raise DecodeError(
            f"{location}: not valid UTF-8 and no other text encoding fits the bytes", code="S203"
        )
    return min(candidates.values(), key=_implausible)


class TextReader:
    name = "text"
    suffixes = (".txt", ".text", ".md")
    content_types = ("text/plain", "text/markdown")

    def sniff(self, head: bytes) -> bool:
        return bool(head.strip()) and binary_kind(head) is None

    def read(self, source: Source) -> Iterator[Item]:
        try:
            text = decode_bytes(source.read_bytes(), source.location, source.charset)
        except SitroomError as exc:
            yield failed(source.location, exc)
            return
        yield build_item(source, repair(text))


__all__ = ["TextReader", "binary_kind", "decode_bytes"]
