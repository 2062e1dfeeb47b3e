"""Access to the data files shipped in ``sitroom/data`` (lexicons, dictionaries, samples)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from sitroom.errors import ConfigError


def data_path(name: str) -> Path:
    return Path(str(files("sitroom").joinpath("data", name)))


def read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except FileNotFoundError as exc:
        raise ConfigError(f"data file not found: {path}", code="S103") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"cannot parse data file {path}: {exc}", code="S104") from exc


@cache
def load_data(name: str) -> Any:
    """Parse a packaged YAML file once per process."""
    return read_yaml(data_path(name))


__all__ = ["data_path", "load_data", "read_yaml"]
