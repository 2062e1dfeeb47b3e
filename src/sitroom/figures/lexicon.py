"""The word lists of ``data/figure_nouns.yaml``, merged with any user-supplied files."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from sitroom.errors import ConfigError

_KEYS = ("person_nouns", "casualty_words", "time_nouns")


@dataclasses.dataclass(frozen=True)
class FigureLexicon:
    """Lower-case word sets; see the header of ``data/figure_nouns.yaml`` for what each does."""

    person_nouns: frozenset[str] = frozenset()
    casualty_words: frozenset[str] = frozenset()
    time_nouns: frozenset[str] = frozenset()

    def merged(self, other: FigureLexicon) -> FigureLexicon:
        return FigureLexicon(
            *(getattr(self, key) | getattr(other, key) for key in _KEYS)  # union, never replace
        )


def parse_lexicon(data: Any, source: str) -> FigureLexicon:
    """Build a lexicon from loaded YAML; unknown keys and non-list values are errors."""
    if data is None:
        return FigureLexicon()
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: expected a mapping of word lists", code="S150")
    unknown = set(data) - set(_KEYS)
    if unknown:
        raise ConfigError(f"{source}: unknown key(s) {', '.join(sorted(unknown))}", code="S150")
    sets: dict[str, frozenset[str]] = {}
    for key in _KEYS:
        words = data.get(key) or []
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ConfigError(f"{source}: {key} must be a list of strings", code="S150")
        sets[key] = frozenset(w.strip().lower() for w in words if w.strip())
    return FigureLexicon(**sets)


def _read(path: Path) -> FigureLexicon:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read figure lexicon {path}: {exc}", code="S150") from exc
    return parse_lexicon(data, str(path))


@functools.cache
def default_lexicon() -> FigureLexicon:
    """The lists shipped with sitroom (read once per process)."""
    text = resources.files("sitroom").joinpath("data/figure_nouns.yaml").read_text("utf-8")
    return parse_lexicon(yaml.safe_load(text), "sitroom/data/figure_nouns.yaml")


def load_lexicon(extra: Iterable[str | Path] = ()) -> FigureLexicon:
    """The shipped lists plus the words of each extra YAML file (same keys, merged)."""
    lexicon = default_lexicon()
    for path in extra:
        lexicon = lexicon.merged(_read(Path(path)))
    return lexicon


__all__ = ["FigureLexicon", "default_lexicon", "load_lexicon", "parse_lexicon"]
