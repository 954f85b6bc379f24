"""Rows per second of the worker engine against a per-row latency, next to the limit.

Every row waits on one request to a local server that answers after `--latency` seconds,
so the physical limit is workers x concurrency / latency. Runs 1 and 2 workers at
concurrency 8, 32 and 64 against a private SeaweedFS and the local RabbitMQ (loopback
only), one session per configuration, and prints rows/s beside that limit.

With `--latency 0` the server answers at once and CPU is the bound: `--rows` rows with
1 and then 2 workers at 32 rows in flight each, the gateway and the notifier beside them,
and the ratio of 2 workers to 1; with it, the CPU seconds per 1,000 rows of every process
in each phase of the session, and the ratio predicted from them for two idle cores
(bench/cpu_split.py).

    .venv/bin/python bench/worker_throughput.py [--latency 0.2] [--seconds 4]
    .venv/bin/python bench/worker_throughput.py --latency 0 [--rows 4000] [--chunk-size 200]
        [--worker-env DOSSIER_CACHE_DAYS=0 ...] [--rows-server process|thread]
        [--checkout <another checkout>] [--worker-cores 0.5] [--repeat 5]

The rows' server (bench/rows_server.py) runs in a process of its own, its CPU in a column
of its own; `--rows-server thread` serves the rows from the benchmark's own process, as
before 2026-12-07 20:00 UTC, its CPU then in the benchmark's column.

`--worker-cores 0.5` caps each worker at half a core (bench/cpu_quota.py, root): the other
processes keep the rest of the machine, so the ratio measures how the workers scale when
their cores are the bound, as when the storage and the broker run on other machines.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import cpu_quota
from bench.cpu_split import ROWS_SERVER, find_pid, is_worker, print_cpu_table, scaling
from bench.worker_session import RowsServer, Run, SlowServer, run_one
from shared.storage.s3 import MinioStore
from tests.processes import REPO
from tests.services import (
    AMQP_URL,
    TEST_S3_ACCESS_KEY,
    TEST_S3_SECRET_KEY,
    SeaweedFS,
    require_rabbitmq,
)
from worker.settings import WorkerSettings


async def cpu_bound(
    args: argparse.Namespace,
    env: dict[str, str],
    logs: Path,
    store: MinioStore,
    weed: int,
    server: RowsServer | SlowServer,
) -> None:
    """Rows that wait on nothing: rows/s of 2 workers against 1, the CPU-bound scaling,
    and the CPU every process spends per 1,000 rows, from which the scaling is predicted."""
    watch = {"weed": weed, "bench": os.getpid()}
    if server.pid is not None:
        watch[ROWS_SERVER] = server.pid
    rabbit = find_pid("beam.smp")
    if rabbit is not None:
        watch["rabbitmq"] = rabbit
    pairs: list[dict[int, Run]] = []
    for _ in range(args.repeat):
        runs: dict[int, Run] = {}
        for workers in (1, 2):
            runs[workers] = await run_one(
                env,
                logs,
                store,
                workers,
                args.concurrency,
                args.rows,
                args.timeout,
                watch,
                args.checkout.resolve(),
                args.worker_cores,
            )
        print_pair(args, runs)
        pairs.append(runs)
    if len(pairs) > 1:
        print_pairs(pairs, args.worker_cores)
    print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


def print_pair(args: argparse.Namespace, runs: dict[int, Run]) -> None:
    """One run of 1 worker and one of 2: rows/s, CPU per phase, measured and predicted."""
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
    if args.worker_cores is not None:
        print_capped(args.worker_cores, runs)
    print("load average: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()), flush=True)
    print()


def worker_cpu_per_row(run: Run) -> float:
    """The workers' CPU seconds per row over the whole run."""
    assert run.cpu is not None
    return sum(v for k, v in run.cpu.whole().items() if is_worker(k)) / run.rows


def cap_use(run: Run, cores: float) -> list[float]:
    """Each worker's CPU while chunks were busy, as a share of its cap."""
    assert run.cpu is not None
    wall = run.cpu.wall["busy"]
    return [v / wall / cores for k, v in sorted(run.cpu.busy.items()) if is_worker(k)]


# A capped worker below this share of its cap was held back by something else than its
# cap (the machine short of CPU, other work beside the run): its pair does not measure
# how the workers scale.
CAP_REACHED = 0.9


