"""A request that the server's shutdown cuts short is answered 503, not with a bare 500.

On SIGTERM uvicorn lets requests in flight run for `DOSSIER_GATEWAY_SHUTDOWN_GRACE_S`,
then cancels those still running (a slow upload, typically). An upload cancelled that way
deletes what it had stored (gateway/ingest/create.py); the client is then told to send it
again, instead of uvicorn answering 500 for an exception it did not expect.
"""

from __future__ import annotations

import asyncio

import structlog
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gateway.errors import error_body

log = structlog.get_logger()


class AnswerCutShort:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except asyncio.CancelledError:
            if started:
                raise
            # The cancellation has done its work: the request stopped and cleaned up.
            task = asyncio.current_task()
            if task is not None:
                task.uncancel()
            log.warning("request.cut_short")
            response = JSONResponse(
                error_body("shutting_down", "the server is restarting; send the request again"),
                503,
                headers={"Retry-After": "5", "Connection": "close"},
            )
            await response(scope, receive, send)
