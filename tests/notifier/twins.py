"""The notifier's hub and event consumer on the in-memory twins, for unit tests.

A worker's broker connection and the notifier's share one `MemoryBus`; sessions live in a
`MemoryStore` whose reads can be held back, so a test decides what happens while the hub
reads a snapshot. Connections are the real `Connection` writing to a socket that records
every frame.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from typing import Any

import orjson

from notifier.connection import Connection
from notifier.consumer import EventConsumer
from notifier.hub import Hub
from notifier.metrics import Metrics
from shared.broker.memory import MemoryBroker
from shared.broker.memory_bus import MemoryBus
from shared.broker.protocol import EventHandler
from shared.messages import Message
from shared.status import SessionStateReader
from shared.storage.memory import MemoryStore
from shared.storage.protocol import ObjectInfo
from worker.events import publish_safely

WAIT = 5.0


async def wait_for(condition: asyncio.Condition, predicate: Callable[[], bool]) -> None:
    async with asyncio.timeout(WAIT), condition:
        await condition.wait_for(predicate)


class Socket:
    """The client's end of a connection: every frame its writer sends, decoded."""

    def __init__(self) -> None:
        self.frames: list[dict[str, Any]] = []
        self._sent = asyncio.Condition()

    async def send_text(self, text: str) -> None:
        async with self._sent:
            self.frames.append(orjson.loads(text))
            self._sent.notify_all()

    async def wait_frames(self, count: int) -> list[dict[str, Any]]:
        await wait_for(self._sent, lambda: len(self.frames) >= count)
        return self.frames

    def of(self, session_id: str) -> list[dict[str, Any]]:
        return [frame for frame in self.frames if frame.get("session_id") == session_id]


class SlowStore(MemoryStore):
    """Reads wait while the store is paused, like a storage read that takes a while."""

    def __init__(self) -> None:
        super().__init__()
        self._open = asyncio.Event()
        self._open.set()
        self._waiting = 0
        self._changed = asyncio.Condition()

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        self._open.clear()
        try:
            yield
        finally:
            self._open.set()

    async def read_started(self) -> None:
        """Wait until some read is held back by the pause."""
        await wait_for(self._changed, lambda: self._waiting > 0)

    async def _wait_open(self) -> None:
        async with self._changed:
            self._waiting += 1
            self._changed.notify_all()
        try:
            await self._open.wait()
        finally:
            self._waiting -= 1

    async def get_bytes(self, key: str) -> bytes:
        await self._wait_open()
        return await super().get_bytes(key)

    async def list_objects(self, prefix: str, start_after: str | None = None) -> list[ObjectInfo]:
        await self._wait_open()
        return await super().list_objects(prefix, start_after)

    async def list_level(self, prefix: str) -> tuple[list[ObjectInfo], list[str]]:
        await self._wait_open()
        return await super().list_level(prefix)


class ObservedBroker(MemoryBroker):
    """A process's broker connection that counts its attempts to connect and the events its
    handler has finished with."""

    def __init__(self, bus: MemoryBus) -> None:
        super().__init__(bus)
        self.attempts = 0
        self.handled = 0
        self._changed = asyncio.Condition()

    async def connect(self, timeout: float = 10.0) -> None:
        async with self._changed:
            self.attempts += 1
            self._changed.notify_all()
        await super().connect(timeout)

    async def wait_attempts(self, count: int) -> None:
        await wait_for(self._changed, lambda: self.attempts >= count)

    async def consume_events(self, handler: EventHandler, binding: str | None = None) -> None:
        async def counted(body: bytes, routing_key: str) -> None:
            try:
                await handler(body, routing_key)
            finally:
                async with self._changed:
                    self.handled += 1
                    self._changed.notify_all()

        await super().consume_events(counted, binding)

    async def wait_handled(self, count: int) -> None:
        await wait_for(self._changed, lambda: self.handled >= count)


@dataclass
class TwinNotifier:
    store: SlowStore
    bus: MemoryBus
    worker: MemoryBroker
    broker: ObservedBroker
    hub: Hub
    consumer: EventConsumer
    metrics: Metrics

    async def publish(self, *events: Message) -> None:
        """Publish as a worker does, then wait until the notifier took every event in."""
        before = self.broker.handled
        for event in events:
            assert await publish_safely(self.worker, event)
        await self.broker.wait_handled(before + len(events))

    async def publish_raw(self, body: bytes, session_id: str, kind: str) -> None:
        """Put any bytes on the events exchange, as a faulty or hostile publisher could."""
        before = self.broker.handled
        key = self.bus.topology.event_routing_key(session_id, kind)
        self.bus.broadcast(self.bus.topology.events_exchange, key, body)
        await self.broker.wait_handled(before + 1)

    @contextlib.asynccontextmanager
    async def connection(self, tenant: str) -> AsyncIterator[tuple[Connection, Socket]]:
        socket = Socket()
        connection = Connection(
            tenant,
            socket,
            capacity=64,
            send_timeout=WAIT,
            metrics=self.metrics,
            snapshots=self.hub.snapshot,
        )
        self.hub.attach(connection)
        writer = asyncio.create_task(connection.run_writer())
        try:
            yield connection, socket
        finally:
            self.hub.detach(connection)
            writer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await writer


@contextlib.asynccontextmanager
async def twin_notifier(
    *, snapshot_max_age: float = 2.0, session_ttl: float = 600.0
) -> AsyncIterator[TwinNotifier]:
    bus = MemoryBus()
    store = SlowStore()
    worker = MemoryBroker(bus)
    broker = ObservedBroker(bus)
    metrics = Metrics()
    hub = Hub(
        SessionStateReader(store),
        metrics,
        snapshot_max_age=snapshot_max_age,
        session_ttl=session_ttl,
    )
    consumer = EventConsumer(broker, hub, metrics, retry_interval=0.01)
    await worker.connect()
    await consumer.run()
    try:
        yield TwinNotifier(store, bus, worker, broker, hub, consumer, metrics)
    finally:
        await broker.close()
        await worker.close()
