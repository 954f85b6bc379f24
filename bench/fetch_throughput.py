"""Pages per second of the worker's page fetcher, against a bare asyncio client.

A local server (a separate process, loopback only) answers every GET with the same 20 KB
HTML page at once, so the figures are the client side's own cost per page: the fetcher
(the production httpx client, politeness gate, redirects, size limit, decoding) against
a hand-rolled HTTP/1.1 GET on asyncio streams measured in the same run. Requests are spread over 100
loopback addresses (127.0.0.1-100) as real rows are spread over many sites.

    .venv/bin/python bench/fetch_throughput.py [--pages 1000] [--concurrency 8 32 64]
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.services import free_port
from worker.pipeline.build import web_client
from worker.pipeline.clients.fetch.fetcher import Fetcher, FetchLimits
from worker.pipeline.clients.fetch.politeness import HostGate
from worker.pipeline.settings import PipelineSettings

BODY = (
    b"<html><head><title>Acme Rockets</title>"
    b"<meta name='description' content='Reusable launch vehicles.'></head><body>"
    + b"<p>Acme Rockets builds reusable launch vehicles.</p>" * 400
    + b"</body></html>"
)
HOSTS = [f"127.0.0.{i}" for i in range(1, 101)]  # loopback only, one listener each
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n"


async def serve(port: int) -> None:
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while await reader.readline():
                while (await reader.readline()) not in (b"\r\n", b""):
                    continue
                writer.write(HEAD % len(BODY) + BODY)
                await writer.drain()
        except ConnectionError:
            return
        finally:
            writer.close()

    server = await asyncio.start_server(handle, HOSTS, port, backlog=2048)
    async with server:
        await server.serve_forever()


async def bare_get(url: str) -> None:
    host, _, port = url.split("/")[2].partition(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    try:
        writer.write(f"GET / HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
        await writer.drain()
        if b" 200 " not in await reader.readline():
            raise RuntimeError("the page server did not answer 200")
        length = 0
        while (line := await reader.readline()) != b"\r\n":
            if line.lower().startswith(b"content-length"):
                length = int(line.split(b":")[1])
        await reader.readexactly(length)
    finally:
        writer.close()


async def pages_per_second(
    get: Callable[[str], Awaitable[object]], urls: list[str], concurrency: int
) -> float:
    gate = asyncio.Semaphore(concurrency)

    async def one(url: str) -> None:
        async with gate:
            await get(url)

    started = time.perf_counter()
    await asyncio.gather(*(one(url) for url in urls))
    return len(urls) / (time.perf_counter() - started)


async def measure(port: int, pages: int, levels: list[int]) -> None:
    urls = [f"http://{HOSTS[i % len(HOSTS)]}:{port}/" for i in range(pages)]
    for _ in range(100):  # until the server process listens
        try:
            await bare_get(urls[0])
            break
        except ConnectionRefusedError:
            await asyncio.sleep(0.1)
    size = len(BODY) // 1024
    print(f"{pages} pages of {size} KB over {len(HOSTS)} hosts; pages/s (higher is better)")
    settings = PipelineSettings(fetch_timeout_s=10)
    print(f"{'in flight':>10} {'bare asyncio':>13} {'fetcher':>9} {'fetcher/bare':>13}")
    for concurrency in levels:
        bare = await pages_per_second(bare_get, urls, concurrency)
        async with web_client(settings) as client:
            fetcher = Fetcher(client, HostGate(2, 0.0), FetchLimits(10, 1_000_000, 5, 1, 1.0))
            fetched = await pages_per_second(fetcher.fetch, urls, concurrency)
        print(f"{concurrency:>10} {bare:>13.0f} {fetched:>9.0f} {fetched / bare:>13.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[8, 32, 64])
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        asyncio.run(serve(args.serve))
        return
    port = free_port()
    server = subprocess.Popen([sys.executable, __file__, "--serve", str(port)])
    try:
        asyncio.run(measure(port, args.pages, args.concurrency))
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
