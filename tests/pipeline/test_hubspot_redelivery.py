"""A chunk redone after a crash between its HubSpot batch create and its checkpoint
updates the companies it created instead of creating them again, although HubSpot's
search does not show them yet and the redoing worker never heard of them."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from prometheus_client import CollectorRegistry

from shared.broker.memory import MemoryBroker
from shared.broker.memory_bus import MemoryBus
from shared.layout import SessionKeys
from shared.messages import ChunkTask
from shared.models import HubSpotCreated, SessionOptions
from shared.results import decode_results
from shared.rows import InputRow, RowStatus
from shared.storage.memory import MemoryStore
from tests.pipeline.conftest import MakeSettings, Server
from tests.pipeline.fakes.dns import build_farm_pipeline
from tests.pipeline.fakes.hubspot import HubSpotState
from tests.sessions import csv_manifest
from worker.cancel import CancelRegistry
from worker.dedupe import plan_rows
from worker.finalizer import Finalizer
from worker.metrics import WorkerMetrics
from worker.pipeline.metrics import NO_METRICS
from worker.pipeline.settings import PipelineSettings
from worker.progress import ProgressReporter
from worker.runner import ChunkRunner

pytestmark = pytest.mark.unit

ROWS = [
    InputRow(row=0, name="Acme Rockets", website="acme-rockets.com"),
    InputRow(row=1, name="Meta Corp", website="meta-corp.net"),
    InputRow(row=2, name="Plain Text Co", website="plain-text-co.com"),
]
CREATE = "/crm/v3/objects/companies/batch/create"
UPDATE = "/crm/v3/objects/companies/batch/update"


class CrashBeforeCheckpoint(MemoryStore):
    """The first write of a chunk's results fails, as if the worker died after its
    HubSpot write-back and before the chunk was stored."""

    def __init__(self) -> None:
        super().__init__()
        self.crashes = 1

    async def put_bytes(
        self, key: str, data: bytes, content_type: str = "application/octet-stream"
    ) -> None:
        if "/chunks/results/" in key and self.crashes:
            self.crashes -= 1
            raise ConnectionError("worker killed before its checkpoint")
        await super().put_bytes(key, data, content_type)


@pytest.fixture
async def broker() -> AsyncIterator[MemoryBroker]:
    broker = MemoryBroker(MemoryBus())
    await broker.connect()
    yield broker
    await broker.close()


async def seeded(store: MemoryStore) -> tuple[SessionKeys, ChunkTask]:
    keys = SessionKeys("tenant", "0" * 32)
    manifest = csv_manifest(keys, "in.csv", ["Company", "Website"], len(ROWS))
    options = SessionOptions(write_to_hubspot=True, use_hubspot_integration=True)
    await store.put_model(keys.manifest, manifest.model_copy(update={"options": options}))
    planned = b"".join(row.model_dump_json().encode() + b"\n" for row in plan_rows(ROWS))
    await store.put_bytes(keys.chunk_input(0), planned)
    task = ChunkTask(
        tenant=keys.tenant,
        session_id=keys.session_id,
        chunk=0,
        chunk_count=1,
        row_start=0,
        row_end=len(ROWS),
    )
    return keys, task


async def run_on_a_new_worker(
    store: MemoryStore, broker: MemoryBroker, settings: PipelineSettings, task: ChunkTask
) -> None:
    """One delivery of the chunk to a worker process of its own: nothing in memory."""
    pipeline = build_farm_pipeline(settings, NO_METRICS)
    runner = ChunkRunner(
        store,
        pipeline,
        CancelRegistry(store),
        ProgressReporter(broker, 0.05),
        Finalizer(store, broker),
        WorkerMetrics(CollectorRegistry()),
        concurrency=4,
        cancel_poll_s=0.5,
        row_timeout_s=30,
    )
    try:
        await runner.run(task)
    finally:
        await pipeline.aclose()


async def test_a_chunk_redone_after_a_crash_updates_the_companies_it_created(
    make_settings: MakeSettings, hubspot_server: Server[HubSpotState], broker: MemoryBroker
) -> None:
    state = hubspot_server.state
    state.lag = True  # search does not see the companies created through the API yet
    settings = make_settings(hubspot=True)
    store = CrashBeforeCheckpoint()
    keys, task = await seeded(store)

    with pytest.raises(ConnectionError, match="before its checkpoint"):
        await run_on_a_new_worker(store, broker, settings, task)
    paths = [path for _, path in state.calls]
    assert (paths.count(CREATE), paths.count(UPDATE)) == (1, 0)
    ledger = await store.get_model(keys.chunk_hubspot_created(0), HubSpotCreated)
    assert ledger.companies == {
        p["domain"]: i for i, p in state.companies.items() if i in state.created
    }
    assert len(ledger.companies) == 3
    assert not await store.exists(keys.chunk_done(0))

    # The broker redelivers the chunk, to another worker.
    await run_on_a_new_worker(store, broker, settings, task)

    paths = [path for _, path in state.calls]
    assert (paths.count(CREATE), paths.count(UPDATE)) == (1, 1)
    assert len(state.companies) == 3
    results = decode_results(await store.get_bytes(keys.chunk_results(0)))
    assert {r.row_status for r in results} == {RowStatus.OK}
    linked = {r.hubspot_company_id.rsplit("/", 1)[-1] for r in results}
    assert linked == set(ledger.companies.values())
