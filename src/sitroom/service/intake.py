"""Ingest a stream of read items into the store: every item ends processed, duplicate,
near-duplicate, unsupported or error, with the reason recorded; a re-run skips what is done.

Items are handled in chunks. Each chunk is one transaction (extractions, input statuses,
signatures, near-duplicate links together), so a batch killed mid-way resumes cleanly: the
finished chunks are recorded and skipped, the unfinished one left no trace.

Duplicate checks run in this process, in input order, as each chunk is read; extraction runs
in an ``Engine`` (``sitroom.service.batch``): here, or in worker processes that work on the
next chunks while this process writes the earlier ones. Chunks commit in input order, so what
a killed run leaves is always a prefix of the inputs.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import TypeVar

from sitroom.ingest import Item, NearDuplicateIndex, Signature
from sitroom.ingest.dedup import similarity
from sitroom.model import Document, Extraction
from sitroom.service.batch import (
    PIPELINE_FAILURE,
    Engine,
    ExtractionFailure,
    InlineEngine,
    Pending,
)
from sitroom.service.extractor import Extractor
from sitroom.service.profile import StageProfile
from sitroom.store import InputRecord, Store

SUPPORTED_LANGUAGES = {"en"}
T = TypeVar("T")


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


@dataclass(frozen=True, slots=True)
class Extracted:
    """An item read and extracted elsewhere (a ``sitroom batch`` shard), stored as it is.

    ``extraction`` is None for an item that was not extracted (an error, a duplicate).
    """

    item: Item
    extraction: Extraction | None = None


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _lookahead(chunks: Iterator[list[T]]) -> Iterator[tuple[list[T], bool]]:
    """Each chunk with whether it is the last one (the next is read before this is yielded)."""
    current = next(chunks, None)
    while current is not None:
        following = next(chunks, None)
        yield current, following is None
        current = following


class _Chunk:
    """What one chunk will write, gathered before the single transaction."""

    def __init__(self) -> None:
        self.inputs: list[InputRecord] = []
        self.to_extract: list[Document] = []
        self.stored_as_is: list[Extraction] = []
        self.signatures: list[tuple[str, bytes, Sequence[int]]] = []
        self.links: list[tuple[str, str, float]] = []
        self.ready: dict[str, Extraction] = {}  # extractions made elsewhere, by document id


class Intake:
    """``near_threshold`` None files no near-duplicates (every distinct text is extracted);
    signatures are still recorded, so that a later run with a threshold finds them."""

    # The in-memory index holds only documents not yet committed (the store has the rest);
    # it is rebuilt after this many removals, which leave empty buckets behind.
    REBUILD_AFTER = 20_000

    def __init__(
        self, store: Store, extractor: Extractor, *, near_threshold: float | None = 0.5
    ) -> None:
        self.store = store
        self.extractor = extractor
        self.index = NearDuplicateIndex(threshold=near_threshold or 0.5)
        self.threshold = near_threshold
        self._removed = 0

    def _forget(self, document_ids: Iterable[str], seen: set[str]) -> None:
        """Committed documents are found in the store from now on: keep memory flat."""
        for doc_id in document_ids:
            self.index.remove(doc_id)
            seen.discard(doc_id)
            self._removed += 1
        if self._removed >= self.REBUILD_AFTER:
            fresh = NearDuplicateIndex(threshold=self.index.threshold)
            fresh.add_rows(self.index.rows())
            self.index, self._removed = fresh, 0

    def _original(self, signature: Signature, keys: Sequence[int]) -> tuple[str, float] | None:
        """The stored or earlier-read document this text nearly repeats, if any."""
        if self.threshold is None:
            return None
        best = self.index.query_signature(signature)
        found = best[0] if best else None
        for doc_id, data in self.store.near_candidates(keys):
            score = similarity(signature, Signature.from_bytes(data))
            if score >= self.threshold and (found is None or score > found[1]):
                found = (doc_id, score)
        return found

    def _classify(self, item: Item, chunk: _Chunk, report: IngestReport, seen: set[str]) -> bool:
        """Record what becomes of ``item``; True when its document is to be extracted."""
        if item.document is None or item.meta is None:
            code, reason = item.code or "S200", item.reason or "unreadable input"
            chunk.inputs.append(
                InputRecord(item.source, "error", origin=item.origin, code=code, reason=reason)
            )
            report.errors.append((item.source, code, reason))
            return False
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
            return False
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
            return True
        return False

    def run(
        self,
        items: Iterable[Item | Extracted],
        *,
        batch_size: int = 16,
        progress: Callable[[IngestReport], None] | None = None,
        on_item: Callable[[int], None] | None = None,
        engine: Engine | None = None,
        profile: StageProfile | None = None,
    ) -> IngestReport:
        """Classify, extract and store ``items`` in chunks of ``batch_size``, one transaction each.

        ``progress`` is called with the running report after each chunk is committed;
        ``on_item`` with a count as items are settled (classified as needing no extraction, or
        extracted), so that a progress display moves from the first item, not per chunk. It
        may be called from a worker pool's thread.

        ``engine`` does the extraction (default: this process, one chunk at a time); with a
        ``PoolEngine`` the next chunks are classified and extracted while earlier ones are
        written, and chunks are still committed in input order. ``Extracted`` entries carry
        the extraction made elsewhere (``sitroom batch``), which is stored instead.
        """
        self.store.migrate()
        engine = engine or InlineEngine(self.extractor)
        report = IngestReport()
        started = time.perf_counter()
        seen: set[str] = set()
        pending: deque[tuple[_Chunk, Pending]] = deque()
        stream = items if profile is None else profile.iterate("reading", items)

        def commit_oldest() -> None:
            chunk, result = pending.popleft()
            self._commit(chunk, result, report, seen, profile)
            report.seconds = time.perf_counter() - started
            if progress is not None:
                progress(report)

        for number, (entries, last) in enumerate(_lookahead(_chunks(stream, batch_size))):
            classify_started = time.perf_counter()
            chunk = self._classify_chunk(entries, report, seen)
            if profile is not None:
                profile.add("dedup", time.perf_counter() - classify_started)
            todo = [doc for doc in chunk.to_extract if doc.id not in chunk.ready]
            if on_item is not None and len(entries) > len(todo):
                on_item(len(entries) - len(todo))
            pending.append((chunk, engine.submit(todo, alone=number == 0 and last, done=on_item)))
            # The next chunk is submitted before the previous one is committed, so the workers
            # have work while this process writes to the store.
            while pending and (pending[0][1].done() or (len(pending) > 1 and engine.saturated())):
                commit_oldest()
        while pending:
            commit_oldest()
        report.seconds = time.perf_counter() - started
        if profile is not None:
            profile.wall += report.seconds
        return report

    def _classify_chunk(
        self, entries: list[Item | Extracted], report: IngestReport, seen: set[str]
    ) -> _Chunk:
        items = [e.item if isinstance(e, Extracted) else e for e in entries]
        done = self.store.input_statuses([item.source for item in items])
        chunk = _Chunk()
        for entry, item in zip(entries, items, strict=True):
            # Errors are retried on a re-run; anything else recorded is finished.
            if done.get(item.source) not in (None, "error"):
                report.skipped += 1
                continue
            extract = self._classify(item, chunk, report, seen)
            if extract and isinstance(entry, Extracted) and entry.extraction is not None:
                chunk.ready[entry.extraction.document.id] = entry.extraction
        return chunk

    def _commit(
        self,
        chunk: _Chunk,
        result: Pending,
        report: IngestReport,
        seen: set[str],
        profile: StageProfile | None,
    ) -> None:
        outcomes, seconds = result.result()
        if profile is not None:
            profile.merge(seconds)
        found = dict(chunk.ready)
        failed: dict[str, str] = {}
        for outcome in outcomes:
            if isinstance(outcome, ExtractionFailure):
                failed[outcome.document_id] = outcome.reason
            else:
                found[outcome.document.id] = outcome
        extractions = [found[doc.id] for doc in chunk.to_extract if doc.id in found]
        inputs, signatures = chunk.inputs, chunk.signatures
        if failed:
            inputs, signatures = self._record_failures(chunk, failed, report, seen)
        store_started = time.perf_counter()
        self.store.commit_intake(
            extractions=extractions + chunk.stored_as_is,
            inputs=inputs,
            signatures=signatures,
            near_duplicates=chunk.links,
        )
        if extractions:
            self.store.link_cross_contradictions([ex.document.id for ex in extractions])
        if profile is not None:
            profile.add("store", time.perf_counter() - store_started)
        self._forget([doc_id for doc_id, _, _ in chunk.signatures], seen)

    @staticmethod
    def _record_failures(
        chunk: _Chunk, failed: dict[str, str], report: IngestReport, seen: set[str]
    ) -> tuple[list[InputRecord], list[tuple[str, bytes, Sequence[int]]]]:
        inputs = []
        for record in chunk.inputs:
            reason = failed.get(record.document_id or "")
            if reason is not None and record.status == "processed":
                record = replace(record, status="error", code=PIPELINE_FAILURE, reason=reason)
                report.processed -= 1
                report.errors.append((record.source, PIPELINE_FAILURE, reason))
            inputs.append(record)
        seen.difference_update(failed)
        return inputs, [s for s in chunk.signatures if s[0] not in failed]


def ingest_items(
    items: Iterable[Item | Extracted],
    store: Store,
    extractor: Extractor,
    *,
    batch_size: int = 16,
    near_threshold: float | None = 0.5,
    progress: Callable[[IngestReport], None] | None = None,
    on_item: Callable[[int], None] | None = None,
    engine: Engine | None = None,
    profile: StageProfile | None = None,
) -> IngestReport:
    """Extract and store what is new in ``items``; see the module docstring."""
    intake = Intake(store, extractor, near_threshold=near_threshold)
    return intake.run(
        items, batch_size=batch_size, progress=progress, on_item=on_item, engine=engine,
        profile=profile,
    )  # fmt: skip


__all__ = ["Extracted", "IngestReport", "Intake", "ingest_items"]
