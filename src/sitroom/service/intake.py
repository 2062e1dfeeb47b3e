"""Ingest a stream of read items into the store: every item ends processed, duplicate,
near-duplicate, unsupported or error, with the reason recorded; a re-run skips what is done.

Items are handled in chunks. Each chunk is one transaction (extractions, input statuses,
signatures, near-duplicate links together), so a batch killed mid-way resumes cleanly: the
finished chunks are recorded and skipped, the unfinished one left no trace.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice

from sitroom.ingest import Item, NearDuplicateIndex, Signature
from sitroom.ingest.dedup import similarity
from sitroom.model import Document, Extraction
from sitroom.service.extractor import Extractor
from sitroom.store import InputRecord, Store

SUPPORTED_LANGUAGES = {"en"}


@dataclass
class IngestReport:
    processed: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    unsupported: int = 0
    skipped: int = 0  # recorded by an earlier run
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (source, code, reason)
    seconds: float = 0.0

    @property
    def items(self) -> int:
        return (
            self.processed + self.duplicates + self.near_duplicates + self.unsupported
            + self.skipped + len(self.errors)
        )  # fmt: skip

    def line(self) -> str:
        rate = self.items / self.seconds if self.seconds else 0.0
        return (
            f"{self.items} items ({rate:.1f}/s): processed {self.processed}, duplicates "
            f"{self.duplicates}, near-duplicates {self.near_duplicates}, unsupported "
            f"{self.unsupported}, already done {self.skipped}, errors {len(self.errors)}"
        )


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class _Chunk:
    """What one chunk will write, gathered before the single transaction."""

    def __init__(self) -> None:
        self.inputs: list[InputRecord] = []
        self.to_extract: list[Document] = []
        self.stored_as_is: list[Extraction] = []
        self.signatures: list[tuple[str, bytes, Sequence[int]]] = []
        self.links: list[tuple[str, str, float]] = []


class Intake:
    def __init__(self, store: Store, extractor: Extractor, *, near_threshold: float = 0.5) -> None:
        self.store = store
        self.extractor = extractor
        self.index = NearDuplicateIndex(threshold=near_threshold)
        self.threshold = near_threshold

    def _original(self, signature: Signature, keys: Sequence[int]) -> tuple[str, float] | None:
        """The stored or earlier-read document this text nearly repeats, if any."""
        best = self.index.query_signature(signature)
        found = best[0] if best else None
        for doc_id, data in self.store.near_candidates(keys):
            score = similarity(signature, Signature.from_bytes(data))
            if score >= self.threshold and (found is None or score > found[1]):
                found = (doc_id, score)
        return found

    def _classify(self, item: Item, chunk: _Chunk, report: IngestReport, seen: set[str]) -> None:
        if item.document is None or item.meta is None:
            code, reason = item.code or "S200", item.reason or "unreadable input"
            chunk.inputs.append(
                InputRecord(item.source, "error", origin=item.origin, code=code, reason=reason)
            )
            report.errors.append((item.source, code, reason))
            return
        doc, meta = item.document, item.meta
        record = InputRecord(
            item.source,
            "processed",
            origin=item.origin,
            document_id=doc.id,
            published_from=meta.published_from,
            author=meta.author,
            language=meta.language,
        )
        if doc.id in seen or self.store.has_document(doc.id):
            chunk.inputs.append(replace(record, status="duplicate", reason="same text"))
            report.duplicates += 1
            return
        seen.add(doc.id)
        signature = self.index.signature(doc.text)
        keys = self.index.band_keys(signature)
        chunk.signatures.append((doc.id, signature.to_bytes(), keys))
        original = self._original(signature, keys)
        self.index.add_signature(doc.id, signature)
        if original is not None:
            chunk.stored_as_is.append(Extraction(document=doc))
            chunk.links.append((doc.id, original[0], original[1]))
            reason = f"near-duplicate of {original[0]} (similarity {original[1]:.2f})"
            chunk.inputs.append(replace(record, status="near_duplicate", reason=reason))
            report.near_duplicates += 1
        elif meta.language is not None and meta.language not in SUPPORTED_LANGUAGES:
            chunk.stored_as_is.append(Extraction(document=doc))
            reason = f"language {meta.language!r} is not supported; stored without extraction"
            chunk.inputs.append(replace(record, status="unsupported", reason=reason))
            report.unsupported += 1
        else:
            chunk.to_extract.append(doc)
            chunk.inputs.append(record)
            report.processed += 1

    def run(
        self,
        items: Iterable[Item],
        *,
        batch_size: int = 16,
        progress: Callable[[IngestReport], None] | None = None,
    ) -> IngestReport:
        self.store.migrate()
        report = IngestReport()
        started = time.perf_counter()
        seen: set[str] = set()
        for items_chunk in _chunks(items, batch_size):
            done = self.store.input_statuses([item.source for item in items_chunk])
            chunk = _Chunk()
            for item in items_chunk:
                # Errors are retried on a re-run; anything else recorded is finished.
                if done.get(item.source) not in (None, "error"):
                    report.skipped += 1
                    continue
                self._classify(item, chunk, report, seen)
            extractions = list(self.extractor.extract_many(chunk.to_extract))
            self.store.commit_intake(
                extractions=extractions + chunk.stored_as_is,
                inputs=chunk.inputs,
                signatures=chunk.signatures,
                near_duplicates=chunk.links,
            )
            if extractions:
                self.store.link_cross_contradictions([ex.document.id for ex in extractions])
            report.seconds = time.perf_counter() - started
            if progress is not None:
                progress(report)
        report.seconds = time.perf_counter() - started
        return report


def ingest_items(
    items: Iterable[Item],
    store: Store,
    extractor: Extractor,
    *,
    batch_size: int = 16,
    near_threshold: float = 0.5,
    progress: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Extract and store what is new in ``items``; see the module docstring."""
    intake = Intake(store, extractor, near_threshold=near_threshold)
    return intake.run(items, batch_size=batch_size, progress=progress)


__all__ = ["IngestReport", "Intake", "ingest_items"]
