"""One canonical log line and one metrics sample per request, with the request's context
bound for its logs."""

from __future__ import annotations

import time
import uuid

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = structlog.get_logger()


class AccessLog:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def record_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        with structlog.contextvars.bound_contextvars(request_id=uuid.uuid4().hex[:12]):
            try:
                await self.app(scope, receive, record_status)
            finally:
                seconds = time.perf_counter() - started
                # The app's own services: Starlette puts the app in the scope first.
                scope["app"].state.services.metrics.request(scope, status, seconds)
                path = scope.get("path", "")
                # Probes and static files would drown the API's lines; their failures stay.
                if path.startswith("/api/") or path == "/api" or status >= 400:
                    log.info(
                        "request.finished",
                        method=scope.get("method"),
                        path=path[:200],
                        status=status,
                        ms=round(seconds * 1000, 1),
                    )
