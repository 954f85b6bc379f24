"""A million rows through the whole deployment: upload, planning, processing, finalization,
reading results back, and the memory of every process all along.

Starts a private SeaweedFS, the gateway, the notifier and `--workers` workers as processes
against the local RabbitMQ (loopback only), the workers running the network-free
`normalize` stage. Generates a `--rows`-row CSV (about 76 bytes a row: 1M rows is about
76 MB) and a `--xlsx-rows`-row XLSX, then prints:

- seconds from the upload's first byte to 201 (CSV and XLSX), the gateway's RSS rise, and
  the size of the `rows.jsonl` it stored;
- start -> running (planning), processing, and finalization seconds of the CSV session;
- every process's peak RSS in each phase, sampled every `--interval` seconds (a worker with
  the processes it started);
- a results page's latency at offsets 0, the middle and the last row, the CSV download,
  and the session list of 100 sessions (median of 5 requests each);
- with `--probe SECONDS`, how long cheap requests (`/healthz` and a list of sessions,
  each every SECONDS, sent by a process of their own) waited during each upload, against
  the same requests to the same gateway just before it (`bench/responsiveness.py`);
- two hostile inputs: every row the same domain (`--rows` rows, normalize), and every row
  a different dead host (`--dead-rows` rows, the real `website` stage against loopback
  addresses: half refuse connections, half accept none, so only the row timeout
  `--row-timeout` ends them): how rows ended, read from the CSV download as it streams,
  and each row's duration from start to end, from the `row.finished` lines of the
  chunks' stored logs (the services log at `--dead-log-level`, INFO by default).

Figures, not a verdict: exit code 0 when every session completed.

    .venv/bin/python bench/million_rows.py [--rows 1000000] [--xlsx-rows 100000] [--cache-days 30]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import csv
import os
import signal
import socket
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import orjson
from openpyxl import Workbook

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.process_stats import child_pids, cpu_seconds
from bench.responsiveness import PATHS, Probe, summary
from bench.soak import deployment, rss_bytes
from shared.auth import hash_key, new_key
from shared.broker.rabbit_topology import delete_topology
from shared.layout import SessionKeys
from shared.storage.s3 import MinioStore
from shared.topology import Topology
from tests.services import (
    AMQP_URL,
    TEST_S3_ACCESS_KEY,
    TEST_S3_SECRET_KEY,
    SeaweedFS,
    free_port,
    require_rabbitmq,
    service_settings,
)

MIB = 1024 * 1024


def company_line(n: int) -> str:
    return f"Northwind Trading {n:07d} Ltd,https://www.northwind-{n:07d}.com,Springfield,{n}\n"


def write_csv(path: Path, rows: int, line: Callable[[int], str] = company_line) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("Company,Website,City,Ref\n")
        block: list[str] = []
        for n in range(rows):
            block.append(line(n))
            if len(block) == 10_000:
                out.write("".join(block))
                block = []
        out.write("".join(block))


def write_xlsx(path: Path, rows: int) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Companies")
    sheet.append(["Company", "Website", "City", "Ref"])
    for n in range(rows):
        sheet.append([f"Northwind Trading {n:07d} Ltd", f"northwind-{n:07d}.com", "Oslo", n])
    book.save(path)


def size_mib(path: Path) -> float:
    return path.stat().st_size / MIB


@dataclass
class Phases:
    """RSS samples of named processes, labelled with the phase running when taken."""

    pids: dict[str, int]
    phase: str = "idle"
    peaks: dict[tuple[str, str], int] = field(default_factory=dict)
    baseline: dict[str, int] = field(default_factory=dict)
    # The children's own share of `peaks` (the largest sum of a process's children at once).
    child_peaks: dict[tuple[str, str], int] = field(default_factory=dict)

    # CPU seconds of each process by phase: what it used since the sample before.
    cpu: dict[tuple[str, str], float] = field(default_factory=dict)
    _last_cpu: dict[str, float] = field(default_factory=dict)

    def sample(self) -> None:
        for name, pid in self.pids.items():
            rss = rss_bytes(pid)
            if rss is not None:
                # A worker's own processes (the finalization's workbook) count as the worker.
                children = sum(rss_bytes(child) or 0 for child in child_pids(pid))
                rss += children
                key = (self.phase, name)
                self.peaks[key] = max(self.peaks.get(key, 0), rss)
                self.child_peaks[key] = max(self.child_peaks.get(key, 0), children)
                with contextlib.suppress(OSError):
                    # Its running children too: a checkout given by --checkout may parse in them.
                    used = cpu_seconds(pid, children=True) + sum(
                        _cpu_or_zero(child) for child in child_pids(pid)
                    )
                    before = self._last_cpu.get(name, used)
                    self.cpu[key] = self.cpu.get(key, 0.0) + used - before
                    self._last_cpu[name] = used

    async def run(self, interval: float) -> None:
        while True:
            self.sample()
            await asyncio.sleep(interval)

    def peak(self, name: str, phase: str | None = None) -> int:
        return max(
            (rss for (p, n), rss in self.peaks.items() if n == name and phase in (None, p)),
            default=0,
        )

    def report(self) -> Iterator[str]:
        phases = list(dict.fromkeys(p for p, _ in self.peaks))
        yield "peak RSS MiB by phase: " + " | ".join(phases)
        for name in self.pids:
            cells = " | ".join(f"{self.peak(name, p) / MIB:.0f}" for p in phases)
            yield f"  {name:<10} idle {self.baseline.get(name, 0) / MIB:.0f}: {cells}"
        yield "of which its child processes, MiB by phase (peak of their sum)"
        for name in self.pids:
            cells = " | ".join(f"{self.child_peaks.get((p, name), 0) / MIB:.0f}" for p in phases)
            yield f"  {name:<10} {cells}"
        # CPU is steadier than wall time on a machine shared with other work.
        yield "CPU seconds by phase: " + " | ".join(phases)
        for name in self.pids:
            spent = " | ".join(f"{self.cpu.get((p, name), 0.0):.1f}" for p in phases)
            yield f"  {name:<10} {spent}"


def _cpu_or_zero(pid: int) -> float:
    try:
        return cpu_seconds(pid)
    except OSError:
        return 0.0


def _own_and_children_cpu(pid: int) -> tuple[float, float]:
    """CPU seconds of the process itself, and of its children (running or ended)."""
    own = cpu_seconds(pid)
    return own, cpu_seconds(pid, children=True) - own + sum(map(_cpu_or_zero, child_pids(pid)))


def rss_with_children(pid: int) -> int:
    return (rss_bytes(pid) or 0) + sum(rss_bytes(child) or 0 for child in child_pids(pid))


async def file_chunks(path: Path, size: int = 1024 * 1024) -> AsyncIterator[bytes]:
    with path.open("rb") as source:
        while data := source.read(size):
            yield data


@dataclass
class Bench:
    api: httpx.AsyncClient
    memory: Phases
    store: MinioStore
    key: str = ""
    probe_interval: float = 0.0
    figures: dict[str, float] = field(default_factory=dict)

    def note(self, label: str, value: float, unit: str = "s") -> None:
        self.figures[label] = value
        print(f"{label:<52} {value:10.3f} {unit}", flush=True)

    async def upload(self, path: Path, label: str) -> str:
        # The baseline: the same bytes stored as one object, with no parsing at all.
        began = time.monotonic()
        await self.store.put_stream(f"baseline/{uuid.uuid4().hex}", file_chunks(path))
        baseline = time.monotonic() - began
        self.memory.phase = f"upload {label}"
        # Any child process counts as the gateway, before as after.
        gateway = self.memory.pids["gateway"]
        before = rss_with_children(gateway)
        own_cpu, children_cpu = _own_and_children_cpu(gateway)
        probe, idle = await self.start_probe()
        began = time.monotonic()
        with path.open("rb") as source:
            created = await self.api.post("/api/sessions", files={"file": (path.name, source)})
        elapsed = time.monotonic() - began
        if probe is not None:
            probe.stop()
            for name in PATHS:
                print(f"  {name} idle before:   {summary(probe.latencies(idle, began, name))}")
                print(
                    f"  {name} during upload: "
                    f"{summary(probe.latencies(began, began + elapsed, name))}",
                    flush=True,
                )
        created.raise_for_status()
        self.memory.sample()
        self.note(f"upload {label} ({size_mib(path):.0f} MiB) -> 201", elapsed)
        self.note("  the same file stored as it is (baseline)", baseline)
        self.note("  upload / baseline", elapsed / baseline, "x")
        session_id = str(created.json()["session_id"])
        rows = await self.store.stat(SessionKeys("bench", session_id).rows)  # the key's tenant
        if rows is not None:
            self.note("  rows.jsonl stored", rows.size / MIB, "MiB")
            self.note("  rows.jsonl / the upload", rows.size / MIB / size_mib(path), "x")
        rise = self.memory.peak("gateway", self.memory.phase) - before
        self.note(f"gateway RSS rise during {label} upload", rise / MIB, "MiB")
        own_after, children_after = _own_and_children_cpu(gateway)
        self.note("  gateway CPU (its own process)", own_after - own_cpu)
        self.note("  gateway CPU (its child processes)", children_after - children_cpu)
        return session_id

    async def start_probe(self) -> tuple[Probe | None, float]:
        """The cheap requests' process started, and given a few seconds before the upload
        (their idle figures, from the monotonic time returned)."""
        if not self.probe_interval:
            return None, 0.0
        probe = Probe(str(self.api.base_url).rstrip("/"), self.key, self.probe_interval)
        probe.start()
        await asyncio.sleep(2.0)  # the process's start and first connections
        idle = time.monotonic()
        await asyncio.sleep(3.0)
        return probe, idle

    async def small_sessions(self, folder: Path, count: int) -> None:
        small = folder / "small.csv"
        write_csv(small, 5)
        for _ in range(count):
            with small.open("rb") as source:
                created = await self.api.post("/api/sessions", files={"file": ("s.csv", source)})
            created.raise_for_status()

    async def state(self, session_id: str) -> dict[str, object]:
        response = await self.api.get(f"/api/sessions/{session_id}")
        response.raise_for_status()
        return dict(response.json())

    async def run_session(
        self, session_id: str, label: str, limit: float, through: str = "all"
    ) -> dict[str, object]:
        """Start, then time planning, processing and finalization by polling the session."""
        (await self.api.post(f"/api/sessions/{session_id}/start")).raise_for_status()
        began = time.monotonic()
        marks: dict[str, float] = {}
        self.memory.phase = f"planning {label}"
        while True:
            state = await self.state(session_id)
            now = time.monotonic() - began
            if now > limit:
                raise TimeoutError(f"{label}: not finished after {limit:.0f}s: {state}")
            status = state["status"]
            if "planning" not in marks and status not in ("queued", "created"):
                marks["planning"] = now
                self.memory.phase = f"processing {label}"
                if through == "planning":
                    self.note(f"{label}: start -> running (planning)", now)
                    return state
            chunks = state.get("chunk_count") or 0
            ended = bool(chunks) and state["chunks_done"] == chunks
            if "planning" in marks and "processing" not in marks and ended:
                marks["processing"] = now
                self.memory.phase = f"finalizing {label}"
            if state.get("finalized"):
                marks.setdefault("processing", now)
                marks["finalized"] = now
                break
            await asyncio.sleep(0.25)
        self.note(f"{label}: start -> running (planning)", marks["planning"])
        self.note(f"{label}: processing", marks["processing"] - marks["planning"])
        self.note(f"{label}: finalization", marks["finalized"] - marks["processing"])
        print(f"{label}: {state['status']}, counters {state.get('counters')}", flush=True)
        await self.finalization_from_storage(state, label)
        return state

    async def finalization_from_storage(self, state: dict[str, object], label: str) -> None:
        """The finalization as storage saw it: from the last chunk summary stored to the
        final status, whatever the polling above saw under load (1 s resolution)."""
        keys = SessionKeys("bench", str(state["session_id"]))  # the API key's tenant
        objects = await self.store.list_objects(keys.prefix)
        summaries = [
            o.last_modified
            for o in objects
            if o.key.startswith(keys.chunk_done_prefix) and o.last_modified is not None
        ]
        final = [o.last_modified for o in objects if o.key == keys.final_status and o.last_modified]
        if summaries and final:
            seconds = (max(final) - max(summaries)).total_seconds()
            self.note(f"{label}: finalization (storage: last summary -> final status)", seconds)

    async def median_get(self, path: str, params: dict[str, int]) -> float:
        times = []
        for _ in range(5):
            began = time.monotonic()
            response = await self.api.get(path, params=params)
            times.append(time.monotonic() - began)
            response.raise_for_status()
        return statistics.median(times)

    async def reads(self, session_id: str, rows: int) -> None:
        self.memory.phase = "reading"
        path = f"/api/sessions/{session_id}/results"
        for offset in (0, rows // 2, max(0, rows - 1)):
            latency = await self.median_get(path, {"offset": offset, "limit": 100})
            self.note(f"results page at offset {offset}", latency * 1000, "ms")
        began = time.monotonic()
        size = 0
        async with self.api.stream("GET", path, params={"format": "csv"}) as response:
            response.raise_for_status()
            async for data in response.aiter_bytes():
                size += len(data)
        self.note(f"CSV download ({size / MIB:.0f} MiB)", time.monotonic() - began)

    async def session_list(self, folder: Path) -> None:
        self.memory.phase = "session list"
        listed = (await self.api.get("/api/sessions", params={"limit": 200})).json()["items"]
        await self.small_sessions(folder, max(0, 100 - len(listed)))
        # The first list reads every session's objects; later ones only what changed.
        began = time.monotonic()
        (await self.api.get("/api/sessions", params={"limit": 100})).raise_for_status()
        self.note(
            "session list of 100 sessions, first request", (time.monotonic() - began) * 1000, "ms"
        )
        latency = await self.median_get("/api/sessions", {"limit": 100})
        self.note("session list of 100 sessions", latency * 1000, "ms")


def listening_black_hole() -> socket.socket:
    """A socket that listens and never accepts: once its tiny backlog is full, connections
    to it (on any 127/8 address) hang, as to an unroutable host."""
    hole = socket.socket()
    hole.bind(("0.0.0.0", 0))
    hole.listen(0)
    return hole


def dead_host_line(refused_port: int, hole_port: int) -> Callable[[int], str]:
    def line(n: int) -> str:
        port = hole_port if n % 2 else refused_port
        # A distinct loopback address per row (none ends in 0 or 255), so no two rows
        # share a host and every row is its own fetch.
        host = f"127.{n // (254 * 256) % 256}.{n // 254 % 256}.{n % 254 + 1}"
        return f"Dead Host {n:07d} Ltd,http://{host}:{port}/,Nowhere,{n}\n"

    return line


def stack_env(
    store: SeaweedFS, topology: Topology, key: str, extra: dict[str, str]
) -> dict[str, str]:
    gateway_port, notifier_port = free_port(), free_port()
    return {
        **service_settings(AMQP_URL, topology.prefix, store.endpoint, "million"),
        "DOSSIER_LOG_LEVEL": "WARNING",
        "DOSSIER_API_KEYS": f"bench:{hash_key(key)}",
        "DOSSIER_GATEWAY_PORT": str(gateway_port),
        "DOSSIER_NOTIFIER_PORT": str(notifier_port),
        "DOSSIER_NOTIFIER_PUBLIC_URL": f"ws://127.0.0.1:{notifier_port}/ws",
        **extra,
    }


@contextlib.asynccontextmanager
async def running_stack(
    args: argparse.Namespace,
    store_process: SeaweedFS,
    key: str,
    logs: Path,
    extra: dict[str, str],
) -> AsyncIterator[Bench]:
    topology = Topology(f"million-{uuid.uuid4().hex[:8]}")
    env = stack_env(store_process, topology, key, extra)
    try:
        with deployment(env, args.workers, logs, args.checkout) as pids:
            memory = Phases({**pids, "seaweedfs": store_process.pid or 0})
            memory.baseline = {name: rss_with_children(pid) for name, pid in memory.pids.items()}
            sampler = asyncio.create_task(memory.run(args.interval))
            async with httpx.AsyncClient(
                base_url=f"http://127.0.0.1:{env['DOSSIER_GATEWAY_PORT']}",
                headers={"Authorization": f"Bearer {key}"},
                timeout=600,
            ) as api:
                store = MinioStore(
                    store_process.endpoint, TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY, "million"
                )
                try:
                    yield Bench(api, memory, store, key, args.probe)
                finally:
                    store.close()
                    sampler.cancel()
                    for line in memory.report():
                        print(line, flush=True)
    finally:
        with contextlib.suppress(Exception):
            await delete_topology(AMQP_URL, topology)


def worker_peak(bench: Bench) -> float:
    return max(bench.memory.peak(n) for n in bench.memory.pids if n.startswith("worker")) / MIB


async def main_run(args: argparse.Namespace, folder: Path, store: SeaweedFS, key: str) -> None:
    logs = args.logs or folder / "logs"
    csv_path, xlsx_path = folder / "companies.csv", folder / "companies.xlsx"
    began = time.monotonic()
    write_csv(csv_path, args.rows)
    if args.xlsx_rows:
        write_xlsx(xlsx_path, args.xlsx_rows)
    print(f"files written in {time.monotonic() - began:.1f}s", flush=True)
    # The suite's services run with the domain cache off; --cache-days turns it on, so every
    # row is stored as a cache block and each worker's in-memory index grows with the rows.
    normalize = {
        "DOSSIER_PIPELINE_STAGES": "normalize",
        "DOSSIER_CACHE_DAYS": str(args.cache_days),
    }
    async with running_stack(args, store, key, logs, normalize) as bench:
        if args.probe:
            # Something for the probe's session lists to read.
            await bench.small_sessions(folder, 20)
        session = await bench.upload(csv_path, f"{args.rows}-row CSV")
        if args.xlsx_rows:
            await bench.upload(xlsx_path, f"{args.xlsx_rows}-row XLSX")
        if args.through == "upload":
            return
        await bench.run_session(session, f"{args.rows} rows", args.limit, args.through)
        if args.through == "planning":
            print(f"worker peak RSS while planning: {worker_peak(bench):.0f} MiB", flush=True)
            return
        await bench.reads(session, args.rows)
        await bench.session_list(folder)
        print(f"worker peak RSS over every phase: {worker_peak(bench):.0f} MiB", flush=True)
        if "same" in args.variants:
            same = folder / "same.csv"
            write_csv(same, args.rows, lambda n: f"Acme Corp,https://acme.com/,Oslo,{n}\n")
            session = await bench.upload(same, f"{args.rows}-row same-domain CSV")
            await bench.run_session(session, "same domain", args.limit)
            print(f"worker peak RSS, same domain: {worker_peak(bench):.0f} MiB", flush=True)
    if "dead" in args.variants:
        await dead_hosts(args, folder, store, key, logs)


async def dead_hosts(
    args: argparse.Namespace, folder: Path, store: SeaweedFS, key: str, logs: Path
) -> None:
    hole = listening_black_hole()
    refused = free_port()  # nothing listens there once the probe socket is closed
    path = folder / "dead.csv"
    write_csv(path, args.dead_rows, dead_host_line(refused, hole.getsockname()[1]))
    extra = {
        "DOSSIER_PIPELINE_STAGES": "normalize,website",
        "DOSSIER_FETCH_ALLOW_PRIVATE_NETWORKS": "true",
        "DOSSIER_FETCH_ROBOTS": "off",
        "DOSSIER_REDISCOVER_DEAD_WEBSITES": "false",
        "DOSSIER_WORKER_ROW_TIMEOUT_S": str(args.row_timeout),
        # At INFO (the product's default) every row's `row.finished` line, with its
        # duration, is in the chunk's stored log: what the longest row is read from.
        "DOSSIER_LOG_LEVEL": args.dead_log_level,
    }
    try:
        async with running_stack(args, store, key, logs / "dead", extra) as bench:
            session = await bench.upload(path, f"{args.dead_rows}-row dead-host CSV")
            began = time.monotonic()
            state = await bench.run_session(session, "dead hosts", args.limit)
            elapsed = time.monotonic() - began
            print(f"dead hosts: counters {state['counters']}", flush=True)
            bench.memory.phase = "reading"
            ends = await row_ends(bench, session)
            print(f"dead hosts: rows by status and error: {ends}", flush=True)
            await row_durations(bench, session, args.row_timeout)
            print(
                f"dead hosts: {elapsed:.1f}s from start to final results; worker peak RSS "
                f"{worker_peak(bench):.0f} MiB",
                flush=True,
            )
    finally:
        hole.close()


async def row_ends(bench: Bench, session: str) -> dict[str, int]:
    """How each row ended, from the CSV download read as it streams (a million rows as
    JSON would be gigabytes of objects here)."""
    ends: dict[str, int] = {}
    path = f"/api/sessions/{session}/results"
    header: list[str] | None = None
    async with bench.api.stream("GET", path, params={"format": "csv"}) as response:
        response.raise_for_status()
        async for line in response.aiter_lines():
            if not line.strip():
                continue
            cells = next(csv.reader([line]))
            if header is None:
                header = cells
                status, error = header.index("Row_Status"), header.index("Error")
                continue
            reason = "timed out" if "timed out" in cells[error] else cells[error][:40]
            label = f"{cells[status]} / {reason or '-'}"
            ends[label] = ends.get(label, 0) + 1
    return ends


async def row_durations(bench: Bench, session: str, timeout: float) -> None:
    """Each row's time from its slot to its end, from the `row.finished` lines of the
    chunks' stored logs (INFO level): the row timeout holds if none is far past it."""
    keys = SessionKeys("bench", session)
    prefix = keys.chunk_logs(0).rsplit("/", 1)[0] + "/"
    objects = await bench.store.list_objects(prefix)
    durations: list[int] = []
    lines = 0
    gate = asyncio.Semaphore(16)

    async def read(object_key: str) -> None:
        nonlocal lines
        async with gate:
            data = await bench.store.get_bytes(object_key)
        for line in data.splitlines():
            lines += 1
            if b'"row.finished"' in line:
                durations.append(int(orjson.loads(line)["duration_ms"]))

    await asyncio.gather(*(read(o.key) for o in objects))
    print(
        f"dead hosts: {len(objects)} chunk logs, {lines} lines "
        f"({lines / max(1, len(durations)):.1f} a finished row)",
        flush=True,
    )
    if not durations:
        print("dead hosts: no row.finished lines (log level above INFO)", flush=True)
        return
    durations.sort()

    def at(share: float) -> int:
        return durations[min(len(durations) - 1, int(share * len(durations)))]

    over = sum(d > timeout * 1000 + 1000 for d in durations)
    print(
        f"dead hosts: row durations (ms) of {len(durations)} rows: median {at(0.5)}, "
        f"p99 {at(0.99)}, p99.99 {at(0.9999)}, max {durations[-1]}; "
        f"over the row timeout + 1 s: {over}",
        flush=True,
    )


