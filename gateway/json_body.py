"""A JSON request body read with a size cap, since FastAPI reads any size into memory."""

from __future__ import annotations

from typing import TypeVar

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

from shared.errors import InvalidInput

M = TypeVar("M", bound=BaseModel)
MAX_JSON_BYTES = 64 * 1024


def _too_large(limit: int) -> InvalidInput:
    return InvalidInput("body_too_large", f"the request body is larger than {limit} bytes", 413)


async def read_json(request: Request, model: type[M], limit: int = MAX_JSON_BYTES) -> M:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise _too_large(limit)
    try:
        return model.model_validate_json(bytes(body))
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_url=False)) from None
