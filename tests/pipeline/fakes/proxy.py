"""A small forward proxy: CONNECT tunnels and absolute-form HTTP, mapping the site farm's
host names to local ports. Unknown hosts get 502, like a proxy whose DNS lookup failed."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass
class Route:
    https_port: int | None
    http_port: int | None


@dataclass
class ProxyState:
    routes: dict[str, Route] = field(default_factory=dict)
    tunnels: list[str] = field(default_factory=list)
    forwards: list[str] = field(default_factory=list)


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(ConnectionError, asyncio.CancelledError):
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    with contextlib.suppress(Exception):
        writer.close()


def _refuse(writer: asyncio.StreamWriter, reason: str) -> None:
    writer.write(f"HTTP/1.1 502 {reason}\r\nContent-Length: 0\r\n\r\n".encode())


Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


def handler(state: ProxyState) -> Handler:
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
            writer.close()
            return
        lines = head.decode("latin-1").split("\r\n")
        method, target, version = lines[0].split(" ", 2)
        if method == "CONNECT":
            host, _, port = target.rpartition(":")
            route = state.routes.get(host)
            dest = route.https_port if route and port == "443" else None
            state.tunnels.append(host)
            await _tunnel(reader, writer, dest, head=None)
            return
        parts = urlsplit(target)
        route = state.routes.get(parts.hostname or "")
        state.forwards.append(parts.hostname or "")
        path = parts.path or "/"
        if parts.query:
            path += f"?{parts.query}"
        kept = [
            line
            for line in lines[1:]
            if line and not line.lower().startswith(("connection:", "proxy-connection:"))
        ]
        rewritten = "\r\n".join([f"{method} {path} {version}", *kept, "Connection: close", "", ""])
        await _tunnel(reader, writer, route.http_port if route else None, rewritten.encode())

    return handle


async def _tunnel(
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    port: int | None,
    head: bytes | None,
) -> None:
    if port is None:
        _refuse(writer, "Bad Gateway")
        writer.close()
        return
    try:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        _refuse(writer, "Bad Gateway")
        writer.close()
        return
    if head is None:
        writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
    else:
        up_writer.write(head)
    await asyncio.gather(_pipe(reader, up_writer), _pipe(up_reader, writer))
