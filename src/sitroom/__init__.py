"""sitroom: turn news reports into crisis intelligence."""

from __future__ import annotations

from importlib.metadata import version as _version

__version__ = _version("sitroom")
