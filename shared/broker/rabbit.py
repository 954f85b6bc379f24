"""The broker on RabbitMQ, through aio-pika: topology, confirmed publishing, consumers.

Connections are robust (they reconnect and restore their queues and consumers by
themselves). Publishing waits for the broker's confirm. Work queues are consumed with
manual settlement through `RabbitDelivery`.
"""

from __future__ import annotations

import asyncio
import os
import socket
import uuid
from collections.abc import Awaitable, Callable, Sequence

import aio_pika
import structlog
from aio_pika.abc import (
    AbstractExchange,
    AbstractIncomingMessage,
    AbstractQueue,
    AbstractRobustChannel,
    AbstractRobustConnection,
)

from shared.broker.protocol import ControlHandler, DeliveryHandler, EventHandler, Subscription
from shared.broker.rabbit_connection import open_confirmed
from shared.broker.rabbit_delivery import DELIVERIES_HEADER, REASON_HEADER, RabbitDelivery
from shared.broker.rabbit_topology import declare_topology, queue_arguments
from shared.messages import (
    CancelSession,
    ChunkTask,
    EndSession,
    Message,
    RetrySession,
    StartSession,
)
from shared.topology import Topology

log = structlog.get_logger()
PUBLISH_TIMEOUT_S = 10
BROADCAST_PREFETCH = 256


def _owner() -> str:
    return f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:8]}"


class _Consumer:
    def __init__(self, queue: AbstractQueue, tag: str) -> None:
        self._queue = queue
        self._tag = tag

    async def cancel(self) -> None:
        await self._queue.cancel(self._tag)


class RabbitBroker:
    def __init__(self, url: str, topology: Topology) -> None:
        self._url = url
        self._topology = topology
        self._connection: AbstractRobustConnection | None = None
        self._channel: AbstractRobustChannel | None = None
        self._exchanges: dict[str, AbstractExchange] = {}
        self._reconnect_callbacks: list[Callable[[], None]] = []

    @property
    def topology(self) -> Topology:
        return self._topology

    async def connect(self, timeout: float = 10.0) -> None:
        await self.close()
        exchanges: dict[str, AbstractExchange] = {}

        async def prepare(channel: AbstractRobustChannel) -> None:
            await declare_topology(channel, self._topology)
            for spec in self._topology.exchanges:
                exchanges[spec.name] = await channel.get_exchange(spec.name)

        connection, channel = await open_confirmed(self._url, timeout, prepare)
        connection.reconnect_callbacks.add(self._reconnected)
        self._connection, self._channel, self._exchanges = connection, channel, exchanges

    def _reconnected(self, _connection: object, /) -> None:
        for callback in self._reconnect_callbacks:
            callback()

    def on_reconnect(self, callback: Callable[[], None]) -> None:
        self._reconnect_callbacks.append(callback)

    @property
    def ready(self) -> bool:
        return (
            self._connection is not None
            and not self._connection.is_closed
            and self._connection.connected.is_set()
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

    def _channel_or_raise(self) -> AbstractRobustChannel:
        if self._channel is None:
            raise ConnectionError("broker is not connected")
        return self._channel

    async def _publish(
        self,
        exchange: AbstractExchange,
        routing_key: str,
        body: bytes,
        kind: str | None,
        headers: dict[str, object] | None = None,
    ) -> None:
        message = aio_pika.Message(
            body,
            content_type="application/json",
            delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
            message_id=uuid.uuid4().hex,
            type=kind,
            headers=headers,  # type: ignore[arg-type]
        )
        # The confirm is awaited here: a publish that returns was accepted by the broker.
        await exchange.publish(message, routing_key=routing_key, timeout=PUBLISH_TIMEOUT_S)

    async def _publish_message(self, exchange: AbstractExchange, key: str, msg: Message) -> None:
        await self._publish(exchange, key, msg.to_bytes(), getattr(msg, "kind", None))

    async def publish_start(self, message: StartSession | RetrySession | EndSession) -> None:
        default = self._channel_or_raise().default_exchange
        await self._publish_message(default, self._topology.commands_queue, message)

    async def publish_chunk_tasks(self, tasks: Sequence[ChunkTask]) -> None:
        default = self._channel_or_raise().default_exchange
        queue = self._topology.chunks_queue
        await asyncio.gather(*(self._publish_message(default, queue, task) for task in tasks))

    async def publish_cancel(self, message: CancelSession) -> None:
        self._channel_or_raise()
        exchange = self._exchanges[self._topology.control_exchange]
        await self._publish_message(exchange, "", message)

    async def publish_event(self, event: Message) -> None:
        self._channel_or_raise()
        key = self._topology.event_routing_key(event.session_id, getattr(event, "kind", "event"))
        await self._publish_message(self._exchanges[self._topology.events_exchange], key, event)

    async def publish_dead_letter(
        self, exchange: str, queue: str, body: bytes, reason: str, attempt: int
    ) -> bool:
        """Route a given-up message to `exchange` with its reason; False if that failed."""
        try:
            self._channel_or_raise()
            headers: dict[str, object] = {REASON_HEADER: reason, DELIVERIES_HEADER: attempt}
            await self._publish(self._exchanges[exchange], queue, body, None, headers)
        except Exception as exc:
            log.warning("message.dead_letter_failed", error=repr(exc))
            return False
        return True

    async def consume_work(
        self, queue: str, handler: DeliveryHandler, prefetch: int
    ) -> Subscription:
        spec = self._topology.work_queue(queue)
        channel = await self.connection.channel()
        await channel.set_qos(prefetch_count=prefetch)
        declared = await channel.declare_queue(
            spec.name, durable=True, arguments=queue_arguments(spec)
        )

        async def deliver(message: AbstractIncomingMessage) -> None:
            await handler(RabbitDelivery(message, spec, self.publish_dead_letter))

        return _Consumer(declared, await declared.consume(deliver, no_ack=False))

    async def consume_control(self, handler: ControlHandler) -> None:
        async def deliver(message: AbstractIncomingMessage) -> None:
            await handler(message.body)

        await self._consume_private(self._topology.control_exchange, "", "control", deliver)

    async def consume_events(self, handler: EventHandler, binding: str | None = None) -> None:
        async def deliver(message: AbstractIncomingMessage) -> None:
            await handler(message.body, message.routing_key or "")

        await self._consume_private(
            self._topology.events_exchange,
            binding or self._topology.all_events_binding(),
            "events",
            deliver,
        )

    async def _consume_private(
        self,
        exchange: str,
        routing_key: str,
        role: str,
        deliver: Callable[[AbstractIncomingMessage], Awaitable[None]],
    ) -> None:
        channel = await self.connection.channel()
        await channel.set_qos(prefetch_count=BROADCAST_PREFETCH)
        queue = await channel.declare_queue(
            self._topology.private_queue_name(role, _owner()), exclusive=True, auto_delete=True
        )
        await queue.bind(exchange, routing_key=routing_key)
        await queue.consume(deliver, no_ack=True)
