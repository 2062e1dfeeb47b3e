"""The one exception tree of sitroom.

Every error carries a stable code so that users, logs and the HTTP API can refer to it::

    SitroomError                 [S000]
    ├── ConfigError              [S1xx]  bad settings, unknown model, bad option values
    │   S103 bad chunk sizes  S104 token too short  S105 exposed without a read token
    │   S106 unreadable token file  S137 worker settings of `serve --workers` missing
    │   └── VocabularyError      [S110]  a data file or user vocabulary file with a bad entry
    ├── InputError               [S2xx]  a document that cannot be read (S206-S217: see
    │                                    sitroom.ingest.item; S214 too long to extract)
    │   ├── MissingInputError    [S201]
    │   ├── EmptyTextError       [S202]
    │   ├── DecodeError          [S203]
    │   ├── UnknownFormatError   [S204]
    │   └── BadDateError         [S205]
    ├── ModelError               [S3xx]  the spaCy pipeline cannot be loaded
    ├── GazetteerError           [S4xx]  the place index cannot be built or opened
    ├── StoreError               [S5xx]  the database cannot be opened, migrated or written
    ├── ApiError                 [S6xx]  an HTTP request the API refuses; carries its status
    │   S601 404 not found        S602 401 missing or wrong token   S603 403 writes disabled
    │   S604 422 invalid request  S605 405 method not allowed       S606 413 body too large
    │   S607 500 internal error   S608 503 database or model unavailable
    │   S609 429 too many failed authentications from one client
    └── ReportError              [S7xx]  a situation report cannot be built or written

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


class VocabularyError(ConfigError):
    """A vocabulary file (packaged or the user's) that does not fit its schema. The message names
    the file, the key path and the line, so that a user can find and mend the entry."""

    code = "S110"

    def __init__(
        self,
        message: str,
        *,
        file: str,
        key: str | None = None,
        line: int | None = None,
        code: str | None = None,
    ) -> None:
        self.file = file
        self.key = key
        self.line = line
        where = file + (f", line {line}" if line is not None else "") + (f", {key}" if key else "")
        super().__init__(f"{where}: {message}", code=code)


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


class ApiError(SitroomError):
    """An HTTP request the API refuses: ``status`` is the HTTP status it is answered with."""

    code = "S600"

    def __init__(self, message: str, *, code: str | None = None, status: int = 400) -> None:
        super().__init__(message, code=code)
        self.status = status


class ReportError(SitroomError):
    """A situation report that cannot be built or written: S701 bad period, S702 bad country,
    S703 output not writable."""

    code = "S700"


__all__ = [
    "ApiError",
    "BadDateError",
    "ConfigError",
    "DecodeError",
    "EmptyTextError",
    "GazetteerError",
    "InputError",
    "MissingInputError",
    "ModelError",
    "ReportError",
    "SitroomError",
    "StoreError",
    "UnknownFormatError",
    "VocabularyError",
]
