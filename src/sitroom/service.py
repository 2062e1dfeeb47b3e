"""The one place that wires ingest → nlp → store."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from sitroom.config import Settings, load_settings
from sitroom.errors import SitroomError
from sitroom.ingest.text import make_document, read_text_file
from sitroom.model import Document, Extraction
from sitroom.nlp.convert import to_extraction
from sitroom.nlp.pipeline import load
from sitroom.store import Store


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


@dataclass
class IngestReport:
    stored: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0


def documents_from_paths(
    paths: Iterable[Path], report: IngestReport, **metadata: object
) -> Iterator[tuple[str, Document]]:
    for path in paths:
        try:
            text = read_text_file(path)
            yield str(path), make_document(text, source=str(path), **metadata)  # type: ignore[arg-type]
        except SitroomError as exc:
            report.errors.append((str(path), str(exc)))


def ingest(
    items: Iterable[tuple[str, Document]], store: Store, extractor: Extractor
) -> IngestReport:
    """Extract and store documents; already stored ones are skipped before the costly parse."""
    report = IngestReport()
    started = time.perf_counter()
    store.migrate()
    pending: list[tuple[str, Document]] = []
    seen: set[str] = set()
    for source, document in items:
        if document.id in seen or store.has_document(document.id):
            report.duplicates.append(source)
            continue
        seen.add(document.id)
        pending.append((source, document))
    sources = {doc.id: src for src, doc in pending}
    for extraction in extractor.extract_many(doc for _, doc in pending):
        source = sources[extraction.document.id]
        if store.add(extraction):
            report.stored.append(source)
        else:
            report.duplicates.append(source)
    report.seconds = time.perf_counter() - started
    return report


__all__ = ["Extractor", "IngestReport", "documents_from_paths", "ingest"]
