"""An in-memory `Broker` for fast tests: one per simulated process, all on one `MemoryBus`."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import structlog

from shared.broker.memory_bus import Envelope, MemoryBus, WorkConsumer, topic_matches
from shared.broker.protocol import (
    ControlHandler,
    Death,
    DeliveryHandler,
    EventHandler,
    Subscription,
)
from shared.messages import (
    CancelSession,
    ChunkTask,
    EndSession,
    Message,
    RetrySession,
    StartSession,
)
from shared.topology import ExchangeKind, Topology

log = structlog.get_logger()


class MemoryDelivery:
    def __init__(self, envelope: Envelope, consumer: WorkConsumer, bus: MemoryBus) -> None:
        self._envelope = envelope
        self._consumer = consumer
        self._bus = bus
        self._settled = False

    @property
    def body(self) -> bytes:
        return self._envelope.body

    @property
    def message_id(self) -> str | None:
        return self._envelope.message_id

    @property
    def attempt(self) -> int:
        return self._envelope.attempt

    @property
    def final_attempt(self) -> bool:
        limit = self._bus.queues[self._consumer.queue].spec.delivery_limit
        return limit is not None and self.attempt > limit

    @property
    def redelivered(self) -> bool:
        return self._envelope.returns > 0

    @property
    def death(self) -> Death | None:
        return self._envelope.death

    def _release(self) -> bool:
        """Take this delivery off its consumer; False when it is no longer held."""
        if self._settled or self not in self._consumer.unsettled:
            log.warning("message.settle_failed", error="delivery no longer held")
            return False
        self._settled = True
        self._consumer.unsettled.discard(self)
        return True

    def returned(self) -> None:
        """The connection dropped with this delivery unsettled."""
        self._settled = True
        self._bus.give_back(self._consumer.queue, self._envelope)

    async def ack(self) -> None:
        await asyncio.sleep(0)
        if self._release():
            self._bus.dispatch(self._consumer.queue)

    async def requeue(self, delay: float) -> None:
        await asyncio.sleep(delay)
        if self._release():
            self._bus.give_back(self._consumer.queue, self._envelope)
            self._bus.dispatch(self._consumer.queue)

    async def dead_letter(self, reason: str) -> None:
        await asyncio.sleep(0)
        if self._release():
            self._bus.dead_letter(self._consumer.queue, self._envelope, Death(reason, self.attempt))
            self._bus.dispatch(self._consumer.queue)


class _WorkSubscription:
    def __init__(self, consumer: WorkConsumer) -> None:
        self._consumer = consumer

    async def cancel(self) -> None:
        self._consumer.active = False


@dataclass(eq=False)
class _Broadcasts:
    """This process's exclusive queue on a broadcast exchange, drained in order."""

    exchange: str
    binding: str
    inbox: asyncio.Queue[tuple[bytes, str]] = field(default_factory=asyncio.Queue)
    pump: asyncio.Task[None] | None = None


