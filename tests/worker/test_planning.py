"""Planning: chunks from a stream of rows, duplicates across chunks, safe to run twice."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import aio_pika

from shared.broker.protocol import Broker
from shared.layout import SessionKeys
from shared.messages import StartSession
from shared.models import Plan
from shared.settings import CommonSettings
from shared.storage.s3 import MinioStore
from tests.worker.sessions import make_rows, seed_session
from worker.finalizer import Finalizer
from worker.planner import Planner, planned_batches


async def pieces(data: bytes, size: int) -> AsyncIterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


async def test_batches_follow_the_stream_and_find_duplicates_across_batches() -> None:
    rows = make_rows(25, lambda n: f"https://www.site{n % 20}.com/x")
    data = b"".join(row.model_dump_json().encode() + b"\n" for row in rows)

    batches = [batch async for batch in planned_batches(pieces(data, 37), 10)]

    assert [len(batch) for batch in batches] == [10, 10, 5]
    planned = [row for batch in batches for row in batch]
    assert [row.row for row in planned] == list(range(25))
    assert [row.duplicate_of for row in planned[20:]] == [0, 1, 2, 3, 4]
    assert planned[3].domain == "site3.com"


async def queued_tasks(settings: CommonSettings) -> int:
    connection = await aio_pika.connect(settings.amqp_url.get_secret_value())
    async with connection:
        channel = await connection.channel()
        queue = await channel.declare_queue(settings.topology.chunks_queue, passive=True)
        return queue.declaration_result.message_count or 0


async def chunk_objects(store: MinioStore, keys: SessionKeys) -> dict[str, bytes]:
    found = await store.list_objects(keys.prefix + "chunks/input/")
    return {info.key: await store.get_bytes(info.key) for info in found}


async def test_planning_twice_writes_the_same_chunks_and_publishes_once(
    store: MinioStore,
    broker: Broker,
    common_settings: CommonSettings,
    tenant: str,
    session_ids: Callable[[], str],
) -> None:
    keys = await seed_session(store, tenant, session_ids(), make_rows(45))
    planner = Planner(store, broker, Finalizer(store, broker), chunk_size=20)
    command = _start(keys)

    await planner.plan(command)
    first = await chunk_objects(store, keys)
    await planner.plan(command)

    assert await chunk_objects(store, keys) == first
    assert len(first) == 3
    plan = await store.get_model(keys.plan, Plan)
    assert (plan.total_rows, plan.chunk_count, plan.chunk_size) == (45, 3, 20)
    assert await queued_tasks(common_settings) == 3
    # A redelivered start (its planner may have died before publishing) publishes the
    # tasks of chunks not stored yet; running a chunk twice is harmless.
    await planner.plan(command, redelivered=True)
    assert await queued_tasks(common_settings) == 6


def _start(keys: SessionKeys) -> StartSession:
    return StartSession(tenant=keys.tenant, session_id=keys.session_id)
