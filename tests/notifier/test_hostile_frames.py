"""Hostile clients of the whole notifier service on the in-memory twins, over loopback:
oversized, binary, malformed and unknown messages, frames that are not WebSocket at all,
and floods each end in a clean close code or a `bad_message` answer, and the service
goes on serving everyone else."""

from __future__ import annotations

import asyncio
import os
import struct
from collections.abc import AsyncIterator
from typing import Any

import pytest
from websockets.exceptions import ConnectionClosed

from notifier.flood import MessageBudget
from shared.broker.memory_bus import MemoryBus
from shared.storage.memory import MemoryStore
from tests.notifier.client import Client
from tests.notifier.conftest import Notifier
from tests.notifier.test_service_unit import notifier_on_twins

pytestmark = pytest.mark.unit

MAX_BYTES = 2048
RATE = 10.0
BURST = 20


@pytest.fixture(scope="module")
async def notifier() -> AsyncIterator[Notifier]:
    async with notifier_on_twins(
        MemoryStore(),
        MemoryBus(),
        notifier_max_message_bytes=MAX_BYTES,
        notifier_message_rate=RATE,
        notifier_message_burst=BURST,
    ) as running:
        yield running


@pytest.fixture
async def client(notifier: Notifier) -> AsyncIterator[Client]:
    key = next(iter(notifier.keys.values()))
    async with await Client.open(notifier.url, key) as opened:
        yield opened


async def metrics(notifier: Notifier) -> dict[str, Any]:
    return await asyncio.get_running_loop().run_in_executor(None, notifier.metrics)


async def close_of(client: Client, timeout: float = 10) -> tuple[int, str, int]:
    """The server's close code and reason, and how many messages came before it."""
    received = 0
    closed: ConnectionClosed | None = None
    while closed is None:
        try:
            await client.recv(timeout)
            received += 1
        except ConnectionClosed as exc:
            closed = exc
    assert closed.rcvd is not None, "the server did not send a close frame"
    return closed.rcvd.code, closed.rcvd.reason, received


def masked_frame(opcode: int, payload: bytes) -> bytes:
    """One client frame, built by hand so that it can break the rules."""
    mask = os.urandom(4)
    body = bytes(byte ^ mask[i % 4] for i, byte in enumerate(payload))
    return struct.pack("!BB", 0x80 | opcode, 0x80 | len(payload)) + mask + body


async def assert_still_serving(notifier: Notifier) -> None:
    key = next(iter(notifier.keys.values()))
    async with await Client.open(notifier.url, key) as other:
        await other.send({"type": "ping"})
        assert await other.recv(5) == {"type": "pong"}


async def test_a_frame_over_the_size_limit_is_closed_with_1009(
    notifier: Notifier, client: Client
) -> None:
    await client.ws.send("x" * (MAX_BYTES + 1))
    code, _, _ = await close_of(client)
    assert code == 1009
    await assert_still_serving(notifier)


async def test_a_binary_frame_is_closed_with_1003(notifier: Notifier, client: Client) -> None:
    await client.ws.send(b'{"type": "ping"}')
    assert (await close_of(client))[:2] == (1003, "send JSON text frames")
    assert (await metrics(notifier))["bad_messages"] >= 1
    await assert_still_serving(notifier)


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "{",
        "[]",
        "null",
        '{"type": "launch_missiles"}',
        '{"type": "subscribe"}',
        '{"type": "subscribe", "session_id": "a", "scope": "tenant"}',
        '{"type": "ping", "extra": 1}',
        '{"type": "auth", "token": "' + "k" * 600 + '"}',
        "\x00\ud7ff\ue000",
    ],
)
async def test_malformed_or_unknown_messages_are_answered_and_the_connection_stays(
    client: Client, text: str
) -> None:
    await client.ws.send(text)
    answer = await client.recv(5)
    assert (answer["type"], answer["code"]) == ("error", "bad_message")
    await client.send({"type": "ping"})
    assert await client.recv(5) == {"type": "pong"}


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        pytest.param(masked_frame(0x3, b"??"), 1002, id="reserved-opcode"),
        pytest.param(struct.pack("!BB", 0x81, 2) + b"hi", 1002, id="unmasked"),
        pytest.param(masked_frame(0x1, b"\xff\xfe\xfd"), 1007, id="text-not-utf8"),
        pytest.param(masked_frame(0x9, b"p" * 126)[:2] + b"\0" * 8, 1002, id="oversized-ping"),
    ],
)
async def test_frames_that_break_the_websocket_rules_are_closed_cleanly(
    notifier: Notifier, client: Client, frame: bytes, code: int
) -> None:
    client.ws.transport.write(frame)
    assert (await close_of(client))[0] == code
    await assert_still_serving(notifier)


async def test_a_flooding_client_is_closed_with_4029_and_never_read_past_its_budget(
    notifier: Notifier, client: Client
) -> None:
    before = (await metrics(notifier))["flood_disconnects"]
    started = asyncio.get_running_loop().time()
    for _ in range(BURST * 20):
        await client.send({"type": "ping"})
    code, reason, answered = await close_of(client)
    elapsed = asyncio.get_running_loop().time() - started
    assert (code, reason) == (4029, "too many messages")
    assert answered <= BURST + RATE * elapsed + 1
    assert (await metrics(notifier))["flood_disconnects"] == before + 1
    await assert_still_serving(notifier)


async def test_a_client_within_the_budget_is_never_closed(client: Client) -> None:
    for _ in range(BURST):
        await client.send({"type": "ping"})
    for _ in range(BURST):
        assert await client.recv(5) == {"type": "pong"}
    await asyncio.sleep(1.0)
    for _ in range(int(RATE) - 1):
        await client.send({"type": "ping"})
        assert await client.recv(5) == {"type": "pong"}


def test_the_message_budget_refills_at_its_rate_up_to_its_burst() -> None:
    now = [0.0]
    budget = MessageBudget(per_second=2, burst=3, clock=lambda: now[0])
    assert [budget.spend() for _ in range(4)] == [True, True, True, False]
    now[0] += 1.0
    assert [budget.spend() for _ in range(3)] == [True, True, False]
    now[0] += 60.0
    assert [budget.spend() for _ in range(4)] == [True, True, True, False]
