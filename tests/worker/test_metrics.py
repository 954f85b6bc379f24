"""The worker's metrics over whole sessions, on the in-memory storage and broker."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from prometheus_client import CollectorRegistry

from shared.broker.memory import MemoryBroker
from shared.broker.memory_bus import MemoryBus
from shared.budget.memory import MemoryBudget
from shared.budget.protocol import Budget
from shared.ids import new_session_id
from shared.layout import SessionKeys
from shared.messages import StartSession
from shared.metrics_exposition import CONTENT_TYPE
from shared.models import StartRequest
from shared.rows import InputRow
from shared.storage.memory import MemoryStore
from shared.topology import CHUNK_DELIVERY_LIMIT, Topology
from tests.metrics import Scrape
from tests.services import free_port
from tests.sessions import csv_manifest
from tests.worker.pipelines import build_test_pipeline
from tests.worker.sessions import COLUMNS, make_rows, wait_until
from worker.health import HealthServer
from worker.metrics import WorkerMetrics
from worker.pipeline.build import build_pipeline
from worker.pipeline.metrics import PipelineMetrics
from worker.pipeline.protocol import Pipeline
from worker.pipeline.settings import PipelineSettings
from worker.service import WorkerService
from worker.settings import WorkerSettings

pytestmark = pytest.mark.unit

TENANT = "tmetrics"
CHUNK_SIZE = 2
WAIT = 20.0
Factory = Callable[[PipelineSettings, PipelineMetrics, Budget], Pipeline]


@dataclass
class Twins:
    store: MemoryStore
    gateway: MemoryBroker
    metrics: WorkerMetrics
    topology: Topology

    def scrape(self) -> Scrape:
        return Scrape.parse(self.metrics.render().decode())

    async def run_session(self, rows: list[InputRow]) -> SessionKeys:
        """Seeded as the gateway writes it, started, and waited on until finalized."""
        keys = SessionKeys(TENANT, new_session_id())
        data = b"".join(row.model_dump_json().encode() + b"\n" for row in rows)
        await self.store.put_bytes(keys.rows, data, "application/jsonl")
        await self.store.put_bytes(keys.context, b"", "text/plain")
        manifest = csv_manifest(keys, "input.csv", COLUMNS, len(rows), website_column="Website")
        await self.store.put_model(keys.manifest, manifest)
        await self.store.put_model(keys.start_marker, StartRequest(requested_at=datetime.now(UTC)))
        await self.gateway.publish_start(StartSession(tenant=TENANT, session_id=keys.session_id))
        final = keys.final_status
        await wait_until(lambda: self.store.exists(final), WAIT, "the final status", 0.02)
        return keys


@asynccontextmanager
async def worker_on_twins(
    monkeypatch: pytest.MonkeyPatch, factory: Factory = build_pipeline
) -> AsyncIterator[Twins]:
    for name, value in {
        "DOSSIER_WORKER_CHUNK_SIZE": str(CHUNK_SIZE),
        "DOSSIER_WORKER_RETRY_BACKOFF_S": "0",
        "DOSSIER_WORKER_PROGRESS_S": "0.05",
        "DOSSIER_PIPELINE_STAGES": "normalize",
    }.items():
        monkeypatch.setenv(name, value)
    topology = Topology(f"dtest-{uuid.uuid4().hex[:10]}")
    settings = WorkerSettings(environment="test", topology_prefix=topology.prefix)
    bus, store = MemoryBus(topology), MemoryStore()
    metrics = WorkerMetrics(CollectorRegistry())
    pipeline = factory(PipelineSettings(), metrics, MemoryBudget())
    broker, gateway = MemoryBroker(bus), MemoryBroker(bus)
    await broker.connect()
    await gateway.connect()
    service = WorkerService(settings, store, broker, pipeline, metrics)
    progress = asyncio.create_task(service.progress.run())
    await service.consumers.start()
    try:
        yield Twins(store, gateway, metrics, topology)
    finally:
        await service.consumers.stop_consuming()
        await service.consumers.wait_idle(5)
        progress.cancel()
        await asyncio.gather(progress, return_exceptions=True)
        await broker.close()
        await gateway.close()
        await pipeline.aclose()


def differences(before: Scrape, after: Scrape) -> Callable[..., float]:
    def added(name: str, **labels: str) -> float:
        return after.value(name, **labels) - before.value(name, **labels)

    return added


async def test_a_session_adds_its_rows_by_status_its_chunks_and_its_acked_messages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = make_rows(5, lambda n: "https://www.company0.com" if n == 4 else f"company{n}.com")
    async with worker_on_twins(monkeypatch) as twins:
        before = twins.scrape()
        await twins.run_session(rows)
    after = twins.scrape()  # once idle: the last chunk is acked after the session is final

    added = differences(before, after)
    assert added("dossier_worker_rows_total", status="ok") == 4
    assert added("dossier_worker_rows_total", status="duplicate") == 1
    assert added("dossier_worker_rows_total") == len(rows)
    chunks = -(-len(rows) // CHUNK_SIZE)
    assert added("dossier_worker_chunk_duration_seconds_count") == chunks
    messages = "dossier_worker_messages_total"
    topology = twins.topology
    assert added(messages, queue=topology.commands_queue, outcome="acked") == 1
    assert added(messages, queue=topology.chunks_queue, outcome="acked") == chunks
    assert added(messages, outcome="requeued") == 0
    assert added(messages, outcome="dead_lettered") == 0
    assert after.value("dossier_worker_rows_in_flight") == 0
    # normalize only: nothing fetched, no provider asked, no stage timed per row
    assert after.value("dossier_worker_fetches_total") == 0
    assert after.value("dossier_worker_provider_calls_total") == 0
    assert after.value("dossier_worker_stage_duration_seconds_count") == 0


async def test_failures_count_requeues_dead_letters_failed_rows_and_row_errors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = make_rows(6)
    monkeypatch.setenv("DOSSIER_TEST_CRASH_NAME", rows[0].name)  # chunk 0 fails as a whole
    monkeypatch.setenv("DOSSIER_TEST_POISON_NAME", rows[5].name)  # one row of chunk 2 raises
    async with worker_on_twins(monkeypatch, build_test_pipeline) as twins:
        before = twins.scrape()
        await twins.run_session(rows)
    after = twins.scrape()

    added = differences(before, after)
    messages = "dossier_worker_messages_total"
    chunks, dead = twins.topology.chunks_queue, twins.topology.dead_chunks_queue
    assert added(messages, queue=chunks, outcome="requeued") == CHUNK_DELIVERY_LIMIT
    assert added(messages, queue=chunks, outcome="dead_lettered") == 1
    assert added(messages, queue=chunks, outcome="acked") == 2
    assert added(messages, queue=dead, outcome="acked") == 1
    assert added("dossier_worker_rows_total", status="failed") == CHUNK_SIZE + 1
    assert added("dossier_worker_rows_total", status="ok") == len(rows) - CHUNK_SIZE - 1
    assert added("dossier_worker_row_errors_total", kind="exception") == 1
    assert added("dossier_worker_chunk_duration_seconds_count") == 2, "the dead chunk ran no rows"


async def test_the_health_server_serves_the_metrics_as_prometheus_text() -> None:
    metrics = WorkerMetrics(CollectorRegistry())
    metrics.page_fetched("timeout")
    port = free_port()

    async def ready() -> bool:
        return True

    server = HealthServer("127.0.0.1", port, ready, metrics.render, CONTENT_TYPE)
    await server.start()
    try:
        head, body = await http_get(port, "/metrics")
        assert head.startswith("HTTP/1.1 200 OK")
        assert f"Content-Type: {CONTENT_TYPE}" in head
        scraped = Scrape.parse(body)
        assert scraped.value("dossier_worker_fetches_total", outcome="timeout") == 1
        assert "dossier_worker_rows" in scraped.families
        head, body = await http_get(port, "/healthz")
        assert (head.split("\r\n")[0], body) == ("HTTP/1.1 200 OK", '{"status":"ok"}')
    finally:
        await server.close()


async def http_get(port: int, path: str) -> tuple[str, str]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: worker\r\n\r\n".encode())
        await writer.drain()
        answer = (await asyncio.wait_for(reader.read(), 5)).decode()
    finally:
        writer.close()
    head, _, body = answer.partition("\r\n\r\n")
    return head, body
