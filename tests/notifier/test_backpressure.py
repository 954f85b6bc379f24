"""A client that stops reading is coalesced and then closed; the others do not notice."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from websockets.exceptions import ConnectionClosed

from shared.broker.protocol import Broker
from shared.storage.s3 import MinioStore
from tests.notifier.client import Client
from tests.notifier.conftest import Notifier, notifier_process
from tests.notifier.seed import progress, rows, seed_session

pytestmark = pytest.mark.e2e

SEND_TIMEOUT = 30.0
# At ~20 KB a batch, far more than any loopback socket buffer holds.
MAX_BATCHES = 2000


@pytest.fixture
def small_queue_notifier(
    module_env: dict[str, str], publisher: Broker, tmp_path: Path
) -> Iterator[Notifier]:
    with notifier_process(
        module_env,
        tmp_path,
        queue_size="32",
        send_timeout=str(SEND_TIMEOUT),
        heartbeat_interval="300",
    ) as running:
        yield running


def tiny_receive_buffer_socket(port: int) -> socket.socket:
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect(("127.0.0.1", port))
    sock.setblocking(False)
    return sock


async def drain(client: Client) -> None:
    while True:
        await client.recv(SEND_TIMEOUT)


async def test_slow_client_is_closed_without_delaying_the_others(
    small_queue_notifier: Notifier, publisher: Broker, module_store: MinioStore
) -> None:
    notifier = small_queue_notifier
    tenant, key = notifier.take_tenant()
    keys = await seed_session(module_store, tenant, rows=3000, chunk_size=10)
    sock = tiny_receive_buffer_socket(notifier.port)
    slow = await Client.open(notifier.url, key, sock=sock, max_queue=1)
    fast = await asyncio.gather(*(Client.open(notifier.url, key) for _ in range(5)))
    await slow.subscribe(keys.session_id)
    await asyncio.gather(*(c.subscribe(keys.session_id) for c in fast))

    # From here on the slow client reads nothing. Row batches of ~20 KB fill its socket
    # buffers (a few MB on loopback), then its queue. Lockstep: each event is published
    # once every fast client has the previous one, so only the slow client falls behind.
    loop = asyncio.get_running_loop()
    slowest = 0.0
    seq = 1
    for batch in range(MAX_BATCHES):
        for event in (rows(keys, batch, 20, padding=1000), progress(keys, batch, 10)):
            seq += 1
            published = time.monotonic()
            await publisher.publish_event(event)
            got = await asyncio.gather(*(c.recv(SEND_TIMEOUT) for c in fast))
            slowest = max(slowest, time.monotonic() - published)
            assert all(m["seq"] == seq and m["event"]["kind"] == event.kind for m in got)
        if batch % 10 == 9:
            metrics = await loop.run_in_executor(None, notifier.metrics)
            if metrics["slow_disconnects"]:
                break
    # Waiting on the slow client would have cost at least the send timeout.
    assert slowest < SEND_TIMEOUT / 3
    metrics = await loop.run_in_executor(None, notifier.metrics)
    assert metrics["slow_disconnects"] == 1
    assert metrics["coalesced"] > 0
    assert metrics["connections"] == 5

    with pytest.raises(ConnectionClosed) as closed:
        await drain(slow)
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4008
    assert closed.value.rcvd.reason == "client too slow"
    await asyncio.gather(*(c.ws.close() for c in fast))
    await slow.ws.close()
