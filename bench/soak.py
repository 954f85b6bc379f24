"""Soak: many sessions at once through the whole deployment, and the memory of each process.

Starts a private SeaweedFS, the gateway, the notifier and three workers as processes
against the local RabbitMQ (loopback only). Each round uploads `--sessions` files of
`--rows` rows through the API, starts them all at once, follows each on its own
WebSocket until it completes and downloads its results; `--rounds` rounds run one after
the other. Each row waits `--latency` seconds on a local server, as a row waits on
websites and providers. The resident memory (VmRSS) of every process is sampled all along.

Prints, per process, its idle RSS (the baseline, once ready), the mean and peak RSS over
the first and the second half of the run, and whether the second half stays within 10%
of its lowest sample; then rows per second next to the limit workers x concurrency /
latency, and by round next to the first. These are figures, not a verdict: the exit code
is 0 when every session completed within `--limit` seconds, 1 otherwise.

    .venv/bin/python bench/soak.py [--sessions 50] [--rows 200] [--rounds 4] [--limit 600]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import orjson
from websockets.asyncio.client import connect

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.worker_session import SlowServer
from client.live import progress_of
from shared.auth import hash_key, new_key
from shared.broker.rabbit_topology import delete_topology
from shared.topology import Topology
from tests.processes import REPO, ServiceProcess, service, wait_http_ok
from tests.services import AMQP_URL, SeaweedFS, free_port, require_rabbitmq, service_settings

MIB = 1024 * 1024
FLAT = 0.10


def rss_bytes(pid: int) -> int | None:
    """VmRSS of a running process; None once it is gone."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return None


@dataclass
class Memory:
    """RSS samples of named processes, with the time of each since the load began."""

    pids: dict[str, int]
    idle: dict[str, int] = field(default_factory=dict)
    samples: dict[str, list[tuple[float, int]]] = field(default_factory=dict)

    def sample(self, at: float) -> None:
        for name, pid in self.pids.items():
            rss = rss_bytes(pid)
            if rss is not None:
                self.samples.setdefault(name, []).append((at, rss))

    async def run(self, began: float, interval: float) -> None:
        while True:
            self.sample(time.monotonic() - began)
            await asyncio.sleep(interval)

    def report(self, duration: float) -> Iterator[str]:
        yield (
            f"{'process':<10} {'idle MiB':>9} {'1st half mean/peak':>19} "
            f"{'2nd half mean/peak':>19} {'2nd/idle':>8} {'2nd half spread':>16}"
        )
        for name in self.pids:
            points = self.samples.get(name, [])
            first = [rss for at, rss in points if at < duration / 2]
            second = [rss for at, rss in points if at >= duration / 2]
            if not first or not second:
                yield f"{name:<10} too few samples"
                continue
            spread = (max(second) - min(second)) / min(second)
            verdict = "flat" if spread <= FLAT else "NOT flat"
            idle = self.idle[name]
            yield (
                f"{name:<10} {idle / MIB:>9.1f} "
                f"{statistics.mean(first) / MIB:>9.1f}/{max(first) / MIB:<9.1f} "
                f"{statistics.mean(second) / MIB:>9.1f}/{max(second) / MIB:<9.1f} "
                f"{statistics.mean(second) / idle:>8.2f} {spread:>9.1%} {verdict}"
            )


def companies_csv(rows: int, session: int) -> bytes:
    lines = ["Company,Ref", *(f"Company {session}-{n},{n}" for n in range(rows))]
    return ("\n".join(lines) + "\n").encode()


async def follow(ws_url: str, key: str, session_id: str) -> None:
    """Until the notifier reports the session finished."""
    async with connect(ws_url, open_timeout=60, ping_interval=None) as ws:
        await ws.send(orjson.dumps({"type": "auth", "token": key}).decode())
        await ws.recv()  # hello
        await ws.send(orjson.dumps({"type": "subscribe", "session_id": session_id}).decode())
        async for data in ws:
            progress = progress_of(orjson.loads(data))
            if progress is not None and progress.final:
                return


async def one_session(
    api: httpx.AsyncClient, ws_url: str, key: str, number: int, rows: int
) -> tuple[str, float]:
    """Upload, start, follow to the end, download: the session's status and its end time."""
    files = {"file": (f"soak-{number}.csv", companies_csv(rows, number), "text/csv")}
    created = await api.post("/api/sessions", files=files)
    created.raise_for_status()
    session_id = created.json()["session_id"]
    watching = asyncio.create_task(follow(ws_url, key, session_id))
    (await api.post(f"/api/sessions/{session_id}/start")).raise_for_status()
    await watching
    finished = time.monotonic()
    state = (await api.get(f"/api/sessions/{session_id}")).json()
    results = await api.get(f"/api/sessions/{session_id}/results", params={"format": "csv"})
    results.raise_for_status()
    done = state["counters"]["done"] == rows and state["status"] == "completed"
    return ("completed" if done else f"{state['status']} {state['counters']}"), finished


