"""What only the RabbitMQ budget has to get right: the queue it declares, and a queue that
disappears under it."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import uuid
from collections.abc import AsyncIterator

import aio_pika
import pytest

from shared.budget import rabbit
from shared.budget.protocol import Slots, Window
from shared.budget.rabbit import RabbitBudget
from shared.topology import Topology

pytestmark = pytest.mark.integration


@pytest.fixture
async def budget(rabbitmq: str, topology_prefix: str) -> AsyncIterator[RabbitBudget]:
    budget = RabbitBudget(rabbitmq, Topology(topology_prefix))
    await budget.connect()
    yield budget
    await budget.close()


def queue_name(topology_prefix: str, window: Window, key: str) -> str:
    hold_ms = round(window.hold_s * 1000)
    return Topology(topology_prefix).budget_queue(window.name, window.limit, hold_ms, key).name


async def test_the_budget_is_a_bounded_classic_queue_whose_units_expire(
    budget: RabbitBudget, topology_prefix: str
) -> None:
    if shutil.which("rabbitmqctl") is None:
        pytest.fail("rabbitmqctl is needed to read the queue's arguments")
    window, key = Window("test", 7, 2.0), uuid.uuid4().hex
    assert await budget.try_take(window, key)
    listed = await asyncio.to_thread(
        subprocess.run,
        ["rabbitmqctl", "-q", "list_queues", "name", "type", "arguments", "--formatter", "json"],
        check=True,
        capture_output=True,
        timeout=60,
    )
    name = queue_name(topology_prefix, window, key)
    (queue,) = [q for q in json.loads(listed.stdout) if q["name"] == name]
    arguments = {argument[0]: argument[2] for argument in queue["arguments"]}
    assert queue["type"] == "classic"
    assert arguments == {
        "x-queue-type": "classic",
        "x-max-length": 7,
        "x-overflow": "reject-publish",
        "x-message-ttl": 2250,
        "x-expires": 10_000,
    }


async def test_a_budget_queue_deleted_under_the_adapter_is_declared_again(
    budget: RabbitBudget, rabbitmq: str, topology_prefix: str
) -> None:
    window, key = Window("test", 2, 5.0), uuid.uuid4().hex
    assert await budget.try_take(window, key)
    async with await aio_pika.connect(rabbitmq) as connection:
        channel = await connection.channel()
        await channel.queue_delete(queue_name(topology_prefix, window, key))
    assert [await budget.try_take(window, key) for _ in range(3)] == [True, True, False]


async def test_releases_that_time_out_leave_the_shared_channel_working(
    budget: RabbitBudget, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many holders of one host giving up on their release at once (a busy broker) must
    neither fail a holder nor break the channel every other holder uses."""
    slots, key = Slots("host", 40, 30.0), uuid.uuid4().hex
    leases = [await budget.try_hold(slots, key) for _ in range(40)]
    assert all(leases)
    monkeypatch.setattr(rabbit, "TAKE_TIMEOUT_S", 0.0)  # every release stops waiting at once
    released = await asyncio.gather(
        *(lease.release() for lease in leases if lease), return_exceptions=True
    )
    assert released == [None] * 40
    monkeypatch.setattr(rabbit, "TAKE_TIMEOUT_S", 5.0)
    # The removals went on in the background, so the slots are free again, and the
    # channel still answers: one more holder than the limit is refused, not failed.
    again = [await budget.try_hold(slots, key) for _ in range(41)]
    assert all(again[:40])
    assert again[40] is None
