"""A retry round on the in-memory twins: a storage read that began before the round and
ends after its first event is read again, so watchers see the session running again."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator

import pytest

from notifier.connection import Connection
from notifier.hub import Hub
from notifier.metrics import Metrics
from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.messages import ChunkProgress
from shared.models import Counters
from shared.retry import RetryRequest
from shared.status import SessionStateReader
from shared.storage.memory import MemoryStore
from shared.storage.protocol import ObjectInfo
from tests.notifier.seed import (
    now,
    seed_session,
    status,
    store_chunk_summary,
    store_final,
    unique_tenant,
)
from tests.notifier.twins import WAIT, Socket

pytestmark = pytest.mark.unit


class LaggingStore(MemoryStore):
    """While held, the listing a session's read starts with answers what it found, but
    only later."""

    def __init__(self) -> None:
        super().__init__()
        self.listed = asyncio.Event()
        self._go = asyncio.Event()
        self._go.set()

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        self._go.clear()
        try:
            yield
        finally:
            self._go.set()

    async def list_level(self, prefix: str) -> tuple[list[ObjectInfo], list[str]]:
        found = await super().list_level(prefix)
        if not self._go.is_set():
            self.listed.set()
            await self._go.wait()
        return found


async def test_a_read_that_missed_the_new_round_is_made_again_before_the_snapshot() -> None:
    store = LaggingStore()
    hub = Hub(SessionStateReader(store), Metrics(), snapshot_max_age=0.0)
    tenant = unique_tenant()
    keys: SessionKeys = await seed_session(store, tenant, rows=10, chunk_size=10)
    await store_chunk_summary(store, keys, 0, 10)
    await store_final(store, keys, 10)
    socket = Socket()
    connection = Connection(
        tenant, socket, capacity=64, send_timeout=WAIT, metrics=Metrics(), snapshots=hub.snapshot
    )
    hub.attach(connection)
    writer = asyncio.create_task(connection.run_writer())
    try:
        await hub.subscribe(connection, keys.session_id)
        assert (await socket.wait_frames(1))[0]["state"]["status"] == "completed"
        with store.held():
            # A second watcher's read lists the session before the retry exists...
            late = asyncio.create_task(hub.resync("events_interrupted"))
            await asyncio.wait_for(store.listed.wait(), WAIT)
            request = RetryRequest(round=1, statuses=["failed"], requested_at=now())
            await store.put_model(keys.retry_request(1), request)
            queued = status(keys, SessionStatus.QUEUED, round=1)
            hub.dispatch(queued, queued.model_dump_json())
        await asyncio.wait_for(late, WAIT)
        frames = await socket.wait_frames(2)
        # Read afresh within the round: its events go straight out, no snapshot again.
        report = ChunkProgress(
            tenant=tenant,
            session_id=keys.session_id,
            chunk=0,
            counters=Counters(total=10, done=10),
            round=1,
        )
        hub.dispatch(report, report.model_dump_json())
        frames = await socket.wait_frames(3)
    finally:
        hub.detach(connection)
        writer.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await writer
    assert [frame["type"] for frame in frames] == ["snapshot", "snapshot", "event"]
    reopened = frames[1]["state"]
    assert (reopened["status"], reopened["retry_round"], reopened["finalized"]) == (
        "queued",
        1,
        False,
    )
    assert frames[2]["progress"]["retry_round"] == 1
