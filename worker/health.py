"""A tiny HTTP server for operators: /healthz (the process runs), /readyz (broker +
storage) and /metrics (Prometheus text)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable

import structlog

log = structlog.get_logger()
ReadyCheck = Callable[[], Awaitable[bool]]
JSON = "application/json"


class HealthServer:
    def __init__(
        self,
        host: str,
        port: int,
        ready: ReadyCheck,
        metrics: Callable[[], bytes],
        metrics_type: str,
    ) -> None:
        self._host = host
        self._port = port
        self._ready = ready
        self._metrics = metrics
        self._metrics_type = metrics_type
        self._server: asyncio.Server | None = None

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, self._host, self._port)
        log.info("health.listening", host=self._host, port=self._port)

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await self._answer(reader, writer)
        finally:
            writer.close()

    async def _answer(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        # A probe that hangs up or never sends its request line gets no answer.
        with contextlib.suppress(TimeoutError, ConnectionError):
            request = await asyncio.wait_for(reader.readline(), timeout=5)
            parts = request.decode("latin-1").split()
            path = parts[1] if len(parts) >= 2 else ""
            content_type = JSON
            if path == "/healthz":
                status, body = 200, b'{"status":"ok"}'
            elif path == "/readyz":
                ready = await self._ready()
                status = 200 if ready else 503
                body = b'{"status":"ready"}' if ready else b'{"status":"not ready"}'
            elif path == "/metrics":
                status, body, content_type = 200, self._metrics(), self._metrics_type
            else:
                status, body = 404, b'{"code":"not_found","message":"unknown path"}'
            reason = {200: "OK", 404: "Not Found", 503: "Service Unavailable"}[status]
            writer.write(
                f"HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\n"
                f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
                + body
            )
            await writer.drain()
