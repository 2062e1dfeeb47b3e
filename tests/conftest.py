"""Shared fixtures: one spaCy pipeline and one gazetteer per test session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A session-wide data dir, so the gazetteer index is built once per run."""
    path = Path(os.environ.get("SITROOM_TEST_DATA_DIR") or tmp_path_factory.mktemp("sitroom-data"))
    old = os.environ.get("SITROOM_DATA_DIR")
    os.environ["SITROOM_DATA_DIR"] = str(path)
    yield path
    if old is None:
        os.environ.pop("SITROOM_DATA_DIR", None)
    else:
        os.environ["SITROOM_DATA_DIR"] = old


@pytest.fixture(scope="session")
def nlp(data_dir: Path):  # type: ignore[no-untyped-def]
    import sitroom
    from sitroom.config import load_settings

    return sitroom.load(settings=load_settings(data_dir=data_dir))
