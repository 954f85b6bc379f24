"""The fetcher's HTTP/1.1 transport as it was with a hand-written answer parser: kept here
only as bench/fetch_throughput.py's same-run baseline for the transport on llhttp
(worker/pipeline/clients/fetch/http11.py); nothing in the services imports it.
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

Connect = Callable[[str, int, float | None], Awaitable[httpcore2.AsyncNetworkStream]]
_Key = tuple[bytes, bytes, int]

_DEFAULT_PORTS = {b"http": 80, b"https": 443}
_CHUNK = 2**16
_NO_BODY = {204, 304}


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
                status, reason, headers, keep = await _response_head(
                    connection, timeouts.get("read")
                )
            except BaseException:
                connection.close()
                raise
        except BaseException:
            self._free()
            raise
        stream = _Body(self, connection, headers, timeouts.get("read"), keep)
        if request.method == "HEAD" or status in _NO_BODY:
            stream.empty()
        return httpx2.Response(
            status,
            headers=headers,
            stream=stream,
            extensions={"http_version": b"HTTP/1.1", "reason_phrase": reason},
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
            status, reason, _, _ = await _response_head(connection, timeout)
        except BaseException:
            connection.close()
            raise
        if not 200 <= status <= 299:
            connection.close()
            raise httpcore2.ProxyError(f"{status} {reason.decode('ascii', errors='ignore')}")
        return stream


class _Body(httpx2.AsyncByteStream):
    """The answer's body as it arrives; the connection goes back to the pool once the body
    was read to its end, and is closed when it was not."""

    def __init__(
        self,
        transport: PageTransport,
        connection: _Connection,
        headers: list[tuple[bytes, bytes]],
        timeout: float | None,
        keep: bool,
    ) -> None:
        self._transport = transport
        self._connection: _Connection | None = connection
        self._timeout = timeout
        self._keep = keep
        self._length: int | None = None
        self._chunked = False
        for name, value in headers:
            lowered = name.lower()
            if lowered == b"transfer-encoding" and value.strip().lower().endswith(b"chunked"):
                self._chunked = True
            elif lowered == b"content-length":
                self._length = _content_length(value, self._length)
        if not self._chunked and self._length is None:
            self._keep = False  # the body ends when the site closes the connection

    def empty(self) -> None:
        self._chunked, self._length = False, 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        connection = self._connection
        if connection is None:
            raise httpx2.StreamClosed()
        with map_httpcore_exceptions():
            if self._chunked:
                async for part in self._chunks(connection):
                    yield part
            elif self._length is not None:
                left = self._length
                while left:
                    part = await _read(connection, min(left, _CHUNK), self._timeout)
                    if not part:
                        raise httpcore2.RemoteProtocolError(
                            "peer closed connection without sending complete message body"
                        )
                    left -= len(part)
                    yield part
            else:
                while part := await _read(connection, _CHUNK, self._timeout):
                    yield part
        self._connection = None
        self._transport._release(connection, self._keep)

    async def _chunks(self, connection: _Connection) -> AsyncIterator[bytes]:
        while True:
            line = await _line(connection, self._timeout)
            try:
                size = int(line.split(b";", 1)[0].strip(), 16)
            except ValueError:
                raise httpcore2.RemoteProtocolError("malformed chunk size") from None
            if size == 0:
                while await _line(connection, self._timeout):
                    pass  # trailers, up to the empty line
                return
            while size:
                part = await _read(connection, min(size, _CHUNK), self._timeout)
                if not part:
                    raise httpcore2.RemoteProtocolError("peer closed connection mid-chunk")
                size -= len(part)
                yield part
            await _line(connection, self._timeout)

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


async def _response_head(
    connection: _Connection, timeout: float | None
) -> tuple[int, bytes, list[tuple[bytes, bytes]], bool]:
    """Status, reason, headers and whether the connection may be kept; informational
    answers (100 Continue) are passed over."""
    while True:
        try:
            async with asyncio.timeout(timeout):
                head = await connection.reader.readuntil(b"\r\n\r\n")
        except TimeoutError as error:
            raise httpcore2.ReadTimeout("no answer in time") from error
        except asyncio.IncompleteReadError as error:
            raise httpcore2.RemoteProtocolError(
                "Server disconnected without sending a response."
            ) from error
        except asyncio.LimitOverrunError as error:
            raise httpcore2.RemoteProtocolError("the answer's head is too long") from error
        except (OSError, ssl.SSLError) as error:
            raise httpcore2.ReadError(str(error) or type(error).__name__) from error
        lines = head[:-4].split(b"\r\n")
        version, _, rest = lines[0].partition(b" ")
        code, _, reason = rest.partition(b" ")
        if not version.startswith(b"HTTP/1.") or len(code) != 3 or not code.isdigit():
            raise httpcore2.RemoteProtocolError(f"not an HTTP/1 answer: {lines[0][:80]!r}")
        status = int(code)
        if 100 <= status < 200 and status != 101:
            continue
        headers = []
        keep = version == b"HTTP/1.1"
        for line in lines[1:]:
            name, colon, value = line.partition(b":")
            if not colon or not name or name != name.strip():
                raise httpcore2.RemoteProtocolError(f"malformed header line {line[:80]!r}")
            value = value.strip()
            headers.append((name, value))
            if name.lower() == b"connection":
                tokens = {token.strip() for token in value.lower().split(b",")}
                keep = b"close" not in tokens and (keep or b"keep-alive" in tokens)
        return status, reason, headers, keep


def _content_length(value: bytes, earlier: int | None) -> int:
    values = {part.strip() for part in value.split(b",")}
    if len(values) != 1 or not next(iter(values)).isdigit():
        raise httpcore2.RemoteProtocolError("malformed Content-Length")
    length = int(next(iter(values)))
    if earlier is not None and earlier != length:
        raise httpcore2.RemoteProtocolError("conflicting Content-Length headers")
    return length


async def _write(connection: _Connection, data: bytes, timeout: float | None) -> None:
    await connection.stream.write(data, timeout)


async def _read(connection: _Connection, size: int, timeout: float | None) -> bytes:
    return await connection.stream.read(size, timeout)


async def _line(connection: _Connection, timeout: float | None) -> bytes:
    try:
        async with asyncio.timeout(timeout):
            return (await connection.reader.readuntil(b"\r\n"))[:-2]
    except TimeoutError as error:
        raise httpcore2.ReadTimeout("no answer in time") from error
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError) as error:
        raise httpcore2.RemoteProtocolError("malformed chunked body") from error
    except (OSError, ssl.SSLError) as error:
        raise httpcore2.ReadError(str(error) or type(error).__name__) from error
