"""Running the pipeline on documents."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from sitroom.config import Settings, load_settings
from sitroom.model import Document, Extraction
from sitroom.nlp.convert import to_extraction
from sitroom.nlp.pipeline import load


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
        nlp = self.nlp

        def docs() -> Iterator[tuple[Doc, Document]]:
            for document in documents:
                doc = nlp.make_doc(document.text)
                doc._.sitroom_published = document.published
                yield doc, document

        for doc, document in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
            yield to_extraction(doc, document)


__all__ = ["Extractor"]
