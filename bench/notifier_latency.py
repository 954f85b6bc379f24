"""Publish-to-receive latency of the notifier under load, next to a quiet baseline.

Starts a private SeaweedFS and `python -m notifier` against the local RabbitMQ (loopback
only), connects WebSocket clients (one session each by default), publishes chunk progress
events as a worker does at a fixed rate, and measures event time -> client receive time.
The baseline is one client at a low rate in the same run.

    .venv/bin/python bench/notifier_latency.py [--clients 1000] [--rate 1000] [--seconds 10]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import multiprocessing
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from pathlib import Path

import aio_pika
import orjson
from websockets.asyncio.client import ClientConnection, connect

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.process_stats import cpu_seconds
from shared.auth import hash_key, new_key
from shared.broker.protocol import Broker
from shared.broker.rabbit import RabbitBroker
from shared.broker.rabbit_topology import delete_topology
from shared.ids import new_session_id
from shared.layout import SessionKeys
from shared.messages import ChunkProgress
from shared.models import Counters
from shared.storage.s3 import MinioStore
from shared.topology import Topology
from tests.processes import ServiceProcess, service, wait_http_ok
from tests.services import (
    AMQP_URL,
    TEST_S3_ACCESS_KEY,
    TEST_S3_SECRET_KEY,
    free_port,
    require_rabbitmq,
    seaweedfs,
)
from tests.sessions import csv_manifest

TENANT = "bench"


@dataclass
class Stack:
    store: MinioStore
    broker: Broker
    port: int
    key: str
    process: ServiceProcess

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws?token={self.key}"


@contextlib.asynccontextmanager
async def notifier_stack(**settings: str) -> AsyncIterator[Stack]:
    """SeaweedFS, a unique topology on the local RabbitMQ and one notifier process."""
    require_rabbitmq()
    loop = asyncio.get_running_loop()
    with tempfile.TemporaryDirectory() as tmp, seaweedfs(Path(tmp) / "s3") as endpoint:
        topology = Topology(f"bench-{uuid.uuid4().hex[:8]}")
        store = MinioStore(endpoint, TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY, "bench")
        await store.ensure_bucket()
        broker = RabbitBroker(AMQP_URL, topology)
        await broker.connect()
        key, port = new_key(), free_port()
        env = {
            "DOSSIER_ENVIRONMENT": "test",
            "DOSSIER_LOG_FORMAT": "json",
            "DOSSIER_LOG_LEVEL": "WARNING",
            "DOSSIER_AMQP_URL": AMQP_URL,
            "DOSSIER_TOPOLOGY_PREFIX": topology.prefix,
            "DOSSIER_S3_ENDPOINT": endpoint,
            "DOSSIER_S3_ACCESS_KEY": TEST_S3_ACCESS_KEY,
            "DOSSIER_S3_SECRET_KEY": TEST_S3_SECRET_KEY,
            "DOSSIER_S3_BUCKET": "bench",
            "DOSSIER_NOTIFIER_PORT": str(port),
            "DOSSIER_API_KEYS": f"{TENANT}:{hash_key(key)}",
            **{f"DOSSIER_NOTIFIER_{name.upper()}": value for name, value in settings.items()},
        }
        try:
            with service("notifier", env, Path(tmp) / "logs") as process:
                url = f"http://127.0.0.1:{port}/readyz"
                await loop.run_in_executor(None, wait_http_ok, url, 60, process)
                yield Stack(store, broker, port, key, process)
        finally:
            await broker.close()
            await delete_topology(AMQP_URL, topology)
            store.close()


async def seed_sessions(store: MinioStore, count: int) -> list[str]:
    limit = asyncio.Semaphore(32)

    async def one() -> str:
        keys = SessionKeys(TENANT, new_session_id())
        manifest = csv_manifest(keys, "bench.csv", ["name"], 1_000_000)
        async with limit:
            await store.put_model(keys.manifest, manifest)
        return keys.session_id

    return list(await asyncio.gather(*(one() for _ in range(count))))


async def open_clients(url: str, count: int, *, limit: int = 64) -> list[ClientConnection]:
    gate = asyncio.Semaphore(limit)

    async def one() -> ClientConnection:
        async with gate:
            ws = await connect(url, ping_interval=None, open_timeout=60, compression=None)
            await ws.recv()  # hello
            return ws

    return list(await asyncio.gather(*(one() for _ in range(count))))


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


async def _receive(
    url: str, sessions: list[str], expected: int, wait: float, ready: Connection
) -> list[float]:
    sockets = await open_clients(url, len(sessions))
    gate = asyncio.Semaphore(64)

    async def subscribe(ws: ClientConnection, session_id: str) -> None:
        async with gate:
            await ws.send(orjson.dumps({"type": "subscribe", "session_id": session_id}).decode())
            assert orjson.loads(await ws.recv())["type"] == "snapshot"

    await asyncio.gather(*(subscribe(ws, s) for ws, s in zip(sockets, sessions, strict=True)))
    ready.send("ready")
    latencies: list[float] = []
    all_in = asyncio.Event()

    async def receive(ws: ClientConnection) -> None:
        async for data in ws:
            message = orjson.loads(data)
            if message["type"] == "event":
                sent = datetime.fromisoformat(message["event"]["at"])
                latencies.append((datetime.now(UTC) - sent).total_seconds())
                if len(latencies) == expected:
                    all_in.set()

    readers = [asyncio.create_task(receive(ws)) for ws in sockets]
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(all_in.wait(), wait)
    for task in readers:
        task.cancel()
    await asyncio.gather(*(ws.close() for ws in sockets), return_exceptions=True)
    return latencies


def client_process(
    url: str, sessions: list[str], expected: int, wait: float, pipe: Connection
) -> None:
    """Runs in its own process so the clients do not share a core with the publisher.

    After reporting "ready" it collects latencies for at most `wait` seconds.
    """
    pipe.send(asyncio.run(_receive(url, sessions, expected, wait, pipe)))


@dataclass
class Run:
    latencies: list[float]
    published: int
    failed: int
    notifier_cpu: float


async def measure(stack: Stack, clients: int, rate: int, seconds: float, processes: int = 2) -> Run:
    """Latencies (seconds) of every delivered event; one session per client."""
    loop = asyncio.get_running_loop()
    sessions = await seed_sessions(stack.store, clients)
    total = int(rate * seconds)
    expected = [0] * clients
    for index in range(total):
        expected[index % clients] += 1
    context = multiprocessing.get_context("spawn")
    pipes, workers = [], []
    processes = min(processes, clients)
    for part in range(processes):
        ours, theirs = context.Pipe()
        share = slice(part, None, processes)
        worker = context.Process(
            target=client_process,
            args=(stack.url, sessions[share], sum(expected[share]), seconds + 30, theirs),
        )
        worker.start()
        pipes.append(ours)
        workers.append(worker)
    for pipe in pipes:
        assert await loop.run_in_executor(None, pipe.recv) == "ready"

    # A plain channel without confirms keeps the load generator cheap.
    connection = await aio_pika.connect(AMQP_URL)
    channel = await connection.channel(publisher_confirms=False)
    exchange = await channel.get_exchange(stack.broker.topology.events_exchange)
    cpu_before = cpu_seconds(stack.process.process.pid)
    failed = 0
    started = time.monotonic()
    for index in range(total):
        delay = started + index / rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)  # pacing the publisher, not waiting for a result
        event = ChunkProgress(
            tenant=TENANT,
            session_id=sessions[index % clients],
            chunk=index // clients,
            counters=Counters(total=10, done=1),
        )
        key = Topology.event_routing_key(event.session_id, event.kind)
        try:
            await exchange.publish(aio_pika.Message(event.to_bytes()), routing_key=key)
        except aio_pika.exceptions.AMQPError:
            failed += 1
    latencies: list[float] = []
    for pipe in pipes:
        latencies.extend(await loop.run_in_executor(None, pipe.recv))
    notifier_cpu = cpu_seconds(stack.process.process.pid) - cpu_before
    for worker in workers:
        worker.join(10)
    await connection.close()
    return Run(latencies, total, failed, notifier_cpu)


def report(label: str, run: Run) -> tuple[float, float]:
    latencies = run.latencies
    p50, p99 = percentile(latencies, 0.5) * 1000, percentile(latencies, 0.99) * 1000
    cpu_ms_per_k = run.notifier_cpu / max(len(latencies), 1) * 1_000_000
    print(
        f"{label:<32} p50 {p50:8.2f} ms  p99 {p99:8.2f} ms  "
        f"got {len(latencies)}/{run.published}  notifier CPU {cpu_ms_per_k:6.1f} ms/1k msgs"
    )
    if run.failed:
        print(f"  {run.failed} publishes failed (broker unavailable)")
    return p50, p99


async def main(args: argparse.Namespace) -> None:
    async with notifier_stack(max_clients=str(args.clients + 100)) as stack:
        baseline = await measure(stack, 1, args.baseline_rate, args.seconds / 2)
        loaded = await measure(stack, args.clients, args.rate, args.seconds)
    print("notifier publish -> receive latency (loopback, one session per client)")
    b50, b99 = report(f"baseline: 1 client, {args.baseline_rate} ev/s", baseline)
    l50, l99 = report(f"load: {args.clients} clients, {args.rate} ev/s", loaded)
    print(f"{'ratio load / baseline':<32} p50 {l50 / b50:8.2f} x   p99 {l99 / b99:8.2f} x")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--rate", type=int, default=1000, help="events per second")
    parser.add_argument("--baseline-rate", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10)
    asyncio.run(main(parser.parse_args()))
