"""The clients bench/fetch_throughput.py compares, each a way to GET one page.

A variant opens its client and yields `get(url)`; the fetcher variants run the worker's
page fetcher on that library, so everything around the request itself is shared.
"""

from __future__ import annotations

import asyncio
import importlib
import ssl
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

from shared.budget.memory import MemoryBudget
from shared.budget.protocol import Slots
from worker.pipeline.build import web_client
from worker.pipeline.clients.fetch import fetcher as fetcher_module
from worker.pipeline.clients.fetch.fetcher import Fetcher, FetchError, FetchLimits
from worker.pipeline.clients.fetch.politeness import HostGate
from worker.pipeline.clients.retry import Transient
from worker.pipeline.settings import PipelineSettings

# The bench's servers are on loopback addresses.
SETTINGS = PipelineSettings(fetch_timeout_s=10, fetch_allow_private_networks=True)
LIMITS = FetchLimits(10, 1_000_000, 5, 1, 1.0)

Get = Callable[[str], Awaitable[object]]
Variant = Callable[[], AbstractAsyncContextManager[Get]]


@asynccontextmanager
async def bare_asyncio() -> AsyncIterator[Get]:
    tls = ssl.create_default_context()  # SSL_CERT_FILE names the throwaway CA
    idle: dict[str, list[tuple[asyncio.StreamReader, asyncio.StreamWriter]]] = {}

    async def get(url: str) -> None:
        parts = urlsplit(url)
        host, port = parts.hostname or "", parts.port or 0
        pool = idle.setdefault(parts.netloc, [])
        if pool:
            reader, writer = pool.pop()
        else:
            secure = tls if parts.scheme == "https" else None
            reader, writer = await asyncio.open_connection(host, port, ssl=secure)
        writer.write(f"GET / HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
        await writer.drain()
        if b" 200 " not in await reader.readline():
            raise RuntimeError("the page server did not answer 200")
        length, keep = 0, True
        while (line := (await reader.readline()).lower()) != b"\r\n":
            if line.startswith(b"content-length"):
                length = int(line.split(b":")[1])
            keep = keep and line != b"connection: close\r\n"
        await reader.readexactly(length)
        if keep:
            pool.append((reader, writer))
        else:
            writer.close()

    try:
        yield get
    finally:
        for pool in idle.values():
            for _, writer in pool:
                writer.close()


def httpx_family_client(module: ModuleType) -> Any:
    """A client of httpx or httpx2 configured as worker.pipeline.build.web_client."""
    if module.__name__ == worker_stack():
        return web_client(SETTINGS)
    return module.AsyncClient(
        trust_env=True,
        follow_redirects=False,
        timeout=SETTINGS.fetch_timeout_s,
        headers={"User-Agent": SETTINGS.fetch_user_agent, "Accept": "text/html,*/*;q=0.8"},
        limits=module.Limits(
            max_connections=200, max_keepalive_connections=16, keepalive_expiry=10.0
        ),
    )


def worker_stack() -> str:
    """The library of the worker's client, read from web_client's declared return type."""
    return str(web_client.__annotations__["return"]).split(".")[0]


def httpx_family(module: ModuleType) -> dict[str, Variant]:
    @asynccontextmanager
    async def bare() -> AsyncIterator[Get]:
        async with httpx_family_client(module) as client:

            async def get(url: str) -> bytes:
                response = await client.get(url)
                return bytes(response.content)

            yield get

    @asynccontextmanager
    async def fetcher() -> AsyncIterator[Get]:
        async with httpx_family_client(module) as client:
            yield Fetcher(
                client, HostGate(MemoryBudget(), None, Slots("host-slots", 2, 30.0), 1.0), LIMITS
            ).fetch

    return {f"bare {module.__name__}": bare, f"fetcher {module.__name__}": fetcher}


def aiohttp_family(aiohttp: ModuleType) -> dict[str, Variant]:
    class AiohttpFetcher(Fetcher):
        """The fetcher with its one request on aiohttp; everything around it is shared."""

        async def _request(
            self, url: str, max_bytes: int, cookies: Any = None
        ) -> fetcher_module._Answer:
            try:
                # The client given to this variant is an aiohttp session, not httpx2's.
                session: Any = self._client
                async with session.get(url, allow_redirects=False) as response:
                    status = response.status
                    headers = response.headers
                    if status in fetcher_module._REDIRECTS and "location" in headers:
                        location = str(headers["location"])
                        return fetcher_module._Answer(status, location, "", b"", False)
                    body, truncated = b"", False
                    if status < 400:
                        chunks = response.content.iter_any()
                        body, truncated = await self._read_chunks(chunks, max_bytes)
                    content_type = headers.get("content-type", "")
                    return fetcher_module._Answer(status, None, content_type, body, truncated)
            except TimeoutError as error:
                raise Transient("timeout") from error
            except aiohttp.ClientError as error:
                raise FetchError("unreachable", str(error) or type(error).__name__) from error

        async def _read_chunks(
            self, chunks: AsyncIterator[bytes], max_bytes: int
        ) -> tuple[bytes, bool]:
            held: list[bytes] = []
            size = 0
            async for chunk in chunks:
                held.append(chunk)
                size += len(chunk)
                if size >= max_bytes:
                    return b"".join(held)[:max_bytes], True
            return b"".join(held), False

    def session() -> Any:
        return aiohttp.ClientSession(
            # aiohttp's default context is made at import, before SSL_CERT_FILE is set here.
            connector=aiohttp.TCPConnector(
                limit=200, keepalive_timeout=10.0, ssl=ssl.create_default_context()
            ),
            trust_env=True,
            timeout=aiohttp.ClientTimeout(total=SETTINGS.fetch_timeout_s),
            headers={"User-Agent": SETTINGS.fetch_user_agent, "Accept": "text/html,*/*;q=0.8"},
        )

    @asynccontextmanager
    async def bare() -> AsyncIterator[Get]:
        async with session() as client:

            async def get(url: str) -> bytes:
                async with client.get(url) as response:
                    return bytes(await response.read())

            yield get

    @asynccontextmanager
    async def fetcher() -> AsyncIterator[Get]:
        async with session() as client:
            yield AiohttpFetcher(
                client, HostGate(MemoryBudget(), None, Slots("host-slots", 2, 30.0), 1.0), LIMITS
            ).fetch

    return {"bare aiohttp": bare, "fetcher aiohttp": fetcher}


def httpcore2_pool_client() -> Any:
    """The worker's client as it was before its HTTP/1.1 transport: httpx2 over httpcore2's
    pool on asyncio's sockets and TLS (the bench's servers are reached directly)."""
    import httpcore2
    import httpx2

    from worker.pipeline.clients.fetch.asyncio_streams import AsyncioBackend

    context = httpx2.create_ssl_context(trust_env=True)
    limits = httpx2.Limits(max_connections=200, max_keepalive_connections=16, keepalive_expiry=10)
    transport = httpx2.AsyncHTTPTransport(verify=context, limits=limits)
    transport._pool = httpcore2.AsyncConnectionPool(
        ssl_context=context,
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        network_backend=AsyncioBackend(),
    )
    return httpx2.AsyncClient(
        transport=transport,
        follow_redirects=False,
        timeout=SETTINGS.fetch_timeout_s,
        headers={"User-Agent": SETTINGS.fetch_user_agent, "Accept": "text/html,*/*;q=0.8"},
    )


def httpcore2_pool() -> dict[str, Variant]:
    @asynccontextmanager
    async def fetcher() -> AsyncIterator[Get]:
        async with httpcore2_pool_client() as client:
            yield Fetcher(
                client, HostGate(MemoryBudget(), None, Slots("host-slots", 2, 30.0), 1.0), LIMITS
            ).fetch

    return {"fetcher httpx2 on httpcore2 (before)": fetcher}


def variants() -> dict[str, Variant]:
    found: dict[str, Variant] = {"bare asyncio": bare_asyncio}
    found |= httpcore2_pool()
    families = {"httpx": httpx_family, "httpx2": httpx_family, "aiohttp": aiohttp_family}
    for name, family in families.items():
        try:
            found |= family(importlib.import_module(name))
        except ImportError:
            print(f"{name} is not installed: skipped")
    return found
