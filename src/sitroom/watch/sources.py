"""The sources a watcher polls: from the command line or a ``sources.yaml`` file.

A sources file (see ``docs/watch/sources.example.yaml``)::

    defaults:            # optional; applies to every source that does not say otherwise
      interval: 5m
      language: en
    sources:
      - url: https://example.org/world/rss.xml
        publisher: Example News
        interval: 15m    # 30s, 5m, 1h, 1d or seconds
        license: "© Example News; headlines and links only"

A source is an RSS/Atom feed, a sitemap, or a plain page; which one is decided by what the
server sends, not declared.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from sitroom.errors import ConfigError
from sitroom.store.watch_state import SourceConfig
from sitroom.watch.config_files import SOURCES_FILE_ERROR, load_yaml_model, parse_interval

DEFAULT_INTERVAL = 300.0

Interval = Annotated[float, BeforeValidator(parse_interval)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceDefaults(_Strict):
    interval: Interval | None = None
    publisher: str | None = None
    language: str | None = Field(default=None, min_length=2, max_length=16)
    license: str | None = None


class SourceEntry(_Strict):
    url: str = Field(pattern=r"^https?://\S+$")
    interval: Interval | None = None
    publisher: str | None = None
    language: str | None = Field(default=None, min_length=2, max_length=16)
    license: str | None = None


class SourcesFile(_Strict):
    defaults: SourceDefaults = SourceDefaults()
    sources: list[SourceEntry] = Field(min_length=1)


def load_sources_file(path: Path, *, interval: float | None = None) -> list[SourceConfig]:
    """The sources of a YAML file; ``interval`` (the command line's) is the fallback for entries
    and defaults that give none."""
    parsed = load_yaml_model(path, SourcesFile, SOURCES_FILE_ERROR)
    base = parsed.defaults
    fallback = interval or base.interval or DEFAULT_INTERVAL
    out = []
    for entry in parsed.sources:
        out.append(
            SourceConfig(
                url=entry.url,
                interval_seconds=entry.interval or base.interval or fallback,
                publisher=entry.publisher or base.publisher,
                language=entry.language or base.language,
                license=entry.license or base.license,
            )
        )
    return _unique(out)


def sources_from_arguments(
    arguments: tuple[str, ...], *, interval: float | None = None
) -> list[SourceConfig]:
    """URLs given on the command line, and sources files (``.yaml``/``.yml``) among them."""
    out: list[SourceConfig] = []
    for argument in arguments:
        if argument.lower().startswith(("http://", "https://")):
            out.append(SourceConfig(url=argument, interval_seconds=interval or DEFAULT_INTERVAL))
        elif argument.lower().endswith((".yaml", ".yml")):
            out.extend(load_sources_file(Path(argument), interval=interval))
        else:
            raise ConfigError(
                f"not a source: {argument!r} (give an http(s) URL or a sources .yaml file)",
                code=SOURCES_FILE_ERROR,
            )
    return _unique(out)


def _unique(sources: list[SourceConfig]) -> list[SourceConfig]:
    """The first entry of each URL: a URL listed twice is watched once."""
    seen: dict[str, SourceConfig] = {}
    for source in sources:
        seen.setdefault(source.url, source)
    return list(seen.values())


__all__ = [
    "DEFAULT_INTERVAL",
    "SourceEntry",
    "SourcesFile",
    "load_sources_file",
    "sources_from_arguments",
]
