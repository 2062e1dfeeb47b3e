"""Running the pipeline on documents."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from sitroom.config import Settings, load_settings
from sitroom.model import Document, Extraction
from sitroom.nlp.convert import to_extraction
from sitroom.nlp.pipeline import load
from sitroom.service.chunking import ChunkLimits, parse


class Extractor:
    """Runs the pipeline on documents; the spaCy model is loaded on first use, not here."""

    def __init__(self, settings: Settings | None = None, nlp: Language | None = None) -> None:
        self.settings = settings or load_settings()
        self._nlp = nlp

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load(settings=self.settings)
        return self._nlp

    def extract(self, document: Document) -> Extraction:
        return next(iter(self.extract_many([document])))

    def extract_many(
        self, documents: Iterable[Document], batch_size: int = 8
    ) -> Iterator[Extraction]:
        """Extractions in order, lazily; a document over ``max_document_chars`` raises S214."""
        limits = ChunkLimits(self.settings.chunk_chars, self.settings.max_document_chars)
        parsed = parse(
            self.nlp,
            documents,
            batch_size=batch_size,
            chunk_chars=limits.chunk_chars,
            max_chars=limits.max_chars,
        )
        for doc, document in parsed:
            yield to_extraction(doc, document)


__all__ = ["Extractor"]
