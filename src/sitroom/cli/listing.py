"""One output for every listing command: ``--format table|csv|json|jsonl``.

csv, json and jsonl use the export columns (``store.export``), so a listing piped to a file is
the same data as ``sitroom export`` writes. Tables have a header, cut long cells with an
ellipsis and show a missing value as "—", never as Python's ``None``.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from sitroom.store.export.columns import Column
from sitroom.store.export.text import event_properties, to_csv, to_jsonl

LISTING_FORMATS = ("table", "csv", "json", "jsonl")
MISSING = "—"

_F = TypeVar("_F", bound=Callable[..., Any])


def format_option(command: _F) -> _F:
    option = click.option(
        "--format", "fmt", type=click.Choice(LISTING_FORMATS), default="table",
        show_default=True,
        help="table for people; csv, json (one array) and jsonl with the export's columns.",
    )  # fmt: skip
    return option(command)


@dataclasses.dataclass(frozen=True)
class TableColumn:
    header: str
    cell: Callable[[Any], object]
    width: int
    right: bool = False


def cell_text(value: object, width: int) -> str:
    """One cell: whitespace folded, cut to ``width`` with an ellipsis, "—" when missing."""
    text = MISSING if value is None or value == "" else " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def table(rows: Sequence[Any], columns: Sequence[TableColumn], empty: str) -> str:
    if not rows:
        return empty
    cells = [[cell_text(col.cell(row), col.width) for col in columns] for row in rows]
    widths = [
        max(len(col.header), *(len(line[i]) for line in cells)) for i, col in enumerate(columns)
    ]

    def render(line: list[str]) -> str:
        parts = [
            text.rjust(width) if col.right else text.ljust(width)
            for text, width, col in zip(line, widths, columns, strict=True)
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([render([c.header for c in columns]), rule, *map(render, cells)])


def emit(
    rows: Sequence[Any],
    fmt: str,
    *,
    columns: tuple[Column, ...],
    table_columns: Sequence[TableColumn],
    empty: str,
) -> None:
    """Print ``rows`` in ``fmt`` to standard output."""
    if fmt == "csv":
        to_csv(rows, sys.stdout, columns)
    elif fmt == "jsonl":
        to_jsonl(rows, sys.stdout, columns)
    elif fmt == "json":
        records = [event_properties(row, columns) for row in rows]
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        click.echo(table(rows, table_columns, empty))


__all__ = ["LISTING_FORMATS", "MISSING", "TableColumn", "cell_text", "emit", "format_option"]
