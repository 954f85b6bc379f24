"""Every error the API answers with, mapped to HTTP in one place.

Bodies are always `{"code": "...", "message": "..."}` so clients can branch on `code`.
"""

from __future__ import annotations

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from gateway.routing import allowed_methods
from shared.errors import Conflict, InvalidInput, NotFound, Retryable

log = structlog.get_logger()

_HTTP_CODES = {
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
}


class ApiConflict(Conflict):
    """A valid request that clashes with what is stored (answered with 409 and `code`)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class SessionConflict(ApiConflict):
    """The session's status does not allow the request."""


class SessionNotFound(NotFound):
    def __init__(self, session_id: str = "") -> None:
        super().__init__("no such session")
        self.session_id = session_id


class CriteriaNotFound(NotFound):
    def __init__(self, name: str) -> None:
        super().__init__(f"no criteria file named {name!r}")
        self.name = name


class Unauthorized(InvalidInput):
    def __init__(self, message: str) -> None:
        super().__init__("unauthorized", message, 401)


class RateLimited(InvalidInput):
    """Too many requests from one tenant: answered 429 with `Retry-After`."""

    def __init__(self, message: str, retry_after_s: int) -> None:
        super().__init__("rate_limited", message, 429)
        self.headers = {"Retry-After": str(retry_after_s)}


STORAGE_UNAVAILABLE = "object storage is unreachable; try again in a few seconds"


class ServiceUnavailable(Retryable):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class ApiError(BaseModel):
    """What every error answers with."""

    code: str = Field(
        description="Stable and machine-readable: branch on this", examples=["session_not_found"]
    )
    message: str = Field(description="For people; the wording may change")


def error_body(code: str, message: str) -> dict[str, str]:
    return ApiError(code=code, message=message).model_dump()


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(item) for item in error.get("loc", ()) if item != "body")
        message = error.get("msg", "invalid")
        parts.append(f"{where}: {message}" if where else message)
    return "; ".join(parts) or "invalid request"


async def _invalid_input(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, InvalidInput)
    headers = {"WWW-Authenticate": "Bearer"} if exc.status_code == 401 else None
    headers = getattr(exc, "headers", None) or headers
    return JSONResponse(error_body(exc.code, exc.message), exc.status_code, headers=headers)


async def _not_found(_: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, SessionNotFound):
        return JSONResponse(error_body("session_not_found", "no such session"), 404)
    if isinstance(exc, CriteriaNotFound):
        return JSONResponse(error_body("criteria_not_found", str(exc)), 404)
    return JSONResponse(error_body("not_found", str(exc) or "not found"), 404)


async def _conflict(_: Request, exc: Exception) -> JSONResponse:
    code = exc.code if isinstance(exc, ApiConflict) else "conflict"
    return JSONResponse(error_body(code, str(exc)), 409)


async def _unavailable(_: Request, exc: Exception) -> JSONResponse:
    log.warning("request.unavailable", error=str(exc))
    if isinstance(exc, ServiceUnavailable):
        code, message = exc.code, exc.message
    else:
        # A storage client's error names the endpoint, bucket and object keys: they are for
        # the operator's log, not for the client.
        code, message = "storage_unavailable", STORAGE_UNAVAILABLE
    return JSONResponse(error_body(code, message), 503, headers={"Retry-After": "5"})


async def _validation(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return JSONResponse(error_body("invalid_request", _validation_message(exc)), 422)


async def _http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _HTTP_CODES.get(exc.status_code, "http_error")
    message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
    headers = exc.headers
    if exc.status_code == 405:
        # The route that raised knows its own method only; the path may serve several.
        allowed = allowed_methods(request.app.routes, request.scope)
        if allowed:
            headers = {**(headers or {}), "Allow": ", ".join(allowed)}
    return JSONResponse(error_body(code, message), exc.status_code, headers=headers)


async def _client_aborted(request: Request, exc: Exception) -> JSONResponse:
    # The client went away mid-body: no fault of the server, and nobody reads this answer.
    log.info("request.client_aborted", method=request.method, path=request.url.path[:200])
    return JSONResponse(error_body("upload_aborted", "the connection closed mid-upload"), 400)


async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
    log.exception("request.failed", error=repr(exc))
    return JSONResponse(error_body("internal_error", "the server failed on this request"), 500)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(InvalidInput, _invalid_input)
    app.add_exception_handler(NotFound, _not_found)
    app.add_exception_handler(Conflict, _conflict)
    app.add_exception_handler(Retryable, _unavailable)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(ClientDisconnect, _client_aborted)
    app.add_exception_handler(Exception, _unexpected)
