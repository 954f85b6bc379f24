"""The `Broker` contract, run against RabbitMQ and the in-memory twin."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from shared.broker.memory import MemoryBroker
from shared.broker.memory_bus import MemoryBus
from shared.broker.protocol import DELIVERY_LIMIT_REASON, Broker, Delivery
from shared.broker.rabbit import RabbitBroker
from shared.broker.rabbit_topology import delete_topology
from shared.messages import (
    CancelSession,
    ChunkProgress,
    ChunkTask,
    StartSession,
    parse_command,
    parse_event,
)
from shared.models import Counters
from shared.topology import CHUNK_DELIVERY_LIMIT, Topology

pytestmark = pytest.mark.contract

# Opens one more connection ("process") to the same broker.
Connect = Callable[[], Awaitable[Broker]]


@pytest.fixture(params=["rabbitmq", "memory"])
async def connect(request: pytest.FixtureRequest, topology_prefix: str) -> AsyncIterator[Connect]:
    opened: list[Broker] = []
    bus = MemoryBus(Topology(topology_prefix))

    async def open_one() -> Broker:
        broker: Broker
        if request.param == "memory":
            broker = MemoryBroker(bus)
        else:
            broker = RabbitBroker(request.getfixturevalue("rabbitmq"), Topology(topology_prefix))
        await broker.connect()
        opened.append(broker)
        return broker

    yield open_one
    for broker in opened:
        await broker.close()
    if request.param == "rabbitmq":
        await delete_topology(request.getfixturevalue("rabbitmq"), Topology(topology_prefix))


def chunk(n: int) -> ChunkTask:
    return ChunkTask(
        tenant="t", session_id="a" * 32, chunk=n, chunk_count=9, row_start=0, row_end=1
    )


class Inbox:
    """Deliveries as they arrive, for a test to settle one by one."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue[Delivery] = asyncio.Queue()

    async def handle(self, delivery: Delivery) -> None:
        await self.queue.put(delivery)

    async def next(self) -> Delivery:
        return await asyncio.wait_for(self.queue.get(), 10)

    async def nothing_more(self, wait: float = 0.3) -> bool:
        await asyncio.sleep(wait)
        return self.queue.empty()


async def chunks_and_dead_chunks(broker: Broker, task: ChunkTask) -> tuple[Inbox, Inbox]:
    """Consume both the chunks and the dead chunks queue, then publish `task`."""
    work, dead = Inbox(), Inbox()
    await broker.consume_work(broker.topology.chunks_queue, work.handle, prefetch=1)
    await broker.consume_work(broker.topology.dead_chunks_queue, dead.handle, prefetch=1)
    await broker.publish_chunk_tasks([task])
    return work, dead


async def test_start_command_is_delivered_once_and_acked(connect: Connect) -> None:
    broker = await connect()
    inbox = Inbox()
    await broker.consume_work(broker.topology.commands_queue, inbox.handle, prefetch=4)
    await broker.publish_start(StartSession(tenant="t1", session_id="s" * 32))
    delivery = await inbox.next()
    command = parse_command(delivery.body)
    assert isinstance(command, StartSession)
    assert (command.session_id, delivery.attempt, delivery.redelivered) == ("s" * 32, 1, False)
    await delivery.ack()
    assert await inbox.nothing_more()


async def test_work_arrives_in_order_within_the_prefetch(connect: Connect) -> None:
    broker = await connect()
    inbox = Inbox()
    await broker.publish_chunk_tasks([chunk(n) for n in range(5)])
    await broker.consume_work(broker.topology.chunks_queue, inbox.handle, prefetch=2)
    first, second = await inbox.next(), await inbox.next()
    assert await inbox.nothing_more()  # two unsettled: the prefetch is full
    await first.ack()
    third = await inbox.next()
    for delivery in (second, third):
        await delivery.ack()
    rest = [await inbox.next(), await inbox.next()]
    received = [first, second, third, *rest]
    assert [parse_command(d.body).chunk for d in received] == [0, 1, 2, 3, 4]  # type: ignore[union-attr]


async def test_a_requeued_task_comes_back_counted(connect: Connect) -> None:
    broker = await connect()
    inbox = Inbox()
    await broker.consume_work(broker.topology.chunks_queue, inbox.handle, prefetch=1)
    await broker.publish_chunk_tasks([chunk(0)])
    first = await inbox.next()
    await first.requeue(0.05)
    again = await inbox.next()
    assert (first.redelivered, again.redelivered) == (False, True)
    assert (first.attempt, again.attempt) == (1, 2)
    assert again.body == first.body
    await again.ack()


async def test_unsettled_work_returns_when_its_connection_drops(connect: Connect) -> None:
    crashing, healthy = await connect(), await connect()
    lost, kept = Inbox(), Inbox()
    await crashing.consume_work(crashing.topology.chunks_queue, lost.handle, prefetch=1)
    await crashing.publish_chunk_tasks([chunk(7)])
    await lost.next()
    await healthy.consume_work(healthy.topology.chunks_queue, kept.handle, prefetch=1)
    await crashing.close()
    delivery = await kept.next()
    assert parse_command(delivery.body).chunk == 7  # type: ignore[union-attr]
    assert (delivery.redelivered, delivery.attempt) == (True, 2)
    await delivery.ack()


