"""Making up for lost events from storage, on the in-memory twins: after a broker outage
every watched session is resynced; a quiet, unfinished session is rechecked."""

from __future__ import annotations

from typing import Any

import pytest

from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.models import Counters
from tests.notifier.seed import (
    progress,
    seed_session,
    status,
    store_chunk_summary,
    store_final,
    unique_tenant,
)
from tests.notifier.twins import TwinNotifier
from worker.events import publish_safely

pytestmark = pytest.mark.unit


def resync_note(keys: SessionKeys, reason: str) -> dict[str, Any]:
    return {"type": "resync", "session_id": keys.session_id, "reason": reason}


async def test_events_lost_in_a_broker_outage_are_made_up_by_a_resync(
    twins: TwinNotifier,
) -> None:
    tenant = unique_tenant()
    keys = await seed_session(twins.store, tenant, rows=30, chunk_size=10)
    async with (
        twins.connection(tenant) as (subscriber, subscriber_socket),
        twins.connection(tenant) as (watcher, watcher_socket),
    ):
        await twins.hub.subscribe(subscriber, keys.session_id)
        twins.hub.watch_tenant(watcher)
        await twins.publish(progress(keys, 2, 3))
        await subscriber_socket.wait_frames(2)
        await watcher_socket.wait_frames(1)

        twins.bus.interrupt()
        assert not twins.consumer.ready
        # Workers go on: their chunks are stored, their events are lost.
        for chunk in (0, 1):
            await store_chunk_summary(twins.store, keys, chunk, 10)
            assert not await publish_safely(twins.worker, progress(keys, chunk, 10, finished=True))
        assert not await publish_safely(twins.worker, progress(keys, 2, 6))
        twins.bus.restore()

        frames = await subscriber_socket.wait_frames(4)
        assert frames[2] == resync_note(keys, "events_interrupted")
        assert (frames[3]["type"], frames[3]["seq"]) == ("snapshot", 3)
        state = frames[3]["state"]
        # Stored chunks plus the last report of chunk 2 this notifier saw.
        assert (state["counters"]["done"], state["chunks_done"]) == (23, 2)
        assert state["status"] == "running"
        watched = await watcher_socket.wait_frames(3)
        assert watched[1] == resync_note(keys, "events_interrupted")
        assert (watched[2]["seq"], watched[2]["state"]) == (2, state)

        assert twins.consumer.ready
        await twins.publish(progress(keys, 2, 8))
        frames = await subscriber_socket.wait_frames(5)
        assert (frames[4]["seq"], frames[4]["progress"]["counters"]["done"]) == (4, 28)
        assert len(subscriber_socket.frames) + subscriber.queued == 5
    assert twins.metrics.resyncs == 2


async def test_a_completed_published_during_the_outage_reaches_the_client_by_resync(
    twins: TwinNotifier,
) -> None:
    tenant = unique_tenant()
    keys = await seed_session(twins.store, tenant, rows=30, chunk_size=10)
    async with twins.connection(tenant) as (connection, socket):
        await twins.hub.subscribe(connection, keys.session_id)
        await twins.publish(progress(keys, 0, 5))
        await socket.wait_frames(2)

        twins.bus.interrupt()
        for chunk in range(3):
            await store_chunk_summary(twins.store, keys, chunk, 10)
        await store_final(twins.store, keys, 30)
        completed = status(keys, SessionStatus.COMPLETED, counters=Counters(total=30, done=30))
        assert not await publish_safely(twins.worker, completed)
        twins.bus.restore()

        frames = await socket.wait_frames(4)
        assert len(socket.frames) + connection.queued == 4
    assert frames[2] == resync_note(keys, "events_interrupted")
    state = frames[3]["state"]
    assert (frames[3]["seq"], state["status"], state["finalized"]) == (3, "completed", True)
    assert (state["counters"]["done"], state["chunks_done"]) == (30, 3)


