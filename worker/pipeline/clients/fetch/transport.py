"""The HTTP client of page fetches, whose every connection passes the address guard.

Direct connections: the guard resolves the host, checks every address, and the socket
is opened to one of those checked addresses, never to the name, so a DNS answer that
changes between check and connect (rebinding) changes nothing. TLS still verifies and
sends SNI for the name, and the Host header is the URL's.

Through a proxy (HTTP(S)_PROXY, ALL_PROXY; NO_PROXY honoured) the proxy connects, so the
destination is resolved here and checked before the proxy is asked for it.

Either way the sockets and TLS are asyncio's own (asyncio_streams.py), and requests go
out over http11.py's HTTP/1.1 transport (a SOCKS proxy keeps httpx2's own).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from http.cookiejar import CookieJar, DefaultCookiePolicy

import anyio
import httpcore2
import httpx2
from httpx2._utils import get_environment_proxies  # how httpx2 reads the proxy variables

from shared.addresses import IPAddress
from worker.pipeline.clients.fetch.asyncio_streams import AsyncioBackend
from worker.pipeline.clients.fetch.guard import AddressGuard
from worker.pipeline.clients.fetch.http11 import PageTransport
from worker.pipeline.clients.fetch.tls import page_tls_context

_DEFAULT_PORTS = {"http": 80, "https": 443}
_NEXT_ATTEMPT_S = 0.25


class GuardedBackend(AsyncioBackend):
    """Connects to the checked addresses of a host, a new attempt every 250 ms until one
    answers (Happy Eyeballs, as for a name), so an address that never answers costs
    little."""

    def __init__(self, guard: AddressGuard) -> None:
        self._guard = guard

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore2.SOCKET_OPTION] | None = None,
    ) -> httpcore2.AsyncNetworkStream:
        addresses = await self._guard.addresses(host, port)
        connect = super().connect_tcp
        connected: httpcore2.AsyncNetworkStream | None = None
        failures: list[Exception] = []

        async def attempt(address: IPAddress, done: anyio.Event) -> None:
            nonlocal connected
            try:
                stream = await connect(str(address), port, timeout, local_address, socket_options)
            except Exception as error:  # raised as is below, never as an exception group
                failures.append(error)
                return
            finally:
                done.set()
            if connected is None:
                connected = stream
                group.cancel_scope.cancel()
            else:
                await stream.aclose()

        async with anyio.create_task_group() as group:
            for address in addresses:
                done = anyio.Event()
                group.start_soon(attempt, address, done)
                with anyio.move_on_after(_NEXT_ATTEMPT_S):
                    await done.wait()
        if connected is not None:
            return connected
        raise failures[-1]


class _ProxiedTransport(httpx2.AsyncBaseTransport):
    def __init__(self, guard: AddressGuard, proxied: httpx2.AsyncBaseTransport) -> None:
        self._guard = guard
        self._proxied = proxied

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        url = request.url
        port = url.port or _DEFAULT_PORTS.get(url.scheme, 80)
        await self._guard.addresses(url.raw_host.decode("ascii"), port)
        return await self._proxied.handle_async_request(request)

    async def aclose(self) -> None:
        await self._proxied.aclose()


def guarded_client(
    guard: AddressGuard,
    timeout: float,
    headers: Mapping[str, str],
    limits: httpx2.Limits,
) -> httpx2.AsyncClient:
    """An httpx2 client for untrusted URLs: the environment's proxies and CA file, no
    automatic redirects (the fetcher follows them, checking each)."""
    context = page_tls_context()
    mounts: dict[str, httpx2.AsyncBaseTransport | None] = {}
    for pattern, proxy in get_environment_proxies().items():
        if proxy is None:
            mounts[pattern] = None  # NO_PROXY: the direct transport
            continue
        settings = httpx2.Proxy(url=proxy)
        through: httpx2.AsyncBaseTransport
        if settings.url.scheme in ("http", "https"):
            through = PageTransport(_proxy_connect, context, limits, settings)
        else:  # a SOCKS proxy: httpx2's own transport
            through = httpx2.AsyncHTTPTransport(verify=context, limits=limits, proxy=proxy)
        mounts[pattern] = _ProxiedTransport(guard, through)
    return httpx2.AsyncClient(
        transport=PageTransport(GuardedBackend(guard).connect_tcp, context, limits),
        # The client keeps no site's cookies: a jar of every site met would grow with each
        # row, and every request would scan it. A fetch keeps its own (fetcher.py).
        cookies=CookieJar(DefaultCookiePolicy(allowed_domains=[])),
        mounts=mounts,
        follow_redirects=False,
        timeout=timeout,
        headers=dict(headers),
        trust_env=False,  # the environment's proxies and CA file are read above
    )


async def _proxy_connect(
    host: str, port: int, timeout: float | None
) -> httpcore2.AsyncNetworkStream:
    """The proxy is the operator's: reached by name, without the guard's checks."""
    return await AsyncioBackend().connect_tcp(host, port, timeout)
