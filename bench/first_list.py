"""The first session list of a gateway that just started, through the HTTP API.

Starts a private SeaweedFS and stores `--sessions` sessions of one tenant as
bench/session_reads.py does (one running with `--chunks` chunk summaries and its stored
sums, the others completed). Then, `--runs` times, alternating, builds a new gateway app
on new services (nothing kept, as a process that just started) and times its first
`GET /api/sessions?limit=100` in-process (routing, auth, storage reads, the JSON answer):

- no stored copy: the tenant's `settled_states.json` removed first, so the list reads
  each settled session (what a new gateway did before the stored copy);
- stored copy: the copy the previous app stored in the background is there.

Both on an app already used once (routes built) and on an app never used (FastAPI builds
each route's models on its first request, as in a new process); what that building costs
alone is the first list of a tenant with no session on an app never used. With
`--processes N`, also N times each way a real `python -m gateway` (uvicorn, the local
RabbitMQ), timing its first list over loopback HTTP once it answers `/readyz`. Prints
medians, ratios and the load average.

    .venv/bin/python bench/first_list.py [--sessions 100] [--chunks 5000] [--runs 5]
        [--processes 3]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.on_seaweed import run_on_seaweed
from bench.session_reads import TENANT, seed, store_sums
from gateway.app import api_app, build_services
from gateway.settings import GatewaySettings
from shared.auth import hash_key, new_key
from shared.broker.memory import MemoryBroker
from shared.broker.memory_bus import MemoryBus
from shared.broker.rabbit_topology import delete_topology
from shared.layout import settled_states_key
from shared.storage.s3 import MinioStore
from shared.topology import Topology
from tests.processes import service, wait_http_ok
from tests.services import (
    AMQP_URL,
    TEST_S3_ACCESS_KEY,
    TEST_S3_SECRET_KEY,
    free_port,
    require_rabbitmq,
    service_settings,
)

BUCKET = "bench"


async def first_list(
    settings: GatewaySettings, key: str, *, used_app: bool, sessions: int
) -> float:
    """ms of the first list of a gateway app on new services; its copy stored after."""
    store = MinioStore(settings.s3_endpoint, TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY, BUCKET)
    app = api_app()
    if used_app:
        app.state.services = build_services(
            settings, store, MemoryBroker(MemoryBus(settings.topology))
        )
        async with app.router.lifespan_context(app), _client(app, key) as http:
            await http.get("/api/sessions/0123456789abcdef0123456789abcdef")  # routes built
    app.state.services = build_services(settings, store, MemoryBroker(MemoryBus(settings.topology)))
    async with app.router.lifespan_context(app), _client(app, key) as http:
        began = time.monotonic()
        response = await http.get("/api/sessions", params={"limit": 100})
        took = (time.monotonic() - began) * 1000
        if response.status_code != 200 or len(response.json()["items"]) != sessions:
            raise RuntimeError(f"unexpected answer {response.status_code}: {response.text[:200]}")
        await app.state.services.settled.settle()
    store.close()
    return took


async def process_first_list(store: MinioStore, env: dict[str, str], key: str, logs: Path) -> float:
    """ms of the first list of a gateway process, once ready; its copy stored after."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with service("gateway", {**env, "DOSSIER_GATEWAY_PORT": str(port)}, logs) as gateway:
        await asyncio.to_thread(wait_http_ok, f"{url}/readyz", 120, gateway)
        async with httpx.AsyncClient(headers={"Authorization": f"Bearer {key}"}) as http:
            began = time.monotonic()
            response = await http.get(f"{url}/api/sessions", params={"limit": 100}, timeout=120)
            took = (time.monotonic() - began) * 1000
        if response.status_code != 200:
            raise RuntimeError(f"unexpected answer {response.status_code}: {response.text[:200]}")
        deadline = time.monotonic() + 30
        while await store.stat(settled_states_key(TENANT)) is None:  # written in the background
            if time.monotonic() > deadline:
                raise RuntimeError("the gateway stored no copy")
            await asyncio.sleep(0.1)
    return took


async def processes(store: MinioStore, args: argparse.Namespace, endpoint: str, key: str) -> None:
    require_rabbitmq()
    prefix = f"dbench-{os.getpid()}"
    env = {
        **service_settings(AMQP_URL, prefix, endpoint, BUCKET),
        "DOSSIER_API_KEYS": f"{TENANT}:{hash_key(key)}",
        "DOSSIER_LOG_LEVEL": "WARNING",
    }
    timings: dict[bool, list[float]] = {False: [], True: []}
    try:
        with tempfile.TemporaryDirectory(prefix="dossier-first-list-logs-") as logs:
            for _ in range(args.processes):
                for copy in (False, True):
                    if not copy:
                        await store.delete(settled_states_key(TENANT))
                    timings[copy].append(await process_first_list(store, env, key, Path(logs)))
    finally:
        await delete_topology(AMQP_URL, Topology(prefix))
    without, with_copy = (statistics.median(timings[c]) for c in (False, True))
    print(f"gateway process: first list once ready, median of {args.processes}: "
          f"no stored copy {without:.0f} ms, stored copy {with_copy:.0f} ms "
          f"({without / with_copy:.1f}x)")  # fmt: skip


def _client(app: object, key: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),  # type: ignore[arg-type]
        base_url="http://gateway.bench",
        headers={"Authorization": f"Bearer {key}"},
        timeout=120,
    )


async def measure(args: argparse.Namespace, endpoint: str) -> None:
    store = MinioStore(endpoint, TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY, BUCKET)
    await store.ensure_bucket()
    running, _ = await seed(store, args.sessions, args.chunks, created=False)
    await store_sums(store, running)
    key, empty_key = new_key(), new_key()
    settings = GatewaySettings(
        environment="test",
        api_keys=f"{TENANT}:{hash_key(key)},empty:{hash_key(empty_key)}",
        s3_endpoint=endpoint,
        s3_access_key=TEST_S3_ACCESS_KEY,
        s3_secret_key=TEST_S3_SECRET_KEY,
        s3_bucket=BUCKET,
    )
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    timings: dict[tuple[bool, bool], list[float]] = {}
    routes: list[float] = []
    for _ in range(args.runs):
        routes.append(await first_list(settings, empty_key, used_app=False, sessions=0))
        for used_app in (True, False):
            for copy in (False, True):
                if not copy:
                    await store.delete(settled_states_key(TENANT))
                took = await first_list(settings, key, used_app=used_app, sessions=args.sessions)
                timings.setdefault((used_app, copy), []).append(took)
    for used_app in (True, False):
        label = "app used once" if used_app else "app never used"
        without = statistics.median(timings[(used_app, False)])
        with_copy = statistics.median(timings[(used_app, True)])
        print(f"{label:14s}: first list of {args.sessions} sessions, median of {args.runs}: "
              f"no stored copy {without:.0f} ms, stored copy {with_copy:.0f} ms "
              f"({without / with_copy:.1f}x)")  # fmt: skip
    print(f"app never used, a tenant with no session (building the routes): "
          f"{statistics.median(routes):.0f} ms")  # fmt: skip
    if args.processes:
        await processes(store, args, endpoint, key)
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--chunks", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--processes", type=int, default=3, help="0: no gateway process")
    args = parser.parse_args()
    run_on_seaweed("dossier-first-list-", lambda endpoint: measure(args, endpoint))
    return 0


if __name__ == "__main__":
    sys.exit(main())
