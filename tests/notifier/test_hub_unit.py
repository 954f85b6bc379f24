"""Fan-out on the in-memory twins: snapshot first, then events in order; tenants never mix."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from shared.errors import NotFound
from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.messages import ChunkProgress, RowsFinished, SessionStatusChanged
from shared.models import Counters
from tests.notifier.seed import (
    progress,
    rows,
    seed_session,
    status,
    store_chunk_summary,
    store_final,
    unique_tenant,
)
from tests.notifier.twins import TwinNotifier

pytestmark = pytest.mark.unit

Event = ChunkProgress | RowsFinished | SessionStatusChanged


def figures(frame: dict[str, Any]) -> dict[str, Any]:
    """What the client displays after this frame."""
    if frame["type"] == "snapshot":
        return dict(frame["state"])
    return dict(frame["progress"])


def done(frame: dict[str, Any]) -> int:
    return int(figures(frame)["counters"]["done"])


async def test_subscriber_gets_the_snapshot_then_every_event_in_order(
    twins: TwinNotifier,
) -> None:
    tenant = unique_tenant()
    keys = await seed_session(twins.store, tenant, rows=30, chunk_size=10)
    await store_chunk_summary(twins.store, keys, 0, 10)
    events: list[Event] = [
        progress(keys, 1, 3),
        rows(keys, 1, 3),
        progress(keys, 2, 4),
        progress(keys, 1, 10, finished=True),
        progress(keys, 2, 10, finished=True),
        status(keys, SessionStatus.COMPLETED, counters=Counters(total=30, done=30)),
    ]
    async with twins.connection(tenant) as (connection, socket):
        await twins.hub.subscribe(connection, keys.session_id)
        await twins.publish(*events)
        frames = await socket.wait_frames(1 + len(events))
        assert len(socket.frames) + connection.queued == 1 + len(events)
    assert [frame["seq"] for frame in frames] == list(range(1, len(events) + 2))
    snapshot = frames[0]
    assert snapshot["type"] == "snapshot"
    assert snapshot["state"]["status"] == "running"
    assert (done(snapshot), snapshot["state"]["chunks_done"]) == (10, 1)
    received = [(f["event"]["kind"], f["event"].get("chunk")) for f in frames[1:]]
    assert received == [(e.kind, getattr(e, "chunk", None)) for e in events]
    assert "progress" not in frames[2]  # a row batch carries no figures
    assert [done(f) for f in frames[1:] if "progress" in f] == [13, 17, 24, 30, 30]
    assert figures(frames[-1])["status"] == "completed"
    assert figures(frames[-1])["chunks_done"] == 3


async def test_events_during_the_snapshot_read_are_in_it_and_never_counted_twice(
    twins: TwinNotifier,
) -> None:
    tenant = unique_tenant()
    keys = await seed_session(twins.store, tenant, rows=30, chunk_size=10)
    async with twins.connection(tenant) as (connection, socket):
        with twins.store.paused():
            subscribing = asyncio.create_task(twins.hub.subscribe(connection, keys.session_id))
            await twins.store.read_started()
            await twins.publish(progress(keys, 0, 4), progress(keys, 1, 3))
            # The worker stores chunk 0 and reports it finished before the read completes.
            await store_chunk_summary(twins.store, keys, 0, 10)
            await twins.publish(progress(keys, 0, 10, finished=True))
            assert not subscribing.done()
            assert socket.frames == []
        await subscribing
        # A redelivered report of the stored chunk, then fresh progress of chunk 1.
        await twins.publish(progress(keys, 0, 10, finished=True), progress(keys, 1, 5))
        frames = await socket.wait_frames(3)
        assert len(socket.frames) + connection.queued == 3
    assert [(frame["type"], frame["seq"]) for frame in frames] == [
        ("snapshot", 1),
        ("event", 2),
        ("event", 3),
    ]
    assert (done(frames[0]), frames[0]["state"]["chunks_done"]) == (13, 1)
    assert [done(frame) for frame in frames[1:]] == [13, 15]


async def test_tenant_watcher_gets_held_events_after_the_first_snapshot(
    twins: TwinNotifier,
) -> None:
    tenant = unique_tenant()
    keys = await seed_session(twins.store, tenant, rows=20, chunk_size=10)
    await store_chunk_summary(twins.store, keys, 0, 10)
    async with twins.connection(tenant) as (connection, socket):
        twins.hub.watch_tenant(connection)
        with twins.store.paused():
            await twins.publish(
                rows(keys, 1, 2), progress(keys, 1, 2), rows(keys, 1, 1), progress(keys, 1, 3)
            )
            await twins.store.read_started()
            assert socket.frames == []
            assert connection.queued == 0
        frames = await socket.wait_frames(3)
        await twins.publish(progress(keys, 1, 4))
        frames = await socket.wait_frames(4)
        assert len(socket.frames) + connection.queued == 4
    assert [frame["seq"] for frame in frames] == [1, 2, 3, 4]
    # Progress that came while the snapshot was read is part of it; row batches follow it.
    assert frames[0]["type"] == "snapshot"
    assert (done(frames[0]), frames[0]["state"]["chunks_done"]) == (13, 1)
    assert [len(frame["event"]["rows"]) for frame in frames[1:3]] == [2, 1]
    assert done(frames[3]) == 14


async def test_tenant_watcher_whose_first_snapshot_read_failed_gets_one_with_the_next_event(
    twins: TwinNotifier,
) -> None:
    tenant = unique_tenant()
    keys = await seed_session(twins.store, tenant, rows=20, chunk_size=10)
    await store_chunk_summary(twins.store, keys, 0, 10)
    async with twins.connection(tenant) as (connection, socket):
        twins.hub.watch_tenant(connection)
        twins.store.available = False
        await twins.publish(rows(keys, 1, 1), progress(keys, 1, 2))
        # Without a snapshot the held row batch still goes out.
        await socket.wait_frames(1)
        twins.store.available = True
        await twins.publish(progress(keys, 1, 3))
        frames = await socket.wait_frames(2)
        assert len(socket.frames) + connection.queued == 2
    assert twins.metrics.storage_errors == 1
    assert (frames[0]["seq"], frames[0]["event"]["kind"]) == (1, "rows.finished")
    assert (frames[1]["type"], frames[1]["seq"]) == ("snapshot", 2)
    assert figures(frames[1])["status"] == "running"
    assert (done(frames[1]), figures(frames[1])["chunks_done"]) == (13, 1)


async def test_tenant_watchers_get_every_session_and_subscribers_only_theirs(
    twins: TwinNotifier,
) -> None:
    tenant, other = unique_tenant(), unique_tenant()
    first = await seed_session(twins.store, tenant)
    second = await seed_session(twins.store, tenant)
    foreign = await seed_session(twins.store, other)
    async with (
        twins.connection(tenant) as (one, one_socket),
        twins.connection(tenant) as (everything, everything_socket),
        twins.connection(other) as (stranger, stranger_socket),
    ):
        await twins.hub.subscribe(one, first.session_id)
        twins.hub.watch_tenant(everything)
        twins.hub.watch_tenant(stranger)
        with pytest.raises(NotFound):
            await twins.hub.subscribe(stranger, first.session_id)
        await twins.publish(progress(first, 0, 1), progress(second, 0, 2), progress(first, 0, 3))
        # Published last: anything of the first tenant would reach the stranger before it.
        await twins.publish(progress(foreign, 0, 4))
        await stranger_socket.wait_frames(1)
        await everything_socket.wait_frames(2)
        await twins.publish(progress(second, 0, 5), progress(first, 0, 6))
        await one_socket.wait_frames(4)
        await everything_socket.wait_frames(4)
        assert len(one_socket.frames) + one.queued == 4
        assert len(everything_socket.frames) + everything.queued == 4
        assert len(stranger_socket.frames) + stranger.queued == 1
        assert stranger.sessions == set()
        assert stranger.held == {}

    assert [(f["seq"], done(f)) for f in one_socket.of(first.session_id)] == [
        (1, 0),
        (2, 1),
        (3, 3),
        (4, 6),
    ]
    assert len(one_socket.frames) == 4
    # Events that came before a session's first snapshot are part of it.
    assert [(f["type"], f["seq"], done(f)) for f in everything_socket.of(first.session_id)] == [
        ("snapshot", 1, 3),
        ("event", 2, 6),
    ]
    assert [(f["type"], f["seq"], done(f)) for f in everything_socket.of(second.session_id)] == [
        ("snapshot", 1, 2),
        ("event", 2, 5),
    ]
    assert [(f["type"], f["session_id"], done(f)) for f in stranger_socket.frames] == [
        ("snapshot", foreign.session_id, 4)
    ]


async def test_an_event_naming_another_tenant_never_reaches_the_sessions_subscribers(
    twins: TwinNotifier,
) -> None:
    tenant = unique_tenant()
    keys = await seed_session(twins.store, tenant)
    forged = SessionKeys(unique_tenant(), keys.session_id)
    async with twins.connection(tenant) as (connection, socket):
        await twins.hub.subscribe(connection, keys.session_id)
        await twins.publish(progress(forged, 0, 9), progress(keys, 0, 2))
        frames = await socket.wait_frames(2)
        assert len(socket.frames) + connection.queued == 2
    assert [(frame["seq"], done(frame)) for frame in frames] == [(1, 0), (2, 2)]
    assert frames[1]["event"]["tenant"] == tenant


async def finish_in_storage(twins: TwinNotifier, keys: SessionKeys) -> None:
    await store_chunk_summary(twins.store, keys, 0, 10)
    await store_chunk_summary(twins.store, keys, 1, 10)
    await store_final(twins.store, keys, 20)


@pytest.mark.parametrize("moment", ["before_subscribe", "during_storage_read", "after_snapshot"])
async def test_final_status_event_around_the_subscribe_leaves_the_client_completed(
    twins: TwinNotifier, moment: str
) -> None:
    tenant = unique_tenant()
    keys = await seed_session(twins.store, tenant, rows=20, chunk_size=10)
    completed = status(keys, SessionStatus.COMPLETED, counters=Counters(total=20, done=20))
    async with twins.connection(tenant) as (connection, socket):
        if moment == "before_subscribe":
            # The event is in before storage shows the final status to this replica's read.
            await twins.publish(completed)
            await twins.hub.subscribe(connection, keys.session_id)
        elif moment == "during_storage_read":
            # The read sees no final status; the event lands before the snapshot is built.
            with twins.store.paused():
                subscribing = asyncio.create_task(twins.hub.subscribe(connection, keys.session_id))
                await twins.store.read_started()
                await twins.publish(completed)
            await subscribing
            await finish_in_storage(twins, keys)
        else:
            await twins.hub.subscribe(connection, keys.session_id)
            assert figures((await socket.wait_frames(1))[0])["status"] == "running"
            await finish_in_storage(twins, keys)
            await twins.publish(completed)
        expected = 2 if moment == "after_snapshot" else 1
        frames = await socket.wait_frames(expected)
        assert len(socket.frames) + connection.queued == expected
    assert [frame["seq"] for frame in frames] == list(range(1, expected + 1))
    assert figures(frames[-1])["status"] == "completed"
    assert done(frames[-1]) == 20
