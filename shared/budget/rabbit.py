"""Budgets on RabbitMQ: one bounded classic queue per budget and key.

Taking a unit, or a slot, publishes one small message with publisher confirms to the
queue of that budget and key (`Topology.budget_queue`): at most `limit` messages, each
living the window's hold time (or the slots' lease), publishes beyond the limit
rejected. An ack means taken; a nack means spent. The broker alone counts, so there is no
leader, no clock to agree on, and nothing to clean up after a crash: every message
expires by itself.

Releasing a slot removes one message with `basic.get`: the oldest live one, whoever
published it. Messages are alike, so the count is what matters, and it stays at least
the number of live holders: a message expires only when it is the oldest, after every
holder granted before it has had its whole lease; a release is only sent while the
holder's own message is surely still there (`RELEASE_MARGIN_S`).

No call to the broker is ever cancelled half-way: the channel library closes a channel
whose request was cancelled before its answer came, which would fail every other
request on the shared channel and let the late answer land on a newer request's future.
A caller that stops waiting (`TAKE_TIMEOUT_S`, or its own cancellation) leaves the request
to finish in the background.

A queue is declared on first use and again before a quarter of its idle expiry has
passed, which both renews its lease (publishing alone does not) and keeps it alive until
every message in it has expired.

Built with `connect_on_use`, the budget connects on its first use, and again on a use
after a failed attempt, instead of at start: a service that must keep serving while the
broker is away (the gateway) answers that use with `BudgetUnavailable` meanwhile.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Awaitable
from typing import TypeVar

import aio_pika
import aiormq
import structlog
from aio_pika.abc import AbstractRobustChannel, AbstractRobustConnection
from aio_pika.exceptions import AMQPError, DeliveryError
from aiormq.exceptions import ChannelInvalidStateError

from shared.broker.rabbit_connection import open_confirmed
from shared.broker.rabbit_topology import budget_queue_arguments
from shared.budget.protocol import RELEASE_MARGIN_S, BudgetUnavailable, Lease, Slots, Window
from shared.topology import BudgetQueueSpec, Topology

log = structlog.get_logger()
TAKE_TIMEOUT_S = 5.0
_FAILURES = (AMQPError, ChannelInvalidStateError, ConnectionError, TimeoutError)
# Declarations remembered before the oldest are forgotten (each host fetched is one).
_REMEMBERED = 4096
T = TypeVar("T")


class RabbitBudget:
    def __init__(self, url: str, topology: Topology, *, connect_on_use: bool = False) -> None:
        self._url = url
        self._topology = topology
        self._connect_on_use = connect_on_use
        self._connecting = asyncio.Lock()
        self._connection: AbstractRobustConnection | None = None
        self._channel: AbstractRobustChannel | None = None
        self._declared: dict[str, float] = {}
        self._in_flight: set[asyncio.Task[object]] = set()

    async def connect(self, timeout: float = 10.0) -> None:
        await self.close()
        connection, channel = await open_confirmed(self._url, timeout)
        # A broker that came back may have lost queues of idle keys: declare them again.
        connection.reconnect_callbacks.add(lambda _connection: self._declared.clear())
        self._connection, self._channel = connection, channel

    async def close(self) -> None:
        if self._connection is not None:
            await self._connection.close()
        self._connection = self._channel = None
        self._declared.clear()

    async def try_take(self, window: Window, key: str) -> bool:
        spec = self._spec(window.name, window.limit, window.hold_s, key)
        return await self._publish(spec)

    async def try_hold(self, slots: Slots, key: str) -> Lease | None:
        spec = self._spec(slots.name, slots.limit, slots.lease_s, key)
        if not await self._publish(spec):
            return None
        return _RabbitLease(self, spec.name, slots.lease_s - RELEASE_MARGIN_S)

    def _spec(self, name: str, limit: int, seconds: float, key: str) -> BudgetQueueSpec:
        return self._topology.budget_queue(name, limit, round(seconds * 1000), key)

    def _channel_or_raise(self) -> AbstractRobustChannel:
        if self._channel is None:
            raise BudgetUnavailable("not connected to RabbitMQ")
        return self._channel

    async def _connected(self) -> None:
        if self._channel is not None or not self._connect_on_use:
            return
        async with self._connecting:
            if self._channel is None:
                try:
                    await self.connect(timeout=TAKE_TIMEOUT_S)
                except (*_FAILURES, OSError) as error:
                    raise BudgetUnavailable(f"RabbitMQ: {type(error).__name__}") from error

    async def _publish(self, spec: BudgetQueueSpec) -> bool:
        await self._connected()
        channel = self._channel_or_raise()
        try:
            return await self._uncancelled(self._publish_now(channel, spec))
        except _FAILURES as error:
            raise BudgetUnavailable(f"RabbitMQ: {type(error).__name__}") from error

    async def _publish_now(self, channel: AbstractRobustChannel, spec: BudgetQueueSpec) -> bool:
        for _ in range(2):
            await self._declare(channel, spec)
            unit = aio_pika.Message(b"", message_id=uuid.uuid4().hex)
            try:
                answer = await channel.default_exchange.publish(
                    unit, routing_key=spec.name, mandatory=True
                )
            except DeliveryError:
                return False  # rejected: the queue holds `limit` live messages
            if isinstance(answer, aiormq.spec.Basic.Ack):
                return True
            # Returned unroutable: the queue was deleted under us (by hand, or a
            # broker that lost it); declare it again and retry once.
            self._declared.pop(spec.name, None)
        raise BudgetUnavailable(f"the budget queue {spec.name} keeps disappearing")

    async def _uncancelled(self, request: Awaitable[T]) -> T:
        """Wait up to `TAKE_TIMEOUT_S` for a request that is never cancelled half-way."""
        task: asyncio.Task[T] = asyncio.ensure_future(request)
        self._in_flight.add(task)
        task.add_done_callback(self._forget)
        return await asyncio.wait_for(asyncio.shield(task), TAKE_TIMEOUT_S)

    def _forget(self, task: asyncio.Task[object]) -> None:
        self._in_flight.discard(task)
        if not task.cancelled():
            task.exception()  # read, so a request nobody waits for any more logs nothing

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

    async def remove_one(self, queue: str) -> None:
        """A slot's release: one message fewer, whichever (they are alike)."""
        channel = self._channel_or_raise()

        async def get_one() -> None:
            declared = await channel.get_queue(queue, ensure=False)
            await declared.get(no_ack=True, fail=False, timeout=None)

        await self._uncancelled(get_one())


class _RabbitLease:
    def __init__(self, store: RabbitBudget, queue: str, releasable_s: float) -> None:
        self._store = store
        self._queue = queue
        self._until = time.monotonic() + releasable_s
        self._released = False

    async def release(self) -> None:
        if self._released or time.monotonic() >= self._until:
            return
        self._released = True
        try:
            await self._store.remove_one(self._queue)
        except Exception as error:
            # Best effort, and never fails its holder: an unsent release lets the lease run out.
            log.warning("budget.release_failed", queue=self._queue, error=repr(error))
