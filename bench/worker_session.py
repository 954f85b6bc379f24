"""One session of the worker benchmark: fresh workers on a topology of their own, a
session seeded straight into storage, timed from the start command to the final status.

The rows' requests go to `RowsServer` (bench/rows_server.py, a process of its own), which
answers each after a fixed latency; `SlowServer`, the same answers from a thread of the
benchmark's own process, is what the benchmark used before 2026-12-07 20:00 UTC.
"""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bench.cpu_quota import CpuQuota
from bench.cpu_split import CpuSampler, Phases, phases
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
from tests.processes import REPO, service, wait_http_ok
from tests.services import AMQP_URL, free_port, terminate


class RowsServer:
    """bench/rows_server.py in a process of its own: the web's stand-in off the
    benchmark's process, so its CPU is its own and shares no interpreter with the
    benchmark's sampling."""

    def __init__(self, latency: float) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "bench.rows_server", f"--latency={latency}"],
            cwd=REPO,
            stdout=subprocess.PIPE,
        )
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line.strip():
            self.close()
            raise RuntimeError("the rows' server did not start")
        self.port = int(line)
        self.pid: int | None = self._process.pid

    def close(self) -> None:
        if self._process.poll() is None:
            terminate(self._process)


class SlowServer:
    """Answers every request after `latency` seconds, on its own event loop thread of the
    benchmark's process (asyncio streams): the rows' server before `RowsServer`."""

    pid: int | None = None  # its CPU is the benchmark's own

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
    # Seconds the workers waited for their CPU quota (`worker_cores`), summed over them.
    throttled: float = 0.0


async def run_one(
    env: dict[str, str],
    log_dir: Path,
    store: MinioStore,
    workers: int,
    concurrency: int,
    rows: int,
    timeout: float,
    watch: dict[str, int] | None = None,
    checkout: Path = REPO,
    worker_cores: float | None = None,
) -> Run:
    """One session of `rows` rows on `workers` fresh workers. With `watch` (name -> pid of
    processes beside the workers), the CPU of every process is sampled through the run.
    The services run from `checkout` (this one by default). With `worker_cores`, each
    worker is capped at that share of a core (bench/cpu_quota.py)."""
    prefix = f"bench-{uuid.uuid4().hex[:8]}"
    topology = Topology(prefix)
    env = {**env, "DOSSIER_TOPOLOGY_PREFIX": prefix, "DOSSIER_WORKER_CONCURRENCY": str(concurrency)}
    broker = RabbitBroker(AMQP_URL, topology)
    await broker.connect()
    try:
        with contextlib.ExitStack() as stack:
            processes = dict(watch or {})
            if watch is not None:
                processes |= around_workers(stack, env, log_dir, f"w{workers}", checkout)
            quotas: list[CpuQuota] = []
            for n in range(workers):
                port = free_port()
                if worker_cores is not None:
                    quotas.append(CpuQuota(worker_cores))
                    # Registered before the worker so that it runs after the worker ended.
                    stack.callback(quotas[-1].remove)
                process = stack.enter_context(
                    service(
                        "worker",
                        {**env, "DOSSIER_WORKER_HEALTH_PORT": str(port)},
                        log_dir,
                        f"w{workers}-c{concurrency}-{n}",
                        cwd=checkout,
                    )
                )
                if quotas:
                    quotas[-1].add(process.process.pid)
                wait_http_ok(f"http://127.0.0.1:{port}/readyz", 30, process)
                processes[f"worker {n + 1}"] = process.process.pid
            # A tenant of its own: no row is answered from an earlier run's domain cache.
            keys = await seed(store, prefix, rows)
            finished = await status_watch(broker, keys.session_id)
            sampler = CpuSampler(processes)
            if watch is not None:
                await sampler.measure_background(["rabbitmq"])
            sampling = asyncio.create_task(sampler.run())
            throttled_before = sum(quota.throttled_seconds() for quota in quotas)
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
            throttled = sum(quota.throttled_seconds() for quota in quotas) - throttled_before
        summaries = [
            await store.get_model(info.key, ChunkSummary)
            for info in await store.list_objects(keys.chunk_done_prefix)
        ]
        first = min(s.started_at for s in summaries).timestamp()
        last = max(s.finished_at for s in summaries).timestamp()
        cpu = phases(sampler, start, first, last, end) if watch is not None else None
        return Run(rows, rows / wall, rows / max(last - first, 1e-6), cpu, throttled)
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
    stack: contextlib.ExitStack,
    env: dict[str, str],
    log_dir: Path,
    label: str,
    checkout: Path = REPO,
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
            service(name, {**own, setting: str(port)}, log_dir, f"{label}-{name}", cwd=checkout)
        )
        wait_http_ok(f"http://127.0.0.1:{port}/readyz", 60, process)
        pids[name] = process.process.pid
    return pids
