"""Shared fixtures: one spaCy pipeline and one gazetteer per test session, and the files of
``../shared`` (read-only data beside the repository, never copied into it).

A fresh clone has no ``../shared``: the tests that read it skip there, saying what is missing.
With ``SITROOM_REQUIRE_SHARED`` set (``.ci/run`` sets it; CI has ``../shared``) they fail instead,
so a missing file can never pass unnoticed as a skip.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REQUIRE_SHARED = "SITROOM_REQUIRE_SHARED"
CORPUS_ARTICLE = "corpus/mehr-2021-09-06-panjshir.txt"


def shared_file(relative: str) -> Path:
    """The file ``relative`` under ``../shared``; skips the calling test when it is absent, or
    fails it when ``SITROOM_REQUIRE_SHARED`` is set to anything but "" or "0"."""
    path = SHARED / relative
    if path.is_file():
        return path
    message = f"needs {path}, the shared data beside the repository (absent in a fresh clone)"
    if os.environ.get(REQUIRE_SHARED, "") not in ("", "0"):
        pytest.fail(f"{message}; {REQUIRE_SHARED} is set, so it must be there", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def corpus_article() -> Path:
    """The real wire report the project is measured on, in ``../shared/corpus``."""
    return shared_file(CORPUS_ARTICLE)


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
