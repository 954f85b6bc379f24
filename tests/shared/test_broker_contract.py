"""The broker adapter against the local RabbitMQ."""

from __future__ import annotations

import asyncio
import gc
import uuid

import aio_pika
import pytest
from aio_pika import RobustConnection
from aio_pika.abc import AbstractIncomingMessage
from aiormq.exceptions import ChannelPreconditionFailed

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
from shared.settings import CommonSettings
from shared.topology import Topology
from tests.conftest import drop_topology
from tests.services import free_port

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


def open_connections() -> list[RobustConnection]:
    gc.collect()
    return [
        obj for obj in gc.get_objects() if isinstance(obj, RobustConnection) and not obj.is_closed
    ]


async def test_failed_connection_attempts_leave_no_open_connection_behind(
    broker: Broker, common_settings: CommonSettings
) -> None:
    before = len(open_connections())
    nowhere = Broker(f"amqp://guest:guest@127.0.0.1:{free_port()}/", broker.topology)
    for _ in range(3):
        with pytest.raises(ConnectionError):
            await nowhere.connect(timeout=2)
        assert not nowhere.ready
    # Connected, then refused while declaring: a queue of that name exists with other
    # arguments (a classic queue where the topology wants a quorum queue).
    url = common_settings.amqp_url.get_secret_value()
    clash = Topology(f"dtest-{uuid.uuid4().hex[:10]}")
    async with await aio_pika.connect(url) as connection:
        channel = await connection.channel()
        await channel.declare_queue(clash.commands_queue, auto_delete=True)
        with pytest.raises(ChannelPreconditionFailed):
            await Broker(url, clash).connect(timeout=5)
    await drop_topology(url, clash)
    assert len(open_connections()) == before


async def test_connecting_again_replaces_the_previous_connection(
    broker: Broker, common_settings: CommonSettings
) -> None:
    again = Broker(common_settings.amqp_url.get_secret_value(), broker.topology)
    await again.connect()
    first = again.connection
    await again.connect()
    assert first.is_closed
    assert again.ready
    await again.close()
