"""Page GETs over HTTP/1.1 on asyncio's streams: the transport under the fetcher's httpx2
client, in place of httpcore2's pool.

httpx2 still builds each request, keeps a fetch's cookies, decodes the body and raises its
errors; what changes is the path from a request to the bytes on the wire. A worker sends
plain GETs to sites it mostly meets once, and httpcore2 spent a tenth of the worker's CPU
between the two (its pool, h11's state machine, the tunnel's layers; docs/performance.md,
"Where the worker's CPU goes"). Here a request is one written head, and its answer is
read by llhttp (http11_answer.py).

Connections: HTTPS through an HTTP(S) proxy is a CONNECT tunnel, plain HTTP through it
is sent to the proxy in absolute form; direct connections come from the guarded backend
(transport.py). Idle connections are kept per site, `max_keepalive_connections` in all,
for `keepalive_expiry` seconds, and never reused once the site has closed them.
"""

from __future__ import annotations

import asyncio
import base64
import ssl
import time
from collections.abc import AsyncIterator, Awaitable, Callable

import httpcore2
import httpx2
from httpx2._transports.default import map_httpcore_exceptions  # httpx2's error mapping

from worker.pipeline.clients.fetch.asyncio_streams import AsyncioStream
from worker.pipeline.clients.fetch.http11_answer import Answer

Connect = Callable[[str, int, float | None], Awaitable[httpcore2.AsyncNetworkStream]]
_Key = tuple[bytes, bytes, int]

_DEFAULT_PORTS = {b"http": 80, b"https": 443}


class _Connection:
    def __init__(self, stream: AsyncioStream, key: _Key) -> None:
        self.stream = stream
        self.reader = stream.reader
        self.writer = stream.writer
        self.key = key
        self.idle_since = 0.0

    def usable(self, now: float, expiry: float) -> bool:
        return (
            now - self.idle_since < expiry
            and not self.reader.at_eof()
            and not self.writer.transport.is_closing()
        )

    def close(self) -> None:
        self.writer.transport.abort()


