"""Reading the user's YAML files for ``sitroom watch``: the sources list and the alert rules.

Both are user configuration named on the command line, not packaged vocabularies; each is
validated by its own pydantic model (unknown keys refused) and every mistake is reported as a
``VocabularyError`` (a ``ConfigError``) naming the file, the key path and the line, with code
S160 for a sources file and S161 for an alert-rules file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from sitroom.errors import VocabularyError
from sitroom.lang.vocabulary.loader import _collect_lines

SOURCES_FILE_ERROR = "S160"
ALERTS_FILE_ERROR = "S161"

M = TypeVar("M", bound=BaseModel)

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$", re.I)
_UNIT_SECONDS = {"s": 1.0, "sec": 1.0, "m": 60.0, "min": 60.0, "h": 3600.0, "d": 86400.0}


def parse_interval(value: object) -> float:
    """Seconds from ``30``, ``"30s"``, ``"5m"``, ``"1h"`` or ``"1d"``; ValueError otherwise."""
    if isinstance(value, bool):
        raise ValueError(f"not a duration: {value!r}")
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        match = _DURATION.match(str(value))
        if match is None:
            raise ValueError(f"not a duration (use 30s, 5m, 1h): {value!r}")
        seconds = float(match[1]) * _UNIT_SECONDS[(match[2] or "s").lower()]
    if seconds <= 0:
        raise ValueError(f"a duration must be positive: {value!r}")
    return seconds


def load_yaml_model(path: Path, model: type[M], code: str) -> M:
    """``path`` parsed and validated by ``model``; errors name the file, key and line."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise VocabularyError(f"cannot read: {exc}", file=name, code=code) from exc
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data: Any = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise VocabularyError(f"not valid YAML: {exc}", file=name, line=line, code=code) from exc
    if not isinstance(data, dict):
        raise VocabularyError("expected a mapping of top-level keys", file=name, line=1, code=code)
    lines: dict[tuple[str | int, ...], int] = {}
    if node is not None:
        _collect_lines(node, (), lines)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = tuple(part for part in error["loc"] if isinstance(part, str | int))
        line = None
        for end in range(len(loc), 0, -1):  # the deepest path the file has a line for
            line = lines.get(loc[:end])
            if line is not None:
                break
        key = ".".join(str(part) for part in loc) or None
        raise VocabularyError(error["msg"], file=name, key=key, line=line, code=code) from exc


__all__ = [
    "ALERTS_FILE_ERROR",
    "SOURCES_FILE_ERROR",
    "load_yaml_model",
    "parse_interval",
]
