"""Requests on the enrich queue, replies through RabbitMQ's direct reply-to.

One connection per gateway process, opened on first use; every request carries a fresh
correlation id and an expiration equal to its timeout, so a request given up on is
dropped by the broker rather than worked on by a worker.
"""

from __future__ import annotations

import asyncio
import uuid

import aio_pika
import structlog
from aio_pika.abc import AbstractIncomingMessage, AbstractRobustChannel, AbstractRobustConnection
from pydantic import ValidationError

from shared.broker.enrich_protocol import EnrichTimeout
from shared.broker.rabbit_connection import open_confirmed
from shared.broker.rabbit_topology import declare_request_queue
from shared.enrich import EnrichReply, EnrichRequest
from shared.topology import DIRECT_REPLY_TO, Topology

log = structlog.get_logger()


class RabbitEnricher:
    def __init__(self, url: str, topology: Topology) -> None:
        self._url = url
        self._spec = topology.enrich_queue
        self._connection: AbstractRobustConnection | None = None
        self._channel: AbstractRobustChannel | None = None
        self._waiting: dict[str, asyncio.Future[EnrichReply]] = {}
        self._lock = asyncio.Lock()

    async def _open(self) -> AbstractRobustChannel:
        async with self._lock:
            if self._channel is not None and not self._channel.is_closed:
                return self._channel

            async def prepare(channel: AbstractRobustChannel) -> None:
                await declare_request_queue(channel, self._spec)
                replies = await channel.get_queue(DIRECT_REPLY_TO, ensure=False)
                await replies.consume(self._on_reply, no_ack=True)

            try:
                self._connection, self._channel = await open_confirmed(self._url, 5.0, prepare)
            except Exception as exc:
                raise ConnectionError(f"the message broker is not reachable ({exc})") from exc
            return self._channel

    async def _on_reply(self, message: AbstractIncomingMessage) -> None:
        waiting = self._waiting.pop(message.correlation_id or "", None)
        if waiting is None or waiting.done():
            return  # its caller timed out already
        try:
            waiting.set_result(EnrichReply.model_validate_json(message.body))
        except ValidationError as exc:
            waiting.set_exception(ConnectionError(f"unreadable reply ({exc.error_count()} errors)"))

    async def ask(self, request: EnrichRequest, timeout_s: float) -> EnrichReply:
        channel = await self._open()
        correlation = uuid.uuid4().hex
        answer: asyncio.Future[EnrichReply] = asyncio.get_running_loop().create_future()
        self._waiting[correlation] = answer
        message = aio_pika.Message(
            request.to_bytes(),
            content_type="application/json",
            correlation_id=correlation,
            reply_to=DIRECT_REPLY_TO,
            expiration=timeout_s,
        )
        try:
            async with asyncio.timeout(timeout_s):
                await channel.default_exchange.publish(message, routing_key=self._spec.name)
                return await answer
        except TimeoutError:
            raise EnrichTimeout(f"no answer within {timeout_s:g} s") from None
        finally:
            self._waiting.pop(correlation, None)

    async def close(self) -> None:
        if self._connection is not None:
            await self._connection.close()
