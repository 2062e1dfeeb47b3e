"""The one exception tree of sitroom.

Every error carries a stable code so that users, logs and the HTTP API can refer to it::

    SitroomError                 [S000]
    ├── ConfigError              [S1xx]  bad settings, unknown model, bad option values
    ├── InputError               [S2xx]  a document that cannot be read
    │   ├── MissingInputError    [S201]
    │   ├── EmptyTextError       [S202]
    │   ├── DecodeError          [S203]
    │   ├── UnknownFormatError   [S204]
    │   └── BadDateError         [S205]
    ├── ModelError               [S3xx]  the spaCy pipeline cannot be loaded
    ├── GazetteerError           [S4xx]  the place index cannot be built or opened
    └── StoreError               [S5xx]  the database cannot be opened, migrated or written

This module imports nothing else from sitroom.
"""

from __future__ import annotations


class SitroomError(Exception):
    """Root of all errors raised on purpose by sitroom."""

    code = "S000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        if code is not None:
            self.code = code
        self.message = message
        super().__init__(f"[{self.code}] {message}")


class ConfigError(SitroomError):
    code = "S100"


class InputError(SitroomError):
    code = "S200"


class MissingInputError(InputError):
    code = "S201"


class EmptyTextError(InputError):
    code = "S202"


class DecodeError(InputError):
    code = "S203"


class UnknownFormatError(InputError):
    code = "S204"


class BadDateError(InputError):
    code = "S205"


class ModelError(SitroomError):
    code = "S300"


class GazetteerError(SitroomError):
    code = "S400"


class StoreError(SitroomError):
    code = "S500"


__all__ = [
    "BadDateError",
    "ConfigError",
    "DecodeError",
    "EmptyTextError",
    "GazetteerError",
    "InputError",
    "MissingInputError",
    "ModelError",
    "SitroomError",
    "StoreError",
    "UnknownFormatError",
]
