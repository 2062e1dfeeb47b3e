"""The one loader: a packaged file validated by its schema, with user files merged in."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, cast

import yaml
from pydantic import ValidationError

from sitroom.errors import VocabularyError
from sitroom.lang.vocabulary.base import V, registered, top_keys
from sitroom.resources import data_path

# libyaml's loader parses ten times faster than the pure-Python one (places.yaml: 0.2 s, not 2).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class _Source:
    """A parsed YAML file with the line of every key and list item, for error messages."""

    name: str
    data: dict[str, Any]
    lines: dict[tuple[str | int, ...], int]


def _collect_lines(
    node: yaml.Node, path: tuple[str | int, ...], out: dict[tuple[str | int, ...], int]
) -> None:
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            out[(*path, key)] = key_node.start_mark.line + 1
            _collect_lines(value_node, (*path, key), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _collect_lines(item, (*path, i), out)


def _read(path: Path, name: str) -> _Source:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise VocabularyError("file not found", file=name, code="S103") from exc
    except OSError as exc:
        raise VocabularyError(f"cannot read: {exc}", file=name, code="S103") from exc
    try:
        loader = _LOADER(text)
        try:  # one parse: the node tree gives the lines, the document is built from it
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise VocabularyError(f"not valid YAML: {exc}", file=name, line=line, code="S104") from exc
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise VocabularyError("expected a mapping of top-level keys", file=name, line=1)
    lines: dict[tuple[str | int, ...], int] = {}
    if node is not None:
        _collect_lines(node, (), lines)
    return _Source(name, data, lines)


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, list) and isinstance(extra, list):
        return [*base, *extra]
    if isinstance(base, dict) and isinstance(extra, dict):
        return {**base, **extra}
    return extra


# Where each part of a merged value came from: for a list, (first index, source) segments; for a
# mapping or a scalar, the source that gave it last (mapping keys are looked up in each source).
_Origins = dict[str, list[tuple[int, _Source]]]


def _origin(loc: tuple[str | int, ...], origins: _Origins) -> tuple[_Source, tuple[str | int, ...]]:
    """The file a validation error's location came from, and the location inside that file."""
    segments = origins[str(loc[0])]
    if len(loc) > 1 and isinstance(loc[1], int):
        for start, source in reversed(segments):
            if loc[1] >= start:
                return source, (loc[0], loc[1] - start, *loc[2:])
    for _, source in reversed(segments):
        if len(loc) < 2 or (loc[0], loc[1]) in source.lines:
            return source, loc
    return segments[-1][1], loc


def _raise_for(exc: ValidationError, origins: _Origins, fallback: _Source) -> None:
    """The first validation error, located in the file and line it came from."""
    error = exc.errors()[0]
    loc = tuple(error["loc"])
    source, local = _origin(loc, origins) if loc and str(loc[0]) in origins else (fallback, loc)
    line = None
    for end in range(len(local), 0, -1):  # the deepest path the file has a line for
        line = source.lines.get(local[:end])
        if line is not None:
            break
    key = ".".join(str(part) for part in loc)
    raise VocabularyError(error["msg"], file=source.name, key=key or None, line=line) from exc


def _unknown_keys(source: _Source, known: Iterable[str]) -> None:
    unknown = sorted(set(source.data) - set(known))
    if unknown:
        key = unknown[0]
        raise VocabularyError(
            f"unknown key {key!r}; known keys: {', '.join(sorted(known))}",
            file=source.name,
            key=key,
            line=source.lines.get((key,)),
        )


def _user_sources(paths: Sequence[Path]) -> tuple[_Source, ...]:
    sources = tuple(_read(path, str(path)) for path in paths)
    known = registered()
    for source in sources:
        _unknown_keys(source, known)
        for key in source.data:
            if not known[key].USER_EXTENSIBLE:
                raise VocabularyError(
                    f"{key!r} ({known[key].FILE}) is packaged grammar that user files cannot "
                    "change; edit the packaged file instead",
                    file=source.name,
                    key=key,
                    line=source.lines.get((key,)),
                )
    return sources


def load_vocabulary(
    schema: type[V], extra: Sequence[Path | str] = (), *, root: Path | None = None
) -> V:
    """The packaged file of ``schema`` validated, with the user files' keys for it merged in.

    ``extra``: the user's vocabulary files, in order; each may hold keys of any vocabulary.
    ``root``: the folder of the packaged files (default ``sitroom/data``). Results are cached
    per arguments: the files are read once per process.
    """
    return cast(V, _load(schema, tuple(Path(p) for p in extra), root))


@cache
def _load(schema: type[V], extra: tuple[Path, ...], root: Path | None) -> V:
    path = data_path(schema.FILE) if root is None else root / schema.FILE
    packaged = _read(path, schema.FILE if root is None else str(path))
    keys = top_keys(schema)
    _unknown_keys(packaged, keys)
    data = dict(packaged.data)
    origins: _Origins = {key: [(0, packaged)] for key in data}
    for source in _user_sources(extra):
        for key, value in source.data.items():
            if key not in keys:
                continue
            base = data.get(key)
            start = len(base) if isinstance(base, list) and isinstance(value, list) else 0
            data[key] = _merge(base, value) if key in data else value
            origins.setdefault(key, []).append((start, source))
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        _raise_for(exc, origins, packaged)
        raise  # unreachable: _raise_for always raises


def check_user_files(paths: Sequence[Path | str]) -> None:
    """Fail early, naming file, key and line, when a user file has a key no vocabulary has."""
    _user_sources(tuple(Path(p) for p in paths))


__all__ = ["check_user_files", "load_vocabulary"]