@contextlib.contextmanager
def deployment(
    env: dict[str, str], workers: int, logs: Path, checkout: Path | None = None
) -> Iterator[dict[str, int]]:
    """Gateway, notifier and workers as processes, each ready; yields their pids by name.
    `checkout`: run the code of that checkout (by default this one's)."""
    cwd = checkout or REPO
    with contextlib.ExitStack() as stack:
        ready: list[tuple[ServiceProcess, str]] = []
        for module, port_variable in (
            ("gateway", "DOSSIER_GATEWAY_PORT"),
            ("notifier", "DOSSIER_NOTIFIER_PORT"),
        ):
            process = stack.enter_context(service(module, env, logs, cwd=cwd))
            ready.append((process, f"http://127.0.0.1:{env[port_variable]}/readyz"))
        for n in range(workers):
            port = free_port()
            worker_env = {**env, "DOSSIER_WORKER_HEALTH_PORT": str(port)}
            process = stack.enter_context(service("worker", worker_env, logs, f"worker{n}", cwd))
            ready.append((process, f"http://127.0.0.1:{port}/readyz"))
        for process, url in ready:
            wait_http_ok(url, 90, process)
        yield {process.name: process.process.pid for process, _ in ready}


async def main(args: argparse.Namespace) -> int:
    require_rabbitmq()
    server = SlowServer(args.latency)
    topology = Topology(f"soak-{uuid.uuid4().hex[:8]}")
    key = new_key()
    gateway_port, notifier_port = free_port(), free_port()
    with tempfile.TemporaryDirectory(prefix="dossier-soak-") as folder:
        store = SeaweedFS(Path(folder) / "s3")
        store.start()
        env = {
            **service_settings(AMQP_URL, topology.prefix, store.endpoint, "soak"),
            "DOSSIER_LOG_LEVEL": "WARNING",
            "DOSSIER_API_KEYS": f"soak:{hash_key(key)}",
            "DOSSIER_GATEWAY_PORT": str(gateway_port),
            "DOSSIER_NOTIFIER_PORT": str(notifier_port),
            "DOSSIER_NOTIFIER_PUBLIC_URL": f"ws://127.0.0.1:{notifier_port}/ws",
            "DOSSIER_WORKER_PIPELINE": "bench.latency_pipeline:build",
            "DOSSIER_BENCH_SLOW_URL": f"http://127.0.0.1:{server.port}",
            "DOSSIER_WORKER_CHUNK_SIZE": str(args.chunk_size),
            "DOSSIER_WORKER_CONCURRENCY": str(args.concurrency),
        }
        try:
            logs = args.logs or Path(folder) / "logs"
            with deployment(env, args.workers, logs) as pids:
                if store.pid is not None:
                    pids["seaweedfs"] = store.pid
                memory = Memory(pids)
                memory.idle = {name: rss_bytes(pid) or 1 for name, pid in pids.items()}
                return await soak(args, memory, gateway_port, notifier_port, key)
        finally:
            store.stop()
            server.close()
            with contextlib.suppress(Exception):
                await delete_topology(AMQP_URL, topology)


async def soak(
    args: argparse.Namespace, memory: Memory, gateway_port: int, notifier_port: int, key: str
) -> int:
    headers = {"Authorization": f"Bearer {key}"}
    ws_url = f"ws://127.0.0.1:{notifier_port}/ws"
    limit_rate = args.workers * args.concurrency / args.latency
    print(
        f"{args.rounds} rounds of {args.sessions} sessions x {args.rows} rows at once, "
        f"{args.workers} workers x {args.concurrency} rows in flight, "
        f"{args.latency * 1000:.0f} ms per row, {args.chunk_size} rows per chunk",
        flush=True,
    )
    began = time.monotonic()
    deadline = began + args.limit
    sampler = asyncio.create_task(memory.run(began, args.interval))
    rates: list[float] = []
    failed: list[str] = []
    try:
        async with httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{gateway_port}", headers=headers, timeout=120
        ) as api:
            for round_number in range(args.rounds):
                started = time.monotonic()
                runs = [
                    one_session(api, ws_url, key, round_number * args.sessions + n, args.rows)
                    for n in range(args.sessions)
                ]
                outcomes = await asyncio.wait_for(asyncio.gather(*runs), deadline - started)
                failed += [status for status, _ in outcomes if status != "completed"]
                ended = max(finished for _, finished in outcomes)
                rates.append(args.sessions * args.rows / (ended - started))
                print(f"round {round_number + 1}: {ended - started:5.1f}s", flush=True)
    except TimeoutError:
        print(f"not every session completed within {args.limit:.0f}s")
        return 1
    finally:
        sampler.cancel()
    duration = time.monotonic() - began
    memory.sample(duration)
    print(f"sessions completed: {args.rounds * args.sessions - len(failed)}")
    for status in failed[:5]:
        print(f"  not completed: {status}")
    print(f"resident memory over {duration:.0f}s, sampled every {args.interval:g}s:")
    for line in memory.report(duration):
        print(line)
    rate = args.rounds * args.sessions * args.rows / duration
    print(f"rows/s, whole run: {rate:.0f}; limit {limit_rate:.0f}; ratio {rate / limit_rate:.2f}")
    by_round = " ".join(f"{r:.0f} ({r / rates[0]:.2f})" for r in rates)
    print(f"rows/s by round (ratio to the first): {by_round}")
    print(f"flat: the second half stays within {FLAT:.0%} of its lowest sample")
    return 0 if not failed else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=50, help="sessions at once")
    parser.add_argument("--rounds", type=int, default=4, help="times the sessions are run")
    parser.add_argument("--rows", type=int, default=200, help="rows per session")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=32, help="rows in flight per worker")
    parser.add_argument("--latency", type=float, default=0.05, help="seconds per row")
    parser.add_argument("--chunk-size", type=int, default=50, help="rows per chunk task")
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between samples")
    parser.add_argument("--limit", type=float, default=600, help="give up after this long")
    parser.add_argument("--logs", type=Path, help="keep the services' logs in this folder")
    sys.exit(asyncio.run(main(parser.parse_args())))
