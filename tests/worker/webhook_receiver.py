"""A webhook receiver on 127.0.0.1 that fails a given number of calls, then accepts."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from tests.pipeline.fakes.server import serve_app


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes


@dataclass
class ReceiverState:
    fail_first: int = 0
    calls: list[Received] = field(default_factory=list)


@dataclass
class Receiver:
    url: str
    state: ReceiverState


@contextmanager
def webhook_receiver(fail_first: int = 0) -> Iterator[Receiver]:
    state = ReceiverState(fail_first)

    async def hook(request: Request) -> JSONResponse:
        state.calls.append(Received(dict(request.headers), await request.body()))
        if len(state.calls) <= state.fail_first:
            return JSONResponse({"error": "not now"}, 503)
        return JSONResponse({"ok": True})

    app = Starlette(routes=[Route("/hook", hook, methods=["POST"])])
    with serve_app(app) as port:
        yield Receiver(f"http://127.0.0.1:{port}/hook", state)
