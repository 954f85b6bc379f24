"""What the services need from the message broker, whatever carries the messages.

- Work queues (start commands, chunk tasks, dead chunks) deliver each message to one
  consumer at a time; the consumer settles every `Delivery` once: `ack`, `requeue` or
  `dead_letter`. A delivery left unsettled when its consumer goes away comes back,
  counted as another attempt; past the queue's delivery limit the broker dead-letters it.
- The control fanout reaches every subscribed process; events reach every subscriber
  whose binding matches the routing key `session.<id>.<kind>`. Both are at most once.
- Publishing returns once the broker accepted the message.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from shared.messages import (
    CancelSession,
    ChunkTask,
    EndSession,
    Message,
    RetrySession,
    StartSession,
)
from shared.topology import Topology

DELIVERY_LIMIT_REASON = (
    "delivery limit reached: the chunk kept failing or its workers kept stopping"
)


@dataclass(frozen=True)
class Death:
    """Why a message reached a dead-letter queue, and after how many deliveries."""

    reason: str
    attempts: int


class Delivery(Protocol):
    """One delivery of a work-queue message."""

    @property
    def body(self) -> bytes: ...

    @property
    def message_id(self) -> str | None: ...

    @property
    def attempt(self) -> int:
        """How many times this message was delivered on its queue, counting this one."""

    @property
    def final_attempt(self) -> bool:
        """Returned once more, the broker would dead-letter it (delivery limit reached)."""

    @property
    def redelivered(self) -> bool: ...

    @property
    def death(self) -> Death | None:
        """Set on dead-letter queues: why and when the message died."""

    async def ack(self) -> None: ...

    async def requeue(self, delay: float) -> None:
        """Give the message back for another attempt after `delay` seconds."""

    async def dead_letter(self, reason: str) -> None:
        """Give up: the message goes to the queue's dead letters (if any) with `reason`."""


DeliveryHandler = Callable[[Delivery], Awaitable[None]]
# A broadcast's body (control), or its body and routing key (events).
ControlHandler = Callable[[bytes], Awaitable[None]]
EventHandler = Callable[[bytes, str], Awaitable[None]]


class Subscription(Protocol):
    async def cancel(self) -> None:
        """Take no more messages; unsettled deliveries stay with their handlers."""


class Publisher(Protocol):
    @property
    def ready(self) -> bool: ...

    async def publish_start(self, message: StartSession | RetrySession | EndSession) -> None: ...
    async def publish_chunk_tasks(self, tasks: Sequence[ChunkTask]) -> None: ...
    async def publish_cancel(self, message: CancelSession) -> None: ...
    async def publish_event(self, event: Message) -> None: ...


class Subscriber(Protocol):
    async def consume_work(
        self, queue: str, handler: DeliveryHandler, prefetch: int
    ) -> Subscription: ...

    async def consume_control(self, handler: ControlHandler) -> None:
        """This process's own queue on the control fanout."""

    async def consume_events(self, handler: EventHandler, binding: str | None = None) -> None:
        """This process's own queue on the events exchange (default: every session)."""

    def on_reconnect(self, callback: Callable[[], None]) -> None:
        """Call `callback` each time the connection comes back after an outage."""


class Broker(Publisher, Subscriber, Protocol):
    @property
    def topology(self) -> Topology: ...

    async def connect(self, timeout: float = 10.0) -> None:
        """Connect and declare the topology; a failed attempt leaves nothing open."""

    async def close(self) -> None: ...
