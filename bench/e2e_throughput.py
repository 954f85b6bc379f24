"""Rows per second of the whole product on a realistic web, against a plain script.

A local web of `--rows` company sites (homepage, About page, apex <-> www redirects,
LinkedIn links, a few slow and dead sites) answers each request after `--latency`
seconds, over HTTPS through a forward proxy (HTTPS_PROXY) with a throwaway CA. In the
same run, against the same sites:

- script: a plain asyncio script, 64 rows in flight, each homepage fetched once
  (bench/web/homepage_script.py), run before and after the product (the mean of both);
- product: gateway, notifier and two workers as processes, as `make up` starts them and
  with their defaults (real pipeline, no search, no language model), given the list as
  a CSV upload; the figure runs from the start command to the final status.

The product runs with its domain cache off (`DOSSIER_CACHE_DAYS=0`: every run fetches).
With `--cache` it also runs at the real default (cache on) for a tenant of its own, twice
over the same sites: cold (nothing cached yet: a look-up and a write per found row) and
warm (the second session, answered from the first one's entries); `--cache-only` leaves
the cache-off run out. With `--baseline DIR`, each of these runs is made first by the
workers of another checkout (`python -m worker` started in DIR, on this environment),
then by this checkout's, on the same web and services: ratios within one run, where the
machine's load moves figures less than between runs.

Printed: rows/s of each and the ratio, requests per row counted at the sites (by kind),
storage requests per row counted by SeaweedFS (by type, every service's), CPU
milliseconds per row (the script's process; the workers' processes, from /proc), and the
fields each found. Loopback only; everything started here stops with it.

    .venv/bin/python bench/e2e_throughput.py [--rows 1000] [--latency 0.2] [--cache]
        [--concurrency 32 128]   # rows in flight per worker; default: the worker's default
    [--worker-env DOSSIER_X=1 ...] [--logs DIR] [--cache-only]
        [--baseline DIR]   # another checkout's workers, run before this one's in each series
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx

from bench.process_stats import cpu_seconds
from bench.web.companies import Company, companies
from shared.auth import hash_key, new_key
from shared.storage.s3 import MinioStore
from tests.processes import ServiceProcess, service, wait_http_ok
from tests.services import (
    AMQP_URL,
    TEST_S3_ACCESS_KEY,
    TEST_S3_SECRET_KEY,
    SeaweedFS,
    free_port,
    require_rabbitmq,
)

REPO = Path(__file__).resolve().parent.parent
WORKERS = 2
BASELINE = "baseline, "  # how the baseline's runs are labelled


_REQUEST_TOTAL = re.compile(r"^SeaweedFS_s3_request_total\{(.*)\} (\S+)$", re.MULTILINE)


def storage_requests(server: SeaweedFS) -> Counter[str]:
    """SeaweedFS's S3 requests so far, by type (and answer when not 2xx)."""
    url = f"http://127.0.0.1:{server.metrics_port}/metrics"
    with urllib.request.urlopen(url, timeout=10) as answer:
        text = answer.read().decode()
    counts: Counter[str] = Counter()
    for labels, value in _REQUEST_TOTAL.findall(text):
        tags = dict(re.findall(r'(\w+)="([^"]*)"', labels))
        code = tags.get("code", "")
        kind = tags.get("type", "?") + ("" if code.startswith("2") else f" {code}")
        counts[kind] += int(float(value))
    return counts


@dataclass(frozen=True)
class Web:
    proxy: str
    stats_url: str
    ca_file: Path

    def stats(self, reset: bool = False) -> dict[str, Any]:
        url = f"{self.stats_url}/reset" if reset else f"{self.stats_url}/stats"
        with urllib.request.urlopen(url, timeout=10) as answer:
            found = json.load(answer)
        assert isinstance(found, dict)
        return found

    def env(self) -> dict[str, str]:
        """What an operator sets for a proxy and a private CA."""
        return {
            "HTTPS_PROXY": self.proxy,
            "HTTP_PROXY": self.proxy,
            "NO_PROXY": "127.0.0.1,localhost",
            "SSL_CERT_FILE": str(self.ca_file),
        }


