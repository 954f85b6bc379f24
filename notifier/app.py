"""The ASGI app: /ws for clients, /healthz, /readyz and /metrics (Prometheus) for operators."""

from __future__ import annotations

import asyncio
import time

from prometheus_client import CollectorRegistry
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, WebSocketRoute

from notifier.consumer import EventConsumer
from notifier.endpoint import WebSocketEndpoint
from shared.errors import Retryable
from shared.metrics_exposition import CONTENT_TYPE, render
from shared.storage.protocol import ObjectStore


class Readiness:
    """Ready when events are being consumed and storage answers (cached for a second)."""

    def __init__(self, consumer: EventConsumer, store: ObjectStore, timeout: float = 2.0) -> None:
        self._consumer = consumer
        self._store = store
        self._timeout = timeout
        self._storage_ok = False
        self._checked_at = float("-inf")

    async def checks(self) -> dict[str, bool]:
        if time.monotonic() - self._checked_at > 1.0:
            try:
                await asyncio.wait_for(self._store.ping(), self._timeout)
                self._storage_ok = True
            except (Retryable, TimeoutError):
                self._storage_ok = False
            self._checked_at = time.monotonic()
        return {"broker": self._consumer.ready, "storage": self._storage_ok}


def create_app(
    endpoint: WebSocketEndpoint, readiness: Readiness, registry: CollectorRegistry
) -> Starlette:
    async def healthz(_: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def readyz(_: Request) -> Response:
        checks = await readiness.checks()
        ready = all(checks.values())
        return JSONResponse(
            {"status": "ready" if ready else "not_ready", "checks": checks},
            status_code=200 if ready else 503,
        )

    async def metrics_view(_: Request) -> Response:
        return Response(render(registry), media_type=CONTENT_TYPE)

    async def http_error(_: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        code = {404: "not_found", 405: "method_not_allowed"}.get(status, "http_error")
        detail = exc.detail if isinstance(exc, HTTPException) else "internal error"
        return JSONResponse({"code": code, "message": detail}, status_code=status)

    return Starlette(
        routes=[
            WebSocketRoute("/ws", endpoint.handle),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/metrics", metrics_view),
        ],
        exception_handlers={HTTPException: http_error},
    )
