"""Intake records, what became of every input item, and the tables of the near-duplicate index.

The ingest service decides for each item it reads (a file, a URL, a JSONL line, a WARC record)
whether it was processed, a duplicate, a near-duplicate, unsupported or an error, and hands the
decisions to ``Store.commit_intake`` together with the extractions, MinHash signatures, LSH band
keys and near-duplicate links of the same chunk. This module holds the value types and the SQL;
``Store`` owns the connection and the single transaction they are written in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import operator
from collections.abc import Collection, Iterator, Sequence
from typing import Any, Literal, TypeVar, get_args

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

from sitroom.errors import StoreError
from sitroom.store import schema as t
from sitroom.store.records import Row

InputStatus = Literal["processed", "duplicate", "near_duplicate", "unsupported", "error"]
INPUT_STATUSES: tuple[str, ...] = get_args(InputStatus)

# Band keys are 63-bit non-negative integers so that they fit a signed BIGINT everywhere.
MAX_BAND_KEY = (1 << 63) - 1

# Keeps IN lists under every backend's bound-parameter limit.
ID_CHUNK = 500

SignatureEntry = tuple[str, bytes, Sequence[int]]
NearDuplicateLink = tuple[str, str, float]

_T = TypeVar("_T")


@dataclasses.dataclass(frozen=True)
class InputRecord:
    """The outcome of one input item; ``source`` identifies the item across runs."""

    source: str  # a path, URL, "file.jsonl#line=12", "a.warc.gz#record=3"
    status: InputStatus
    origin: str | None = None  # the path or URL given on the command line
    document_id: str | None = None
    code: str | None = None  # error code such as "S203"
    reason: str | None = None  # error message, or why the item is a duplicate
    published_from: str | None = None  # "argument", "page", "url", "feed", "warc", "jsonl"
    author: str | None = None
    language: str | None = None


@dataclasses.dataclass(frozen=True, kw_only=True)
class InputRow(InputRecord):
    """A recorded input as read back, with its document's title when one is stored."""

    title: str | None
    updated_at: dt.datetime


# Only the recorded fields, so that an InputRow passed back in writes as its InputRecord part.
_RECORD_FIELDS = tuple(field.name for field in dataclasses.fields(InputRecord))


@dataclasses.dataclass(frozen=True)
class IntakeRows:
    """An intake batch as validated table rows, repeats collapsed with the last one winning."""

    inputs: list[Row]
    signatures: list[Row]
    bands: list[Row]
    links: list[Row]

    @property
    def empty(self) -> bool:
        return not (self.inputs or self.signatures or self.links)

    @property
    def signed_ids(self) -> list[str]:
        return [row["document_id"] for row in self.signatures]


def _invalid(message: str) -> StoreError:
    return StoreError(message, code="S507")


