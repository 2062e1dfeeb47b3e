"""Exporting a store, filtered by an ``EventQuery``, to a file in one of ``FORMATS``.

- ``csv``: one row per event, ACLED's column names first (``columns.COLUMNS``).
- ``acled``: CSV for tools written for ACLED data: ACLED's 31 columns in ACLED's order, filled
  by ACLED's rules, then sitroom's own (``acled.event_acled_columns``); only events with an
  ACLED type and a date. ``docs/export.md`` is its codebook.
- ``jsonl``: one line per document, its whole extraction (the contract) plus ``corpus``, which
  maps each event id to its corpus event id. Documents are those with an event matching the
  query; with no filter, page or cursor set, every stored document, events or not.

With ``corpus=True`` every format holds one record per corpus event (a happening merged across
articles, with its counts of mentions, articles and independent sources) instead: csv and
parquet with ``corpus_columns.CORPUS_COLUMNS``, jsonl and geojson keyed by its field names.
- ``geojson``: a FeatureCollection of the located events as Points, properties named as the CSV's
  columns; ``include_unlocated`` adds the others with a null geometry.
- ``parquet``: the CSV's columns, typed (needs pyarrow: ``sitroom[parquet]``).

A file export is written to a temporary file beside the target and renamed over it at the end,
so a failed export leaves any earlier file untouched and no partial one.
"""

from __future__ import annotations

import dataclasses
import os
import secrets
from pathlib import Path
from typing import Literal, TextIO, get_args

from sitroom.errors import StoreError
from sitroom.store.event_query import EventQuery
from sitroom.store.export.corpus_columns import CORPUS_COLUMNS
from sitroom.store.export.parquet import require_pyarrow, to_parquet
from sitroom.store.export.text import (
    corpus_feature,
    to_csv,
    to_extractions_jsonl,
    to_geojson,
    to_jsonl,
)
from sitroom.store.store import Store

ExportFormat = Literal["csv", "acled", "jsonl", "geojson", "parquet"]
FORMATS: tuple[str, ...] = get_args(ExportFormat)
TEXT_FORMATS: tuple[str, ...] = ("csv", "acled", "jsonl", "geojson")

# Events read per query while exporting.
PAGE_SIZE = 1000
# Actors whose types a corpus ACLED export reads from the registry (more than any store holds).
MAX_ACTORS = 1_000_000


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise StoreError(
            f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}", code="S507"
        )


def _whole_store(query: EventQuery | None) -> bool:
    # Whether background mentions are listed is no filter on which documents exist.
    return query is None or dataclasses.replace(query, include_background=False) == EventQuery()


def write_text_export(
    store: Store,
    fmt: str,
    fh: TextIO,
    query: EventQuery | None = None,
    *,
    corpus: bool = False,
    include_unlocated: bool = False,
) -> int:
    """Write a text format to ``fh``; return the events (documents for jsonl) written.

    For csv, open ``fh`` with ``newline=""``.
    """
    _check_format(fmt)
    if fmt == "acled":
        return _write_acled(store, fh, query, corpus=corpus)
    if corpus:
        merged = store.iter_corpus_events(query, page_size=PAGE_SIZE)
        if fmt == "csv":
            return to_csv(merged, fh, CORPUS_COLUMNS)
        if fmt == "geojson":
            return to_geojson(merged, fh, corpus_feature, include_unlocated=include_unlocated)
        if fmt == "jsonl":
            return to_jsonl(merged, fh)
        raise StoreError(f"{fmt} is not a text format; write it to a file", code="S507")
    if fmt == "jsonl":
        ids = store.document_ids(None if _whole_store(query) else query)
        return to_extractions_jsonl(store.extractions(ids), fh, store.corpus_ids_of)
    rows = store.iter_events(query, page_size=PAGE_SIZE)
    if fmt == "csv":
        return to_csv(rows, fh)
    if fmt == "geojson":
        return to_geojson(rows, fh, include_unlocated=include_unlocated)
    raise StoreError(f"{fmt} is not a text format; write it to a file", code="S507")


def actor_types(store: Store) -> dict[str, str]:
    """Every registered actor's names (main name and aliases) -> its type; when two actors
    share a name, the one named in more documents wins (the registry lists those first)."""
    found: dict[str, str] = {}
    for actor in store.actors(limit=MAX_ACTORS):
        if actor.actor_type:
            for name in (actor.name, *actor.aliases):
                found.setdefault(name, actor.actor_type)
    return found


def _write_acled(store: Store, fh: TextIO, query: EventQuery | None, *, corpus: bool) -> int:
    from sitroom.store.export.acled import acled_rows, corpus_acled_columns, event_acled_columns

    if corpus:
        merged = store.iter_corpus_events(query, page_size=PAGE_SIZE)
        return to_csv(acled_rows(merged), fh, corpus_acled_columns(actor_types(store)))
    rows = store.iter_events(query, page_size=PAGE_SIZE)
    return to_csv(acled_rows(rows), fh, event_acled_columns())


def write_export(
    store: Store,
    fmt: str,
    path: str | os.PathLike[str],
    query: EventQuery | None = None,
    *,
    corpus: bool = False,
    include_unlocated: bool = False,
) -> int:
    """Export to the file at ``path``, replacing it only once complete; return the count."""
    _check_format(fmt)
    if fmt == "parquet":
        require_pyarrow()
    target = Path(path)
    if target.is_dir():
        raise StoreError(f"cannot export to {target}: it is a directory", code="S509")
    # Created by name, not by mkstemp, so that the file gets the usual permissions (umask).
    temp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.part")
    try:
        if fmt == "parquet" and corpus:
            merged = store.iter_corpus_events(query, page_size=PAGE_SIZE)
            count = to_parquet(merged, temp, CORPUS_COLUMNS)
        elif fmt == "parquet":
            count = to_parquet(store.iter_events(query, page_size=PAGE_SIZE), temp)
        else:
            with temp.open("x", encoding="utf-8", newline="") as fh:
                count = write_text_export(
                    store, fmt, fh, query, corpus=corpus, include_unlocated=include_unlocated
                )
        os.replace(temp, target)
    except OSError as err:
        temp.unlink(missing_ok=True)
        raise StoreError(f"cannot write {target}: {err.strerror or err}", code="S509") from err
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return count


__all__ = [
    "FORMATS",
    "PAGE_SIZE",
    "TEXT_FORMATS",
    "ExportFormat",
    "write_export",
    "write_text_export",
]
