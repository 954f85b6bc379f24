"""Rows per second of the worker engine against a per-row latency, next to the limit.

Every row waits on one request to a local server that answers after `--latency` seconds,
so the physical limit is workers x concurrency / latency. Runs 1 and 2 workers at
concurrency 8, 32 and 64 against a private SeaweedFS and the local RabbitMQ (loopback
only), one session per configuration, and prints rows/s beside that limit.

With `--latency 0` the server answers at once and CPU is the bound: `--rows` rows with
1 and then 2 workers at 32 rows in flight each, and the ratio of 2 workers to 1.

    .venv/bin/python bench/worker_throughput.py [--latency 0.2] [--seconds 4]
    .venv/bin/python bench/worker_throughput.py --latency 0 [--rows 4000]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from shared.broker.rabbit import RabbitBroker
from shared.broker.rabbit_topology import delete_topology
from shared.ids import new_session_id
from shared.layout import SessionKeys
from shared.messages import StartSession
from shared.models import (
    ChunkSummary,
    InputSummary,
    SessionManifest,
    SessionOptions,
)
from shared.rows import InputRow
from shared.storage.s3 import MinioStore
from shared.topology import Topology
from tests.processes import service, wait_http_ok
from tests.services import (
    AMQP_URL,
    TEST_S3_ACCESS_KEY,
    TEST_S3_SECRET_KEY,
    free_port,
    require_rabbitmq,
    seaweedfs,
)


class SlowServer:
    """Answers every request after `latency` seconds, on its own event loop thread."""

    def __init__(self, latency: float) -> None:
        self._latency = latency
        self._loop = asyncio.new_event_loop()
        started = threading.Event()
        self.port = 0

        def serve() -> None:
            asyncio.set_event_loop(self._loop)
            server = self._loop.run_until_complete(
                asyncio.start_server(self._answer, "127.0.0.1", 0, backlog=1024)
            )
            self.port = server.sockets[0].getsockname()[1]
            started.set()
            self._loop.run_forever()

        threading.Thread(target=serve, daemon=True).start()
        started.wait(10)

    async def _answer(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(asyncio.IncompleteReadError, ConnectionError):
            await reader.readuntil(b"\r\n\r\n")
            await asyncio.sleep(self._latency)
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
            await writer.drain()
        writer.close()

    def close(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)


async def seed(store: MinioStore, tenant: str, rows: int) -> SessionKeys:
    keys = SessionKeys(tenant, new_session_id())
    data = b"".join(
        InputRow(row=n, name=f"Company {n}").model_dump_json().encode() + b"\n" for n in range(rows)
    )
    await store.put_bytes(keys.rows, data)
    summary = InputSummary(
        filename="bench.csv",
        format="csv",
        size_bytes=len(data),
        has_header=True,
        columns=["Company"],
        name_column="Company",
        rows=rows,
    )
    manifest = SessionManifest(
        session_id=keys.session_id,
        tenant=tenant,
        created_at=datetime.now(UTC),
        options=SessionOptions(),
        input=summary,
        input_key=keys.input_file("bench.csv"),
    )
    await store.put_model(keys.manifest, manifest)
    return keys


async def run_one(
    env: dict[str, str],
    log_dir: Path,
    store: MinioStore,
    workers: int,
    concurrency: int,
    rows: int,
    timeout: float,
) -> tuple[int, float, float]:
    prefix = f"bench-{uuid.uuid4().hex[:8]}"
    topology = Topology(prefix)
    env = {**env, "DOSSIER_TOPOLOGY_PREFIX": prefix, "DOSSIER_WORKER_CONCURRENCY": str(concurrency)}
    broker = RabbitBroker(AMQP_URL, topology)
    await broker.connect()
    try:
        with contextlib.ExitStack() as stack:
            for n in range(workers):
                port = free_port()
                process = stack.enter_context(
                    service(
                        "worker",
                        {**env, "DOSSIER_WORKER_HEALTH_PORT": str(port)},
                        log_dir,
                        f"w{workers}-c{concurrency}-{n}",
                    )
                )
                wait_http_ok(f"http://127.0.0.1:{port}/readyz", 30, process)
            keys = await seed(store, "bench", rows)
            began = time.monotonic()
            await broker.publish_start(StartSession(tenant="bench", session_id=keys.session_id))
            while not await store.exists(keys.final_status):
                if time.monotonic() - began > timeout:
                    raise TimeoutError(f"session of {rows} rows not finished in {timeout:.0f}s")
                await asyncio.sleep(0.2)
            wall = time.monotonic() - began
        summaries = [
            await store.get_model(info.key, ChunkSummary)
            for info in await store.list_objects(keys.chunk_done_prefix)
        ]
        first = min(s.started_at for s in summaries)
        last = max(s.finished_at for s in summaries)
        return rows, rows / wall, rows / max((last - first).total_seconds(), 1e-6)
    finally:
        with contextlib.suppress(Exception):
            await delete_topology(AMQP_URL, topology)
        await broker.close()


async def cpu_bound(
    args: argparse.Namespace, env: dict[str, str], logs: Path, store: MinioStore
) -> None:
    """Rows that wait on nothing: rows/s of 2 workers against 1, the CPU-bound scaling."""
    print(f"{'workers':>7} {'conc':>5} {'rows':>6} {'rows/s':>8} {'x 1':>5} {'busy':>8} {'x 1':>5}")
    one: tuple[float, float] | None = None
    for workers in (1, 2):
        rows, wall_rate, busy_rate = await run_one(
            env, logs, store, workers, 32, args.rows, args.timeout
        )
        one = one or (wall_rate, busy_rate)
        print(
            f"{workers:>7} {32:>5} {rows:>6} {wall_rate:>8.0f} {wall_rate / one[0]:>5.2f} "
            f"{busy_rate:>8.0f} {busy_rate / one[1]:>5.2f}",
            flush=True,
        )
    print("rows/s: start command to final status; busy rows/s: first chunk to last stored.")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--latency", type=float, default=0.2, help="seconds per row")
    parser.add_argument("--seconds", type=float, default=4.0, help="ideal run time per config")
    parser.add_argument("--timeout", type=float, default=120.0, help="give up per config")
    parser.add_argument("--chunk-size", type=int, default=100, help="rows per chunk task")
    parser.add_argument("--rows", type=int, default=4000, help="rows per run at latency 0")
    args = parser.parse_args()
    require_rabbitmq()
    server = SlowServer(args.latency)
    with (
        tempfile.TemporaryDirectory(prefix="dossier-bench-") as folder,
        seaweedfs(Path(folder) / "s3") as endpoint,
    ):
        bucket = "bench"
        store = MinioStore(endpoint, TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY, bucket)
        await store.ensure_bucket()
        env = {
            "DOSSIER_ENVIRONMENT": "test",
            "DOSSIER_LOG_LEVEL": "WARNING",
            "DOSSIER_LOG_FORMAT": "json",
            "DOSSIER_AMQP_URL": AMQP_URL,
            "DOSSIER_S3_ENDPOINT": endpoint,
            "DOSSIER_S3_ACCESS_KEY": TEST_S3_ACCESS_KEY,
            "DOSSIER_S3_SECRET_KEY": TEST_S3_SECRET_KEY,
            "DOSSIER_S3_BUCKET": bucket,
            "DOSSIER_WORKER_PIPELINE": "bench.latency_pipeline:build",
            "DOSSIER_WORKER_CHUNK_SIZE": str(args.chunk_size),
            "DOSSIER_BENCH_SLOW_URL": f"http://127.0.0.1:{server.port}",
        }
        print(f"per-row latency {args.latency * 1000:.0f} ms, {args.chunk_size} rows per chunk")
        if not args.latency:
            await cpu_bound(args, env, Path(folder) / "logs", store)
            store.close()
            server.close()
            return
        print(
            f"{'workers':>7} {'conc':>5} {'rows':>6} {'limit/s':>9} {'rows/s':>8} "
            f"{'ratio':>6} {'busy rows/s':>12} {'ratio':>6}"
        )
        for workers in (1, 2):
            for concurrency in (8, 32, 64):
                limit = workers * concurrency / args.latency
                rows, wall_rate, busy_rate = await run_one(
                    env,
                    Path(folder) / "logs",
                    store,
                    workers,
                    concurrency,
                    max(200, int(limit * args.seconds)),
                    args.timeout,
                )
                print(
                    f"{workers:>7} {concurrency:>5} {rows:>6} {limit:>9.0f} {wall_rate:>8.0f} "
                    f"{wall_rate / limit:>6.2f} {busy_rate:>12.0f} {busy_rate / limit:>6.2f}",
                    flush=True,
                )
        print("rows/s: start command to final status (planning and finalization included);")
        print("busy rows/s: first chunk started to last chunk stored.")
        store.close()
    server.close()


if __name__ == "__main__":
    asyncio.run(main())
