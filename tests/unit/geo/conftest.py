"""One gazetteer per test session, in the session data dir that tests/conftest.py provides.

The integration pipeline uses the same path, so a full run builds the index once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.config import Settings
from sitroom.geo.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def gazetteer(data_dir: Path) -> Gazetteer:
    return Gazetteer(Settings(data_dir=data_dir).gazetteer_path).ensure()
