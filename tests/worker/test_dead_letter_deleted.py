"""A session deleted while the dead-letter handler stores a chunk's failed rows: on real
SeaweedFS, the gateway's delete (manifest first, then the rest) lands after the handler's
check and before its writes; nothing of the session may be left."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from prometheus_client import CollectorRegistry

from shared.broker.memory import MemoryBroker
from shared.broker.memory_bus import MemoryBus
from shared.layout import SessionKeys
from shared.messages import ChunkTask
from shared.settings import CommonSettings
from shared.storage.s3 import MinioStore
from tests.sessions import seed_plan
from tests.worker.sessions import make_rows, seed_session
from worker.deadletter import DeadChunkHandler
from worker.finalizer import Finalizer
from worker.metrics import WorkerMetrics
from worker.progress import ProgressReporter

pytestmark = pytest.mark.integration


class DeletedAtFirstResult(MinioStore):
    """Deletes the session as the gateway does just before the first chunk results are
    written."""

    fired = False

    async def put_bytes(
        self, key: str, data: bytes, content_type: str = "application/octet-stream"
    ) -> None:
        if "/chunks/results/" in key and not self.fired:
            self.fired = True
            prefix = key.split("chunks/results/")[0]
            await self.delete(prefix + "manifest.json")
            await self.delete_prefix(prefix)
        await super().put_bytes(key, data, content_type)


@pytest.fixture
async def deleting(common_settings: CommonSettings) -> AsyncIterator[DeletedAtFirstResult]:
    store = DeletedAtFirstResult(
        common_settings.s3_endpoint,
        common_settings.s3_access_key,
        common_settings.s3_secret_key.get_secret_value(),
        common_settings.s3_bucket,
    )
    await store.ensure_bucket()
    yield store
    store.close()


async def test_a_session_deleted_while_a_dead_chunk_is_stored_keeps_nothing_of_it(
    deleting: DeletedAtFirstResult, common_settings: CommonSettings, tenant: str
) -> None:
    keys: SessionKeys = await seed_session(deleting, tenant, "a" * 32, make_rows(4))
    # Two chunks: the finalizer never runs for this one alone, so it cannot clean up.
    await seed_plan(deleting, keys, total=4, chunk_size=2)
    broker = MemoryBroker(MemoryBus(common_settings.topology))
    handler = DeadChunkHandler(
        deleting,
        Finalizer(deleting, broker),
        ProgressReporter(broker, 0.05),
        WorkerMetrics(CollectorRegistry()),
    )
    task = ChunkTask(
        tenant=tenant, session_id=keys.session_id, chunk=0, chunk_count=2, row_start=0, row_end=2
    )

    await handler.handle(task, deliveries=4, why="kept crashing")

    assert deleting.fired
    assert await deleting.list_objects(keys.prefix) == []
