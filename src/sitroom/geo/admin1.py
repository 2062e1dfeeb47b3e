"""First-level areas the GeoNames town list only knows by code: ``data/admin1.tsv`` and their
written abbreviations, ``data/admin1_abbreviations.tsv`` (formats documented in the files).

``admin1.tsv`` feeds the gazetteer build (names, centres and aliases of US states and of the
regions of more countries); the abbreviations feed the toponym finder ("Paris, Tenn.",
"Dallas, TX"). Both are validated as a whole, so a typo fails loudly with the line named.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from sitroom.errors import GazetteerError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
ADMIN1_PATH = DATA_DIR / "admin1.tsv"
ABBREVIATIONS_PATH = DATA_DIR / "admin1_abbreviations.tsv"
_ISO2 = re.compile(r"^[A-Z]{2}$")

Use = Literal["any", "qualifier"]


@dataclasses.dataclass(frozen=True, slots=True)
class Admin1Row:
    country: str
    name: str
    seat: str | None
    lat: float | None
    lon: float | None
    aliases: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True, slots=True)
class Abbreviation:
    text: str
    country: str
    name: str
    use: Use


def _rows(path: Path, width: int) -> list[tuple[int, list[str]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GazetteerError(f"cannot read {path}: {exc}", code="S403") from exc
    rows = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) != width:
            raise _fail(path, number, f"expected {width} tab-separated columns, got {len(cells)}")
        if not _ISO2.match(cells[1 if width == 4 else 0]):
            raise _fail(path, number, "country must be an ISO 3166-1 alpha-2 code")
        rows.append((number, cells))
    return rows


def _fail(path: Path, line: int, problem: str) -> GazetteerError:
    return GazetteerError(f"{path}:{line}: {problem}", code="S403")


def _coordinate(path: Path, line: int, cell: str, limit: float) -> float | None:
    if not cell:
        return None
    try:
        value = float(cell)
    except ValueError:
        raise _fail(path, line, f"not a number: {cell!r}") from None
    if abs(value) > limit:
        raise _fail(path, line, f"coordinate out of range: {cell}")
    return value


def load_admin1(path: Path | None = None) -> tuple[Admin1Row, ...]:
    """Parse and validate ``admin1.tsv``; raise GazetteerError [S403] naming the bad line."""
    path = path or ADMIN1_PATH
    found = []
    for line, (country, name, seat, lat, lon, aliases) in _rows(path, 6):
        if not name:
            raise _fail(path, line, "missing name")
        if bool(lat) != bool(lon):
            raise _fail(path, line, "give both lat and lon or neither")
        if not seat and not lat:
            raise _fail(path, line, "give a seat, a centre or both")
        found.append(
            Admin1Row(
                country=country,
                name=name,
                seat=seat or None,
                lat=_coordinate(path, line, lat, 90),
                lon=_coordinate(path, line, lon, 180),
                aliases=tuple(a.strip() for a in aliases.split(";") if a.strip()),
            )
        )
    return tuple(found)


def admin1_digest(path: Path | None = None) -> str:
    """sha256 of ``admin1.tsv``: part of the gazetteer's build stamp."""
    try:
        return hashlib.sha256((path or ADMIN1_PATH).read_bytes()).hexdigest()
    except OSError as exc:
        raise GazetteerError(f"cannot read {path or ADMIN1_PATH}: {exc}", code="S403") from exc


@lru_cache(maxsize=2)
def load_abbreviations(path: Path | None = None) -> dict[str, Abbreviation]:
    """Abbreviation as written → its area ("Tenn." → Tennessee, US)."""
    path = path or ABBREVIATIONS_PATH
    table: dict[str, Abbreviation] = {}
    for line, (text, country, name, use) in _rows(path, 4):
        if use not in ("any", "qualifier"):
            raise _fail(path, line, "use must be 'any' or 'qualifier'")
        if not text or not name:
            raise _fail(path, line, "missing abbreviation or name")
        if text in table:
            raise _fail(path, line, f"{text!r} listed twice")
        table[text] = Abbreviation(text, country, name, "any" if use == "any" else "qualifier")
    return table


__all__ = [
    "ABBREVIATIONS_PATH",
    "ADMIN1_PATH",
    "Abbreviation",
    "Admin1Row",
    "admin1_digest",
    "load_abbreviations",
    "load_admin1",
]
