"""One JSON error shape for every failure: ``{"error": {"code", "status", "message", "details"}}``.

Handlers here cover sitroom's own errors, request validation, the router's 404/405, and
anything unexpected (500, logged, no traceback in the response), so a client parses one shape.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, Final

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitroom.api.schemas import ErrorBody, ErrorDetail, ErrorResponse
from sitroom.errors import (
    ApiError,
    InputError,
    ModelError,
    ReportError,
    SitroomError,
    StoreError,
)

log = logging.getLogger("sitroom.api")

NOT_FOUND: Final = "S601"
UNAUTHORIZED: Final = "S602"
FORBIDDEN: Final = "S603"
INVALID: Final = "S604"
METHOD_NOT_ALLOWED: Final = "S605"
BODY_TOO_LARGE: Final = "S606"
INTERNAL: Final = "S607"
UNAVAILABLE: Final = "S608"

# Sent on every response, errors included; the error path builds responses itself because
# Starlette's outermost error middleware bypasses user middleware for a 500.
SECURITY_HEADERS: Final = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

# Store errors: a bad filter or cursor is the client's fault; an unopenable or unmigrated
# database is the server's, and temporary from the client's point of view.
_STORE_STATUS: Final = {
    "S501": 503,
    "S502": 503,
    "S505": 503,
    "S506": 503,
    "S507": 400,
    "S512": 503,  # a damaged database file
}
_HTTP_CODES: Final = {
    400: INVALID,
    401: UNAUTHORIZED,
    403: FORBIDDEN,
    404: NOT_FOUND,
    405: METHOD_NOT_ALLOWED,
    413: BODY_TOO_LARGE,
    422: INVALID,
}

# The response schema of every error status, for OpenAPI.
ERROR_RESPONSES: Final[dict[int | str, dict[str, Any]]] = {
    status: {"model": ErrorResponse, "description": text}
    for status, text in (
        (400, "Bad filter or cursor (S507)"),
        (401, "Missing or wrong bearer token (S602)"),
        (404, "Not found (S601)"),
        (422, "Invalid parameters (S604)"),
        (500, "Internal error (S607)"),
        (503, "Database unavailable (S608 or S5xx)"),
    )
}


def not_found(what: str) -> ApiError:
    return ApiError(f"{what} not found", code=NOT_FOUND, status=404)


def error_response(
    status: int,
    code: str,
    message: str,
    details: Sequence[ErrorDetail] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = ErrorResponse(
        error=ErrorBody(
            code=code,
            status=status,
            message=message,
            details=list(details) if details else None,
        )
    )
    return JSONResponse(
        body.model_dump(mode="json", exclude_none=True),
        status_code=status,
        headers={**SECURITY_HEADERS, **(headers or {})},
    )


def status_of(error: SitroomError) -> int:
    if isinstance(error, ApiError):
        return error.status
    if isinstance(error, StoreError):
        return _STORE_STATUS.get(error.code, 500)
    if isinstance(error, InputError):
        return 422
    if isinstance(error, ModelError):
        return 503
    if isinstance(error, ReportError):  # a bad period or country
        return 400 if error.code in {"S701", "S702"} else 500
    return 500


def public_message(error: SitroomError, status: int) -> str:
    """What the client may read: a server-side store failure's message names the database
    (its path or URL) and the driver's words, so the client gets the code and what to do; the
    operator finds the whole message in the server log."""
    if status < 500 or not isinstance(error, StoreError):
        return error.message
    if error.code == "S506":
        return "the database has no current sitroom schema; the operator runs `sitroom migrate`"
    return "the database is unavailable; the server log has the details"


async def _sitroom_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, SitroomError)
    status = status_of(exc)
    if status >= 500:
        log.error("%s %s failed: %s", request.method, request.url.path, exc)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return error_response(status, exc.code, public_message(exc, status), headers=headers)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    details = [
        ErrorDetail(
            loc=[part if isinstance(part, int) else str(part) for part in error.get("loc", ())],
            message=str(error.get("msg", "invalid")),
            type=error.get("type"),
        )
        for error in exc.errors()
    ]
    where = ", ".join(".".join(str(p) for p in d.loc) for d in details)
    return error_response(422, INVALID, f"invalid request: {where}", details)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    code = _HTTP_CODES.get(status, INTERNAL if status >= 500 else INVALID)
    if status == 404:
        message = f"no such resource: {request.url.path}"
    elif status == 405:
        message = f"method {request.method} not allowed on {request.url.path}"
    else:
        message = str(exc.detail)
    return error_response(status, code, message, headers=dict(exc.headers or {}))


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    # Logged with its traceback for the operator; the client learns only that it failed.
    log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return error_response(500, INTERNAL, "internal error; the server log has the details")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(SitroomError, _sitroom_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)


__all__ = [
    "ERROR_RESPONSES",
    "SECURITY_HEADERS",
    "error_response",
    "install_error_handlers",
    "not_found",
    "public_message",
    "status_of",
]
