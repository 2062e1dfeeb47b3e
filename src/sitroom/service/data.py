"""The Python data API: a stored database as typed records, and as data frames on request.

>>> import sitroom
>>> with sitroom.open("sitroom.db") as db:
...     fights = db.events(country="AF", type=["FIGHT", "ASSAULT"], since="2021-09-01")
...     frame = fights.to_pandas()            # needs pandas; to_geopandas() needs geopandas

Every method returns ``Records``: an immutable sequence of the store's frozen row types
(``EventRow``, ``CorpusEventRow``, ``ClaimRow``) with actors, places and sources by name. The
frames have the columns of the exports (``docs/export.md``), typed: nullable integers, floats,
dates. pandas and geopandas are optional: nothing imports them until a frame is asked for.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import os
from collections.abc import Iterator, Sequence
from types import ModuleType, TracebackType
from typing import Any, Generic, TypeVar, overload

from sitroom.errors import StoreError
from sitroom.store import EventQuery, EventRow, Store
from sitroom.store.corpus_query import CorpusEventRow
from sitroom.store.export.columns import COLUMNS, Column, record
from sitroom.store.export.corpus_columns import CORPUS_COLUMNS
from sitroom.store.export.listings import CLAIM_COLUMNS
from sitroom.store.queries import ClaimRow

T = TypeVar("T")

Day = dt.date | str | None
OneOrMany = str | Sequence[str] | None

# pandas dtypes for the export column kinds: nullable integers so that an unknown value does
# not turn a column of counts into floats.
_PANDAS_TYPES = {"int": "Int64", "float": "Float64", "string": "string"}


def _optional(name: str, purpose: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ImportError as err:
        raise StoreError(
            f"{purpose} needs {name}, which is not installed ({err}); pip install {name}",
            code="S511",
        ) from err


@dataclasses.dataclass(frozen=True)
class Records(Sequence[T], Generic[T]):
    """Rows read from the store, in the store's order, with the export columns that describe
    them."""

    rows: tuple[T, ...]
    columns: tuple[Column, ...]

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...
    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        return self.rows[index]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[T]:
        return iter(self.rows)

    def to_dicts(self) -> list[dict[str, object]]:
        """One mapping per row, keyed by the export column names (dates as ``datetime.date``)."""
        names = [column.name for column in self.columns]
        return [dict(zip(names, record(row, self.columns), strict=True)) for row in self.rows]

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame`` with the export columns, typed (needs pandas)."""
        pd = _optional("pandas", "to_pandas()")
        data: dict[str, Any] = {}
        values = list(zip(*(record(row, self.columns) for row in self.rows), strict=True))
        for index, column in enumerate(self.columns):
            cells = list(values[index]) if values else []
            if column.kind == "date":
                data[column.name] = pd.to_datetime(pd.Series(cells, dtype="object"))
            else:
                data[column.name] = pd.Series(cells, dtype=_PANDAS_TYPES[column.kind])
        return pd.DataFrame(data)

    def to_geopandas(self) -> Any:
        """A ``geopandas.GeoDataFrame`` of the rows with coordinates, as WGS 84 points (needs
        geopandas)."""
        gpd = _optional("geopandas", "to_geopandas()")
        frame = self.to_pandas()
        located = frame[frame["latitude"].notna() & frame["longitude"].notna()]
        points = gpd.points_from_xy(
            located["longitude"].astype(float), located["latitude"].astype(float)
        )
        return gpd.GeoDataFrame(located.reset_index(drop=True), geometry=points, crs="EPSG:4326")


def _day(value: Day, name: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise StoreError(f"{name} must be a date YYYY-MM-DD, not {value!r}", code="S507") from None


def _many(value: OneOrMany) -> str | tuple[str, ...] | None:
    if value is None or isinstance(value, str):
        return value
    return tuple(value)


class Database:
    """A sitroom database opened for reading (SQLite path or database URL)."""

    def __init__(self, url: str | os.PathLike[str]) -> None:
        self.store = Store(url)

    def __repr__(self) -> str:
        return f"sitroom.open({self.store.url!r})"

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    @staticmethod
    def query(
        *,
        type: OneOrMany = None,
        country: OneOrMany = None,
        since: Day = None,
        until: Day = None,
        actor: str | None = None,
        modality: OneOrMany = None,
        quad: OneOrMany = None,
        acled_type: OneOrMany = None,
        admin1: str | None = None,
        bbox: tuple[float, float, float, float] | None = None,
        text: str | None = None,
        limit: int | None = None,
        include_background: bool = False,
    ) -> EventQuery:
        """The ``EventQuery`` for these filters; list filters match any of their values.
        Background mentions ("in 2006 …") are left out unless ``include_background``."""
        return EventQuery(
            type=_many(type), country=_many(country), date_from=_day(since, "since"),
            date_to=_day(until, "until"), actor=actor, modality=_many(modality),
            quad=_many(quad), acled_event_type=_many(acled_type), admin1=admin1, bbox=bbox,
            text=text, limit=limit, include_background=include_background,
        )  # fmt: skip

    def events(self, **filters: Any) -> Records[EventRow]:
        """Event mentions, latest first, filtered as ``query`` describes:
        ``db.events(country="AF", type=["FIGHT", "ASSAULT"], since="2021-09-01")``."""
        rows = tuple(self.store.iter_events(self.query(**filters)))
        return Records(rows, COLUMNS)

    def corpus_events(
        self, *, min_sources: int | None = None, contested: bool | None = None, **filters: Any
    ) -> Records[CorpusEventRow]:
        """Happenings merged across articles, with their counts of independent sources."""
        query = self.query(**filters)
        rows = self.store.corpus_events(query, min_sources=min_sources, contested=contested)
        return Records(tuple(rows), CORPUS_COLUMNS)

    def claims(self, *, contested: bool = False, limit: int | None = None) -> Records[ClaimRow]:
        """The claims ledger with claimants by name; ``contested`` keeps only claims at odds
        with another."""
        rows = [row for row in self.store.claims(limit=limit) if row.contested or not contested]
        return Records(tuple(rows), CLAIM_COLUMNS)


def open_database(url: str | os.PathLike[str]) -> Database:
    """Open a sitroom database for reading; published as ``sitroom.open``."""
    return Database(url)


__all__ = ["Database", "Records", "open_database"]
