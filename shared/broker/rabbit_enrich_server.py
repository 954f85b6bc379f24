"""Single-company requests consumed from RabbitMQ, each answered to its caller through
direct reply-to; a request whose caller stopped waiting has expired in the queue."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import aio_pika
import structlog
from aio_pika.abc import AbstractIncomingMessage, AbstractRobustChannel, AbstractRobustConnection
from pydantic import ValidationError

from shared.broker.rabbit_connection import open_confirmed
from shared.broker.rabbit_topology import declare_request_queue
from shared.enrich import EnrichReply, EnrichRequest
from shared.topology import Topology

log = structlog.get_logger()
Answer = Callable[[EnrichRequest], Awaitable[EnrichReply]]


class RabbitEnrichServer:
    def __init__(self, url: str, topology: Topology, answer: Answer, concurrency: int) -> None:
        self._url = url
        self._spec = topology.enrich_queue
        self._answer = answer
        self._concurrency = concurrency
        self._connection: AbstractRobustConnection | None = None
        self._channel: AbstractRobustChannel | None = None
        self._tag: str | None = None
        self._running: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        async def prepare(channel: AbstractRobustChannel) -> None:
            await declare_request_queue(channel, self._spec)

        self._connection, self._channel = await open_confirmed(self._url, 10.0, prepare)
        await self._channel.set_qos(prefetch_count=self._concurrency)
        queue = await self._channel.get_queue(self._spec.name)
        self._tag = await queue.consume(self._on_message)

    async def _on_message(self, message: AbstractIncomingMessage) -> None:
        task = asyncio.create_task(self._handle(message))
        self._running.add(task)
        task.add_done_callback(self._running.discard)

    async def _handle(self, message: AbstractIncomingMessage) -> None:
        try:
            request = EnrichRequest.model_validate_json(message.body)
        except ValidationError:
            log.warning("enrich.unreadable_request")
            await message.reject()
            return
        reply = await self._answer(request)
        if message.reply_to and self._channel is not None:
            await self._channel.default_exchange.publish(
                aio_pika.Message(reply.to_bytes(), correlation_id=message.correlation_id),
                routing_key=message.reply_to,
            )
        await message.ack()

    async def stop(self, grace_s: float = 10.0) -> None:
        if self._channel is not None and self._tag is not None:
            queue = await self._channel.get_queue(self._spec.name)
            await queue.cancel(self._tag)
        if self._running:
            await asyncio.wait(set(self._running), timeout=grace_s)
        if self._connection is not None:
            await self._connection.close()
