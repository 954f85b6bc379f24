"""The whole notifier service in this process on the in-memory twins, over loopback: its own
loops resync after a broker outage and recheck quiet sessions."""

from __future__ import annotations

import asyncio
import contextlib
import urllib.error
import urllib.request
from collections.abc import AsyncIterator
from typing import Any

import pytest

from notifier.service import run_notifier
from notifier.settings import NotifierSettings
from shared.auth import ApiKeys, hash_key
from shared.broker.memory import MemoryBroker
from shared.broker.memory_bus import MemoryBus
from shared.layout import SessionKeys
from shared.storage.memory import MemoryStore
from tests.notifier.client import Client
from tests.notifier.conftest import Notifier, make_keys, wait_ready
from tests.notifier.seed import progress, seed_session, store_chunk_summary, store_final
from tests.services import free_port

pytestmark = pytest.mark.unit


@contextlib.asynccontextmanager
async def notifier_on_twins(
    store: MemoryStore, bus: MemoryBus, **overrides: Any
) -> AsyncIterator[Notifier]:
    keys = make_keys()
    port = free_port()
    settings = NotifierSettings(environment="test", notifier_port=port, **overrides)
    broker = MemoryBroker(bus)
    stop = asyncio.Event()
    hashes = {hash_key(key): tenant for tenant, key in keys.items()}
    task = asyncio.create_task(run_notifier(settings, store, broker, ApiKeys(hashes), stop))
    running = Notifier(port, keys, _free=list(keys))
    try:
        await wait_ready(running, task, timeout=10)
        yield running
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)
        await broker.close()


async def readiness(notifier: Notifier) -> int:
    def status() -> int:
        try:
            with urllib.request.urlopen(notifier.http("/readyz"), timeout=2) as response:
                return int(response.status)
        except urllib.error.HTTPError as exc:
            exc.close()
            return exc.code

    return await asyncio.get_running_loop().run_in_executor(None, status)


def resync_note(keys: SessionKeys, reason: str) -> dict[str, Any]:
    return {"type": "resync", "session_id": keys.session_id, "reason": reason}


async def test_clients_of_the_service_are_resynced_after_a_broker_outage() -> None:
    bus, store = MemoryBus(), MemoryStore()
    worker = MemoryBroker(bus)
    async with notifier_on_twins(store, bus) as notifier:
        tenant, key = notifier.take_tenant()
        keys = await seed_session(store, tenant, rows=30, chunk_size=10)
        await worker.connect()
        async with await Client.open(notifier.url, key) as client:
            assert (await client.subscribe(keys.session_id))["seq"] == 1
            await worker.publish_event(progress(keys, 0, 5))
            assert (await client.recv())["progress"]["counters"]["done"] == 5

            bus.interrupt()
            assert await readiness(notifier) == 503
            await store_chunk_summary(store, keys, 0, 10)
            await store_chunk_summary(store, keys, 1, 10)
            await client.send({"type": "ping"})
            assert await client.recv() == {"type": "pong"}

            bus.restore()
            assert await client.recv(5) == resync_note(keys, "events_interrupted")
            snapshot = await client.recv(5)
            assert (snapshot["type"], snapshot["seq"]) == ("snapshot", 3)
            assert (snapshot["state"]["counters"]["done"], snapshot["state"]["chunks_done"]) == (
                20,
                2,
            )
            assert await readiness(notifier) == 200
    await worker.close()


async def test_the_service_rechecks_a_quiet_session_whose_completed_was_lost() -> None:
    bus, store = MemoryBus(), MemoryStore()
    worker = MemoryBroker(bus)
    async with notifier_on_twins(store, bus, notifier_recheck_interval=0.2) as notifier:
        tenant, key = notifier.take_tenant()
        keys = await seed_session(store, tenant, rows=20, chunk_size=10)
        await worker.connect()
        async with await Client.open(notifier.url, key) as client:
            assert (await client.subscribe(keys.session_id))["state"]["status"] == "running"
            await worker.publish_event(progress(keys, 0, 10, finished=True))
            assert (await client.recv(5))["progress"]["counters"]["done"] == 10
            # The session finishes; neither its last progress nor `completed` is published.
            await store_chunk_summary(store, keys, 0, 10)
            await store_chunk_summary(store, keys, 1, 10)
            await store_final(store, keys, 20)
            assert await client.recv(5) == resync_note(keys, "events_missed")
            snapshot = await client.recv(5)
    assert (snapshot["type"], snapshot["seq"]) == ("snapshot", 3)
    assert (snapshot["state"]["status"], snapshot["state"]["counters"]["done"]) == ("completed", 20)
    await worker.close()
