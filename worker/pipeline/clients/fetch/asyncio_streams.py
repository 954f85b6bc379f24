"""The page fetcher's sockets as asyncio streams, TLS by asyncio's own SSL transport.

httpcore2 reaches the network through a backend; its default wraps every socket and TLS
session in anyio's streams, whose handshake and reads run as Python loops over an
in-memory TLS object, frame by frame. A worker meets most sites once, so most pages pay
for a connection and a handshake: asyncio's transport does the same work with far fewer
Python steps, and halves the CPU of an HTTPS page through a proxy
(docs/performance.md, "The page fetcher on each HTTP client stack").
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from collections.abc import Iterable
from typing import Any

import httpcore2

_READ_LIMIT = 2**16


class AsyncioStream(httpcore2.AsyncNetworkStream):
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer

    @property
    def reader(self) -> asyncio.StreamReader:
        return self._reader

    @property
    def writer(self) -> asyncio.StreamWriter:
        return self._writer

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        try:
            async with asyncio.timeout(timeout):
                return await self._reader.read(max_bytes)
        except TimeoutError as error:
            raise httpcore2.ReadTimeout(str(error)) from error
        except (OSError, ssl.SSLError) as error:
            raise httpcore2.ReadError(str(error) or type(error).__name__) from error

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        try:
            async with asyncio.timeout(timeout):
                self._writer.write(buffer)
                await self._writer.drain()
        except TimeoutError as error:
            raise httpcore2.WriteTimeout(str(error)) from error
        except (OSError, ssl.SSLError, RuntimeError) as error:
            # RuntimeError: a transport closed under the write ("unable to perform ...").
            raise httpcore2.WriteError(str(error) or type(error).__name__) from error

    async def aclose(self) -> None:
        # No TLS close_notify exchange: the answer was framed by HTTP, and waiting on a
        # peer's close_notify would hold the socket for as long as the peer takes.
        self._writer.transport.abort()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore2.AsyncNetworkStream:
        try:
            async with asyncio.timeout(timeout):
                await self._writer.start_tls(ssl_context, server_hostname=server_hostname)
        except TimeoutError as error:
            await self.aclose()
            raise httpcore2.ConnectTimeout(str(error)) from error
        except (OSError, ssl.SSLError, ConnectionError) as error:
            await self.aclose()
            raise httpcore2.ConnectError(str(error) or type(error).__name__) from error
        return self

    def get_extra_info(self, info: str) -> Any:
        transport = self._writer.transport
        if info == "ssl_object":
            return transport.get_extra_info("ssl_object")
        if info == "client_addr":
            return transport.get_extra_info("sockname")
        if info == "server_addr":
            return transport.get_extra_info("peername")
        if info == "socket":
            return transport.get_extra_info("socket")
        if info == "is_readable":
            # Asked of every idle connection on each request. The transport reads whatever
            # arrives, so a site's close is already in the reader: no poll of the socket.
            return self._reader.at_eof() or transport.is_closing()
        return None


class AsyncioBackend(httpcore2.AsyncNetworkBackend):
    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore2.SOCKET_OPTION] | None = None,
    ) -> httpcore2.AsyncNetworkStream:
        local = (local_address, 0) if local_address else None
        try:
            async with asyncio.timeout(timeout):
                reader, writer = await asyncio.open_connection(
                    host, port, local_addr=local, limit=_READ_LIMIT
                )
        except TimeoutError as error:
            raise httpcore2.ConnectTimeout(str(error)) from error
        except OSError as error:
            raise httpcore2.ConnectError(str(error) or type(error).__name__) from error
        sock = writer.transport.get_extra_info("socket")
        for option in socket_options or ():
            with contextlib.suppress(OSError):
                sock.setsockopt(*option)
        return AsyncioStream(reader, writer)

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore2.SOCKET_OPTION] | None = None,
    ) -> httpcore2.AsyncNetworkStream:
        raise httpcore2.ConnectError("page fetches never use unix sockets")

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)