class PageTransport(httpx2.AsyncBaseTransport):
    """`connect` opens a TCP stream to a host and port (direct: through the address guard;
    with `proxy`: to the proxy)."""

    def __init__(
        self,
        connect: Connect,
        context: ssl.SSLContext,
        limits: httpx2.Limits,
        proxy: httpx2.Proxy | None = None,
    ) -> None:
        self._connect = connect
        self._context = context
        context.set_alpn_protocols(["http/1.1"])  # as httpcore2 asks for HTTP/1.1 only
        self._proxy = proxy
        self._proxy_headers = list(proxy.headers.raw) if proxy is not None else []
        if proxy is not None and proxy.raw_auth is not None:
            # As httpcore2 sends a proxy URL's user and password.
            token = base64.b64encode(b":".join(proxy.raw_auth))
            self._proxy_headers.insert(0, (b"Proxy-Authorization", b"Basic " + token))
        self._idle: list[_Connection] = []
        self._keep = limits.max_keepalive_connections or 0
        self._expiry = limits.keepalive_expiry if limits.keepalive_expiry is not None else 5.0
        most = limits.max_connections
        self._slots = asyncio.Semaphore(most) if most else None

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        with map_httpcore_exceptions():
            return await self._send(request)

    async def aclose(self) -> None:
        for connection in self._idle:
            connection.close()
        self._idle.clear()

    async def _send(self, request: httpx2.Request) -> httpx2.Response:
        timeouts: dict[str, float | None] = request.extensions.get("timeout", {})
        url = request.url
        key = (url.raw_scheme, url.raw_host, url.port or _DEFAULT_PORTS.get(url.raw_scheme, 80))
        if key[0] not in _DEFAULT_PORTS:
            raise httpcore2.UnsupportedProtocol(f"unsupported scheme {url.scheme!r}")
        forward = self._proxy is not None and key[0] == b"http"
        await self._slot(timeouts.get("pool"))
        try:
            connection = self._reused(key) or await self._open(key, timeouts.get("connect"))
            try:
                head = _request_head(request, forward, self._proxy_headers)
                body = b"".join([part async for part in request.stream])  # type: ignore[union-attr]
                await _write(connection, head + body, timeouts.get("write"))
                answer = Answer(connection.stream, timeouts.get("read"))
                await answer.read_head()
            except BaseException:
                connection.close()
                raise
        except BaseException:
            self._free()
            raise
        if request.method == "HEAD":
            answer.no_body()
        return httpx2.Response(
            answer.status,
            headers=answer.headers,
            stream=_Body(self, connection, answer),
            extensions={"http_version": b"HTTP/1.1", "reason_phrase": answer.reason},
        )

    async def _slot(self, timeout: float | None) -> None:
        if self._slots is None:
            return
        try:
            async with asyncio.timeout(timeout):
                await self._slots.acquire()
        except TimeoutError as error:
            raise httpcore2.PoolTimeout("no connection free in time") from error

    def _free(self) -> None:
        if self._slots is not None:
            self._slots.release()

    def _reused(self, key: _Key) -> _Connection | None:
        now = time.monotonic()
        found = None
        for connection in reversed(self._idle):
            if connection.key == key:
                found = connection
                break
        if found is not None:
            self._idle.remove(found)
            if found.usable(now, self._expiry):
                return found
            found.close()
        return None

    def _release(self, connection: _Connection, keep: bool) -> None:
        self._free()
        if not keep or self._keep <= 0:
            connection.close()
            return
        connection.idle_since = time.monotonic()
        self._idle.append(connection)
        if len(self._idle) > self._keep:
            self._idle.pop(0).close()

    async def _open(self, key: _Key, timeout: float | None) -> _Connection:
        scheme, host, port = key
        name = host.decode("ascii")
        if self._proxy is None:
            stream = await self._connect(name, port, timeout)
        else:
            stream = await self._through_proxy(key, timeout)
        if scheme == b"https":
            stream = await stream.start_tls(self._context, server_hostname=name, timeout=timeout)
        assert isinstance(stream, AsyncioStream)
        return _Connection(stream, key)

    async def _through_proxy(self, key: _Key, timeout: float | None) -> AsyncioStream:
        assert self._proxy is not None
        proxy = self._proxy.url
        proxy_port = proxy.port or _DEFAULT_PORTS.get(proxy.raw_scheme, 80)
        stream = await self._connect(proxy.host, proxy_port, timeout)
        if proxy.raw_scheme == b"https":
            proxy_context = self._proxy.ssl_context or self._context
            stream = await stream.start_tls(proxy_context, proxy.host, timeout)
        assert isinstance(stream, AsyncioStream)
        if key[0] == b"http":
            return stream  # plain HTTP is sent to the proxy itself
        connection = _Connection(stream, key)
        target = b"%b:%d" % (key[1], key[2])
        lines = [b"CONNECT %b HTTP/1.1" % target, b"Host: " + target, b"Accept: */*"]
        lines += [name + b": " + value for name, value in self._proxy_headers]
        try:
            await _write(connection, b"\r\n".join(lines) + b"\r\n\r\n", timeout)
            answer = Answer(stream, timeout)
            await answer.read_head()
        except BaseException:
            connection.close()
            raise
        if not 200 <= answer.status <= 299:
            connection.close()
            reason = answer.reason.decode("ascii", errors="ignore")
            raise httpcore2.ProxyError(f"{answer.status} {reason}")
        return stream


class _Body(httpx2.AsyncByteStream):
    """The answer's body as it arrives; the connection goes back to the pool once the body
    was read to its end, and is closed when it was not."""

    def __init__(self, transport: PageTransport, connection: _Connection, answer: Answer) -> None:
        self._transport = transport
        self._connection: _Connection | None = connection
        self._answer = answer

    async def __aiter__(self) -> AsyncIterator[bytes]:
        connection = self._connection
        if connection is None:
            raise httpx2.StreamClosed()
        with map_httpcore_exceptions():
            async for part in self._answer.body():
                yield part
        self._connection = None
        self._transport._release(connection, self._answer.keep)

    async def aclose(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:  # not read to its end: the connection is not reusable
            self._transport._release(connection, keep=False)


def _request_head(
    request: httpx2.Request, forward: bool, proxy_headers: list[tuple[bytes, bytes]]
) -> bytes:
    target = bytes(request.url.raw_path) if not forward else str(request.url).encode("ascii")
    lines = [b"%b %b HTTP/1.1" % (request.method.encode("ascii"), target)]
    lines += [name + b": " + value for name, value in request.headers.raw]
    if forward:
        lines += [name + b": " + value for name, value in proxy_headers]
    return b"\r\n".join(lines) + b"\r\n\r\n"


async def _write(connection: _Connection, data: bytes, timeout: float | None) -> None:
    await connection.stream.write(data, timeout)