@contextlib.contextmanager
def local_web(folder: Path, latency: float, rows: int) -> Iterator[Web]:
    command = [sys.executable, "-m", "bench.web.server", str(folder), str(latency), str(rows)]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline().split()
        if not line or line[0] != "ports":
            raise RuntimeError("the benchmark's web did not start")
        yield Web(f"http://127.0.0.1:{line[1]}", f"http://127.0.0.1:{line[2]}", folder / "ca.pem")
    finally:
        process.terminate()
        process.wait(10)


def per_row(requests: dict[str, int], rows: int) -> str:
    total = sum(requests.values())
    kinds = ", ".join(f"{k} {v / rows:.2f}" for k, v in sorted(requests.items()))
    return f"{total / rows:.2f} ({kinds})"


def run_script(web: Web, folder: Path, sites: list[Company]) -> dict[str, Any]:
    listing = folder / "websites.txt"
    listing.write_text("\n".join(c.given_website for c in sites))
    web.stats(reset=True)
    answer = subprocess.run(
        [sys.executable, "-m", "bench.web.homepage_script", str(listing)],
        cwd=REPO,
        env={**os.environ, **web.env()},
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    figures: dict[str, Any] = json.loads(answer.stdout)
    counts = web.stats()
    figures["requests"], figures["connections"] = counts["requests"], counts["connections"]
    return figures


def mean_of(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    """The script's two runs as one: mean time and CPU, counts of the first run."""
    return first | {
        "wall_s": (first["wall_s"] + second["wall_s"]) / 2,
        "cpu_s": (first["cpu_s"] + second["cpu_s"]) / 2,
    }


def upload(sites: list[Company]) -> bytes:
    lines = ["name,website"] + [f"{c.name},{c.given_website}" for c in sites]
    return ("\n".join(lines) + "\n").encode()


async def run_product(
    api: str,
    key: str,
    web: Web,
    workers: list[ServiceProcess],
    sites: list[Company],
    storage: SeaweedFS,
) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {key}"}
    async with httpx.AsyncClient(base_url=api, headers=headers, timeout=60) as client:
        files = {"file": ("companies.csv", upload(sites), "text/csv")}
        created = await client.post("/api/sessions", files=files)
        created.raise_for_status()
        session = created.json()["session_id"]
        web.stats(reset=True)
        stored = storage_requests(storage)
        cpu = [cpu_seconds(w.process.pid) for w in workers]
        began = time.perf_counter()
        (await client.post(f"/api/sessions/{session}/start")).raise_for_status()
        while True:
            state = (await client.get(f"/api/sessions/{session}")).json()
            if state["status"] in ("completed", "failed", "cancelled"):
                break
            if time.perf_counter() - began > 1800:
                raise TimeoutError("the session did not finish in 30 minutes")
            await asyncio.sleep(0.1)
        wall = time.perf_counter() - began
        used = sum(cpu_seconds(w.process.pid) for w in workers) - sum(cpu)
        storage_used = storage_requests(storage) - stored
        counts = web.stats()
        results = (await client.get(f"/api/sessions/{session}/results?format=json")).json()
    found = {
        "description": sum(1 for r in results if r.get("Description")),
        "linkedin": sum(1 for r in results if r.get("LinkedIn_URL")),
    }
    kinds = {c.name: c.kind for c in sites}
    statuses = Counter(f"{kinds.get(r['Company_Name'])}: {r['Row_Status']}" for r in results)
    errors = Counter(
        f"{kinds.get(r['Company_Name'])}: {r.get('Error', '')[:90]}"
        for r in results
        if r.get("Row_Status") != "ok"
    )
    missing = Counter(
        kinds.get(r["Company_Name"])
        for r in results
        if not r.get("LinkedIn_URL") and kinds.get(r["Company_Name"]) != "dead"
    )
    return {
        "status": state["status"],
        "wall_s": wall,
        "cpu_s": used,
        "requests": counts["requests"],
        "connections": counts["connections"],
        "storage": dict(storage_used),
        "found": found,
        "statuses": dict(sorted(statuses.items())),
        "missing_linkedin": dict(missing),
        "errors": errors.most_common(6),
    }


def service_env(endpoint: str, bucket: str, prefix: str, keys: dict[str, str]) -> dict[str, str]:
    """The services' environment as `make up` writes it (log level and format left at
    their defaults), on this run's broker topology and object store."""
    return {
        "DOSSIER_ENVIRONMENT": "development",
        "DOSSIER_AMQP_URL": AMQP_URL,
        "DOSSIER_TOPOLOGY_PREFIX": prefix,
        "DOSSIER_S3_ENDPOINT": endpoint,
        "DOSSIER_S3_ACCESS_KEY": TEST_S3_ACCESS_KEY,
        "DOSSIER_S3_SECRET_KEY": TEST_S3_SECRET_KEY,
        "DOSSIER_S3_BUCKET": bucket,
        "DOSSIER_API_KEYS": ",".join(f"{t}:{hash_key(k)}" for t, k in keys.items()),
        "AWS_ACCESS_KEY_ID": TEST_S3_ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": TEST_S3_SECRET_KEY,
    }


def worker_env(
    web: Web, concurrency: int | None, extra: list[str], cache: bool = False
) -> dict[str, str]:
    """The sites' names resolve to the proxy's machine (loopback), which fetches must be
    allowed to reach; without `cache`, no row is reused from an earlier run of the sweep
    (every run fetches); everything else is the worker's default."""
    env = {
        **web.env(),
        "DOSSIER_WORKER_PIPELINE": "tests.pipeline.fakes.dns:build_farm_pipeline",
        "DOSSIER_FETCH_ALLOW_PRIVATE_NETWORKS": "true",
    }
    if not cache:
        env["DOSSIER_CACHE_DAYS"] = "0"
    if concurrency is not None:
        env["DOSSIER_WORKER_CONCURRENCY"] = str(concurrency)
    return env | dict(item.split("=", 1) for item in extra)


async def product_runs(
    args: argparse.Namespace, web: Web, folder: Path, sites: list[Company]
) -> list[tuple[str, dict[str, Any]]]:
    from shared.broker.rabbit_topology import delete_topology
    from shared.topology import Topology

    runs = []
    prefix = f"bench-e2e-{os.getpid()}"
    labels = ["default" if c is None else str(c) for c in args.concurrency or [None]]
    # With a baseline, each series runs the baseline's workers, then this checkout's.
    checkouts = [("", REPO)] if args.baseline is None else [(BASELINE, args.baseline), ("", REPO)]
    # The cache-off runs share a tenant; each cache-on series has its own, so that its
    # first session meets an empty cache whatever ran before it.
    keys = {"bench": new_key()} | {
        f"bench-cache-{n}-{c}": new_key() for n in range(len(labels)) for c in range(len(checkouts))
    }
    storage = SeaweedFS(folder / "s3", metrics=True)
    storage.start()
    try:
        endpoint = storage.endpoint
        store = MinioStore(endpoint, TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY, "bench")
        await store.ensure_bucket()
        store.close()
        env = service_env(endpoint, "bench", prefix, keys)
        gateway_port, notifier_port = free_port(), free_port()
        env |= {
            "DOSSIER_GATEWAY_HOST": "127.0.0.1",
            "DOSSIER_GATEWAY_PORT": str(gateway_port),
            "DOSSIER_NOTIFIER_HOST": "127.0.0.1",
            "DOSSIER_NOTIFIER_PORT": str(notifier_port),
        }
        logs = args.logs or folder / "logs"
        try:
            with (
                service("gateway", env, logs) as gateway,
                service("notifier", env, logs) as notifier,
            ):
                wait_http_ok(f"http://127.0.0.1:{gateway_port}/readyz", 60, gateway)
                wait_http_ok(f"http://127.0.0.1:{notifier_port}/readyz", 60, notifier)
                api = f"http://127.0.0.1:{gateway_port}"
                series = [(False, "bench", ["cache off"])]
                for n, (concurrency, label) in enumerate(
                    zip(args.concurrency or [None], labels, strict=True)
                ):
                    series = [] if args.cache_only else [(False, "bench", ["cache off"])]
                    if args.cache:
                        series.append((True, f"bench-cache-{n}", ["cache cold", "cache warm"]))
                    for (cache, tenant, passes), (c, (which, checkout)) in itertools.product(
                        series, enumerate(checkouts)
                    ):
                        tenant = f"{tenant}-{c}" if cache else tenant
                        with contextlib.ExitStack() as stack:
                            workers = []
                            for w in range(WORKERS):
                                port = free_port()
                                own = env | worker_env(web, concurrency, args.worker_env, cache)
                                own["DOSSIER_WORKER_HEALTH_PORT"] = str(port)
                                name = f"worker-{label}-{passes[0].replace(' ', '-')}-{c}-{w}"
                                process = stack.enter_context(
                                    service("worker", own, logs, name, cwd=checkout)
                                )
                                wait_http_ok(f"http://127.0.0.1:{port}/readyz", 60, process)
                                workers.append(process)
                            for what in passes:
                                run = await run_product(
                                    api, keys[tenant], web, workers, sites, storage
                                )
                                runs.append((f"{which}{label} rows in flight, {what}", run))
        finally:
            with contextlib.suppress(Exception):
                await delete_topology(AMQP_URL, Topology(prefix))
    finally:
        storage.stop()
    return runs


def report(args: argparse.Namespace, script: dict[str, Any], runs: list[tuple[str, Any]]) -> None:
    rows = args.rows
    script_rate = rows / script["wall_s"]
    print(f"{rows} company sites, {args.latency * 1000:.0f} ms per answer, HTTPS via a proxy")
    print(
        "| run | rows/s | x script | requests/row | connections/row | CPU ms/row "
        "| storage requests/row | descriptions | LinkedIn |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    found = script["found"]
    print(
        f"| script (64 in flight) | {script_rate:.1f} | 1.00 "
        f"| {per_row(script['requests'], rows)} | {script['connections'] / rows:.2f} "
        f"| {script['cpu_s'] * 1000 / rows:.1f} | - "
        f"| {found['description']} | {found['linkedin']} |"
    )
    for label, run in runs:
        rate = rows / run["wall_s"]
        print(
            f"| product, 2 workers x {label} | {rate:.1f} "
            f"| {rate / script_rate:.2f} | {per_row(run['requests'], rows)} "
            f"| {run['connections'] / rows:.2f} "
            f"| {run['cpu_s'] * 1000 / rows:.1f} | {per_row(run['storage'], rows)} "
            f"| {run['found']['description']} "
            f"| {run['found']['linkedin']} |"
        )
        print(f"  row status by site kind: {run['statuses']}")
        print(f"  no LinkedIn link found (live sites) by kind: {run['missing_linkedin']}")
        print(f"  most frequent errors: {run['errors']}")
        if run["status"] != "completed":
            print(f"  (the session ended {run['status']})")
    print(
        "product rows/s: start command to final status; CPU: both worker processes; "
        "storage requests: every service's, counted by SeaweedFS."
    )
    if args.baseline is not None:
        compare(dict(runs), rows)


def compare(runs: dict[str, Any], rows: int) -> None:
    """This checkout's figures against the baseline's run of the same series."""
    print("this checkout against the baseline, series by series:")
    for label, run in runs.items():
        base = runs.get(BASELINE + label)
        if base is None:
            continue
        cpu, base_cpu = run["cpu_s"] * 1000 / rows, base["cpu_s"] * 1000 / rows
        print(
            f"  {label}: worker CPU {cpu:.1f} against {base_cpu:.1f} ms/row "
            f"({cpu / base_cpu:.2f}x), rows/s {base['wall_s'] / run['wall_s']:.2f}x"
        )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1000, help="company sites, one per row")
    parser.add_argument("--latency", type=float, default=0.2, help="seconds per answer")
    parser.add_argument(
        "--concurrency", type=int, nargs="*", help="rows in flight per worker (a sweep)"
    )
    parser.add_argument(
        "--worker-env", nargs="*", default=[], help="KEY=VALUE settings for the workers"
    )
    parser.add_argument("--logs", type=Path, help="keep the services' logs in this folder")
    parser.add_argument(
        "--cache",
        action="store_true",
        help="also run with the domain cache on (the default), cold then warm",
    )
    parser.add_argument(
        "--cache-only", action="store_true", help="with --cache: leave out the cache-off run"
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        help="another checkout whose workers run each series first, in the same run",
    )
    args = parser.parse_args()
    if args.cache_only and not args.cache:
        parser.error("--cache-only needs --cache")
    require_rabbitmq()
    sites = companies(args.rows)
    with (
        tempfile.TemporaryDirectory(prefix="dossier-e2e-") as tmp,
        local_web(Path(tmp), args.latency, args.rows) as web,
    ):
        # Before and after the product, so both meet the machine's load alike.
        first = run_script(web, Path(tmp), sites)
        runs = await product_runs(args, web, Path(tmp), sites)
        script = mean_of(first, run_script(web, Path(tmp), sites))
        report(args, script, runs)


if __name__ == "__main__":
    asyncio.run(main())