async def main(args: argparse.Namespace) -> int:
    require_rabbitmq()
    print(f"load average before: {os.getloadavg()[0]:.1f}", flush=True)
    with tempfile.TemporaryDirectory(prefix="dossier-million-") as name:
        folder = Path(name)
        store = SeaweedFS(folder / "s3")
        store.start()
        key = new_key()
        try:
            if "main" in args.variants or "same" in args.variants:
                await main_run(args, folder, store, key)
            elif "dead" in args.variants:
                await dead_hosts(args, folder, store, key, args.logs or folder / "logs")
        finally:
            store.stop()
    print(f"load average after: {os.getloadavg()[0]:.1f}", flush=True)
    return 0


def stop_on_terminate(*_: object) -> None:
    # SIGTERM unwinds like Ctrl-C, so the services and the store started here are stopped.
    raise KeyboardInterrupt


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, stop_on_terminate)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--xlsx-rows", type=int, default=100_000)
    parser.add_argument("--dead-rows", type=int, default=2_000)
    parser.add_argument("--row-timeout", type=float, default=5.0, help="seconds, dead hosts")
    parser.add_argument(
        "--dead-log-level",
        default="INFO",
        help="the services' log level in the dead-host run (INFO: rows' durations are logged)",
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--cache-days",
        type=int,
        default=0,
        help="the workers' DOSSIER_CACHE_DAYS for main and same (0: the domain cache off)",
    )
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between samples")
    parser.add_argument("--limit", type=float, default=3600, help="give up on a session")
    parser.add_argument(
        "--variants",
        default="main,same,dead",
        help="comma-separated: main (the million rows), same (one domain), dead (dead hosts)",
    )
    parser.add_argument(
        "--through",
        choices=("upload", "planning", "all"),
        default="all",
        help="planning: stop once the million-row session is planned (uploads and planning); "
        "upload: once the uploads are answered",
    )
    parser.add_argument(
        "--checkout",
        type=Path,
        help="run the services from this checkout of the code (another branch's worktree), "
        "to compare it with this one in the same conditions",
    )
    parser.add_argument(
        "--probe",
        type=float,
        default=0.0,
        help="seconds between cheap requests sent during each upload (0: none)",
    )
    parser.add_argument("--logs", type=Path, help="keep the services' logs in this folder")
    sys.exit(asyncio.run(main(parser.parse_args())))