class MemoryBroker:
    def __init__(self, bus: MemoryBus) -> None:
        self._bus = bus
        self.connected = False
        self._consumers: list[WorkConsumer] = []
        self._broadcasts: list[_Broadcasts] = []
        self._reconnect_callbacks: list[Callable[[], None]] = []
        self._handlers: set[asyncio.Task[None]] = set()
        self._kinds = {spec.name: spec.kind for spec in bus.topology.exchanges}

    @property
    def topology(self) -> Topology:
        return self._bus.topology

    @property
    def ready(self) -> bool:
        return self.connected and self._bus.up

    async def connect(self, timeout: float = 10.0) -> None:
        await asyncio.sleep(0)
        if not self._bus.up:
            raise ConnectionError("the in-memory broker is down")
        self.connected = True
        self._bus.brokers.add(self)

    async def close(self) -> None:
        # Gone before its deliveries return: none of them may come back to it.
        self.connected = False
        self._bus.brokers.discard(self)
        for consumer in self._consumers:
            self._bus.queues[consumer.queue].consumers.remove(consumer)
        self.connection_lost()
        pumps = [b.pump for b in self._broadcasts if b.pump is not None]
        for pump in pumps:
            pump.cancel()
        # Awaited, so no pump outlives its broker as a pending task.
        await asyncio.gather(*pumps, return_exceptions=True)
        self._consumers.clear()
        self._broadcasts.clear()

    def on_reconnect(self, callback: Callable[[], None]) -> None:
        self._reconnect_callbacks.append(callback)

    def connection_lost(self) -> None:
        for consumer in self._consumers:
            for delivery in list(consumer.unsettled):
                consumer.unsettled.discard(delivery)
                delivery.returned()
        for broadcasts in self._broadcasts:
            while not broadcasts.inbox.empty():
                broadcasts.inbox.get_nowait()

    def connection_restored(self) -> None:
        if self.connected:
            for callback in self._reconnect_callbacks:
                callback()

    def _require_ready(self) -> None:
        if not self.ready:
            raise ConnectionError("broker is not connected")

    # --- publishing ------------------------------------------------------------------

    async def _send(self, queue: str, message: Message) -> None:
        await asyncio.sleep(0)
        self._require_ready()
        self._bus.enqueue(queue, Envelope(message.to_bytes(), self._bus.new_id()))

    async def publish_start(self, message: StartSession | RetrySession | EndSession) -> None:
        await self._send(self.topology.commands_queue, message)

    async def publish_chunk_tasks(self, tasks: Sequence[ChunkTask]) -> None:
        for task in tasks:
            await self._send(self.topology.chunks_queue, task)

    async def publish_cancel(self, message: CancelSession) -> None:
        await asyncio.sleep(0)
        self._require_ready()
        self._bus.broadcast(self.topology.control_exchange, "", message.to_bytes())

    async def publish_event(self, event: Message) -> None:
        await asyncio.sleep(0)
        self._require_ready()
        key = self.topology.event_routing_key(event.session_id, getattr(event, "kind", "event"))
        self._bus.broadcast(self.topology.events_exchange, key, event.to_bytes())

    # --- consuming -------------------------------------------------------------------

    async def consume_work(
        self, queue: str, handler: DeliveryHandler, prefetch: int
    ) -> Subscription:
        self._require_ready()
        self.topology.work_queue(queue)  # unknown names fail as a broker would refuse them

        def deliver(envelope: Envelope) -> MemoryDelivery:
            delivery = MemoryDelivery(envelope, consumer, self._bus)

            async def handle() -> None:
                await handler(delivery)

            task = asyncio.get_running_loop().create_task(handle())
            self._handlers.add(task)
            task.add_done_callback(self._handlers.discard)
            return delivery

        consumer = WorkConsumer(self, queue, deliver, prefetch)
        self._consumers.append(consumer)
        self._bus.queues[queue].consumers.append(consumer)
        self._bus.dispatch(queue)
        return _WorkSubscription(consumer)

    async def consume_control(self, handler: ControlHandler) -> None:
        async def handle(body: bytes, _key: str) -> None:
            await handler(body)

        self._subscribe(self.topology.control_exchange, "#", handle)

    async def consume_events(self, handler: EventHandler, binding: str | None = None) -> None:
        pattern = binding or self.topology.all_events_binding()
        self._subscribe(self.topology.events_exchange, pattern, handler)

    def _subscribe(self, exchange: str, binding: str, handler: EventHandler) -> None:
        self._require_ready()
        broadcasts = _Broadcasts(exchange, binding)
        broadcasts.pump = asyncio.get_running_loop().create_task(self._pump(broadcasts, handler))
        self._broadcasts.append(broadcasts)

    async def _pump(self, broadcasts: _Broadcasts, handler: EventHandler) -> None:
        while True:
            body, key = await broadcasts.inbox.get()
            try:
                await handler(body, key)
            except Exception as exc:
                log.warning("broadcast.handler_failed", routing_key=key, error=repr(exc))

    def receive_broadcast(self, exchange: str, routing_key: str, body: bytes) -> None:
        if not self.ready:
            return
        for broadcasts in self._broadcasts:
            if broadcasts.exchange != exchange:
                continue
            fanout = self._kinds[exchange] is ExchangeKind.FANOUT
            if fanout or topic_matches(broadcasts.binding, routing_key):
                broadcasts.inbox.put_nowait((body, routing_key))
