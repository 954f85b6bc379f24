"""JSON request bodies read up to a limit before they are parsed: FastAPI would read a body
of any size into memory before any check."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

from shared.errors import InvalidInput

Model = TypeVar("Model", bound=BaseModel)


def body_too_large(limit: int) -> InvalidInput:
    return InvalidInput("body_too_large", f"the request body is larger than {limit} bytes", 413)


async def capped_body(request: Request, limit: int) -> bytes:
    """The whole body, refused (413) as soon as it declares or sends more than `limit`."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise body_too_large(limit)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise body_too_large(limit)
    return bytes(body)


def parsed_body(model: type[Model], body: bytes) -> Model:
    """The body as `model`; anything else is the same 422 FastAPI gives a bad body."""
    try:
        return model.model_validate_json(body)
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_url=False)) from None


def json_body(model: type[Model], limit: int) -> Callable[[Request], Coroutine[Any, Any, Model]]:
    """A dependency reading the request's JSON body as `model`, at most `limit` bytes."""

    async def read(request: Request) -> Model:
        return await read_json(request, model, limit)

    return read


def documented_body(model: type[BaseModel], *, required: bool = True) -> dict[str, Any]:
    """`openapi_extra` naming the body the dependency reads, which FastAPI cannot see."""
    schema = model.model_json_schema()
    return {
        "requestBody": {"required": required, "content": {"application/json": {"schema": schema}}}
    }


MAX_JSON_BYTES = 64 * 1024


async def read_json(request: Request, model: type[Model], limit: int = MAX_JSON_BYTES) -> Model:
    return parsed_body(model, await capped_body(request, limit))