async def test_dead_letter_carries_the_reason_to_the_dead_chunks_queue(connect: Connect) -> None:
    work, dead = await chunks_and_dead_chunks(await connect(), chunk(3))
    delivery = await work.next()
    assert delivery.death is None
    await delivery.requeue(0)
    await (await work.next()).dead_letter("ValueError: unreadable input")
    died = await dead.next()
    assert parse_command(died.body).chunk == 3  # type: ignore[union-attr]
    assert died.death is not None
    assert (died.death.reason, died.death.attempts) == ("ValueError: unreadable input", 2)
    await died.ack()
    assert await work.nothing_more()


async def test_past_the_delivery_limit_the_broker_dead_letters(connect: Connect) -> None:
    work, dead = await chunks_and_dead_chunks(await connect(), chunk(4))
    finals = []
    for _ in range(CHUNK_DELIVERY_LIMIT + 1):
        delivery = await work.next()
        finals.append(delivery.final_attempt)
        await delivery.requeue(0)
    assert finals == [False] * CHUNK_DELIVERY_LIMIT + [True]
    died = await dead.next()
    assert died.death is not None
    assert died.death.reason == DELIVERY_LIMIT_REASON
    assert not died.final_attempt  # the dead chunks queue has no limit
    await died.ack()
    assert await work.nothing_more()


async def test_dead_letter_on_a_queue_without_dead_letters_drops_the_message(
    connect: Connect,
) -> None:
    broker = await connect()
    dead = Inbox()
    await broker.consume_work(broker.topology.dead_chunks_queue, dead.handle, prefetch=1)
    await broker.publish_chunk_tasks([chunk(1)])
    broker_work = Inbox()
    await broker.consume_work(broker.topology.chunks_queue, broker_work.handle, prefetch=1)
    await (await broker_work.next()).dead_letter("poison")
    died = await dead.next()
    await died.dead_letter("the failure could not be recorded")
    assert await dead.nothing_more()


async def test_a_cancelled_subscription_takes_no_more_work(connect: Connect) -> None:
    first, second = await connect(), await connect()
    stopped, running = Inbox(), Inbox()
    subscription = await first.consume_work(first.topology.chunks_queue, stopped.handle, 1)
    await subscription.cancel()
    await second.consume_work(second.topology.chunks_queue, running.handle, 1)
    await first.publish_chunk_tasks([chunk(2)])
    await (await running.next()).ack()
    assert await stopped.nothing_more()


async def test_cancel_reaches_every_control_consumer(connect: Connect) -> None:
    first, second = await connect(), await connect()
    inboxes: list[asyncio.Queue[bytes]] = [asyncio.Queue(), asyncio.Queue()]
    for broker, inbox in zip((first, second), inboxes, strict=True):
        await broker.consume_control(inbox.put)
    await first.publish_cancel(CancelSession(tenant="t", session_id="b" * 32))
    for inbox in inboxes:
        assert isinstance(parse_command(await asyncio.wait_for(inbox.get(), 10)), CancelSession)


async def test_events_are_routed_by_session_key(connect: Connect) -> None:
    publisher, watcher = await connect(), await connect()
    everything: asyncio.Queue[tuple[bytes, str]] = asyncio.Queue()
    one_session: asyncio.Queue[tuple[bytes, str]] = asyncio.Queue()

    async def to_everything(body: bytes, key: str) -> None:
        await everything.put((body, key))

    async def to_one_session(body: bytes, key: str) -> None:
        await one_session.put((body, key))

    await watcher.consume_events(to_everything)
    await watcher.consume_events(to_one_session, f"session.{'c' * 32}.#")
    for session_id in ("d" * 32, "c" * 32):
        event = ChunkProgress(tenant="t", session_id=session_id, chunk=3, counters=Counters(done=2))
        await publisher.publish_event(event)
    keys = [(await asyncio.wait_for(everything.get(), 10))[1] for _ in range(2)]
    assert keys == [f"session.{'d' * 32}.chunk.progress", f"session.{'c' * 32}.chunk.progress"]
    body, _ = await asyncio.wait_for(one_session.get(), 10)
    got = parse_event(body)
    assert isinstance(got, ChunkProgress)
    assert (got.session_id, got.counters.done) == ("c" * 32, 2)
    await asyncio.sleep(0.2)
    assert one_session.empty()


async def test_publishing_without_a_connection_fails_loudly(connect: Connect) -> None:
    broker = await connect()
    assert broker.ready
    await broker.close()
    assert not broker.ready
    with pytest.raises(ConnectionError):
        await broker.publish_start(StartSession(tenant="t", session_id="e" * 32))
