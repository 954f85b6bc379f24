"""The event consumer on the in-memory broker: invalid events are counted and dropped, and a
broker that is away at start is waited for."""

from __future__ import annotations

import asyncio

import orjson
import pytest

from notifier.consumer import EventConsumer
from notifier.hub import Hub
from notifier.metrics import Metrics
from shared.broker.memory import MemoryBroker
from shared.broker.memory_bus import MemoryBus
from shared.status import SessionStateReader
from shared.storage.memory import MemoryStore
from tests.notifier.seed import progress, seed_session, unique_tenant
from tests.notifier.twins import ObservedBroker, TwinNotifier

pytestmark = pytest.mark.unit


async def test_invalid_events_are_counted_and_dropped(twins: TwinNotifier) -> None:
    tenant = unique_tenant()
    keys = await seed_session(twins.store, tenant)
    valid = progress(keys, 0, 9)
    fields = orjson.loads(valid.to_bytes())
    invalid = {
        "not json": b"not json",
        "unknown kind": orjson.dumps({**fields, "kind": "chunk.exploded"}),
        "unknown version": orjson.dumps({**fields, "v": 3}),
        "round in a version 1 event": orjson.dumps({**fields, "v": 1, "round": 1}),
        "unknown field": orjson.dumps({**fields, "extra": 1}),
        "tenant not an id": valid.model_copy(update={"tenant": "../acme"}).to_bytes(),
        "session not an id": valid.model_copy(update={"session_id": "../../x"}).to_bytes(),
        "session id of another shape": valid.model_copy(
            update={"session_id": keys.session_id.upper()}
        ).to_bytes(),
    }
    async with twins.connection(tenant) as (connection, socket):
        await twins.hub.subscribe(connection, keys.session_id)
        for body in invalid.values():
            await twins.publish_raw(body, keys.session_id, "chunk.progress")
        assert twins.metrics.events_invalid == len(invalid)
        assert twins.metrics.events_in == 0
        assert twins.hub.occupancy().sessions == 1
        await twins.publish(progress(keys, 0, 1))
        frames = await socket.wait_frames(2)
        assert len(socket.frames) + connection.queued == 2
        # A version 1 event (no round) from a worker not yet upgraded is still read.
        old = orjson.loads(progress(keys, 1, 2).to_bytes())
        del old["round"]
        await twins.publish_raw(orjson.dumps({**old, "v": 1}), keys.session_id, "chunk.progress")
        frames = await socket.wait_frames(3)
    assert (frames[1]["seq"], frames[1]["progress"]["counters"]["done"]) == (2, 1)
    assert frames[2]["progress"]["counters"]["done"] == 3
    assert frames[2]["event"]["v"] == 1
    assert twins.metrics.events_in == 2


async def test_a_consumer_started_while_the_broker_is_away_consumes_once_it_is_back() -> None:
    bus = MemoryBus()
    store = MemoryStore()
    metrics = Metrics()
    hub = Hub(SessionStateReader(store), metrics)
    broker = ObservedBroker(bus)
    consumer = EventConsumer(broker, hub, metrics, retry_interval=0.01)
    worker = MemoryBroker(bus)
    bus.interrupt()
    starting = asyncio.create_task(consumer.run())
    try:
        await broker.wait_attempts(3)
        assert not starting.done()
        assert not consumer.ready
        bus.restore()
        await asyncio.wait_for(starting, 5)
        assert consumer.ready
        tenant = unique_tenant()
        keys = await seed_session(store, tenant)
        await worker.connect()
        await worker.publish_event(progress(keys, 0, 4))
        await broker.wait_handled(1)
        assert metrics.events_in == 1
        assert hub.occupancy().sessions == 1
    finally:
        starting.cancel()
        await broker.close()
        await worker.close()
