"""One delivery of a RabbitMQ work-queue message, settled by the worker's consumer."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import structlog
from aio_pika.abc import AbstractIncomingMessage

from shared.broker.protocol import DELIVERY_LIMIT_REASON, Death
from shared.topology import WorkQueueSpec

log = structlog.get_logger()
REASON_HEADER = "x-dossier-reason"
DELIVERIES_HEADER = "x-dossier-deliveries"
# (exchange, routing key, body, reason, attempts) -> whether the broker accepted it.
DeadLetterPublish = Callable[[str, str, bytes, str, int], Awaitable[bool]]


class RabbitDelivery:
    def __init__(
        self, message: AbstractIncomingMessage, spec: WorkQueueSpec, publish: DeadLetterPublish
    ) -> None:
        self._message = message
        self._spec = spec
        self._publish_dead_letter = publish

    @property
    def body(self) -> bytes:
        return self._message.body

    @property
    def message_id(self) -> str | None:
        return self._message.message_id

    @property
    def redelivered(self) -> bool:
        return bool(self._message.redelivered)

    @property
    def attempt(self) -> int:
        headers = self._message.headers or {}
        return int(str(headers.get("x-delivery-count") or 0)) + 1

    @property
    def final_attempt(self) -> bool:
        return self._spec.delivery_limit is not None and self.attempt > self._spec.delivery_limit

    @property
    def death(self) -> Death | None:
        headers = self._message.headers or {}
        if headers.get(REASON_HEADER):
            return Death(str(headers[REASON_HEADER]), int(str(headers[DELIVERIES_HEADER])))
        first_death = headers.get("x-first-death-reason")
        if first_death is None:
            return None
        if first_death == "delivery_limit":
            return Death(DELIVERY_LIMIT_REASON, self.attempt)
        return Death(str(first_death), self.attempt)

    async def ack(self) -> None:
        await _settle(self._message.ack())

    async def requeue(self, delay: float) -> None:
        await asyncio.sleep(delay)
        await _settle(self._message.nack(requeue=True))

    async def dead_letter(self, reason: str) -> None:
        exchange = self._spec.dead_letter_exchange
        if exchange is not None and await self._publish_dead_letter(
            exchange, self._spec.name, self.body, reason, self.attempt
        ):
            await self.ack()
            return
        # Without the reason, but the queue's own dead-lettering still applies.
        await _settle(self._message.reject(requeue=False))


async def _settle(settlement: Awaitable[None]) -> None:
    """Settling on a channel the broker already closed fails; it redelivers anyway."""
    try:
        await settlement
    except Exception as exc:
        log.warning("message.settle_failed", error=repr(exc))
