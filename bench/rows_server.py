"""The rows' server of the worker benchmark, in a process of its own: it answers every
HTTP request after a fixed latency, as the web would, off the benchmark's process.

A bare `asyncio.Protocol` on uvloop's event loop: reads the request up to its blank
line, waits `--latency` seconds, answers `200 ok` with `Connection: close` and closes.
It stands for the web, which a deployment does not run on its own cores, so it is kept
as cheap as it can be and its CPU is reported on its own. Prints its port on the first
line of its output, then serves until stopped.

    .venv/bin/python -m bench.rows_server [--latency 0.2]
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from typing import cast

import uvloop

ANSWER = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
MAX_HEAD = 65536


class Answer(asyncio.Protocol):
    def __init__(self, latency: float) -> None:
        self._latency = latency
        self._head = b""
        self._transport: asyncio.Transport | None = None
        self._answered = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's transports are not asyncio.Transport subclasses, but have its methods.
        self._transport = cast(asyncio.Transport, transport)

    def data_received(self, data: bytes) -> None:
        if self._answered:
            return
        self._head += data
        if b"\r\n\r\n" not in self._head:
            if len(self._head) > MAX_HEAD and self._transport is not None:
                self._transport.close()
            return
        self._answered = True
        if self._latency:
            asyncio.get_running_loop().call_later(self._latency, self._answer)
        else:
            self._answer()

    def _answer(self) -> None:
        transport = self._transport
        if transport is not None and not transport.is_closing():
            transport.write(ANSWER)
            transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self._transport = None


async def serve(latency: float) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: Answer(latency), "127.0.0.1", 0, backlog=1024, reuse_address=True
    )
    print(server.sockets[0].getsockname()[1], flush=True)
    stopped = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stopped.set)
    loop.add_signal_handler(signal.SIGINT, stopped.set)
    async with server:
        await stopped.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--latency", type=float, default=0.0, help="seconds before answering")
    args = parser.parse_args()
    uvloop.run(serve(args.latency))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
