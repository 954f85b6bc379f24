"""Pages per second and CPU per page of the page fetcher on each HTTP client stack.

A local server (a separate process, loopback only) answers every GET with the same 20 KB
HTML page at once, over HTTP and over HTTPS with a throwaway CA, so the figures are the
client side's own cost per page. Measured in the same run against the same servers:

- bare asyncio: a hand-rolled HTTP/1.1 GET on asyncio streams, with keep-alive, the floor;
- bare <client>: that library's plain GET of the whole body, with the worker's pool sizes;
- fetcher <client>: the worker's page fetcher (politeness gate, redirect handling, size
  limit, retries, decoding) on that library; the one marked (worker) is production.

Candidates are httpx, httpx2 (what the openai SDK depends on) and aiohttp; one that is not
installed is skipped (`.venv/bin/uv pip install aiohttp` to compare it). Requests are
spread over 100 loopback addresses (127.0.0.1-100) as real rows are spread over many
sites. Each figure is the median of --rounds runs; variants take turns within a round.

    .venv/bin/python bench/fetch_throughput.py [--pages 1000] [--concurrency 8 32 64]
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import os
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import trustme

from tests.services import free_port
from worker.pipeline.build import web_client
from worker.pipeline.clients.fetch import fetcher as fetcher_module
from worker.pipeline.clients.fetch.decode import decode_body, is_html
from worker.pipeline.clients.fetch.fetcher import FetchedPage, Fetcher, FetchError, FetchLimits
from worker.pipeline.clients.fetch.politeness import HostGate
from worker.pipeline.clients.retry import Transient
from worker.pipeline.settings import PipelineSettings

BODY = (
    b"<html><head><title>Acme Rockets</title>"
    b"<meta name='description' content='Reusable launch vehicles.'></head><body>"
    + b"<p>Acme Rockets builds reusable launch vehicles.</p>" * 400
    + b"</body></html>"
)
HOSTS = [f"127.0.0.{i}" for i in range(1, 101)]  # loopback only, one listener each
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n"
# Each server: scheme, and whether it closes the connection after every page. The worker
# meets most sites once or twice, so a new connection per page is its usual case; kept
# connections show the clients' own cost per request.
SERVERS = [("http", "kept"), ("https", "kept"), ("http", "new"), ("https", "new")]
SETTINGS = PipelineSettings(fetch_timeout_s=10)
LIMITS = FetchLimits(10, 1_000_000, 5, 1, 1.0)

Get = Callable[[str], Awaitable[object]]
Variant = Callable[[], AbstractAsyncContextManager[Get]]


async def serve(cert: str, ports: list[int]) -> None:
    def handler(close: bool) -> Callable[[asyncio.StreamReader, asyncio.StreamWriter], Any]:
        answer = HEAD % len(BODY) + (b"Connection: close\r\n\r\n" if close else b"\r\n") + BODY

        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            try:
                while await reader.readline():
                    while (await reader.readline()) not in (b"\r\n", b""):
                        continue
                    writer.write(answer)
                    await writer.drain()
                    if close:
                        break
            except (ConnectionError, ssl.SSLError):
                return
            finally:
                writer.close()

        return handle

    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(cert)
    servers = [
        await asyncio.start_server(
            handler(connections == "new"),
            HOSTS,
            port,
            backlog=2048,
            ssl=tls if scheme == "https" else None,
        )
        for (scheme, connections), port in zip(SERVERS, ports, strict=True)
    ]
    await asyncio.gather(*(server.serve_forever() for server in servers))


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
    return web_client.__annotations__["return"].split(".")[0]


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
            yield Fetcher(client, HostGate(2, 0.0), LIMITS).fetch

    return {f"bare {module.__name__}": bare, f"fetcher {module.__name__}": fetcher}


def aiohttp_family(aiohttp: ModuleType) -> dict[str, Variant]:
    class AiohttpFetcher(Fetcher):
        """The fetcher with its one request on aiohttp; everything around it is shared."""

        async def _one(self, requested: str, url: str, chain: list[str]) -> FetchedPage | str:
            try:
                async with self._client.get(url, allow_redirects=False) as response:
                    status = response.status
                    if status in fetcher_module._REDIRECTS and "location" in response.headers:
                        return str(response.headers["location"])
                    if status in fetcher_module._RETRY_STATUSES:
                        raise Transient(f"HTTP {status}")
                    if status >= 400:
                        raise FetchError("http", f"HTTP {status}")
                    body, truncated = await self._read_chunks(response.content.iter_any())
            except TimeoutError as error:
                raise Transient("timeout") from error
            except aiohttp.ClientError as error:
                raise FetchError("unreachable", str(error) or type(error).__name__) from error
            content_type = response.headers.get("content-type", "")
            return FetchedPage(
                requested_url=requested,
                url=url,
                status=status,
                redirects=tuple(chain),
                content_type=content_type,
                text=decode_body(body, content_type) if is_html(content_type) else "",
                truncated=truncated,
            )

        async def _read_chunks(self, chunks: AsyncIterator[bytes]) -> tuple[bytes, bool]:
            held: list[bytes] = []
            size = 0
            async for chunk in chunks:
                held.append(chunk)
                size += len(chunk)
                if size >= LIMITS.max_bytes:
                    return b"".join(held)[: LIMITS.max_bytes], True
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
            yield AiohttpFetcher(client, HostGate(2, 0.0), LIMITS).fetch

    return {"bare aiohttp": bare, "fetcher aiohttp": fetcher}


def variants() -> dict[str, Variant]:
    found: dict[str, Variant] = {"bare asyncio": bare_asyncio}
    families = {"httpx": httpx_family, "httpx2": httpx_family, "aiohttp": aiohttp_family}
    for name, family in families.items():
        try:
            found |= family(importlib.import_module(name))
        except ImportError:
            print(f"{name} is not installed: skipped")
    return found


async def measure_once(variant: Variant, urls: list[str], concurrency: int) -> tuple[float, float]:
    """Pages per second and CPU milliseconds per page of this process."""
    gate = asyncio.Semaphore(concurrency)
    async with variant() as get:

        async def one(url: str) -> None:
            async with gate:
                await get(url)

        wall, cpu = time.perf_counter(), time.process_time()
        await asyncio.gather(*(one(url) for url in urls))
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return len(urls) / wall, cpu * 1000 / len(urls)


async def wait_listening(url: str) -> None:
    for _ in range(100):
        try:
            async with bare_asyncio() as get:
                await get(url)
            return
        except (ConnectionRefusedError, ssl.SSLError):
            await asyncio.sleep(0.1)
    raise RuntimeError("the page server did not start")


async def measure(ports: list[int], pages: int, levels: list[int], rounds: int) -> None:
    found = variants()
    production = f"fetcher {worker_stack()}"
    print(f"{pages} pages of {len(BODY) // 1024} KB over {len(HOSTS)} hosts, median of {rounds}")
    print("pages/s: higher is better; CPU ms per page of the client process: lower is better")
    print(f"ratios against bare asyncio and against the worker's fetcher ({production})")
    print("connections: kept alive, or new for every page (the server closes them)")
    print(
        "| scheme | connections | in flight | client | pages/s | CPU ms/page "
        "| ÷ bare asyncio | ÷ worker |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for (scheme, connections), port in zip(SERVERS, ports, strict=True):
        urls = [f"{scheme}://{HOSTS[i % len(HOSTS)]}:{port}/" for i in range(pages)]
        await wait_listening(urls[0])
        for concurrency in levels:
            runs: dict[str, list[tuple[float, float]]] = {name: [] for name in found}
            for _ in range(rounds):
                for name, variant in found.items():
                    runs[name].append(await measure_once(variant, urls, concurrency))
            rate = {n: statistics.median(r for r, _ in v) for n, v in runs.items()}
            cpu = {n: statistics.median(c for _, c in v) for n, v in runs.items()}
            for name in found:
                label = f"{name} (worker)" if name == production else name
                print(
                    f"| {scheme} | {connections} | {concurrency} | {label} "
                    f"| {rate[name]:.0f} | {cpu[name]:.2f} "
                    f"| {rate[name] / rate['bare asyncio']:.2f} pages/s, "
                    f"{cpu[name] / cpu['bare asyncio']:.1f} CPU "
                    f"| {rate[name] / rate[production]:.2f} pages/s, "
                    f"{cpu[name] / cpu[production]:.2f} CPU |"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[8, 32, 64])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--serve", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        cert, *ports = args.serve
        asyncio.run(serve(cert, [int(port) for port in ports]))
        return
    for name in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY"):  # the servers are on loopback
        os.environ.pop(name, None)
        os.environ.pop(name.lower(), None)
    ports = [free_port() for _ in SERVERS]
    with tempfile.TemporaryDirectory() as tmp:
        ca = trustme.CA()
        ca.cert_pem.write_to_path(f"{tmp}/ca.pem")
        ca.issue_cert(*HOSTS).private_key_and_cert_chain_pem.write_to_path(f"{tmp}/site.pem")
        os.environ["SSL_CERT_FILE"] = f"{tmp}/ca.pem"
        os.environ.pop("SSL_CERT_DIR", None)
        command = [sys.executable, __file__, "--serve", f"{tmp}/site.pem"]
        server = subprocess.Popen(command + [str(port) for port in ports])
        try:
            asyncio.run(measure(ports, args.pages, args.concurrency, args.rounds))
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
