"""RabbitMQ adapter on aio-pika: topology, confirmed publishing and consumers.

Connections are robust (they reconnect and restore their queues and consumers by
themselves). Publishing waits for the broker's confirm. Consumers of work queues ack
manually; the caller decides when.
"""

from __future__ import annotations

import asyncio
import os
import socket
import uuid
from collections.abc import Awaitable, Callable, Sequence

import aio_pika
from aio_pika.abc import (
    AbstractExchange,
    AbstractIncomingMessage,
    AbstractRobustChannel,
    AbstractRobustConnection,
)
from aio_pika.connection import make_url

from shared.messages import CancelSession, ChunkTask, Message, StartSession
from shared.topology import CHUNK_DELIVERY_LIMIT, Topology

Handler = Callable[[AbstractIncomingMessage], Awaitable[None]]


def _unique_suffix() -> str:
    return f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:8]}"


def work_queue_arguments(topology: Topology) -> dict[str, object]:
    return {
        "x-queue-type": "quorum",
        "x-delivery-limit": CHUNK_DELIVERY_LIMIT,
        "x-dead-letter-exchange": topology.dead_letter_exchange,
    }


async def declare_topology(channel: AbstractRobustChannel, topology: Topology) -> None:
    """Declare every exchange and shared queue; safe to run from every process."""
    dead = await channel.declare_exchange(
        topology.dead_letter_exchange, aio_pika.ExchangeType.DIRECT, durable=True
    )
    dead_chunks = await channel.declare_queue(
        topology.dead_chunks_queue, durable=True, arguments={"x-queue-type": "quorum"}
    )
    await dead_chunks.bind(dead, routing_key=topology.chunks_queue)
    for name in (topology.commands_queue, topology.chunks_queue):
        await channel.declare_queue(name, durable=True, arguments=work_queue_arguments(topology))
    await channel.declare_exchange(
        topology.control_exchange, aio_pika.ExchangeType.FANOUT, durable=True
    )
    await channel.declare_exchange(
        topology.events_exchange, aio_pika.ExchangeType.TOPIC, durable=True
    )


async def delete_topology(channel: AbstractRobustChannel, topology: Topology) -> None:
    """Remove what `declare_topology` made (tests clean up their unique prefixes)."""
    for queue in (topology.commands_queue, topology.chunks_queue, topology.dead_chunks_queue):
        await channel.queue_delete(queue)
    for exchange in (
        topology.dead_letter_exchange,
        topology.control_exchange,
        topology.events_exchange,
    ):
        await channel.exchange_delete(exchange)


class Broker:
    def __init__(self, url: str, topology: Topology) -> None:
        self._url = url
        self.topology = topology
        self._connection: AbstractRobustConnection | None = None
        self._channel: AbstractRobustChannel | None = None
        self._exchanges: dict[str, AbstractExchange] = {}

    async def connect(self, timeout: float = 10.0) -> None:
        # Services call this again and again while the broker is away: a failed attempt
        # must close its connection, or each one leaves a live connection object behind.
        await self.close()
        connection = aio_pika.RobustConnection(make_url(self._url))
        try:
            await connection.connect(timeout=timeout)
            channel = await connection.channel(publisher_confirms=True)
            assert isinstance(channel, AbstractRobustChannel)
            await declare_topology(channel, self.topology)
            exchanges = {
                name: await channel.get_exchange(name)
                for name in (self.topology.control_exchange, self.topology.events_exchange)
            }
        except BaseException:
            await connection.close()
            raise
        self._connection, self._channel, self._exchanges = connection, channel, exchanges

    @property
    def ready(self) -> bool:
        return (
            self._connection is not None
            and not self._connection.is_closed
            and self._channel is not None
            and not self._channel.is_closed
        )

    @property
    def connection(self) -> AbstractRobustConnection:
        if self._connection is None:
            raise RuntimeError("broker is not connected")
        return self._connection

    async def close(self) -> None:
        if self._connection is not None:
            await self._connection.close()
        self._connection = None
        self._channel = None

    async def _publish(
        self, exchange: AbstractExchange, routing_key: str, message: Message
    ) -> None:
        body = aio_pika.Message(
            message.to_bytes(),
            content_type="application/json",
            delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
            message_id=uuid.uuid4().hex,
            type=getattr(message, "kind", None),
        )
        # The confirm is awaited here: a publish that returns was accepted by the broker.
        await exchange.publish(body, routing_key=routing_key, timeout=10)

    def _channel_or_raise(self) -> AbstractRobustChannel:
        if self._channel is None:
            raise RuntimeError("broker is not connected")
        return self._channel

    async def publish_start(self, message: StartSession) -> None:
        channel = self._channel_or_raise()
        await self._publish(channel.default_exchange, self.topology.commands_queue, message)

    async def publish_chunk_tasks(self, tasks: Sequence[ChunkTask]) -> None:
        channel = self._channel_or_raise()
        await asyncio.gather(
            *(self._publish(channel.default_exchange, self.topology.chunks_queue, t) for t in tasks)
        )

    async def publish_cancel(self, message: CancelSession) -> None:
        self._channel_or_raise()
        await self._publish(self._exchanges[self.topology.control_exchange], "", message)

    async def publish_event(self, event: Message) -> None:
        self._channel_or_raise()
        key = self.topology.event_routing_key(event.session_id, getattr(event, "kind", "event"))
        await self._publish(self._exchanges[self.topology.events_exchange], key, event)

    async def consume_queue(self, queue_name: str, handler: Handler, prefetch: int) -> None:
        """Consume a shared work queue with manual ack; `handler` acks or rejects."""
        channel = await self.connection.channel()
        await channel.set_qos(prefetch_count=prefetch)
        queue = await channel.declare_queue(
            queue_name, durable=True, passive=False, arguments=self._queue_arguments(queue_name)
        )
        await queue.consume(handler, no_ack=False)

    def _queue_arguments(self, queue_name: str) -> dict[str, object]:
        if queue_name == self.topology.dead_chunks_queue:
            return {"x-queue-type": "quorum"}
        return work_queue_arguments(self.topology)

    async def consume_control(self, handler: Handler) -> None:
        """Each process gets its own exclusive queue on the control fanout."""
        await self._consume_exclusive(self.topology.control_exchange, "", "control", handler)

    async def consume_events(self, handler: Handler, binding: str | None = None) -> None:
        """Each notifier replica gets its own exclusive queue on the events exchange."""
        await self._consume_exclusive(
            self.topology.events_exchange,
            binding or self.topology.all_events_binding(),
            "events",
            handler,
        )

    async def _consume_exclusive(
        self, exchange_name: str, routing_key: str, role: str, handler: Handler
    ) -> None:
        channel = await self.connection.channel()
        await channel.set_qos(prefetch_count=256)
        queue = await channel.declare_queue(
            f"{self.topology.prefix}.{role}.{_unique_suffix()}", exclusive=True, auto_delete=True
        )
        await queue.bind(exchange_name, routing_key=routing_key)
        await queue.consume(handler, no_ack=True)
