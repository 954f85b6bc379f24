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
