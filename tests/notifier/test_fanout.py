"""The notifier as a process: fan-out, order, snapshots, tenants and authentication."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import aio_pika
import pytest
from websockets.exceptions import ConnectionClosed

from shared.broker.protocol import Broker
from shared.broker.rabbit import RabbitBroker
from shared.lifecycle import SessionStatus
from shared.messages import ChunkProgress, RowsFinished, SessionStatusChanged
from shared.storage.s3 import MinioStore
from tests.notifier.client import Client
from tests.notifier.conftest import Notifier, notifier_process
from tests.notifier.seed import progress, rows, seed_session, status, store_chunk_summary

pytestmark = pytest.mark.e2e

Event = ChunkProgress | RowsFinished | SessionStatusChanged


async def collect(client: Client, count: int, timeout: float = 60) -> list[dict[str, Any]]:
    return [await client.recv(timeout) for _ in range(count)]


async def test_two_hundred_clients_receive_every_event_in_order(
    notifier: Notifier, publisher: Broker, module_store: MinioStore
) -> None:
    tenant, key = notifier.take_tenant()
    keys = await seed_session(module_store, tenant, rows=100, chunk_size=10)
    clients = await asyncio.gather(*(Client.open(notifier.url, key) for _ in range(200)))
    try:
        snapshots = await asyncio.gather(*(c.subscribe(keys.session_id) for c in clients))
        assert all(s["type"] == "snapshot" and s["seq"] == 1 for s in snapshots)
        assert snapshots[0]["state"]["status"] == "running"
        events: list[Event] = []
        for step in range(1, 11):
            for chunk in range(10):
                events.append(progress(keys, chunk, step, finished=step == 10))
            events.append(rows(keys, step - 1, 10))
        events.append(status(keys, SessionStatus.COMPLETED))
        for event in events:
            await publisher.publish_event(event)
        received = await asyncio.gather(*(collect(c, len(events)) for c in clients))
    finally:
        await asyncio.gather(*(c.ws.close() for c in clients))
    expected = [(e.kind, getattr(e, "chunk", None)) for e in events]
    for messages in received:
        assert [m["seq"] for m in messages] == list(range(2, len(events) + 2))
        got = [(m["event"]["kind"], m["event"].get("chunk")) for m in messages]
        assert got == expected
        last_progress = messages[-3]["progress"]
        assert last_progress["counters"]["done"] == 100
        assert messages[-1]["progress"]["status"] == "completed"


async def test_every_replica_delivers_every_event_to_its_clients(
    notifier: Notifier,
    module_env: dict[str, str],
    publisher: Broker,
    module_store: MinioStore,
    tmp_path: Path,
) -> None:
    tenant, key = notifier.take_tenant()
    keys = await seed_session(module_store, tenant, rows=50, chunk_size=10)
    with notifier_process(module_env, tmp_path, keys=notifier.keys) as second:
        async with (
            await Client.open(notifier.url, key) as first_client,
            await Client.open(second.url, key) as second_client,
        ):
            for client in (first_client, second_client):
                assert (await client.subscribe(keys.session_id))["seq"] == 1
            for chunk in range(5):
                await publisher.publish_event(progress(keys, chunk, 10, finished=True))
            for client in (first_client, second_client):
                got = await collect(client, 5)
                assert [m["event"]["chunk"] for m in got] == [0, 1, 2, 3, 4]
                assert got[-1]["progress"]["counters"]["done"] == 50


async def test_reconnect_mid_session_gets_snapshot_without_double_counting(
    notifier: Notifier, publisher: Broker, module_store: MinioStore
) -> None:
    tenant, key = notifier.take_tenant()
    keys = await seed_session(module_store, tenant, rows=30, chunk_size=10)
    async with await Client.open(notifier.url, key) as first:
        await first.subscribe(keys.session_id)
        await publisher.publish_event(progress(keys, 0, 10, finished=True))
        await publisher.publish_event(progress(keys, 1, 4))
        assert (await first.recv())["progress"]["counters"]["done"] == 10
        assert (await first.recv())["progress"]["counters"]["done"] == 14
    # Chunk 0 is now stored too: it must count once, from storage or from events.
    await store_chunk_summary(module_store, keys, 0, 10)
    async with await Client.open(notifier.url, key) as again:
        snapshot = await again.subscribe(keys.session_id)
        assert snapshot["type"] == "snapshot"
        assert snapshot["seq"] == 1
        state = snapshot["state"]
        assert state["counters"]["done"] == 14
        assert state["counters"]["total"] == 30
        assert state["chunks_done"] == 1
        assert state["chunk_count"] == 3
        assert state["status"] == "running"
        assert state["rows_per_second"] is not None
        await publisher.publish_event(progress(keys, 1, 6))
        update = await again.recv()
        assert update["seq"] == 2
        assert update["progress"]["counters"]["done"] == 16


async def test_client_gets_stored_progress_from_a_fresh_replica(
    notifier: Notifier, module_store: MinioStore
) -> None:
    tenant, key = notifier.take_tenant()
    keys = await seed_session(module_store, tenant, rows=30, chunk_size=10)
    await store_chunk_summary(module_store, keys, 0, 10)
    await store_chunk_summary(module_store, keys, 2, 10)
    async with await Client.open(notifier.url, key) as client:
        state = (await client.subscribe(keys.session_id))["state"]
    assert state["counters"]["done"] == 20
    assert state["chunks_done"] == 2
    assert state["input"]["columns"] == ["name", "website"]


async def test_second_tenant_receives_nothing_of_the_first(
    notifier: Notifier, publisher: Broker, module_store: MinioStore
) -> None:
    tenant_a, _ = notifier.take_tenant()
    tenant_b, key_b = notifier.take_tenant()
    session_a = await seed_session(module_store, tenant_a)
    session_b = await seed_session(module_store, tenant_b)
    async with await Client.open(notifier.url, key_b) as other:
        assert other.hello["tenant"] == tenant_b
        await other.watch_tenant()
        refused = await other.subscribe(session_a.session_id)
        assert refused["type"] == "error"
        assert refused["code"] == "not_found"
        for chunk in range(3):
            await publisher.publish_event(progress(session_a, chunk, 5))
        await publisher.publish_event(rows(session_a, 0, 3))
        # B's own event comes after A's on the same queue: anything of A would arrive first.
        await publisher.publish_event(progress(session_b, 0, 7))
        snapshot = await other.recv()
        assert snapshot["type"] == "snapshot"
        assert snapshot["session_id"] == session_b.session_id
        assert snapshot["state"]["counters"]["done"] == 7
        await publisher.publish_event(progress(session_b, 0, 8))
        event = await other.recv()
        assert event["session_id"] == session_b.session_id
        assert event["event"]["tenant"] == tenant_b
        assert event["progress"]["counters"]["done"] == 8


async def test_tenant_scope_gets_a_snapshot_before_the_first_event_of_a_session(
    notifier: Notifier, publisher: Broker, module_store: MinioStore
) -> None:
    tenant, key = notifier.take_tenant()
    keys = await seed_session(module_store, tenant, rows=20, chunk_size=10)
    await store_chunk_summary(module_store, keys, 0, 10)
    async with await Client.open(notifier.url, key) as client:
        await client.watch_tenant()
        await publisher.publish_event(rows(keys, 1, 2))
        await publisher.publish_event(progress(keys, 1, 2))
        first = await client.recv()
        assert first["type"] == "snapshot"
        assert first["seq"] == 1
        assert first["state"]["counters"]["done"] in (10, 12)
        await publisher.publish_event(progress(keys, 1, 3))
        later = [await client.recv()]
        while later[-1].get("progress", {}).get("counters", {}).get("done") != 13:
            later.append(await client.recv())
    assert [m["seq"] for m in later] == list(range(2, len(later) + 2))
    assert later[0]["event"]["kind"] == "rows.finished"
    assert all(m["progress"]["counters"]["done"] in (12, 13) for m in later[1:])


async def test_unsubscribe_stops_events_and_resubscribe_continues_the_sequence(
    notifier: Notifier, publisher: Broker, module_store: MinioStore
) -> None:
    tenant, key = notifier.take_tenant()
    quiet = await seed_session(module_store, tenant)
    loud = await seed_session(module_store, tenant)
    async with await Client.open(notifier.url, key) as client:
        assert (await client.subscribe(quiet.session_id))["seq"] == 1
        assert (await client.subscribe(loud.session_id))["seq"] == 1
        await client.send({"type": "unsubscribe", "session_id": quiet.session_id})
        assert await client.recv() == {"type": "unsubscribed", "session_id": quiet.session_id}
        await publisher.publish_event(progress(quiet, 0, 1))
        await publisher.publish_event(progress(loud, 0, 2))
        # The loud session's event is published after the quiet one's: it must come first.
        event = await client.recv()
        assert (event["session_id"], event["seq"]) == (loud.session_id, 2)
        again = await client.subscribe(quiet.session_id)
        assert again["type"] == "snapshot"
        assert again["seq"] == 2
        assert again["state"]["counters"]["done"] == 1


async def test_malformed_events_are_counted_and_skipped(
    notifier: Notifier, publisher: RabbitBroker, module_store: MinioStore
) -> None:
    tenant, key = notifier.take_tenant()
    keys = await seed_session(module_store, tenant)
    before = notifier.metrics()["events_invalid"]
    async with await Client.open(notifier.url, key) as client:
        await client.subscribe(keys.session_id)
        channel = await publisher.connection.channel()
        exchange = await channel.get_exchange(publisher.topology.events_exchange)
        routing_key = publisher.topology.event_routing_key(keys.session_id, "chunk.progress")
        escaping = progress(keys, 0, 9).model_copy(update={"session_id": "../../x"})
        for body in (b"not json", b'{"kind": "chunk.progress", "v": 2}', escaping.to_bytes()):
            await exchange.publish(aio_pika.Message(body), routing_key=routing_key)
        await publisher.publish_event(progress(keys, 0, 1))
        event = await client.recv()
        assert (event["seq"], event["progress"]["counters"]["done"]) == (2, 1)
        await channel.close()
    assert notifier.metrics()["events_invalid"] == before + 3


async def test_unknown_session_is_answered_with_not_found(notifier: Notifier) -> None:
    _, key = notifier.take_tenant()
    async with await Client.open(notifier.url, key) as client:
        for session_id in ("0" * 32, "../../etc", ""):
            answer = await client.subscribe(session_id)
            assert answer["type"] == "error"
            assert answer["code"] == "not_found"
        await client.send({"type": "ping"})
        assert await client.recv() == {"type": "pong"}


async def test_bad_messages_get_an_error_and_keep_the_connection(notifier: Notifier) -> None:
    _, key = notifier.take_tenant()
    async with await Client.open(notifier.url, key) as client:
        await client.ws.send("not json")
        assert (await client.recv())["code"] == "bad_message"
        await client.send({"type": "subscribe"})
        assert (await client.recv())["code"] == "bad_message"
        await client.send({"type": "ping"})
        assert await client.recv() == {"type": "pong"}


@pytest.mark.parametrize("how", ["query", "subprotocol", "first_message"])
async def test_bad_token_is_closed_with_code_4001(notifier: Notifier, how: str) -> None:
    if how == "query":
        client = await Client.open(notifier.url, "dsk_wrong")
    elif how == "subprotocol":
        client = await Client.open(notifier.url, subprotocols=["dossier.v1", "bearer.dsk_wrong"])
    else:
        client = await Client.open(notifier.url)
        await client.send({"type": "auth", "token": "dsk_wrong"})
    async with client:
        refusal = client.hello if how != "first_message" else await client.recv()
        assert refusal["type"] == "error"
        assert refusal["code"] == "unauthorized"
        with pytest.raises(ConnectionClosed) as closed:
            await client.recv()
        assert closed.value.rcvd is not None
        assert closed.value.rcvd.code == 4001


@pytest.mark.parametrize("how", ["subprotocol", "first_message"])
async def test_good_token_works_from_every_source(notifier: Notifier, how: str) -> None:
    tenant, key = notifier.take_tenant()
    if how == "subprotocol":
        client = await Client.open(notifier.url, subprotocols=["dossier.v1", f"bearer.{key}"])
        assert client.ws.subprotocol == "dossier.v1"
    else:
        client = await Client.open(notifier.url)
        await client.send({"type": "auth", "token": key})
        client.hello = await client.recv()
    async with client:
        assert client.hello == {
            "type": "hello",
            "protocol": 1,
            "tenant": tenant,
            "heartbeat_interval": 20.0,
        }


def test_tokens_never_reach_the_log(notifier: Notifier) -> None:
    assert notifier.process is not None
    log = notifier.process.log_text()
    assert "notifier.connection_closed" in log
    for key in notifier.keys.values():
        assert key not in log
    assert "dsk_wrong" not in log


async def test_metrics_count_connections_and_messages(
    notifier: Notifier, publisher: Broker, module_store: MinioStore
) -> None:
    # Deltas around this test's own traffic: the module's other tests share the process.
    before = notifier.metrics()
    tenant, key = notifier.take_tenant()
    keys = await seed_session(module_store, tenant, rows=20, chunk_size=10)
    clients = await asyncio.gather(*(Client.open(notifier.url, key) for _ in range(3)))
    try:
        await asyncio.gather(*(c.subscribe(keys.session_id) for c in clients))
        for chunk in range(2):
            await publisher.publish_event(progress(keys, chunk, 10, finished=True))
        await asyncio.gather(*(collect(c, 2) for c in clients))
    finally:
        await asyncio.gather(*(c.ws.close() for c in clients))
    async with await Client.open(notifier.url, "dsk_wrong"):
        pass
    after = notifier.metrics()
    assert after["connections_total"] - before["connections_total"] == 3  # authenticated only
    # Per client: hello, snapshot and two events.
    assert after["messages_out"] - before["messages_out"] >= 3 * 4
    assert after["auth_failures"] - before["auth_failures"] == 1
    assert after["events_in"] - before["events_in"] >= 2
