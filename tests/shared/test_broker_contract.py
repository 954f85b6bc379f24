"""The broker adapter against the local RabbitMQ."""

from __future__ import annotations

import asyncio

import pytest
from aio_pika.abc import AbstractIncomingMessage

from shared.broker import Broker
from shared.messages import (
    CancelSession,
    ChunkProgress,
    ChunkTask,
    StartSession,
    parse_command,
    parse_event,
)
from shared.models import Counters

pytestmark = pytest.mark.contract


async def test_start_command_is_consumed_with_manual_ack(broker: Broker) -> None:
    received: asyncio.Queue[StartSession] = asyncio.Queue()

    async def handle(message: AbstractIncomingMessage) -> None:
        command = parse_command(message.body)
        assert isinstance(command, StartSession)
        await received.put(command)
        await message.ack()

    await broker.consume_queue(broker.topology.commands_queue, handle, prefetch=4)
    await broker.publish_start(StartSession(tenant="t1", session_id="s" * 32))
    got = await asyncio.wait_for(received.get(), 10)
    assert got.session_id == "s" * 32


async def test_unacked_chunk_task_is_redelivered(broker: Broker) -> None:
    deliveries: asyncio.Queue[bool] = asyncio.Queue()

    async def handle(message: AbstractIncomingMessage) -> None:
        await deliveries.put(bool(message.redelivered))
        if message.redelivered:
            await message.ack()
        else:
            await message.nack(requeue=True)

    await broker.consume_queue(broker.topology.chunks_queue, handle, prefetch=1)
    task = ChunkTask(
        tenant="t", session_id="a" * 32, chunk=0, chunk_count=1, row_start=0, row_end=5
    )
    await broker.publish_chunk_tasks([task])
    assert await asyncio.wait_for(deliveries.get(), 10) is False
    assert await asyncio.wait_for(deliveries.get(), 10) is True


async def test_cancel_reaches_every_control_consumer(broker: Broker) -> None:
    first: asyncio.Queue[bytes] = asyncio.Queue()
    second: asyncio.Queue[bytes] = asyncio.Queue()

    async def to_first(message: AbstractIncomingMessage) -> None:
        await first.put(message.body)

    async def to_second(message: AbstractIncomingMessage) -> None:
        await second.put(message.body)

    await broker.consume_control(to_first)
    await broker.consume_control(to_second)
    await broker.publish_cancel(CancelSession(tenant="t", session_id="b" * 32))
    for inbox in (first, second):
        assert isinstance(parse_command(await asyncio.wait_for(inbox.get(), 10)), CancelSession)


async def test_events_are_routed_by_session_key(broker: Broker) -> None:
    inbox: asyncio.Queue[bytes] = asyncio.Queue()

    async def handle(message: AbstractIncomingMessage) -> None:
        assert message.routing_key == f"session.{'c' * 32}.chunk.progress"
        await inbox.put(message.body)

    await broker.consume_events(handle)
    event = ChunkProgress(tenant="t", session_id="c" * 32, chunk=3, counters=Counters(done=2))
    await broker.publish_event(event)
    got = parse_event(await asyncio.wait_for(inbox.get(), 10))
    assert isinstance(got, ChunkProgress)
    assert got.counters.done == 2
