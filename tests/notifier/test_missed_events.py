"""The final status around a subscription, and a `completed` that never reached the broker:
a subscriber always ends with what storage says."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

import orjson
import pytest

from notifier.connection import Connection
from notifier.hub import Hub
from notifier.metrics import Metrics
from shared.broker.protocol import Broker
from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.models import Counters
from shared.status import SessionStateReader
from shared.storage.s3 import MinioStore
from tests.notifier.client import Client
from tests.notifier.conftest import notifier_in_process
from tests.notifier.seed import (
    progress,
    seed_session,
    status,
    store_chunk_summary,
    store_final,
    unique_tenant,
)

pytestmark = pytest.mark.integration


class Socket:
    """The client's end: every frame the connection's writer sends, decoded."""

    def __init__(self) -> None:
        self.frames: list[dict[str, Any]] = []
        self.sent = asyncio.Condition()

    async def send_text(self, text: str) -> None:
        async with self.sent:
            self.frames.append(orjson.loads(text))
            self.sent.notify_all()

    async def wait_frames(self, count: int) -> list[dict[str, Any]]:
        async with asyncio.timeout(10), self.sent:
            await self.sent.wait_for(lambda: len(self.frames) >= count)
        return self.frames


@contextlib.asynccontextmanager
async def connected(hub: Hub, tenant: str) -> AsyncIterator[tuple[Connection, Socket]]:
    socket = Socket()
    connection = Connection(
        tenant, socket, capacity=64, send_timeout=5, metrics=Metrics(), snapshots=hub.snapshot
    )
    hub.attach(connection)
    writer = asyncio.create_task(connection.run_writer())
    try:
        yield connection, socket
    finally:
        hub.detach(connection)
        writer.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await writer


def shown_status(frame: dict[str, Any]) -> str | None:
    if frame.get("type") == "snapshot":
        return str(frame["state"]["status"])
    if frame.get("type") == "event" and frame.get("progress"):
        return str(frame["progress"]["status"])
    return None


async def finish_in_storage(store: MinioStore, keys: SessionKeys) -> None:
    await store_chunk_summary(store, keys, 0, 10)
    await store_chunk_summary(store, keys, 1, 10)
    await store_final(store, keys, 20)


def completed(keys: SessionKeys) -> tuple[Any, str]:
    event = status(keys, SessionStatus.COMPLETED, counters=Counters(total=20, done=20))
    return event, event.to_bytes().decode()


@pytest.mark.parametrize("moment", ["before_subscribe", "during_storage_read", "after_snapshot"])
async def test_final_status_event_around_the_subscribe_leaves_the_client_completed(
    module_store: MinioStore, moment: str
) -> None:
    tenant = unique_tenant()
    keys = await seed_session(module_store, tenant, rows=20, chunk_size=10)
    hub = Hub(SessionStateReader(module_store), Metrics())
    event, body = completed(keys)
    async with connected(hub, tenant) as (connection, socket):
        if moment == "before_subscribe":
            # The event is in before storage shows the final status to this replica's read.
            hub.dispatch(event, body)
            await hub.subscribe(connection, keys.session_id)
        elif moment == "during_storage_read":
            # The read sees no final status; the event lands before the snapshot is built.
            subscribing = asyncio.create_task(hub.subscribe(connection, keys.session_id))
            await asyncio.sleep(0)
            assert not subscribing.done()
            hub.dispatch(event, body)
            await subscribing
            await finish_in_storage(module_store, keys)
        else:
            await hub.subscribe(connection, keys.session_id)
            assert shown_status((await socket.wait_frames(1))[0]) == "running"
            await finish_in_storage(module_store, keys)
            hub.dispatch(event, body)
        expected = 2 if moment == "after_snapshot" else 1
        frames = await socket.wait_frames(expected)
        assert connection.queued == 0
    assert [frame["seq"] for frame in frames] == list(range(1, expected + 1))
    assert shown_status(frames[-1]) == "completed"
    last = frames[-1]
    figures = last["state"] if last["type"] == "snapshot" else last["progress"]
    assert figures["counters"]["done"] == 20


async def test_quiet_session_finished_in_storage_without_its_event_gets_a_fresh_snapshot(
    module_store: MinioStore,
) -> None:
    tenant = unique_tenant()
    keys = await seed_session(module_store, tenant, rows=20, chunk_size=10)
    hub = Hub(SessionStateReader(module_store), Metrics())
    async with connected(hub, tenant) as (connection, socket):
        await hub.subscribe(connection, keys.session_id)
        hub.dispatch(progress(keys, 0, 4), progress(keys, 0, 4).to_bytes().decode())
        frames = await socket.wait_frames(2)
        assert shown_status(frames[1]) == "running"

        # Storage has not moved: a recheck reads it and sends nothing.
        assert await hub.recheck_quiet(0) == 1
        assert len(socket.frames) + connection.queued == 2

        # The session finishes, but no `completed` (nor last progress) reaches the broker.
        await finish_in_storage(module_store, keys)
        assert await hub.recheck_quiet(0) == 1
        frames = await socket.wait_frames(4)
        assert frames[2] == {
            "type": "resync",
            "session_id": keys.session_id,
            "reason": "events_missed",
        }
        assert frames[3]["type"] == "snapshot"
        assert frames[3]["seq"] == 3
        assert frames[3]["state"]["status"] == "completed"
        assert frames[3]["state"]["counters"]["done"] == 20
        assert frames[3]["state"]["finalized"] is True

        # A final session is never read again.
        assert await hub.recheck_quiet(0) == 0


async def test_subscriber_of_a_notifier_that_missed_the_final_event_ends_completed(
    module_env: dict[str, str], publisher: Broker, module_store: MinioStore
) -> None:
    async with notifier_in_process(module_env, notifier_recheck_interval=0.3) as notifier:
        tenant, key = notifier.take_tenant()
        keys = await seed_session(module_store, tenant, rows=20, chunk_size=10)
        async with await Client.open(notifier.url, key) as client:
            snapshot = await client.subscribe(keys.session_id)
            assert snapshot["state"]["status"] == "running"
            await publisher.publish_event(progress(keys, 0, 10, finished=True))
            assert (await client.recv())["progress"]["counters"]["done"] == 10
            await finish_in_storage(module_store, keys)
            seen = [await client.recv()]
            while shown_status(seen[-1]) != "completed":
                seen.append(await client.recv())
    assert [frame["type"] for frame in seen] == ["resync", "snapshot"]
    assert seen[-1]["seq"] == 3
    assert seen[-1]["state"]["counters"]["done"] == 20
