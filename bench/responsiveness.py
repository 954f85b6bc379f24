"""Cheap requests sent to a gateway at a steady pace from a process of their own, to see how
long they wait while the gateway does something heavy (a large upload's parse).

`Probe` starts the process; every `interval` seconds it sends `GET /healthz` and
`GET /api/sessions?limit=100`, each without waiting for the ones before (so a stalled
gateway shows as long waits, not as fewer requests). `Probe.latencies(start, end)` gives the
waits of the requests sent between two `time.monotonic()` readings (the clock is the
machine's, the same in both processes).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import statistics
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Event

import httpx

PATHS = ("/healthz", "/api/sessions?limit=100")

# (path, sent at by time.monotonic(), seconds to the answer's end; inf when it failed)
Sample = tuple[str, float, float]


async def _probe(base_url: str, key: str, interval: float, stop: Event) -> list[Sample]:
    samples: list[Sample] = []
    limits = httpx.Limits(max_connections=200, max_keepalive_connections=20)
    async with httpx.AsyncClient(
        base_url=base_url, headers={"Authorization": f"Bearer {key}"}, timeout=120, limits=limits
    ) as client:

        async def one(path: str) -> None:
            sent = time.monotonic()
            try:
                (await client.get(path)).raise_for_status()
                samples.append((path, sent, time.monotonic() - sent))
            except httpx.HTTPError:
                samples.append((path, sent, float("inf")))

        pending: set[asyncio.Task[None]] = set()
        tick = time.monotonic()
        while not stop.is_set():
            for path in PATHS:
                task = asyncio.create_task(one(path))
                pending.add(task)
                task.add_done_callback(pending.discard)
            tick += interval
            await asyncio.sleep(max(0.0, tick - time.monotonic()))
        if pending:
            await asyncio.wait(pending, timeout=120)
    return samples


def _run(base_url: str, key: str, interval: float, stop: Event, out: Connection) -> None:
    out.send(asyncio.run(_probe(base_url, key, interval, stop)))
    out.close()


@dataclass
class Probe:
    base_url: str
    key: str
    interval: float = 0.05
    samples: list[Sample] = field(default_factory=list)

    def __post_init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self._stop = context.Event()
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_run, args=(self.base_url, self.key, self.interval, self._stop, send)
        )

    def start(self) -> None:
        self._process.start()

    def stop(self) -> None:
        self._stop.set()
        if self._receive.poll(180):
            self.samples = self._receive.recv()
        self._process.join(10)

    def latencies(self, start: float, end: float, path: str | None = None) -> list[float]:
        return sorted(s for p, sent, s in self.samples if start <= sent < end and path in (None, p))


def summary(latencies: list[float]) -> str:
    """Median, p95 and max in ms, and the count; `-` when there were none."""
    if not latencies:
        return "-"
    p95 = latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))]
    return (
        f"median {statistics.median(latencies) * 1000:.1f} / p95 {p95 * 1000:.1f} / "
        f"max {latencies[-1] * 1000:.1f} ms ({len(latencies)} requests)"
    )