def chunked(items: Sequence[_T], size: int = ID_CHUNK) -> Iterator[Sequence[_T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def check_band_keys(band_keys: Sequence[int]) -> list[int]:
    """The keys as plain ints, refused unless each is a 63-bit non-negative integer."""
    keys: list[int] = []
    for value in band_keys:
        try:
            key = operator.index(value)
        except TypeError:
            raise _invalid(f"band key {value!r} is not an integer") from None
        if not 0 <= key <= MAX_BAND_KEY:
            raise _invalid(f"band key {key} is not a 63-bit non-negative integer")
        keys.append(key)
    return keys


def intake_rows(
    inputs: Sequence[InputRecord],
    signatures: Sequence[SignatureEntry],
    near_duplicates: Sequence[NearDuplicateLink],
    now: dt.datetime,
) -> IntakeRows:
    """Rows for ``Store.commit_intake``; a bad value fails here, before any write."""
    input_rows: dict[str, Row] = {}
    for record in inputs:
        if not record.source:
            raise _invalid("an input record needs a non-empty source")
        if record.status not in INPUT_STATUSES:
            raise _invalid(
                f"unknown input status {record.status!r} for {record.source}; expected one of "
                f"{', '.join(INPUT_STATUSES)}"
            )
        row = {name: getattr(record, name) for name in _RECORD_FIELDS}
        input_rows[record.source] = {**row, "updated_at": now}

    signature_rows: dict[str, Row] = {}
    band_rows: dict[str, list[Row]] = {}
    for document_id, signature, band_keys in signatures:
        keys = check_band_keys(band_keys)
        signature_rows[document_id] = {"document_id": document_id, "signature": bytes(signature)}
        band_rows[document_id] = [
            {"document_id": document_id, "band": band, "key": key} for band, key in enumerate(keys)
        ]

    link_rows: dict[tuple[str, str], Row] = {}
    for document_id, duplicate_of, similarity in near_duplicates:
        if document_id == duplicate_of:
            raise _invalid(f"document {document_id} cannot be a near-duplicate of itself")
        score = float(similarity)
        if math.isnan(score) or not 0.0 <= score <= 1.0:
            raise _invalid(f"similarity must be between 0 and 1, not {similarity!r}")
        link_rows[document_id, duplicate_of] = {
            "document_id": document_id,
            "duplicate_of": duplicate_of,
            "similarity": score,
        }

    return IntakeRows(
        inputs=list(input_rows.values()),
        signatures=list(signature_rows.values()),
        bands=[row for rows in band_rows.values() for row in rows],
        links=list(link_rows.values()),
    )


def upsert_stmt(dialect: str, table: sa.Table, columns: Collection[str] | None = None) -> sa.Insert:
    """An INSERT that overwrites the non-key columns (or only ``columns``) of a row whose
    primary key exists.

    ``ON CONFLICT`` is spelt alike by SQLite and PostgreSQL and, unlike delete-then-insert,
    cannot race with a concurrent writer of the same key.
    """
    stmt: sqlite.Insert | postgresql.Insert
    if dialect == "sqlite":
        stmt = sqlite.insert(table)
    elif dialect == "postgresql":
        stmt = postgresql.insert(table)
    else:
        raise StoreError(f"cannot upsert on {dialect}", code="S501")
    keys = [column.name for column in table.primary_key.columns]
    updates = {
        c.name: stmt.excluded[c.name]
        for c in table.columns
        if not c.primary_key and (columns is None or c.name in columns)
    }
    return stmt.on_conflict_do_update(index_elements=keys, set_=updates)


def _upsert(conn: Connection, table: sa.Table, rows: list[Row]) -> None:
    if rows:
        conn.execute(upsert_stmt(conn.dialect.name, table), rows)


def write_intake(conn: Connection, rows: IntakeRows) -> None:
    """Write the batch within the caller's transaction, after the documents it refers to."""
    _upsert(conn, t.inputs, rows.inputs)
    _upsert(conn, t.doc_signatures, rows.signatures)
    # A new signature replaces all of its document's bands, whatever their number was.
    bands = t.doc_bands
    for ids in chunked(rows.signed_ids):
        conn.execute(bands.delete().where(bands.c.document_id.in_(ids)))
    if rows.bands:
        conn.execute(bands.insert(), rows.bands)
    _upsert(conn, t.near_duplicates, rows.links)


def input_statuses_in(conn: Connection, sources: Sequence[str]) -> dict[str, str]:
    i = t.inputs
    found: dict[str, str] = {}
    for chunk in chunked(sorted(set(sources))):
        stmt = sa.select(i.c.source, i.c.status).where(i.c.source.in_(chunk))
        found.update({row.source: row.status for row in conn.execute(stmt)})
    return found


def inputs_select(status: str | None, limit: int | None) -> Select[Any]:
    """Recorded inputs, most recently updated first, then by source."""
    i, d = t.inputs, t.documents
    stmt = (
        sa.select(
            i.c.source,
            i.c.status,
            i.c.origin,
            i.c.document_id,
            i.c.code,
            i.c.reason,
            i.c.published_from,
            i.c.author,
            i.c.language,
            d.c.title,
            i.c.updated_at,
        )
        .select_from(i.outerjoin(d, d.c.id == i.c.document_id))
        .order_by(i.c.updated_at.desc(), i.c.source)
    )
    if status is not None:
        if status not in INPUT_STATUSES:
            raise _invalid(
                f"unknown input status {status!r}; expected one of {', '.join(INPUT_STATUSES)}"
            )
        stmt = stmt.where(i.c.status == status)
    if limit is not None:
        if limit < 0:
            raise _invalid(f"limit must not be negative, not {limit}")
        stmt = stmt.limit(limit)
    return stmt


def near_candidates_select(pairs: Sequence[tuple[int, int]]) -> Select[Any]:
    """(document_id, signature) of documents having any of the (band, key) ``pairs``."""
    b, s = t.doc_bands, t.doc_signatures
    match = sa.or_(*(sa.and_(b.c.band == band, b.c.key == key) for band, key in pairs))
    return sa.select(s.c.document_id, s.c.signature).where(
        s.c.document_id.in_(sa.select(b.c.document_id).where(match))
    )


def near_candidates_in(conn: Connection, band_keys: Sequence[int]) -> list[tuple[str, bytes]]:
    """Stored (document_id, signature) sharing a (band, key) pair with ``band_keys``, by id."""
    found: dict[str, bytes] = {}
    # Two bound parameters per pair.
    for pairs in chunked(list(enumerate(band_keys)), ID_CHUNK // 2):
        rows = conn.execute(near_candidates_select(pairs))
        # bytes() as some drivers return memoryview for binary columns.
        found.update({row.document_id: bytes(row.signature) for row in rows})
    return sorted(found.items())


def near_duplicate_of_select(document_id: str) -> Select[Any]:
    n = t.near_duplicates
    return (
        sa.select(n.c.duplicate_of, n.c.similarity)
        .where(n.c.document_id == document_id)
        .order_by(n.c.similarity.desc(), n.c.duplicate_of)
    )


def inputs_by_status_select() -> Select[Any]:
    i = t.inputs
    count = sa.func.count().label("n")
    return sa.select(i.c.status, count).group_by(i.c.status).order_by(count.desc(), i.c.status)


def near_duplicate_documents_select() -> Select[Any]:
    n = t.near_duplicates
    return sa.select(sa.func.count(sa.distinct(n.c.document_id)))


__all__ = [
    "ID_CHUNK",
    "INPUT_STATUSES",
    "MAX_BAND_KEY",
    "InputRecord",
    "InputRow",
    "InputStatus",
    "IntakeRows",
    "NearDuplicateLink",
    "SignatureEntry",
    "check_band_keys",
    "chunked",
    "input_statuses_in",
    "inputs_by_status_select",
    "inputs_select",
    "intake_rows",
    "near_candidates_in",
    "near_candidates_select",
    "near_duplicate_documents_select",
    "near_duplicate_of_select",
    "upsert_stmt",
    "write_intake",
]
