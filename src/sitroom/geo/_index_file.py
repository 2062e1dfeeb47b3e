"""The gazetteer index file: its tables, the columns of a place row, and the rows gathered in
memory and written to SQLite in bulk.

The index is an SQLite file with one ``place`` table and two name tables (``fold`` and ``fuzzy``,
see ``_names``) keyed for point lookups, so that opening it costs nothing and a lookup is one
B-tree probe. The build (``_build``) fills an ``IndexRows``; ``gazetteer`` reads the file.
"""

from __future__ import annotations

import operator
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sitroom.geo._names import fold_key, fuzzy_key
from sitroom.geo.candidate import Candidate

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE place (
    id INTEGER PRIMARY KEY, uid TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
    country TEXT, admin1 TEXT, lat REAL, lon REAL, geonames_id INTEGER,
    population INTEGER NOT NULL, feature TEXT NOT NULL, source TEXT NOT NULL, precision INTEGER
);
CREATE TABLE fold (key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY (key, place))
    WITHOUT ROWID;
CREATE TABLE fuzzy (key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY (key, place))
    WITHOUT ROWID;
CREATE TABLE country (code TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;
"""

PlaceRow = tuple[Any, ...]
# The place table's columns after its integer id, in order; Candidate has a field of each name.
PLACE_COLUMNS = (
    "uid",
    "name",
    "kind",
    "country",
    "admin1",
    "lat",
    "lon",
    "geonames_id",
    "population",
    "feature",
    "source",
    "precision",
)


_columns = operator.attrgetter(*PLACE_COLUMNS)


class IndexRows:
    """Accumulates rows in memory; SQLite gets them sorted, in bulk, once."""

    def __init__(self) -> None:
        self.places: list[PlaceRow] = []
        self.fold: set[tuple[str, int]] = set()
        self.fuzzy: set[tuple[str, int]] = set()

    def add(self, entry: Candidate, names: Iterable[str]) -> None:
        self.add_keys(entry, {fold_key(name) for name in names})

    def add_keys(self, entry: Candidate, keys: Iterable[str], *, fuzzy: bool = True) -> None:
        self.add_row(_columns(entry), keys, fuzzy=fuzzy)

    def add_row(self, columns: tuple[Any, ...], keys: Iterable[str], *, fuzzy: bool) -> None:
        """One place given as its PLACE_COLUMNS values (the hot path: 200,000 towns)."""
        place_id = len(self.places) + 1
        self.places.append((place_id, *columns))
        for key in keys:
            if not key:
                continue
            self.fold.add((key, place_id))
            if fuzzy and (fuzzy_value := fuzzy_key(key)):
                self.fuzzy.add((fuzzy_value, place_id))


def write_index_file(
    path: Path, index: IndexRows, country_names: list[tuple[str, str]], meta: dict[str, str]
) -> None:
    """Write the rows, the country names and the meta table into ``path`` (a new or empty file)."""
    conn = sqlite3.connect(path)
    try:
        conn.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE;"
            "PRAGMA temp_store=MEMORY;"
        )
        conn.executescript(SCHEMA)
        holes = ",".join("?" * (len(PLACE_COLUMNS) + 1))
        conn.executemany(f"INSERT INTO place VALUES ({holes})", index.places)
        for table in ("fold", "fuzzy"):
            # SQLite sorts faster than Python, and a B-tree filled in key order stays compact.
            conn.execute(f"CREATE TEMP TABLE load_{table} (key TEXT, place INTEGER)")
            conn.executemany(f"INSERT INTO load_{table} VALUES (?, ?)", getattr(index, table))
            conn.execute(f"INSERT INTO {table} SELECT * FROM load_{table} ORDER BY key, place")
            conn.execute(f"DROP TABLE load_{table}")
        conn.executemany("INSERT INTO country VALUES (?, ?)", country_names)
        conn.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
        conn.commit()
    finally:
        conn.close()


__all__ = ["PLACE_COLUMNS", "SCHEMA", "IndexRows", "PlaceRow", "write_index_file"]