def print_pairs(pairs: list[dict[int, Run]], cores: float | None) -> None:
    """Each pair's ratio and their geometric mean: the CPU a row costs drifts between runs
    on a shared machine, so one pair says less than several alternated ones. Also each
    pair's ratio had the 2-worker run paid the 1-worker run's CPU per row (the measured
    ratio times the CPU per row of the second run over that of the first)."""
    series = {
        "start to final": [p[2].wall_rate / p[1].wall_rate for p in pairs],
        "chunks busy": [p[2].busy_rate / p[1].busy_rate for p in pairs],
        "start to final at the 1-worker run's CPU per row": [
            p[2].wall_rate / p[1].wall_rate * worker_cpu_per_row(p[2]) / worker_cpu_per_row(p[1])
            for p in pairs
        ],
    }
    reached = [
        cores is not None and min(cap_use(p[1], cores) + cap_use(p[2], cores)) >= CAP_REACHED
        for p in pairs
    ]
    for label, ratios in series.items():
        print(f"2 workers against 1 over {len(ratios)} alternated pairs, {label}:")
        print(f"  {summary(ratios)}")
        kept = [r for r, ok in zip(ratios, reached, strict=True) if ok]
        if cores is not None and kept:
            print(f"  of them, the {len(kept)} whose workers all ran at their cap: {summary(kept)}")


def summary(ratios: list[float]) -> str:
    mean = math.exp(statistics.fmean(math.log(r) for r in ratios))
    listed = ", ".join(f"{r:.2f}" for r in ratios)
    return (
        f"{listed}; geometric mean {mean:.2f}x, median {statistics.median(ratios):.2f}x, "
        f"range {min(ratios):.2f}-{max(ratios):.2f}x"
    )


def print_capped(cores: float, runs: dict[int, Run]) -> None:
    """With each worker capped: how close to its cap each worker ran while chunks were busy
    (near 1: the workers were the bound, as the cap means them to be), and the other
    processes' share of the machine."""
    print(f"each worker capped at {cores:g} of a core (cgroup CPU quota):")
    for workers, run in runs.items():
        assert run.cpu is not None
        wall = run.cpu.wall["busy"]
        used = cap_use(run, cores)
        rest = sum(v for k, v in run.cpu.busy.items() if not is_worker(k)) / wall
        print(
            f"  {workers} worker{'s' * (workers > 1)}, chunks busy: each worker at "
            f"{', '.join(f'{u:.2f}' for u in used)} of its cap, the other processes "
            f"{rest:.2f} cores; waited for quota {run.throttled:.1f} s in all"
        )
    ratio = runs[2].wall_rate / runs[1].wall_rate
    busy = runs[2].busy_rate / runs[1].busy_rate
    print(f"  2 workers against 1, capped: {ratio:.2f}x start to final, {busy:.2f}x chunks busy")


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
        "--checkout",
        type=Path,
        default=REPO,
        help="run the workers, the gateway and the notifier from this checkout (another "
        "version's code against the same benchmark)",
    )
    parser.add_argument(
        "--rows-server",
        choices=("process", "thread"),
        default="process",
        help="the rows' server in a process of its own on uvloop (the default), or as "
        "before 2026-12-07 20:00 UTC in a thread of the benchmark's process (its CPU then "
        "counted in the benchmark's)",
    )
    parser.add_argument(
        "--worker-env", nargs="*", default=[], help="KEY=VALUE settings for the workers"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="at latency 0, alternate this many pairs of 1-worker and 2-worker runs and "
        "print the geometric mean of their ratios",
    )
    parser.add_argument(
        "--worker-cores",
        type=float,
        default=None,
        help="at latency 0, cap each worker at this share of a core (e.g. 0.5) through a "
        "cgroup CPU quota, leaving the rest of the machine to the other processes (root)",
    )
    args = parser.parse_args()
    if args.worker_cores is not None:
        if args.latency:
            parser.error("--worker-cores applies to --latency 0 only")
        if not 0 < args.worker_cores <= 1:
            parser.error("--worker-cores is a share of one core, above 0 and at most 1")
        if (why := cpu_quota.available()) is not None:
            parser.error(f"--worker-cores: {why}")
    require_rabbitmq()
    server = SlowServer(args.latency) if args.rows_server == "thread" else RowsServer(args.latency)
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as folder:
        weed = SeaweedFS(Path(folder) / "s3")
        weed.start()
        try:
            await run_all(args, server, folder, weed)
        finally:
            weed.stop()
    server.close()


async def run_all(
    args: argparse.Namespace, server: RowsServer | SlowServer, folder: str, weed: SeaweedFS
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
    print(
        f"per-row latency {args.latency * 1000:.0f} ms, {args.chunk_size} rows per chunk, "
        f"services from {args.checkout.resolve()}, rows' server: {args.rows_server}, "
        "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    )
    if not args.latency:
        assert weed.pid is not None
        await cpu_bound(args, env, Path(folder) / "logs", store, weed.pid, server)
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
                checkout=args.checkout.resolve(),
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
