"""What every engine of ``sitroom batch`` shares: shards, rows, extraction of rows, the writer.

A shard is one input file (a WARC, a JSONL export, a feed, a page); a folder gives one shard
per file. Its output in the output folder, for the default JSONL format::

    <name>.extractions.jsonl   the contract JSON (sitroom.extraction/1) of each extracted article
    <name>.inputs.jsonl        one status record per input item, in input order

and with Parquet, ``<name>.parquet``: one row per input item, the status fields plus the
contract JSON in the ``extraction`` column. Every file is written under a temporary name
(``.<file>.tmp``) and renamed when the shard is complete, the inputs file last: a shard is done
when its inputs file (or Parquet file) exists, and a restarted batch skips it.

Rows are plain dicts of strings, ints and None, so that Ray Data can move them as Arrow.
Within a shard the same text is extracted once (later copies are ``duplicate``); duplicates
across shards and near-duplicates are settled by ``sitroom load``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitroom.ingest import Item, JsonlFields, Limits, read_inputs, registry
from sitroom.ingest.reader import is_url, walk
from sitroom.model import Document, Extraction
from sitroom.service.batch import PIPELINE_FAILURE, ExtractionFailure, Outcome
from sitroom.service.intake import SUPPORTED_LANGUAGES

Row = dict[str, Any]
END = "_end"  # status of the row that closes a shard
RECORD_FIELDS = (
    "source", "origin", "status", "document_id", "code", "reason", "published_from", "author",
    "language",
)  # fmt: skip
FORMATS = ("jsonl", "parquet")


@dataclass(frozen=True)
class Shard:
    path: Path
    name: str


@dataclass(frozen=True)
class ReadSettings:
    """What ``read_inputs`` needs besides the path; picklable, for remote readers."""

    published: Any = None  # datetime.date | None
    publisher: str | None = None
    jsonl_fields: JsonlFields = field(default_factory=JsonlFields)
    limits: Limits = field(default_factory=Limits)

    def read(self, path: Path) -> Iterator[Item]:
        return read_inputs(
            [path], published=self.published, publisher=self.publisher,
            jsonl_fields=self.jsonl_fields, limits=self.limits,
        )  # fmt: skip


def shard_name(path: Path) -> str:
    """A stable, unique output name: the file name and a hash of its absolute path."""
    digest = hashlib.sha1(str(path.resolve()).encode(), usedforsecurity=False).hexdigest()[:10]
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", path.name)[:60]
    return f"{stem}-{digest}"


def find_shards(inputs: Iterable[str | Path]) -> list[Shard]:
    """One shard per file; folders are walked; URLs are refused (fetch them first)."""
    shards: list[Shard] = []
    for given in inputs:
        if isinstance(given, str) and is_url(given):
            raise ValueError(f"{given}: sitroom batch reads files; fetch URLs with sitroom ingest")
        path = Path(given)
        files = list(walk(path, registry())) if path.is_dir() else [path]
        shards.extend(Shard(file, shard_name(file)) for file in files)
    seen: set[str] = set()
    return [s for s in shards if not (s.name in seen or seen.add(s.name))]  # type: ignore[func-returns-value]


def _outputs(name: str, formats: Sequence[str]) -> list[str]:
    files = []
    if "jsonl" in formats:
        files += [f"{name}.extractions.jsonl", f"{name}.inputs.jsonl"]
    if "parquet" in formats:
        files.append(f"{name}.parquet")
    return files


def shard_done(out: Path, name: str, formats: Sequence[str]) -> bool:
    return all((out / file).exists() for file in _outputs(name, formats))


def read_shard(shard: Shard, settings: ReadSettings) -> Iterator[Row]:
    """The rows of one shard in input order, then one ``END`` row."""
    seen: set[str] = set()
    count = 0
    for item in settings.read(shard.path):
        row: Row = dict.fromkeys(RECORD_FIELDS)
        row.update(shard=shard.name, seq=count, source=item.source, origin=str(shard.path))
        row.update(document=None, extraction=None)
        count += 1
        if item.document is None or item.meta is None:
            row.update(status="error", code=item.code or "S200", reason=item.reason)
            yield row
            continue
        doc, meta = item.document, item.meta
        row.update(
            document_id=doc.id, published_from=meta.published_from, author=meta.author,
            language=meta.language,
        )  # fmt: skip
        if doc.id in seen:
            row.update(status="duplicate", reason="same text")
        elif meta.language is not None and meta.language not in SUPPORTED_LANGUAGES:
            seen.add(doc.id)
            reason = f"language {meta.language!r} is not supported; stored without extraction"
            row.update(status="unsupported", reason=reason)
            row["extraction"] = Extraction(document=doc).to_json()
        else:
            seen.add(doc.id)
            row.update(status="processed", document=doc.model_dump_json())
        yield row
    end: Row = dict.fromkeys(RECORD_FIELDS)
    end.update(shard=shard.name, seq=count, status=END, document=None, extraction=None)
    end["source"] = str(shard.path)
    yield end


def documents_of(rows: Sequence[Row]) -> list[Document]:
    return [Document.model_validate_json(r["document"]) for r in rows if r["status"] == "processed"]


def fill(rows: Sequence[Row], outcomes: Sequence[Outcome]) -> list[Row]:
    """Put each outcome into its row (an extraction, or an error S300); drop the documents."""
    by_id: dict[str, Outcome] = {}
    for outcome in outcomes:
        key = outcome.document_id if isinstance(outcome, ExtractionFailure) else outcome.document.id
        by_id[key] = outcome
    out = []
    for row in rows:
        row = {**row, "document": None}
        if row["status"] == "processed":
            outcome = by_id[row["document_id"]]
            if isinstance(outcome, ExtractionFailure):
                row.update(status="error", code=PIPELINE_FAILURE, reason=outcome.reason)
            else:
                row["extraction"] = outcome.to_json()
        out.append(row)
    return out


def record(row: Row) -> dict[str, Any]:
    return {key: row.get(key) for key in RECORD_FIELDS}


class ShardWriter:
    """Writes one shard's rows under temporary names; ``commit`` renames them into place."""

    def __init__(self, out: Path, name: str, formats: Sequence[str]) -> None:
        self.out = out
        self.name = name
        self.formats = tuple(formats)
        self.items = 0
        self.extracted = 0
        self.errors = 0
        self._files = _outputs(name, formats)
        self._jsonl: tuple[Any, Any] | None = None
        self._parquet: list[Row] = []
        if "jsonl" in self.formats:
            self._jsonl = (
                self._tmp(f"{name}.extractions.jsonl").open("w", encoding="utf-8"),
                self._tmp(f"{name}.inputs.jsonl").open("w", encoding="utf-8"),
            )

    def _tmp(self, file: str) -> Path:
        return self.out / f".{file}.tmp"

    def write(self, row: Row) -> None:
        self.items += 1
        self.errors += row["status"] == "error"
        self.extracted += row["status"] == "processed"
        if self._jsonl is not None:
            extractions, inputs = self._jsonl
            if row["extraction"] is not None:
                extractions.write(row["extraction"] + "\n")
            inputs.write(json.dumps(record(row), ensure_ascii=False) + "\n")
        if "parquet" in self.formats:
            self._parquet.append({**record(row), "extraction": row["extraction"]})

    def commit(self) -> None:
        if self._jsonl is not None:
            for handle in self._jsonl:
                handle.flush()
                os.fsync(handle.fileno())
                handle.close()
        if "parquet" in self.formats:
            import pyarrow as pa  # type: ignore[import-untyped]
            import pyarrow.parquet as pq  # type: ignore[import-untyped]

            columns = [*RECORD_FIELDS, "extraction"]
            schema = pa.schema([(c, pa.string()) for c in columns])
            table = pa.Table.from_pylist(self._parquet, schema=schema)
            pq.write_table(table, self._tmp(f"{self.name}.parquet"))
            self._parquet = []
        # The inputs file, which marks the shard done, is renamed last.
        for file in sorted(self._files, key=lambda f: f.endswith(".inputs.jsonl")):
            os.replace(self._tmp(file), self.out / file)

    def abandon(self) -> None:
        if self._jsonl is not None:
            for handle in self._jsonl:
                handle.close()
        for file in self._files:
            self._tmp(file).unlink(missing_ok=True)


def clean_temporary(out: Path) -> None:
    """Remove what a killed batch left half-written."""
    for path in out.glob(".*.tmp"):
        path.unlink()


__all__ = [
    "END",
    "FORMATS",
    "RECORD_FIELDS",
    "ReadSettings",
    "Row",
    "Shard",
    "ShardWriter",
    "clean_temporary",
    "documents_of",
    "fill",
    "find_shards",
    "read_shard",
    "record",
    "shard_done",
    "shard_name",
]
