"""The notifier's /metrics as Prometheus text: one session's events through an in-process
notifier on the in-memory storage and broker, and the collector on its own."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import httpx
import pytest

from notifier.metrics import LAG_BUCKETS, Metrics, Occupancy, registry_for
from notifier.service import run_notifier
from notifier.settings import NotifierSettings
from shared.auth import ApiKeys, hash_key, new_key
from shared.broker.memory import MemoryBroker
from shared.broker.memory_bus import MemoryBus
from shared.lifecycle import SessionStatus
from shared.metrics_exposition import render
from shared.storage.memory import MemoryStore
from shared.topology import Topology
from tests.metrics import Scrape
from tests.notifier.client import Client
from tests.notifier.conftest import metrics_by_key
from tests.notifier.seed import progress, rows, seed_session, status
from tests.services import free_port

pytestmark = pytest.mark.unit

JSON_ERA_KEYS = {
    "connections",
    "connections_total",
    "connections_rejected",
    "auth_failures",
    "idle_disconnects",
    "slow_disconnects",
    "events_in",
    "events_invalid",
    "messages_out",
    "coalesced",
    "dropped",
    "resyncs",
    "snapshots",
    "storage_errors",
    "sessions",
    "queued",
}


@dataclass
class Running:
    port: int
    tenant: str
    key: str
    store: MemoryStore
    worker: MemoryBroker

    @property
    def ws(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"

    async def metrics_text(self) -> str:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{self.port}") as http:
            response = await http.get("/metrics")
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
        return response.text

    async def scrape(self) -> Scrape:
        return Scrape.parse(await self.metrics_text())

    async def scrape_until(self, name: str, value: float) -> Scrape:
        async with asyncio.timeout(10):
            while True:
                scraped = await self.scrape()
                if scraped.value(name) == value:
                    return scraped
                await asyncio.sleep(0.05)


@asynccontextmanager
async def notifier_on_twins() -> AsyncIterator[Running]:
    topology = Topology(f"dtest-{uuid.uuid4().hex[:10]}")
    bus, store = MemoryBus(topology), MemoryStore()
    tenant, key = f"t{uuid.uuid4().hex[:10]}", new_key()
    port = free_port()
    settings = NotifierSettings(
        environment="test", topology_prefix=topology.prefix, notifier_port=port
    )
    stop = asyncio.Event()
    keys = ApiKeys({hash_key(key): tenant})
    notifier = MemoryBroker(bus)
    task = asyncio.create_task(run_notifier(settings, store, notifier, keys, stop))
    worker = MemoryBroker(bus)
    await worker.connect()
    running = Running(port, tenant, key, store, worker)
    try:
        async with asyncio.timeout(20):
            while not await answers(f"http://127.0.0.1:{port}/readyz"):
                assert not task.done(), task
                await asyncio.sleep(0.05)
        yield running
    finally:
        stop.set()
        await asyncio.wait_for(task, 20)
        await worker.close()
        await notifier.close()  # closed by the composition root in a real process


async def answers(url: str) -> bool:
    try:
        async with httpx.AsyncClient() as http:
            return (await http.get(url)).status_code == 200
    except httpx.TransportError:
        return False


async def test_a_watched_session_adds_its_events_frames_lag_and_gauges() -> None:
    async with notifier_on_twins() as notifier:
        keys = await seed_session(notifier.store, notifier.tenant)
        before = await notifier.scrape()
        async with await Client.open(notifier.ws, notifier.key) as client:
            snapshot = await client.subscribe(keys.session_id)
            assert snapshot["type"] == "snapshot"
            for event in (
                status(keys, SessionStatus.RUNNING),
                progress(keys, 0, 5),
                rows(keys, 0, 3),
            ):
                await notifier.worker.publish_event(event)
            for _ in range(3):
                assert (await client.recv())["type"] == "event"
            text = await notifier.metrics_text()
        after = await notifier.scrape_until("dossier_notifier_clients", 0)

    during = Scrape.parse(text)

    def added(name: str, **labels: str) -> float:
        return during.value(name, **labels) - before.value(name, **labels)

    assert during.value("dossier_notifier_clients") == 1
    assert during.value("dossier_notifier_subscriptions", scope="session") == 1
    assert during.value("dossier_notifier_subscriptions", scope="tenant") == 0
    assert during.value("dossier_notifier_sessions") == 1
    assert added("dossier_notifier_connections_accepted_total") == 1
    assert added("dossier_notifier_events_in_total") == 3
    assert added("dossier_notifier_messages_out_total") == 5  # hello, snapshot, 3 events
    assert added("dossier_notifier_snapshot_reads_total") == 1
    assert added("dossier_notifier_snapshots_total") == 1
    # A status and a progress report carry `at`; a row batch does not.
    assert added("dossier_notifier_publish_to_send_seconds_count") == 2
    assert added("dossier_notifier_publish_to_send_seconds_sum") < 5
    assert after.value("dossier_notifier_subscriptions") == 0
    assert set(metrics_by_key(text)) >= JSON_ERA_KEYS, "the view the process tests read"


def test_the_collector_reads_the_counters_gauges_and_lag_buckets_at_scrape_time() -> None:
    metrics = Metrics()
    for seconds in (0.001, 0.3, 100.0, -1.0):
        metrics.lag.observe(seconds)
    metrics.events_invalid = 2
    metrics.connections = 4
    held = Occupancy(sessions=3, session_subscriptions=5, tenant_watches=1, queued=7)
    registry = registry_for(metrics, lambda: held)
    metrics.events_in = 9  # after registration: read when scraped

    text = render(registry).decode()
    scraped = Scrape.parse(text)
    assert scraped.value("dossier_notifier_events_in_total") == 9
    assert scraped.value("dossier_notifier_events_invalid_total") == 2
    assert scraped.value("dossier_notifier_clients") == 4
    assert scraped.value("dossier_notifier_subscriptions", scope="session") == 5
    assert scraped.value("dossier_notifier_queued") == 7
    lag = "dossier_notifier_publish_to_send_seconds"
    assert scraped.value(f"{lag}_count") == 4
    assert scraped.value(f"{lag}_bucket", le="0.005") == 2  # a negative lag counts as 0
    assert scraped.value(f"{lag}_bucket", le="0.5") == 3
    assert scraped.value(f"{lag}_bucket", le=str(LAG_BUCKETS[-1])) == 3
    assert scraped.value(f"{lag}_bucket", le="+Inf") == 4
    assert scraped.value(f"{lag}_sum") == pytest.approx(100.301)
    by_key = metrics_by_key(text)
    assert set(by_key) >= JSON_ERA_KEYS
    assert (by_key["connections"], by_key["events_in"]) == (4, 9)
