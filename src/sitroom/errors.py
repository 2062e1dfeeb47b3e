"""The one exception tree of sitroom.

Every error carries a stable code so that users, logs and the HTTP API can refer to it::

    SitroomError                 [S000]
    ├── ConfigError              [S1xx]  bad settings, data files, tokens, watch files
    │   └── VocabularyError      [S110]  a data file or user vocabulary file with a bad entry
    ├── InputError               [S2xx]  a document that cannot be read, fetched or extracted
    │   ├── MissingInputError    [S201]
    │   ├── EmptyTextError       [S202]
    │   ├── DecodeError          [S203]
    │   ├── UnknownFormatError   [S204]
    │   └── BadDateError         [S205]
    ├── ModelError               [S3xx]  the spaCy pipeline cannot be loaded
    ├── GazetteerError           [S4xx]  the place index cannot be built or opened
    ├── StoreError               [S5xx]  the database cannot be opened, migrated or written
    ├── ApiError                 [S6xx]  an HTTP request the API refuses; carries its status
    └── ReportError              [S7xx]  a situation report cannot be built or written

``CODES`` below says what each code means; it is the one list, and a test fails on a code raised
anywhere in sitroom that it does not name, or on an entry nothing raises. Modules keep named
constants for the codes they raise, but a code means one thing everywhere.

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
    S703 output not writable, S704 no Chromium for a PDF, S705 Chromium failed to print."""

    code = "S700"


# Every code sitroom raises, with what it means. Numbers are never reused for another meaning.
CODES: dict[str, str] = {
    "S000": "an error of sitroom with no more specific code",
    "S100": "bad settings",
    "S101": "an unknown setting, or a setting of the wrong shape",
    "S102": "a config file that cannot be parsed or has no [sitroom] table",
    "S103": "a packaged or named data file not found",
    "S104": "a data file that is not valid YAML",
    "S110": "a vocabulary entry that does not fit its schema (file, line and key given)",
    "S121": "an API token shorter than 24 characters",
    "S122": "a non-loopback bind without a read token and without --public",
    "S123": "a token file that cannot be read",
    "S124": "an optional extra (Ray) that is not installed",
    "S125": "chunk sizes out of range (chunk_chars < 1,000 or max_document_chars <= 0)",
    "S137": "the worker settings file of `sitroom serve --workers` missing or unreadable",
    "S160": "a watch sources file with a bad entry",
    "S161": "an alert rules file with a bad entry",
    "S200": "an input that cannot be read",
    "S201": "an input path or URL that does not exist",
    "S202": "a document with no text",
    "S203": "bytes that cannot be decoded as text",
    "S204": "an input format no reader handles",
    "S205": "a publication date that cannot be parsed",
    "S206": "an input larger than the size limit",
    "S207": "a malformed feed",
    "S208": "a damaged WARC archive",
    "S209": "an HTTP error status when fetching",
    "S210": "a network failure when fetching",
    "S211": "a malformed JSONL record",
    "S212": "more items than the item limit",
    "S213": "a reader that failed on an item",
    "S214": "a document longer than max_document_chars",
    "S215": "a path that is not a regular file (device, FIFO, socket, folder)",
    "S216": "a file that cannot be opened or read (permissions, I/O)",
    "S217": "a fetch refused by the fetch policy (private address, denied host, deadline)",
    "S218": "a page robots.txt disallows",
    "S300": "the NLP pipeline cannot be used",
    "S301": "the spaCy pipeline cannot be loaded",
    "S302": "the spaCy pipeline lacks a component sitroom needs",
    "S400": "the gazetteer cannot be used",
    "S401": "the gazetteer cannot be built or written",
    "S402": "the gazetteer cannot be opened or queried",
    "S403": "an admin-1 table with a bad line",
    "S500": "a store error",
    "S501": "an operation the database dialect does not support",
    "S502": "a path that cannot hold a database",
    "S503": "a schema that cannot be migrated (newer than this sitroom, failed migration, no FTS5)",
    "S504": "a database write that failed",
    "S505": "a database read that failed",
    "S506": "no sitroom database at the path",
    "S507": "a query or download the store cannot answer as asked",
    "S508": "Parquet export without pyarrow",
    "S509": "an export target that cannot be written",
    "S510": "no such corpus event",
    "S511": "an optional library for data access that is not installed",
    "S512": "a damaged database file",
    "S600": "an HTTP request the API refuses",
    "S601": "404 not found",
    "S602": "401 missing or wrong token",
    "S603": "403 writes disabled",
    "S604": "422 invalid request",
    "S605": "405 method not allowed",
    "S606": "413 body too large",
    "S607": "500 internal error",
    "S608": "503 database or model unavailable",
    "S609": "429 too many failed authentications from one client",
    "S700": "a situation report cannot be built",
    "S701": "a report period that starts after it ends",
    "S702": "a report filter the store refuses",
    "S703": "a report file that cannot be written",
    "S704": "no Chromium to print a report PDF with (set SITROOM_CHROMIUM or install chromium)",
    "S705": "Chromium failed to print the report PDF",
}


__all__ = [
    "CODES",
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
