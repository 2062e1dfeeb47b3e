"""``sitroom load``: import the shards of ``sitroom batch`` into the store, through the same
intake as ``sitroom ingest`` (statuses, duplicates across shards, near-duplicates, chunked
transactions), so that loading twice, or after a kill, adds nothing twice."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sitroom.errors import InputError
from sitroom.ingest import Item, Meta
from sitroom.model import Document, Extraction
from sitroom.service.batch import ExtractionFailure, Pending
from sitroom.service.extractor import Extractor
from sitroom.service.intake import Extracted, IngestReport, Intake
from sitroom.store import Store


class _NoExtraction:
    """Loading never parses: a document without its extraction is an error."""

    class _Failed:
        def __init__(self, documents: Sequence[Document]) -> None:
            self.outcomes = [
                ExtractionFailure(d.id, "the batch output holds no extraction for it")
                for d in documents
            ]

        def done(self) -> bool:
            return True

        def result(self) -> tuple[list[Any], dict[str, float]]:
            return list(self.outcomes), {}

    def submit(
        self,
        documents: Sequence[Document],
        *,
        alone: bool = False,
        done: Callable[[int], None] | None = None,
    ) -> Pending:
        return self._Failed(documents)

    def saturated(self) -> bool:
        return True

    def close(self) -> None:
        return None


def _records_jsonl(out: Path, name: str) -> Iterator[tuple[dict[str, Any], str | None]]:
    with (
        (out / f"{name}.inputs.jsonl").open(encoding="utf-8") as inputs,
        (out / f"{name}.extractions.jsonl").open(encoding="utf-8") as extractions,
    ):
        for line in inputs:
            record = json.loads(line)
            text = None
            if record["status"] in ("processed", "unsupported"):
                text = extractions.readline()
            yield record, text


def _records_parquet(path: Path) -> Iterator[tuple[dict[str, Any], str | None]]:
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    for batch in pq.ParquetFile(path).iter_batches(batch_size=256):
        for row in batch.to_pylist():
            yield row, row.pop("extraction", None)


def shard_records(out: Path) -> Iterator[tuple[dict[str, Any], str | None]]:
    """Every completed shard's records with their contract JSON, shards in name order."""
    names = sorted(p.name[: -len(".inputs.jsonl")] for p in out.glob("*.inputs.jsonl"))
    for name in names:
        yield from _records_jsonl(out, name)
    for path in sorted(out.glob("*.parquet")):
        if path.name[: -len(".parquet")] not in names:
            yield from _records_parquet(path)


def entries(out: Path) -> Iterator[Item | Extracted]:
    for record, text in shard_records(out):
        source, origin = record["source"], record["origin"]
        status = record["status"]
        if status == "error":
            error = InputError(record["reason"] or "unreadable input", code=record["code"])
            yield Item(source=source, error=error, origin=origin)
            continue
        meta = Meta(
            published_from=record["published_from"], author=record["author"],
            language=record["language"],
        )  # fmt: skip
        if text is None:
            # A copy of a text extracted earlier in its shard: the intake files it as a
            # duplicate of that document by its id.
            stub = Document(id=record["document_id"], text="")
            yield Extracted(Item(source=source, document=stub, meta=meta, origin=origin))
            continue
        extraction = Extraction.model_validate_json(text)
        item = Item(source=source, document=extraction.document, meta=meta, origin=origin)
        yield Extracted(item, extraction if status == "processed" else None)


def load_outputs(
    out: Path,
    store: Store,
    extractor: Extractor,
    *,
    batch_size: int = 64,
    near_threshold: float | None = 0.5,
    progress: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    intake = Intake(store, extractor, near_threshold=near_threshold)
    return intake.run(
        entries(out), batch_size=batch_size, progress=progress, engine=_NoExtraction()
    )


__all__ = ["entries", "load_outputs", "shard_records"]
