"""A SQLite store in tmp_path holding the invented reports of ``articles.py``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitroom.report import Report, build_report
from sitroom.store import Store
from unit.report.articles import evil, follow_up, herat, peshawar, rukha

NOW = dt.datetime(2021, 9, 10, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "report.db"
    with Store(path) as store:
        store.migrate()
        stored = [herat(), rukha(), follow_up(), peshawar()]
        assert store.add_many(stored) == [True] * len(stored)
        store.link_cross_contradictions([x.document.id for x in stored])
    return path


@pytest.fixture
def store(db: Path) -> Iterator[Store]:
    with Store(db) as opened:
        yield opened


@pytest.fixture
def report(store: Store) -> Report:
    return build_report(store, now=NOW)


@pytest.fixture
def evil_store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "evil.db") as opened:
        opened.migrate()
        opened.add(evil())
        yield opened
