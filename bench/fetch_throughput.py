"""Pages per second and CPU per page of the page fetcher on each HTTP client stack.

A local server (a separate process, loopback only) answers every GET with the same 20 KB
HTML page at once, over HTTP and over HTTPS with a throwaway CA, so the figures are the
client side's own cost per page. Measured in the same run against the same servers:

- bare asyncio: a hand-rolled HTTP/1.1 GET on asyncio streams, with keep-alive, the floor;
- bare <client>: that library's plain GET of the whole body, with the worker's pool sizes;
- fetcher <client>: the worker's page fetcher (politeness gate, redirect handling, size
  limit, retries, decoding) on that library; the one marked (worker) is production, on
  its HTTP/1.1 transport, whose answers llhttp (httptools) parses; "fetcher httpx2 on
  httpcore2 (before)" is the same fetcher on the httpcore2 pool it replaced. The transport's
  earlier hand-written answer parser was compared at commit 0c169a7 (docs/performance.md).

Candidates are httpx, httpx2 (what the openai SDK depends on) and aiohttp; one that is not
installed is skipped (`.venv/bin/uv pip install aiohttp` to compare it). Requests are
spread over 100 loopback addresses (127.0.0.1-100) as real rows are spread over many
sites. Each figure is the median of --rounds runs; variants take turns within a round.

    .venv/bin/python bench/fetch_throughput.py [--pages 1000] [--concurrency 8 32 64]
        [--loop asyncio|uvloop]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import trustme
import uvloop

from bench.clients.fetch_variants import Variant, bare_asyncio, variants, worker_stack
from tests.services import free_port

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
    for _ in range(600):  # a minute: a busy machine starts the server slowly
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
    parser.add_argument(
        "--loop",
        choices=["asyncio", "uvloop"],
        default="asyncio",
        help="the clients' event loop (the worker runs on uvloop's by default)",
    )
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
            run = uvloop.run if args.loop == "uvloop" else asyncio.run
            print(f"clients on {args.loop}'s event loop")
            run(measure(ports, args.pages, args.concurrency, args.rounds))
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
