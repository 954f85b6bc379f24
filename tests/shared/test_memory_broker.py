"""The in-memory broker's outage simulation, which the contract cannot exercise on RabbitMQ
without restarting it (tests/worker/test_broker_restart.py does that for real)."""

from __future__ import annotations

import asyncio

import pytest

from shared.broker.memory import MemoryBroker
from shared.broker.memory_bus import MemoryBus, topic_matches
from shared.broker.protocol import Delivery
from shared.messages import ChunkProgress, ChunkTask, StartSession
from shared.models import Counters

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("pattern", "key", "matches"),
    [
        ("session.#", "session.abc.chunk.progress", True),
        ("session.abc.#", "session.abc.rows.finished", True),
        ("session.abc.#", "session.abd.rows.finished", False),
        ("session.*.session.status", "session.abc.session.status", True),
        ("session.*", "session.abc.session.status", False),
        ("#", "anything.at.all", True),
        ("session.#.status", "session.status", True),
    ],
)
def test_topic_patterns_match_as_amqp_defines_them(pattern: str, key: str, matches: bool) -> None:
    assert topic_matches(pattern, key) is matches


async def test_an_outage_returns_unsettled_work_loses_broadcasts_and_reconnects() -> None:
    bus = MemoryBus()
    worker, notifier = MemoryBroker(bus), MemoryBroker(bus)
    for broker in (worker, notifier):
        await broker.connect()
    held: asyncio.Queue[Delivery] = asyncio.Queue()
    events: list[str] = []
    reconnects: list[str] = []

    async def on_event(_body: bytes, key: str) -> None:
        events.append(key)

    await worker.consume_work(bus.topology.chunks_queue, held.put, prefetch=1)
    await notifier.consume_events(on_event)
    notifier.on_reconnect(lambda: reconnects.append("notifier"))
    task = ChunkTask(
        tenant="t", session_id="a" * 32, chunk=0, chunk_count=1, row_start=0, row_end=1
    )
    await worker.publish_chunk_tasks([task])
    first = await asyncio.wait_for(held.get(), 1)

    bus.interrupt()
    assert not worker.ready
    with pytest.raises(ConnectionError):
        await worker.publish_start(StartSession(tenant="t", session_id="a" * 32))
    await first.ack()  # too late: the delivery went back with the connection
    assert bus.depth(bus.topology.chunks_queue) == 1

    bus.restore()
    again = await asyncio.wait_for(held.get(), 1)
    assert (again.redelivered, again.attempt) == (True, 2)
    await again.ack()
    assert reconnects == ["notifier"]
    progress = ChunkProgress(tenant="t", session_id="a" * 32, chunk=0, counters=Counters())
    await worker.publish_event(progress)
    await asyncio.sleep(0.01)
    assert events == [f"session.{'a' * 32}.chunk.progress"]
    for broker in (worker, notifier):
        await broker.close()


async def test_a_closed_connection_gives_its_unsettled_work_to_others_and_takes_no_more() -> None:
    bus = MemoryBus()
    leaving, staying = MemoryBroker(bus), MemoryBroker(bus)
    for broker in (leaving, staying):
        await broker.connect()
    left: asyncio.Queue[Delivery] = asyncio.Queue()
    stayed: asyncio.Queue[Delivery] = asyncio.Queue()
    queue = bus.topology.chunks_queue
    await leaving.consume_work(queue, left.put, prefetch=1)
    await staying.consume_work(queue, stayed.put, prefetch=1)
    await leaving.publish_chunk_tasks(
        [
            ChunkTask(
                tenant="t", session_id="a" * 32, chunk=n, chunk_count=2, row_start=0, row_end=1
            )
            for n in range(2)
        ]
    )
    await asyncio.wait_for(left.get(), 1)
    first = await asyncio.wait_for(stayed.get(), 1)

    await leaving.close()
    assert bus.depth(queue) == 1  # the other consumer's prefetch is full: it waits
    await first.ack()
    again = await asyncio.wait_for(stayed.get(), 1)
    assert again.attempt == 2
    await leaving.connect()  # a new connection does not revive the old consumer
    await again.ack()
    await leaving.publish_chunk_tasks(
        [ChunkTask(tenant="t", session_id="a" * 32, chunk=2, chunk_count=3, row_start=0, row_end=1)]
    )
    assert (await asyncio.wait_for(stayed.get(), 1)).attempt == 1
    assert left.empty()
