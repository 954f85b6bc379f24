"""Results pages of a finished million-row session on real object storage, and what a page
spends on reading the session's plan.

Starts a private SeaweedFS and seeds one finished session as a million-row run leaves it
where a page looks: its plan (5,000 chunks of 200 rows, chunk inputs stored by groups, so
the plan lists 5,000 input sizes, about 35 KB), its final status, and the result chunks
under offsets 0, 500,000 and 999,900. Then `GET /api/sessions/{id}/results?offset=N`
through an in-process gateway app, `--rounds` times per offset, alternating two ways of
getting the plan: read from storage on each page (the held plans dropped before each
page, as before plans were held), and held once read. Prints the median page, the
requests a page makes, and the load average.

    .venv/bin/python bench/results_pages.py [--rounds 15]

A copy of this file in another checkout's bench/ runs against that checkout's code (one
that holds no plan: both ways read it on each page).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.on_seaweed import run_on_seaweed
from gateway.app import api_app, build_services
from gateway.settings import GatewaySettings
from shared.auth import hash_key, new_key
from shared.broker.memory import MemoryBroker
from shared.broker.memory_bus import MemoryBus
from shared.ids import new_session_id
from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.models import Counters, FinalStatus, Plan
from shared.storage.protocol import ObjectInfo
from shared.storage.s3 import MinioStore
from tests.gateway.seed import result_row, seed_chunk
from tests.services import TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY
from tests.worker.sessions import make_rows, seed_session

BUCKET = "bench"
ROWS, CHUNK = 1_000_000, 200
OFFSETS = (0, 500_000, 999_900)


class CountingMinio(MinioStore):
    """Counts requests by kind."""

    requests: Counter[str]

    async def get_bytes(self, key: str) -> bytes:
        self.requests["get"] += 1
        return await super().get_bytes(key)

    async def list_objects(self, prefix: str, start_after: str | None = None) -> list[ObjectInfo]:
        self.requests["list"] += 1
        return await super().list_objects(prefix, start_after)

    async def list_level(self, prefix: str) -> tuple[list[ObjectInfo], list[str]]:
        self.requests["list"] += 1
        return await super().list_level(prefix)


async def seed(store: MinioStore, tenant: str) -> SessionKeys:
    keys = SessionKeys(tenant, new_session_id())
    await seed_session(store, tenant, keys.session_id, make_rows(2))
    count = ROWS // CHUNK
    plan = Plan(
        session_id=keys.session_id,
        total_rows=ROWS,
        chunk_size=CHUNK,
        chunk_count=count,
        planned_at=datetime.now(UTC),
        chunks_per_input=25,
        input_sizes=[40_000 + n % 997 for n in range(count)],
    )
    await store.put_model(keys.plan, plan)
    for offset in OFFSETS:
        chunk = offset // CHUNK
        rows = [result_row(n, f"Company {n}") for n in range(chunk * CHUNK, (chunk + 1) * CHUNK)]
        await seed_chunk(store, keys, chunk, rows)
    final = FinalStatus(
        status=SessionStatus.COMPLETED,
        counters=Counters(total=ROWS, done=ROWS),
        finished_at=datetime.now(UTC),
        outputs=["csv"],
    )
    await store.put_model(keys.final_status, final)
    return keys


async def measure(args: argparse.Namespace, endpoint: str) -> None:
    store = CountingMinio(endpoint, TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY, BUCKET)
    store.requests = Counter()
    await store.ensure_bucket()
    key = new_key()
    settings = GatewaySettings(
        environment="test",
        api_keys=f"pages:{hash_key(key)}",
        s3_endpoint=endpoint,
        s3_access_key=TEST_S3_ACCESS_KEY,
        s3_secret_key=TEST_S3_SECRET_KEY,
        s3_bucket=BUCKET,
    )
    keys = await seed(store, "pages")
    app = api_app()
    app.state.services = build_services(settings, store, MemoryBroker(MemoryBus(settings.topology)))
    ways = {"plan read on each page": True, "plan held once read": False}
    taken: dict[tuple[str, int], list[float]] = {}
    requests: dict[str, Counter[str]] = {}
    print(f"load average before: {os.getloadavg()[0]:.1f}", flush=True)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url="http://gateway.bench",
            headers={"Authorization": f"Bearer {key}"},
        ) as http,
    ):
        url = f"/api/sessions/{keys.session_id}/results"
        (await http.get(url, params={"offset": 0})).raise_for_status()  # kept state, plan
        for _ in range(args.rounds):
            for way, forget in ways.items():
                for offset in OFFSETS:
                    if forget:
                        app.state.services.plans.forget()
                    store.requests.clear()
                    began = time.monotonic()
                    response = await http.get(url, params={"offset": offset})
                    taken.setdefault((way, offset), []).append((time.monotonic() - began) * 1000)
                    if response.status_code != 200 or len(response.json()["rows"]) != 100:
                        raise RuntimeError(f"unexpected page {response.status_code}")
                    requests[way] = Counter(store.requests)
    store.close()
    print(f"results page of 100 rows, {ROWS:,} rows, median of {args.rounds}:")
    for way in ways:
        pages = " / ".join(f"{statistics.median(taken[(way, o)]):.1f}" for o in OFFSETS)
        made = ", ".join(f"{n} {kind}" for kind, n in sorted(requests[way].items()))
        print(f"{way}: offset {' / '.join(map(str, OFFSETS))}: {pages} ms ({made} per page)")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    run_on_seaweed("dossier-pages-", lambda endpoint: measure(args, endpoint))
    return 0


if __name__ == "__main__":
    sys.exit(main())
