"""The app as uvicorn's worker processes build it: ``sitroom serve --workers N``.

uvicorn starts each worker in a fresh interpreter and imports the app by name, so the settings
``serve`` resolved (database, tokens, model; from flags, token files, the environment and the
config file) cannot be handed over as an object. ``serve`` writes them to a file only its user
can read and names that file in ``SITROOM_SERVE_SETTINGS``, which the workers inherit; each
worker reads it in ``create_worker_app`` (the factory uvicorn calls) and builds its own app and
store. Tokens so never appear on a command line or in the environment of the server.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from sitroom.api.app import create_app
from sitroom.config import Settings
from sitroom.errors import ConfigError

SETTINGS_ENV = "SITROOM_SERVE_SETTINGS"
# The import string of the factory, for uvicorn.run(..., factory=True).
FACTORY = "sitroom.api.workers:create_worker_app"
WORKER_SETTINGS = "S137"  # the settings file is missing or unreadable
_PATHS = {"data_dir"}
_PATH_LISTS = {"extra_lexicons"}


def write_settings(settings: Settings, folder: Path | None = None) -> Path:
    """Write ``settings`` to a new file readable by this user only; return its path."""
    values: dict[str, Any] = {}
    for field in dataclasses.fields(settings):
        value = getattr(settings, field.name)
        if isinstance(value, Path):
            value = str(value)
        elif isinstance(value, tuple):
            value = [str(v) for v in value]
        values[field.name] = value
    handle, name = tempfile.mkstemp(prefix="sitroom-serve-", suffix=".json", dir=folder)
    # mkstemp creates the file with mode 0600: the tokens in it are for this user only.
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(values, out)
    return Path(name)


def read_settings(path: Path) -> Settings:
    try:
        values = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ConfigError(
            f"cannot read the server settings {path}: {err}", code=WORKER_SETTINGS
        ) from err
    for name in _PATHS & values.keys():
        values[name] = Path(values[name])
    for name in _PATH_LISTS & values.keys():
        values[name] = tuple(Path(v) for v in values[name])
    for name, value in values.items():
        if isinstance(value, list):
            values[name] = tuple(value)
    return Settings(**values)


def create_worker_app() -> FastAPI:
    """The app of one worker, from the settings file ``serve`` named in the environment."""
    path = os.environ.get(SETTINGS_ENV)
    if not path:
        raise ConfigError(
            f"{SETTINGS_ENV} is not set: start workers with `sitroom serve`",
            code=WORKER_SETTINGS,
        )
    return create_app(read_settings(Path(path)))


__all__ = ["FACTORY", "SETTINGS_ENV", "create_worker_app", "read_settings", "write_settings"]
