"""One request through the router before a gateway process reports ready.

FastAPI builds an app's routes on their first request, and the thread pool that runs
plain (not async) dependencies loads its event loop backend on first use: together
0.05-0.3 s on a loaded machine, which a gateway that just started would make its first
caller wait for. A session list asked for here with a limit out of range builds the
routes and is refused before the route reads anything (with or without API keys
configured); made through the router alone, it stays out of the access log and the
metrics.
"""

from __future__ import annotations

import contextlib
from collections.abc import MutableMapping
from typing import Any

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool

PATH = "/api/sessions"


async def warm_routes(app: FastAPI) -> None:
    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": PATH,
        "raw_path": PATH.encode(),
        "query_string": b"limit=0",
        "root_path": "",
        "headers": [],
        "server": ("127.0.0.1", 0),
        "client": ("127.0.0.1", 0),
        "app": app,
        "state": {},
    }

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: MutableMapping[str, Any]) -> None:
        return None  # the refusal is not answered to anyone

    # Matching the route builds the routes. The request goes no further than that or the
    # refusal, raised here: the router alone lacks what middleware adds to a request and
    # the handlers that turn a refusal into an answer.
    with contextlib.suppress(Exception):
        await app.router(scope, receive, send)
    await run_in_threadpool(_nothing)


def _nothing() -> None:
    return None
