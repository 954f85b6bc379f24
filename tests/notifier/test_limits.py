"""Timeouts, the connection limit and development access, on an in-process notifier."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from websockets.exceptions import ConnectionClosed

from shared.broker.protocol import Broker
from shared.storage.s3 import MinioStore
from tests.notifier.client import Client
from tests.notifier.conftest import Notifier, notifier_in_process
from tests.notifier.seed import progress, seed_session

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
async def strict(module_env: dict[str, str], publisher: Broker) -> AsyncIterator[Notifier]:
    async with notifier_in_process(
        module_env,
        notifier_idle_timeout=1.0,
        notifier_auth_timeout=0.5,
        notifier_max_clients=3,
        notifier_max_subscriptions=2,
    ) as running:
        yield running


async def closed_code(client: Client) -> tuple[int, str]:
    with pytest.raises(ConnectionClosed) as closed:
        await client.recv(10)
    assert closed.value.rcvd is not None
    return closed.value.rcvd.code, closed.value.rcvd.reason


async def test_silent_client_is_closed_after_the_idle_timeout(strict: Notifier) -> None:
    _, key = strict.take_tenant()
    async with await Client.open(strict.url, key) as client:
        assert await closed_code(client) == (4000, "idle timeout")


async def test_silent_subscribed_client_stays_connected(
    strict: Notifier, publisher: Broker, module_store: MinioStore
) -> None:
    tenant, key = strict.take_tenant()
    keys = await seed_session(module_store, tenant)
    async with await Client.open(strict.url, key) as client:
        await client.subscribe(keys.session_id)
        await asyncio.sleep(2.5)  # more than twice the idle timeout, without a word
        await publisher.publish_event(progress(keys, 0, 4))
        assert (await client.recv())["progress"]["counters"]["done"] == 4


async def test_client_that_pings_stays_connected(strict: Notifier) -> None:
    _, key = strict.take_tenant()
    async with await Client.open(strict.url, key) as client:
        for _ in range(6):
            await asyncio.sleep(0.4)  # the client's heartbeat period, shorter than the timeout
            await client.send({"type": "ping"})
            assert await client.recv() == {"type": "pong"}


async def test_client_without_a_token_is_closed_after_the_auth_timeout(strict: Notifier) -> None:
    async with await Client.open(strict.url) as client:
        refusal = await client.recv()
        assert refusal["code"] == "unauthorized"
        assert await closed_code(client) == (4001, "invalid API key")


async def test_clients_beyond_the_limit_are_refused_with_4013(strict: Notifier) -> None:
    _, key = strict.take_tenant()
    admitted = [await Client.open(strict.url, key) for _ in range(3)]
    try:
        async with await Client.open(strict.url, key) as refused:
            assert refused.hello["code"] == "at_capacity"
            assert await closed_code(refused) == (4013, "server at capacity")
    finally:
        await asyncio.gather(*(c.ws.close() for c in admitted))


async def test_subscriptions_beyond_the_limit_are_refused(
    strict: Notifier, module_store: MinioStore
) -> None:
    tenant, key = strict.take_tenant()
    sessions = [await seed_session(module_store, tenant) for _ in range(3)]
    async with await Client.open(strict.url, key) as client:
        for keys in sessions[:2]:
            assert (await client.subscribe(keys.session_id))["type"] == "snapshot"
        refused = await client.subscribe(sessions[2].session_id)
        assert refused["code"] == "too_many_subscriptions"
        # Subscribing again to a session already held is not a new subscription.
        assert (await client.subscribe(sessions[0].session_id))["seq"] == 2


async def test_without_configured_keys_every_caller_is_the_default_tenant(
    module_env: dict[str, str], publisher: Broker
) -> None:
    async with (
        notifier_in_process(module_env, with_keys=False) as open_notifier,
        await Client.open(open_notifier.url, "anything") as client,
    ):
        assert client.hello["tenant"] == "default"
        # Clients that always authenticate by message are simply let through.
        await client.send({"type": "auth", "token": "anything"})
        await client.send({"type": "ping"})
        assert await client.recv() == {"type": "pong"}