async def test_a_resync_that_cannot_read_storage_is_made_up_by_the_next_recheck(
    twins: TwinNotifier,
) -> None:
    tenant = unique_tenant()
    keys = await seed_session(twins.store, tenant, rows=20, chunk_size=10)
    async with twins.connection(tenant) as (connection, socket):
        await twins.hub.subscribe(connection, keys.session_id)
        # Chunk 0 was stored while this notifier's events were interrupted.
        await store_chunk_summary(twins.store, keys, 0, 10)
        twins.store.available = False
        await twins.hub.resync()
        assert twins.metrics.storage_errors == 1
        assert len(socket.frames) + connection.queued == 1

        twins.store.available = True
        assert await twins.hub.recheck_quiet(0) == 1
        frames = await socket.wait_frames(3)
    assert frames[1] == resync_note(keys, "events_missed")
    assert frames[2]["state"]["counters"]["done"] == 10


async def test_a_session_whose_record_cannot_be_read_does_not_stop_the_others_resync(
    twins: TwinNotifier,
) -> None:
    tenant = unique_tenant()
    broken = await seed_session(twins.store, tenant)
    keys = await seed_session(twins.store, tenant)
    async with twins.connection(tenant) as (connection, socket):
        await twins.hub.subscribe(connection, broken.session_id)
        await twins.hub.subscribe(connection, keys.session_id)
        await twins.store.put_bytes(broken.manifest, b"{not a manifest")
        await store_chunk_summary(twins.store, keys, 0, 10)
        await twins.hub.resync()
        frames = await socket.wait_frames(4)
        assert len(socket.frames) + connection.queued == 4
    assert twins.metrics.storage_errors == 1
    assert frames[2] == resync_note(keys, "events_interrupted")
    assert (frames[3]["session_id"], frames[3]["state"]["counters"]["done"]) == (
        keys.session_id,
        10,
    )


async def test_quiet_session_finished_in_storage_without_its_event_gets_a_fresh_snapshot(
    twins: TwinNotifier,
) -> None:
    tenant = unique_tenant()
    keys = await seed_session(twins.store, tenant, rows=20, chunk_size=10)
    async with twins.connection(tenant) as (connection, socket):
        await twins.hub.subscribe(connection, keys.session_id)
        await twins.publish(progress(keys, 0, 4))
        frames = await socket.wait_frames(2)
        assert frames[1]["progress"]["status"] == "running"
        # Events keep coming: nothing is quiet for long.
        assert await twins.hub.recheck_quiet(60) == 0

        # Storage has not moved: a recheck reads it and sends nothing.
        assert await twins.hub.recheck_quiet(0) == 1
        assert len(socket.frames) + connection.queued == 2

        # The session finishes, but no `completed` (nor last progress) reaches the broker.
        await store_chunk_summary(twins.store, keys, 0, 10)
        await store_chunk_summary(twins.store, keys, 1, 10)
        await store_final(twins.store, keys, 20)
        assert await twins.hub.recheck_quiet(0) == 1
        frames = await socket.wait_frames(4)
        assert frames[2] == resync_note(keys, "events_missed")
        assert (frames[3]["type"], frames[3]["seq"]) == ("snapshot", 3)
        state = frames[3]["state"]
        assert (state["status"], state["finalized"], state["counters"]["done"]) == (
            "completed",
            True,
            20,
        )

        # A final session is never read again.
        assert await twins.hub.recheck_quiet(0) == 0
        assert len(socket.frames) + connection.queued == 4


async def test_a_session_nobody_watches_is_not_rechecked(twins: TwinNotifier) -> None:
    tenant = unique_tenant()
    keys = await seed_session(twins.store, tenant)
    async with twins.connection(tenant) as (connection, _):
        await twins.hub.subscribe(connection, keys.session_id)
        assert await twins.hub.recheck_quiet(0) == 1
        twins.hub.unsubscribe(connection, keys.session_id)
        assert await twins.hub.recheck_quiet(0) == 0
