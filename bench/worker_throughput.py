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
import os
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.cpu_split import CpuSampler, Phases, find_pid, phases, print_cpu_table, scaling
from shared.auth import hash_key, new_key
from shared.broker.rabbit import RabbitBroker
from shared.broker.rabbit_topology import delete_topology
from shared.ids import new_session_id
from shared.layout import SessionKeys
from shared.messages import SessionStatusChanged, StartSession
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
    SeaweedFS,
    free_port,
    require_rabbitmq,
)
from worker.settings import WorkerSettings


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


@dataclass(frozen=True)
class Run:
    rows: int
    wall_rate: float
    busy_rate: float
    cpu: Phases | None


async def run_one(
    env: dict[str, str],
    log_dir: Path,
    store: MinioStore,
    workers: int,
    concurrency: int,
    rows: int,
    timeout: float,
    watch: dict[str, int] | None = None,
) -> Run:
    """One session of `rows` rows on `workers` fresh workers. With `watch` (name -> pid of
    processes beside the workers), the CPU of every process is sampled through the run."""
    prefix = f"bench-{uuid.uuid4().hex[:8]}"
    topology = Topology(prefix)
    env = {**env, "DOSSIER_TOPOLOGY_PREFIX": prefix, "DOSSIER_WORKER_CONCURRENCY": str(concurrency)}
    broker = RabbitBroker(AMQP_URL, topology)
    await broker.connect()
    try:
        with contextlib.ExitStack() as stack:
            processes = dict(watch or {})
            if watch is not None:
                processes |= around_workers(stack, env, log_dir, f"w{workers}")
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
                processes[f"worker {n + 1}"] = process.process.pid
            # A tenant of its own: no row is answered from an earlier run's domain cache.
            keys = await seed(store, prefix, rows)
            finished = await status_watch(broker, keys.session_id)
            sampler = CpuSampler(processes)
            if watch is not None:
                await sampler.measure_background(["rabbitmq"])
            sampling = asyncio.create_task(sampler.run())
            start = time.time()
            began = time.monotonic()
            await broker.publish_start(StartSession(tenant=prefix, session_id=keys.session_id))
            while not await store.exists(keys.final_status):
                if time.monotonic() - began > timeout:
                    raise TimeoutError(f"session of {rows} rows not finished in {timeout:.0f}s")
                # Told by the session's status event; storage is read once a second only, so
                # the benchmark adds little to the store's CPU.
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(finished.wait(), 1.0)
            wall = time.monotonic() - began
            end = time.time()
            sampling.cancel()
            sampler.sample()
        summaries = [
            await store.get_model(info.key, ChunkSummary)
            for info in await store.list_objects(keys.chunk_done_prefix)
        ]
        first = min(s.started_at for s in summaries).timestamp()
        last = max(s.finished_at for s in summaries).timestamp()
        cpu = phases(sampler, start, first, last, end) if watch is not None else None
        return Run(rows, rows / wall, rows / max(last - first, 1e-6), cpu)
    finally:
        with contextlib.suppress(Exception):
            await delete_topology(AMQP_URL, topology)
        await broker.close()


async def status_watch(broker: RabbitBroker, session_id: str) -> asyncio.Event:
    """Set when the session's status event says it ended."""
    finished = asyncio.Event()

    async def on_status(body: bytes, _key: str) -> None:
        status = SessionStatusChanged.model_validate_json(body).status
        if status.is_final:
            finished.set()

    binding = Topology.event_routing_key(session_id, "session.status")
    await broker.consume_events(on_status, binding)
    return finished


def around_workers(
    stack: contextlib.ExitStack, env: dict[str, str], log_dir: Path, label: str
) -> dict[str, int]:
    """The gateway and the notifier on the run's topology, as a deployment runs them:
    the notifier consumes every status event the workers publish."""
    key = new_key()
    own = {**env, "DOSSIER_API_KEYS": f"bench:{hash_key(key)}"}
    pids = {}
    for name in ("gateway", "notifier"):
        port = free_port()
        setting = f"DOSSIER_{name.upper()}_PORT"
        process = stack.enter_context(
            service(name, {**own, setting: str(port)}, log_dir, f"{label}-{name}")
        )
        wait_http_ok(f"http://127.0.0.1:{port}/readyz", 60, process)
        pids[name] = process.process.pid
    return pids


