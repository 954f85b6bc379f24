"""A client that stops reading is coalesced and then closed; the others do not notice."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from websockets.exceptions import ConnectionClosed

from shared.broker import Broker
from shared.messages import ChunkProgress, RowsFinished
from shared.storage import MinioStore
from tests.notifier.client import Client
from tests.notifier.conftest import Notifier, notifier_process
from tests.notifier.seed import progress, rows, seed_session

pytestmark = pytest.mark.e2e

SEND_TIMEOUT = 30.0


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


async def wait_for_metric(notifier: Notifier, name: str, timeout: float = 30) -> int:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        value = int((await loop.run_in_executor(None, notifier.metrics))[name])
        if value > 0:
            return value
        await asyncio.sleep(0.2)
    raise AssertionError(f"metric {name} stayed at 0")


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

    # From here on the slow client reads nothing. 5 MB of row batches fill the socket
    # buffers (about 3 MB on loopback), then its queue.
    events: list[ChunkProgress | RowsFinished] = []
    for batch in range(250):
        events.append(rows(keys, batch, 20, padding=1000))
        events.append(progress(keys, batch, 10, finished=True))

    # Lockstep: each event is published once every fast client has the previous one, so
    # only the slow client falls behind.
    slowest = 0.0
    for seq, event in enumerate(events, start=2):
        published = time.monotonic()
        await publisher.publish_event(event)
        got = await asyncio.gather(*(c.recv(SEND_TIMEOUT) for c in fast))
        slowest = max(slowest, time.monotonic() - published)
        assert all(m["seq"] == seq and m["event"]["kind"] == event.kind for m in got)
    # Waiting on the slow client would have cost at least the send timeout.
    assert slowest < SEND_TIMEOUT / 3
    assert await wait_for_metric(notifier, "slow_disconnects") == 1
    assert await wait_for_metric(notifier, "coalesced") > 0

    with pytest.raises(ConnectionClosed) as closed:
        await drain(slow)
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4008
    assert closed.value.rcvd.reason == "client too slow"
    await asyncio.gather(*(c.ws.close() for c in fast))
    await slow.ws.close()
