"""Budgets on RabbitMQ: one bounded classic queue per window and key.

Taking a unit publishes one small message with publisher confirms to the queue of that
window and key (`Topology.budget_queue`): at most `limit` messages, each living
`hold_s`, publishes beyond the limit rejected. An ack means the unit is taken; a nack
means the window is spent. The broker alone counts, so there is no leader, no clock to
agree on, and nothing to clean up after a crash: the message expires by itself.

A queue is declared on first use and again before a quarter of its idle expiry has
passed, which both renews its lease (publishing alone does not) and keeps it alive until
every unit in it has expired.
"""

from __future__ import annotations

import asyncio
import time
import uuid

import aio_pika
import aiormq
from aio_pika.abc import AbstractRobustChannel, AbstractRobustConnection
from aio_pika.connection import make_url
from aio_pika.exceptions import AMQPError, DeliveryError
from aiormq.exceptions import ChannelInvalidStateError

from shared.broker.rabbit_topology import budget_queue_arguments
from shared.budget.protocol import BudgetUnavailable, Window
from shared.topology import BudgetQueueSpec, Topology

TAKE_TIMEOUT_S = 5.0
# Declarations remembered before the oldest are forgotten (each host fetched is one).
_REMEMBERED = 4096


class RabbitBudget:
    def __init__(self, url: str, topology: Topology) -> None:
        self._url = url
        self._topology = topology
        self._connection: AbstractRobustConnection | None = None
        self._channel: AbstractRobustChannel | None = None
        self._declared: dict[str, float] = {}

    async def connect(self, timeout: float = 10.0) -> None:
        await self.close()
        connection = aio_pika.RobustConnection(make_url(self._url))
        try:
            await connection.connect(timeout=timeout)
            channel = await connection.channel(publisher_confirms=True)
            assert isinstance(channel, AbstractRobustChannel)
        except BaseException:
            await connection.close()
            raise
        # A broker that came back may have lost queues of idle keys: declare them again.
        connection.reconnect_callbacks.add(lambda _connection: self._declared.clear())
        self._connection, self._channel = connection, channel

    async def close(self) -> None:
        if self._connection is not None:
            await self._connection.close()
        self._connection = self._channel = None
        self._declared.clear()

    async def try_take(self, window: Window, key: str) -> bool:
        hold_ms = round(window.hold_s * 1000)
        spec = self._topology.budget_queue(window.name, window.limit, hold_ms, key)
        if self._channel is None:
            raise BudgetUnavailable("not connected to RabbitMQ")
        try:
            async with asyncio.timeout(TAKE_TIMEOUT_S):
                return await self._take(self._channel, spec)
        except (AMQPError, ChannelInvalidStateError, ConnectionError, TimeoutError) as error:
            raise BudgetUnavailable(f"RabbitMQ: {type(error).__name__}") from error

    async def _take(self, channel: AbstractRobustChannel, spec: BudgetQueueSpec) -> bool:
        for _ in range(2):
            await self._declare(channel, spec)
            unit = aio_pika.Message(b"", message_id=uuid.uuid4().hex)
            try:
                answer = await channel.default_exchange.publish(
                    unit, routing_key=spec.name, mandatory=True
                )
            except DeliveryError:
                return False  # rejected: the queue holds `limit` live units
            if isinstance(answer, aiormq.spec.Basic.Ack):
                return True
            # Returned unroutable: the queue was deleted under us (by hand, or a broker
            # that lost it); declare it again and retry once.
            self._declared.pop(spec.name, None)
        raise BudgetUnavailable(f"the budget queue {spec.name} keeps disappearing")

    async def _declare(self, channel: AbstractRobustChannel, spec: BudgetQueueSpec) -> None:
        now = time.monotonic()
        declared = self._declared.get(spec.name)
        if declared is not None and now - declared < spec.expires_ms / 4000:
            return
        # Not robust: a reconnecting channel must not re-declare every host ever fetched.
        await channel.declare_queue(
            spec.name, durable=True, arguments=budget_queue_arguments(spec), robust=False
        )
        self._declared.pop(spec.name, None)
        self._declared[spec.name] = now
        if len(self._declared) > _REMEMBERED:
            del self._declared[next(iter(self._declared))]