async def cpu_bound(
    args: argparse.Namespace, env: dict[str, str], logs: Path, store: MinioStore, weed: int
) -> None:
    """Rows that wait on nothing: rows/s of 2 workers against 1, the CPU-bound scaling,
    and the CPU every process spends per 1,000 rows, from which the scaling is predicted."""
    watch = {"weed": weed, "bench": os.getpid()}
    rabbit = find_pid("beam.smp")
    if rabbit is not None:
        watch["rabbitmq"] = rabbit
    runs: dict[int, Run] = {}
    for workers in (1, 2):
        runs[workers] = await run_one(
            env, logs, store, workers, args.concurrency, args.rows, args.timeout, watch
        )
    one, two = runs[1], runs[2]
    print(f"{'workers':>7} {'conc':>5} {'rows':>6} {'rows/s':>8} {'x 1':>5} {'busy':>8} {'x 1':>5}")
    for workers, run in runs.items():
        print(
            f"{workers:>7} {args.concurrency:>5} {run.rows:>6} {run.wall_rate:>8.0f} "
            f"{run.wall_rate / one.wall_rate:>5.2f} {run.busy_rate:>8.0f} "
            f"{run.busy_rate / one.busy_rate:>5.2f}"
        )
    print("rows/s: start command to final status; busy rows/s: first chunk to last stored.")
    print()
    for workers, run in runs.items():
        assert run.cpu is not None
        print_cpu_table(f"{workers} worker{'s' * (workers > 1)}", run.rows, run.cpu)
    assert one.cpu is not None
    assert two.cpu is not None
    print(scaling(one.cpu, two.cpu, two.wall_rate / one.wall_rate))


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--latency", type=float, default=0.2, help="seconds per row")
    parser.add_argument("--seconds", type=float, default=4.0, help="ideal run time per config")
    parser.add_argument("--timeout", type=float, default=120.0, help="give up per config")
    parser.add_argument(
        "--chunk-size",
        type=int,
        default=WorkerSettings.model_fields["chunk_size"].default,
        help="rows per chunk task (default: the worker's)",
    )
    parser.add_argument("--rows", type=int, default=4000, help="rows per run at latency 0")
    parser.add_argument(
        "--concurrency", type=int, default=32, help="rows in flight per worker at latency 0"
    )
    parser.add_argument(
        "--worker-env", nargs="*", default=[], help="KEY=VALUE settings for the workers"
    )
    args = parser.parse_args()
    require_rabbitmq()
    server = SlowServer(args.latency)
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as folder:
        weed = SeaweedFS(Path(folder) / "s3")
        weed.start()
        try:
            await run_all(args, server, folder, weed)
        finally:
            weed.stop()
    server.close()


async def run_all(
    args: argparse.Namespace, server: SlowServer, folder: str, weed: SeaweedFS
) -> None:
    endpoint = weed.endpoint
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
    } | dict(item.split("=", 1) for item in args.worker_env)
    print(f"per-row latency {args.latency * 1000:.0f} ms, {args.chunk_size} rows per chunk")
    if not args.latency:
        assert weed.pid is not None
        await cpu_bound(args, env, Path(folder) / "logs", store, weed.pid)
        store.close()
        return
    print(
        f"{'workers':>7} {'conc':>5} {'rows':>6} {'limit/s':>9} {'rows/s':>8} "
        f"{'ratio':>6} {'busy rows/s':>12} {'ratio':>6}"
    )
    for workers in (1, 2):
        for concurrency in (8, 32, 64):
            limit = workers * concurrency / args.latency
            run = await run_one(
                env,
                Path(folder) / "logs",
                store,
                workers,
                concurrency,
                max(200, int(limit * args.seconds)),
                args.timeout,
            )
            print(
                f"{workers:>7} {concurrency:>5} {run.rows:>6} {limit:>9.0f} "
                f"{run.wall_rate:>8.0f} {run.wall_rate / limit:>6.2f} "
                f"{run.busy_rate:>12.0f} {run.busy_rate / limit:>6.2f}",
                flush=True,
            )
    print("rows/s: start command to final status (planning and finalization included);")
    print("busy rows/s: first chunk started to last chunk stored.")
    store.close()


if __name__ == "__main__":
    asyncio.run(main())
