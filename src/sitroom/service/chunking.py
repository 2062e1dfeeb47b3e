"""Long documents parsed in sentence-bounded chunks, so that memory stays flat at any length.

spaCy's statistical components (tok2vec, tagger, parser, NER) need temporary memory in
proportion to the tokens of one call: measured on this pipeline, a 100,000-character text of
short lines peaks at 1.4 GB, nearly all of it inside ``tok2vec`` and ``ner``; sitroom's own
components add almost nothing. So a text longer than ``chunk_chars`` is cut at paragraph, line
or sentence ends, the spaCy stages run on each piece, the pieces are joined back into one
``Doc`` over the whole text (``Doc.from_docs``; offsets point into the whole text) and only then
do sitroom's components run, once, over the joined ``Doc``, so that actors, places and claims
are still merged across the whole article.

A document longer than ``max_chars`` is refused with ``InputError`` S214 before any work: the
joined ``Doc`` and sitroom's results grow with the length, and the limit keeps one worker
under its stated peak (about 1 GB; see the README's *Limits*).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from sitroom.errors import ConfigError, InputError
from sitroom.model import Document
from sitroom.nlp.pipeline import COMPONENTS
from sitroom.service.profile import timed_pipeline

TOO_LONG = "S214"
DEFAULT_CHUNK_CHARS = 20_000
DEFAULT_MAX_CHARS = 1_000_000

# Where a piece may end, best first: after a blank line, after a line break, after a sentence
# end followed by a space, after any space. A cut never falls inside a token.
_CUTS = (
    re.compile(r"\n[^\S\n]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'”’)\]]*\s+"),
    re.compile(r"\s+"),
)


@dataclass(frozen=True, slots=True)
class ChunkLimits:
    """``chunk_chars``: the longest piece the spaCy stages see at once; ``max_chars``: the
    longest document accepted (S214 past it)."""

    chunk_chars: int = DEFAULT_CHUNK_CHARS
    max_chars: int = DEFAULT_MAX_CHARS

    def __post_init__(self) -> None:
        if self.chunk_chars < 1_000 or self.max_chars <= 0:
            raise ConfigError(
                "chunk_chars must be at least 1,000 and max_document_chars positive", code="S125"
            )


DEFAULT_LIMITS = ChunkLimits()


def check_length(document: Document, max_chars: int) -> None:
    """Refuse (S214) a document longer than ``max_chars`` characters."""
    length = len(document.text)
    if length > max_chars:
        raise InputError(
            f"document {document.id}: {length:,} characters is over the limit of "
            f"{max_chars:,} (setting max_document_chars); split it into several documents",
            code=TOO_LONG,
        )


def _cut(text: str, start: int, end: int) -> int:
    """The best end for a piece that starts at ``start`` and may not pass ``end``."""
    # Only the second half of the window is searched, so that no piece is tiny.
    low = start + (end - start) // 2
    for pattern in _CUTS:
        last = None
        for match in pattern.finditer(text, low, end):
            last = match
        if last is not None and last.end() < end:
            return last.end()
    return end  # one run of 10,000+ characters without a space: cut it anyway


def chunk_bounds(text: str, max_chars: int) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive pieces of at most ``max_chars`` covering all of ``text``."""
    if max_chars <= 0:
        raise ValueError("max_chars must be positive")
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > max_chars:
        end = _cut(text, start, start + max_chars)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def _spacy_stages(nlp: Language) -> list[str]:
    return [name for name in nlp.pipe_names if name not in COMPONENTS]


def parse_long(
    nlp: Language, document: Document, *, chunk_chars: int, seconds: dict[str, float] | None = None
) -> Doc:
    """The fully processed ``Doc`` of a long document, its spaCy stages run piece by piece.

    With ``seconds``, each component's time is added under its name, as for a batch of short
    documents, and the rest (cutting, joining) under "long documents".
    """
    started = time.perf_counter()
    inner: dict[str, float] | None = {} if seconds is not None else None
    text = document.text
    spacy_stages = _spacy_stages(nlp)
    parsed = []
    for start, end in chunk_bounds(text, chunk_chars):
        # One piece at a time: a batch's temporary memory grows with the tokens of all of it.
        (piece,) = timed_pipeline(nlp, [nlp.make_doc(text[start:end])], inner, 1, only=spacy_stages)
        # The tensor (96 floats a token) is dropped at once: no sitroom component reads it,
        # and kept for every piece it was the largest thing in memory before the join.
        piece.tensor = numpy.zeros((0,), dtype="float32")
        parsed.append(piece)
    # (spaCy's stub for from_docs lacks ``exclude``, which spaCy has had since 3.3.)
    doc = Doc.from_docs(parsed, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]
    del parsed
    if doc.text != text:  # pragma: no cover - a spaCy change would break the join
        raise ValueError("the joined pieces do not give back the document's text")
    doc._.sitroom_published = document.published
    processed: Doc = timed_pipeline(nlp, [doc], inner, 1, only=COMPONENTS)[0]
    if seconds is not None and inner is not None:
        for name, value in inner.items():
            seconds[name] = seconds.get(name, 0.0) + value
        rest = time.perf_counter() - started - sum(inner.values())
        seconds["long documents"] = seconds.get("long documents", 0.0) + rest
    return processed


def parse(
    nlp: Language,
    documents: Iterable[Document],
    *,
    batch_size: int,
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[tuple[Doc, Document]]:
    """Each document with its processed ``Doc``, lazily and in order: short ones batched
    through ``nlp.pipe``, long ones chunked by ``parse_long``; one over ``max_chars`` raises
    S214 when the stream reaches it."""
    short: list[Document] = []

    def flush() -> Iterator[tuple[Doc, Document]]:
        batch = list(short)
        short.clear()
        docs = []
        for document in batch:
            doc = nlp.make_doc(document.text)
            doc._.sitroom_published = document.published
            docs.append(doc)
        yield from zip(nlp.pipe(docs, batch_size=batch_size), batch, strict=True)

    for document in documents:
        check_length(document, max_chars)
        if len(document.text) <= chunk_chars:
            short.append(document)
            if len(short) >= batch_size:
                yield from flush()
            continue
        yield from flush()
        yield parse_long(nlp, document, chunk_chars=chunk_chars), document
    yield from flush()


__all__ = [
    "DEFAULT_CHUNK_CHARS",
    "DEFAULT_LIMITS",
    "DEFAULT_MAX_CHARS",
    "TOO_LONG",
    "ChunkLimits",
    "check_length",
    "chunk_bounds",
    "parse",
    "parse_long",
]
