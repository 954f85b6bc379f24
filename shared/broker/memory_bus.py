"""The in-memory broker's server: queues and routing shared by every `MemoryBroker`.

One `MemoryBus` stands for one RabbitMQ; each `MemoryBroker` attached to it stands for
one process's connection. The bus keeps RabbitMQ's semantics that the services rely on:
FIFO work queues with prefetch, unsettled deliveries returned (and counted) when their
connection drops, the delivery limit and dead-letter routing of `shared.topology`,
fanout and topic broadcasts that are lost while a subscriber is disconnected.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from shared.broker.protocol import DELIVERY_LIMIT_REASON, Death
from shared.topology import Topology, WorkQueueSpec

if TYPE_CHECKING:
    from shared.broker.memory import MemoryBroker, MemoryDelivery


@dataclass(frozen=True)
class Envelope:
    body: bytes
    message_id: str
    returns: int = 0  # earlier deliveries on this queue that ended without an ack
    death: Death | None = None

    @property
    def attempt(self) -> int:
        return self.returns + 1


@dataclass(eq=False)
class WorkConsumer:
    broker: MemoryBroker
    queue: str
    deliver: Callable[[Envelope], MemoryDelivery]
    prefetch: int
    unsettled: set[MemoryDelivery] = field(default_factory=set)
    active: bool = True


def topic_matches(pattern: str, key: str) -> bool:
    """AMQP topic matching: `*` is one word, `#` is zero or more words."""

    def match(p: list[str], k: list[str]) -> bool:
        if not p:
            return not k
        if p[0] == "#":
            return any(match(p[1:], k[i:]) for i in range(len(k) + 1))
        return bool(k) and (p[0] in ("*", k[0])) and match(p[1:], k[1:])

    return match(pattern.split("."), key.split("."))


class WorkQueue:
    def __init__(self, spec: WorkQueueSpec) -> None:
        self.spec = spec
        self.messages: deque[Envelope] = deque()
        self.consumers: list[WorkConsumer] = []
        self._turn = itertools.count()


class MemoryBus:
    def __init__(self, topology: Topology | None = None) -> None:
        self.topology = topology or Topology("memory")
        self.queues = {spec.name: WorkQueue(spec) for spec in self.topology.work_queues}
        self.brokers: set[MemoryBroker] = set()
        self.up = True
        self._ids = itertools.count(1)

    def new_id(self) -> str:
        return f"m{next(self._ids)}"

    def depth(self, queue: str) -> int:
        """Messages waiting in `queue` (not counting those delivered and unsettled)."""
        return len(self.queues[queue].messages)

    def enqueue(self, queue: str, envelope: Envelope) -> None:
        self.queues[queue].messages.append(envelope)
        self.dispatch(queue)

    def dispatch(self, queue: str) -> None:
        target = self.queues[queue]
        while self.up and target.messages:
            ready = [
                c
                for c in target.consumers
                if c.active and c.broker.connected and len(c.unsettled) < c.prefetch
            ]
            if not ready:
                return
            consumer = ready[next(target._turn) % len(ready)]
            consumer.unsettled.add(consumer.deliver(target.messages.popleft()))

    def give_back(self, queue: str, envelope: Envelope) -> None:
        """A delivery ended without an ack: count it, then retry or dead-letter it."""
        spec = self.queues[queue].spec
        returned = replace(envelope, returns=envelope.returns + 1)
        if spec.delivery_limit is not None and returned.returns > spec.delivery_limit:
            self.dead_letter(queue, returned, Death(DELIVERY_LIMIT_REASON, envelope.attempt))
        else:
            self.enqueue(queue, returned)

    def dead_letter(self, queue: str, envelope: Envelope, death: Death) -> None:
        exchange = self.queues[queue].spec.dead_letter_exchange
        for binding in self.topology.bindings:
            if binding.exchange == exchange and binding.routing_key == queue:
                self.enqueue(binding.queue, Envelope(envelope.body, envelope.message_id, 0, death))

    def broadcast(self, exchange: str, routing_key: str, body: bytes) -> None:
        for broker in list(self.brokers):
            broker.receive_broadcast(exchange, routing_key, body)

    def interrupt(self) -> None:
        """The broker goes away: every connection drops, unsettled deliveries return."""
        self.up = False
        for broker in list(self.brokers):
            broker.connection_lost()

    def restore(self) -> None:
        """The broker is back: connections recover, consumers resume."""
        self.up = True
        for broker in list(self.brokers):
            broker.connection_restored()
        for name in self.queues:
            self.dispatch(name)
