"""Broker loss: connected clients stay served, readiness drops, snapshots resync after."""

from __future__ import annotations

import asyncio
import json
import urllib.error
import urllib.request

import pytest

from shared.broker.protocol import Broker
from shared.storage.s3 import MinioStore
from tests.notifier.client import Client
from tests.notifier.conftest import Notifier, notifier_in_process
from tests.notifier.seed import progress, seed_session, store_chunk_summary
from tests.services import free_port

pytestmark = pytest.mark.integration


def readiness(notifier: Notifier) -> int:
    try:
        with urllib.request.urlopen(notifier.http("/readyz"), timeout=2) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        exc.close()
        return exc.code


async def wait_readiness(notifier: Notifier, expected: int, timeout: float = 30) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        if await loop.run_in_executor(None, readiness, notifier) == expected:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"/readyz never answered {expected}")


async def test_lost_broker_connection_resyncs_subscribers_from_storage(
    module_env: dict[str, str], publisher: Broker, module_store: MinioStore
) -> None:
    async with notifier_in_process(module_env) as notifier:
        assert notifier.broker is not None
        tenant, key = notifier.take_tenant()
        keys = await seed_session(module_store, tenant, rows=30, chunk_size=10)
        async with await Client.open(notifier.url, key) as client:
            assert (await client.subscribe(keys.session_id))["seq"] == 1
            await publisher.publish_event(progress(keys, 0, 5))
            assert (await client.recv())["progress"]["counters"]["done"] == 5

            # Drop the notifier's AMQP connection the way a broker restart would.
            transport = notifier.broker.connection.transport
            assert transport is not None
            await transport.connection.close(ConnectionError("connection reset"))
            await wait_readiness(notifier, 503)
            # Workers went on meanwhile; their events never reached this replica.
            await store_chunk_summary(module_store, keys, 0, 10)
            await store_chunk_summary(module_store, keys, 1, 10)
            await client.send({"type": "ping"})
            assert await client.recv() == {"type": "pong"}

            await wait_readiness(notifier, 200)
            note = await client.recv()
            assert note == {
                "type": "resync",
                "session_id": keys.session_id,
                "reason": "events_interrupted",
            }
            snapshot = await client.recv()
            assert snapshot["type"] == "snapshot"
            assert snapshot["seq"] == 3
            assert snapshot["state"]["counters"]["done"] == 20
            assert snapshot["state"]["chunks_done"] == 2

            await publisher.publish_event(progress(keys, 2, 3))
            update = await client.recv()
            assert update["seq"] == 4
            assert update["progress"]["counters"]["done"] == 23


async def test_without_a_broker_clients_are_served_and_readiness_says_why(
    module_env: dict[str, str], publisher: Broker, module_store: MinioStore
) -> None:
    nowhere = f"amqp://guest:guest@127.0.0.1:{free_port()}/"
    async with notifier_in_process(module_env, ready=False, amqp_url=nowhere) as notifier:
        loop = asyncio.get_running_loop()
        with pytest.raises(urllib.error.HTTPError) as refused:
            await loop.run_in_executor(None, urllib.request.urlopen, notifier.http("/readyz"))
        with refused.value as answer:
            assert answer.code == 503
            assert json.loads(answer.read())["checks"] == {"broker": False, "storage": True}
        tenant, key = notifier.take_tenant()
        keys = await seed_session(module_store, tenant)
        async with await Client.open(notifier.url, key) as client:
            snapshot = await client.subscribe(keys.session_id)
            assert snapshot["state"]["status"] == "running"
