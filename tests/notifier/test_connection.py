"""One connection's outbound queue: coalescing, resync of a slow client, and closing it."""

from __future__ import annotations

import asyncio
from typing import Any

import orjson
import pytest

from notifier import outgoing
from notifier.connection import Connection
from notifier.metrics import Metrics
from notifier.outgoing import Outgoing, Role
from notifier.protocol import CLOSE_TOO_SLOW

pytestmark = pytest.mark.unit

SESSION = "a" * 32


class GatedSocket:
    """Stands in for the client's socket: frames go through only while the gate is open."""

    def __init__(self) -> None:
        self.frames: list[dict[str, Any]] = []
        self.gate = asyncio.Event()
        self.sent = asyncio.Condition()

    async def send_text(self, text: str) -> None:
        await self.gate.wait()
        async with self.sent:
            self.frames.append(orjson.loads(text))
            self.sent.notify_all()


def snapshot_of(tenant: str, session_id: str) -> Outgoing:
    return outgoing.snapshot(session_id, {"tenant": tenant, "status": "running"})


def progress_item(chunk: int, done: int) -> Outgoing:
    body = orjson.dumps({"kind": "chunk.progress", "chunk": chunk, "done": done}).decode()
    return outgoing.event(Role.PROGRESS, SESSION, body, {"done": done}, chunk)


def rows_item(batch: int) -> Outgoing:
    body = orjson.dumps({"kind": "rows.finished", "batch": batch}).decode()
    return outgoing.event(Role.ROWS, SESSION, body, None)


def make(capacity: int, send_timeout: float = 5) -> tuple[Connection, GatedSocket, Metrics]:
    socket = GatedSocket()
    metrics = Metrics()
    connection = Connection(
        "acme",
        socket,
        capacity=capacity,
        send_timeout=send_timeout,
        metrics=metrics,
        snapshots=snapshot_of,
    )
    return connection, socket, metrics


async def drain(connection: Connection, socket: GatedSocket, expected: int) -> None:
    writer = asyncio.create_task(connection.run_writer())
    socket.gate.set()
    try:
        async with asyncio.timeout(5), socket.sent:
            await socket.sent.wait_for(lambda: len(socket.frames) >= expected)
    finally:
        writer.cancel()


async def test_full_queue_keeps_the_latest_progress_of_each_chunk() -> None:
    connection, socket, metrics = make(capacity=8)
    for done in range(1, 5):
        for chunk in (0, 1):
            connection.send(progress_item(chunk, done))
    connection.send(progress_item(2, 1))
    assert metrics.coalesced == 6
    assert connection.queued == 3
    await drain(connection, socket, 3)
    assert [(f["event"]["chunk"], f["event"]["done"], f["seq"]) for f in socket.frames] == [
        (0, 4, 1),
        (1, 4, 2),
        (2, 1, 3),
    ]


async def test_rows_that_do_not_fit_become_a_resync_and_a_fresh_snapshot() -> None:
    connection, socket, metrics = make(capacity=4)
    for batch in range(5):
        connection.send(rows_item(batch))
    assert metrics.dropped == 4
    await drain(connection, socket, 3)
    kinds = [frame["type"] for frame in socket.frames]
    assert kinds == ["resync", "snapshot", "event"]
    assert socket.frames[0]["reason"] == "client_slow"
    assert [frame.get("seq") for frame in socket.frames] == [None, 1, 2]
    assert not connection.closing.done()


async def test_client_still_behind_after_a_resync_is_closed_as_too_slow() -> None:
    connection, _, metrics = make(capacity=4)
    for batch in range(10):
        connection.send(rows_item(batch))
    assert connection.closing.done()
    assert connection.closing.result() == (CLOSE_TOO_SLOW, "client too slow")
    assert metrics.slow_disconnects == 1


async def test_frame_not_taken_within_the_send_timeout_closes_the_client() -> None:
    connection, _, metrics = make(capacity=4, send_timeout=0.05)
    connection.send(rows_item(0))
    await asyncio.wait_for(connection.run_writer(), 5)
    assert connection.closing.result()[0] == CLOSE_TOO_SLOW
    assert metrics.slow_disconnects == 1


async def test_drained_queue_gets_a_fresh_chance_to_resync() -> None:
    connection, socket, _ = make(capacity=4)
    for batch in range(5):
        connection.send(rows_item(batch))
    await drain(connection, socket, 3)
    for batch in range(5):
        connection.send(rows_item(batch))
    assert not connection.closing.done()
