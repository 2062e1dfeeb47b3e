"""Parquet export through pyarrow, an optional dependency (``pip install sitroom[parquet]``).

pyarrow is imported on first use only, so the rest of sitroom neither needs nor loads it.
"""

from __future__ import annotations

import importlib
import itertools
import os
from collections.abc import Iterable
from types import ModuleType
from typing import Any

from sitroom.errors import StoreError
from sitroom.store.export.columns import COLUMNS, Column, record

# Rows per Parquet row group written; bounds the memory an export needs.
BATCH_ROWS = 10_000

# Written into the file's schema metadata, so a reader can tell what produced the columns.
FORMAT_ID = "sitroom.events/1"
CORPUS_FORMAT_ID = "sitroom.corpus-events/1"


def require_pyarrow() -> tuple[ModuleType, ModuleType]:
    """(pyarrow, pyarrow.parquet), or S508 naming the extra that installs them."""
    try:
        return importlib.import_module("pyarrow"), importlib.import_module("pyarrow.parquet")
    except ImportError as err:
        raise StoreError(
            f"Parquet export needs pyarrow, which is not installed ({err}); "
            "install sitroom[parquet]",
            code="S508",
        ) from err


def arrow_schema(pa: ModuleType, columns: tuple[Column, ...] = COLUMNS) -> Any:
    types = {
        "string": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "date": pa.date32(),
    }
    fields = [pa.field(column.name, types[column.kind]) for column in columns]
    fmt = FORMAT_ID if columns is COLUMNS else CORPUS_FORMAT_ID
    return pa.schema(fields, metadata={"sitroom.format": fmt})


def to_parquet(
    rows: Iterable[Any], path: str | os.PathLike[str], columns: tuple[Column, ...] = COLUMNS
) -> int:
    """Write the rows to a Parquet file at ``path`` with the columns of the CSV, typed."""
    pa, pq = require_pyarrow()
    schema = arrow_schema(pa, columns)
    count = 0
    rows = iter(rows)
    with pq.ParquetWriter(os.fspath(path), schema) as writer:
        while batch := list(itertools.islice(rows, BATCH_ROWS)):
            values = zip(*(record(row, columns) for row in batch), strict=True)
            data = {column.name: list(cells) for column, cells in zip(columns, values, strict=True)}
            writer.write_table(pa.Table.from_pydict(data, schema=schema))
            count += len(batch)
    return count


__all__ = [
    "BATCH_ROWS",
    "CORPUS_FORMAT_ID",
    "FORMAT_ID",
    "arrow_schema",
    "require_pyarrow",
    "to_parquet",
]
