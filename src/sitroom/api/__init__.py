"""The HTTP API (``sitroom serve``): JSON over FastAPI, reading the store, writing through the
service layer. See ``create_app``."""

from __future__ import annotations

from sitroom.api.app import create_app

__all__ = ["create_app"]
