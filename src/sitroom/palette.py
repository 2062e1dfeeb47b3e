"""The one palette of quad-class colours shared by the dashboard and the situation report.

Defined in ``sitroom/data/palette.yaml`` so that a deployment can restyle every screen in one
place; read once per process.
"""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from sitroom.errors import ConfigError
from sitroom.resources import load_data

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


class Swatch(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    label: str
    colour: str

    @field_validator("colour")
    @classmethod
    def _hex(cls, value: str) -> str:
        if not _HEX.match(value):
            raise ValueError(f"colour {value!r} is not a #rrggbb hex string")
        return value.lower()


class Palette(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    quad_classes: dict[str, Swatch]
    other: Swatch

    def colour(self, quad: str | None) -> str:
        swatch = self.quad_classes.get(quad or "")
        return (swatch or self.other).colour

    def css(self) -> str:
        """Custom properties ``--q-<quad>`` for the dashboard's stylesheets."""
        lines = [
            f"  --q-{quad.replace('_', '-')}: {s.colour};" for quad, s in self.quad_classes.items()
        ]
        lines.append(f"  --q-other: {self.other.colour};")
        return ":root {\n" + "\n".join(lines) + "\n}\n"


@cache
def palette() -> Palette:
    try:
        return Palette.model_validate(load_data("palette.yaml"))
    except ValidationError as exc:
        raise ConfigError(f"palette.yaml: {exc}", code="S110") from exc


__all__ = ["Palette", "Swatch", "palette"]
