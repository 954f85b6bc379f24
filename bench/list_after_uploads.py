"""The first session list of a gateway after a burst of uploads, as bench/million_rows.py
measures it (98 sessions uploaded, then a list of 100).

Starts a private SeaweedFS. Each time a new tenant: a gateway app that has listed the
tenant once (and stays up, as a gateway does) times its first list after `--uploads`
sessions of 5 rows were uploaded through the API, then the median of 5 lists after it;
the uploads through the same app, or through another app on the same bucket (another
gateway replica), alternating, `--runs` times each. With `--processes N`, also N times
real `python -m gateway` processes (uvicorn, the local RabbitMQ) over loopback HTTP, the
uploads through the listing one, or through a second one; with `--baseline DIR`, each such
round is first run from the checkout in DIR (another version of the code), then from this
one. Prints medians (with the median upload) and the load average.

    .venv/bin/python bench/list_after_uploads.py [--uploads 98] [--runs 5]
        [--processes 0] [--baseline DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.on_seaweed import run_on_seaweed
from gateway.app import api_app, build_services
from gateway.settings import GatewaySettings
from shared.auth import hash_key, new_key
from shared.broker.memory import MemoryBroker
from shared.broker.memory_bus import MemoryBus
from shared.broker.rabbit_topology import delete_topology
from shared.storage.s3 import MinioStore
from shared.topology import Topology
from tests.processes import REPO, service, wait_http_ok
from tests.services import (
    AMQP_URL,
    TEST_S3_ACCESS_KEY,
    TEST_S3_SECRET_KEY,
    free_port,
    require_rabbitmq,
    service_settings,
)

BUCKET = "bench"
SMALL = b"name,website\n" + b"".join(b"Acme %d,acme%d.com\n" % (n, n) for n in range(5))


Timing = tuple[float, float, float]


async def timed_lists(
    lister: httpx.AsyncClient, uploader: httpx.AsyncClient, uploads: int
) -> Timing:
    """ms of the lister's first list after the uploads, the median of 5 after it, and the
    median upload."""
    (await lister.get("/api/sessions", params={"limit": 100})).raise_for_status()
    took: list[float] = []
    for _ in range(uploads):
        files = {"file": ("s.csv", SMALL, "text/csv")}
        began = time.monotonic()
        (await uploader.post("/api/sessions", files=files)).raise_for_status()
        took.append((time.monotonic() - began) * 1000)
    lists: list[float] = []
    for _ in range(6):
        began = time.monotonic()
        response = await lister.get("/api/sessions", params={"limit": 100})
        lists.append((time.monotonic() - began) * 1000)
        if response.status_code != 200 or len(response.json()["items"]) != uploads:
            raise RuntimeError(f"unexpected answer {response.status_code}")
    return lists[0], statistics.median(lists[1:]), statistics.median(took)


async def in_process(
    settings: GatewaySettings, key: str, uploads: int, *, through_other: bool
) -> Timing:
    store = MinioStore(settings.s3_endpoint, TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY, BUCKET)
    lister, other = api_app(), api_app()
    for app in (lister, other):
        app.state.services = build_services(
            settings, store, MemoryBroker(MemoryBus(settings.topology))
        )
    async with (
        lister.router.lifespan_context(lister),
        other.router.lifespan_context(other),
        _client(lister, key) as http,
        _client(other, key) as other_http,
    ):
        took = await timed_lists(http, other_http if through_other else http, uploads)
        for app in (lister, other):
            await app.state.services.settled.settle()
    store.close()
    return took


async def in_processes(
    env: dict[str, str],
    key: str,
    uploads: int,
    checkout: Path,
    logs: Path,
    *,
    through_other: bool,
) -> Timing:
    """Gateway processes from `checkout`: one lists; the uploads go through it or, with
    `through_other`, through a second one (another replica on the same bucket)."""
    ports = [free_port() for _ in range(2 if through_other else 1)]
    headers = {"Authorization": f"Bearer {key}"}
    with contextlib.ExitStack() as stack:
        clients: list[httpx.AsyncClient] = []
        for n, port in enumerate(ports):
            own = {**env, "DOSSIER_GATEWAY_PORT": str(port)}
            gateway = stack.enter_context(service("gateway", own, logs, f"gateway{n}", checkout))
            url = f"http://127.0.0.1:{port}"
            await asyncio.to_thread(wait_http_ok, f"{url}/readyz", 120, gateway)
            clients.append(httpx.AsyncClient(base_url=url, headers=headers, timeout=120))
        try:
            return await timed_lists(clients[0], clients[-1], uploads)
        finally:
            for client in clients:
                await client.aclose()


def _client(app: object, key: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),  # type: ignore[arg-type]
        base_url="http://gateway.bench",
        headers={"Authorization": f"Bearer {key}"},
        timeout=120,
    )


def report(label: str, timings: list[Timing]) -> None:
    first = statistics.median(t[0] for t in timings)
    later = statistics.median(t[1] for t in timings)
    upload = statistics.median(t[2] for t in timings)
    each = ", ".join(f"{t[0]:.0f}" for t in timings)
    print(
        f"{label}: first list {first:.0f} ms ({each}), later lists {later:.1f} ms,"
        f" an upload {upload:.1f} ms"
    )


async def measure(args: argparse.Namespace, endpoint: str) -> None:
    store = MinioStore(endpoint, TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY, BUCKET)
    await store.ensure_bucket()
    store.close()
    checkouts = [Path(args.baseline), REPO] if args.baseline else [REPO]
    count = 2 * args.runs + 2 * args.processes * len(checkouts)
    keys = [new_key() for _ in range(count)]
    tenants = ",".join(f"uploads{n}:{hash_key(key)}" for n, key in enumerate(keys))
    settings = GatewaySettings(
        environment="test",
        api_keys=tenants,
        s3_endpoint=endpoint,
        s3_access_key=TEST_S3_ACCESS_KEY,
        s3_secret_key=TEST_S3_SECRET_KEY,
        s3_bucket=BUCKET,
    )
    print(f"load average before: {os.getloadavg()[0]:.1f}", flush=True)
    unused = iter(keys)
    timings: dict[str, list[Timing]] = {}
    for _ in range(args.runs):
        for other in (True, False):
            label = f"in-process, uploads through {'another app' if other else 'the same app'}"
            took = await in_process(settings, next(unused), args.uploads, through_other=other)
            timings.setdefault(label, []).append(took)
    if args.processes:
        require_rabbitmq()
        prefix = f"ubench-{os.getpid()}"
        env = {
            **service_settings(AMQP_URL, prefix, endpoint, BUCKET),
            "DOSSIER_API_KEYS": tenants,
            "DOSSIER_LOG_LEVEL": "WARNING",
        }
        try:
            with tempfile.TemporaryDirectory(prefix="dossier-uploads-logs-") as logs:
                for _ in range(args.processes):
                    for other in (True, False):
                        for checkout in checkouts:
                            through = "another process" if other else "the same process"
                            label = f"gateway process from {checkout}, uploads through {through}"
                            took = await in_processes(
                                env,
                                next(unused),
                                args.uploads,
                                checkout,
                                Path(logs),
                                through_other=other,
                            )
                            timings.setdefault(label, []).append(took)
        finally:
            await delete_topology(AMQP_URL, Topology(prefix))
    print(f"{args.uploads} sessions uploaded, then listed (limit 100):")
    for label, taken in timings.items():
        report(label, taken)
    print(f"load average after: {os.getloadavg()[0]:.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--uploads", type=int, default=98)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--processes", type=int, default=0, help="0: no gateway process")
    parser.add_argument("--baseline", help="another checkout, for the gateway processes")
    args = parser.parse_args()
    run_on_seaweed("dossier-uploads-", lambda endpoint: measure(args, endpoint))
    return 0


if __name__ == "__main__":
    sys.exit(main())
