"""A small protocol v1 client for tests, on the `websockets` library."""

from __future__ import annotations

import asyncio
import socket
from types import TracebackType
from typing import Any

import orjson
from websockets.asyncio.client import ClientConnection, connect


class Client:
    def __init__(self, connection: ClientConnection) -> None:
        self.ws = connection
        self.hello: dict[str, Any] = {}

    @classmethod
    async def open(
        cls,
        url: str,
        token: str | None = None,
        *,
        sock: socket.socket | None = None,
        max_queue: int = 16,
        subprotocols: list[str] | None = None,
    ) -> Client:
        target = f"{url}?token={token}" if token else url
        ws = await connect(
            target,
            sock=sock,
            max_queue=max_queue,
            subprotocols=subprotocols,  # type: ignore[arg-type]
            open_timeout=20,
            ping_interval=None,
        )
        client = cls(ws)
        if token or subprotocols:
            client.hello = await client.recv()
        return client

    async def __aenter__(self) -> Client:
        return self

    async def __aexit__(
        self, _t: type[BaseException] | None, _e: BaseException | None, _tb: TracebackType | None
    ) -> None:
        await self.ws.close()

    async def send(self, message: dict[str, Any]) -> None:
        await self.ws.send(orjson.dumps(message).decode())

    async def recv(self, timeout: float = 20) -> dict[str, Any]:
        data = await asyncio.wait_for(self.ws.recv(), timeout)
        message: dict[str, Any] = orjson.loads(data)
        return message

    async def subscribe(self, session_id: str) -> dict[str, Any]:
        await self.send({"type": "subscribe", "session_id": session_id})
        return await self.recv()

    async def watch_tenant(self) -> None:
        await self.send({"type": "subscribe", "scope": "tenant"})
        ack = await self.recv()
        assert ack == {"type": "subscribed", "scope": "tenant"}
