"""A running session's counters come from its chunk summaries; a reader lists only the
summaries after those it holds from chunk 0 on, so repeated reads of a large session list
a handful of keys, while chunks that finish out of order still count."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from shared.errors import NotFound
from shared.layout import SessionKeys
from shared.models import ChunkSummary, Counters, Plan
from shared.running_sums import SumsWriter
from shared.settings import CommonSettings
from shared.status import SessionStateReader
from shared.storage.memory import MemoryStore
from shared.storage.protocol import ObjectInfo, ObjectStore
from shared.storage.s3 import MinioStore
from shared.usage import Usage
from tests.worker.sessions import make_rows, seed_session

CHUNKS = 6


class CountingMemory(MemoryStore):
    def __init__(self) -> None:
        super().__init__()
        self.listed: list[int] = []  # keys answered by each listing of chunk summaries

    async def list_objects(self, prefix: str, start_after: str | None = None) -> list[ObjectInfo]:
        found = await super().list_objects(prefix, start_after)
        if prefix.endswith("chunks/done/"):
            self.listed.append(len(found))
        return found


class CountingMinio(MinioStore):
    listed: list[int]

    async def list_objects(self, prefix: str, start_after: str | None = None) -> list[ObjectInfo]:
        found = await super().list_objects(prefix, start_after)
        if prefix.endswith("chunks/done/"):
            self.listed.append(len(found))
        return found


@pytest.fixture(
    params=[
        pytest.param("memory", marks=pytest.mark.unit),
        pytest.param("s3", marks=pytest.mark.integration),
    ]
)
async def counting(request: pytest.FixtureRequest) -> AsyncIterator[CountingMemory | CountingMinio]:
    if request.param == "memory":
        yield CountingMemory()
        return
    settings: CommonSettings = request.getfixturevalue("common_settings")
    store = CountingMinio(
        settings.s3_endpoint,
        settings.s3_access_key,
        settings.s3_secret_key.get_secret_value(),
        settings.s3_bucket,
    )
    store.listed = []
    await store.ensure_bucket()
    yield store
    store.close()


async def running_session(store: ObjectStore, tenant: str, session_id: str) -> SessionKeys:
    keys = await seed_session(store, tenant, session_id, make_rows(CHUNKS * 10))
    plan = Plan(
        session_id=session_id,
        total_rows=CHUNKS * 10,
        chunk_size=10,
        chunk_count=CHUNKS,
        planned_at=datetime.now(UTC),
    )
    await store.put_model(keys.plan, plan)
    return keys


async def finish(store: ObjectStore, keys: SessionKeys, *chunks: int) -> None:
    now = datetime.now(UTC)
    for n in chunks:
        # Chunk n finished n + 1 rows, one of them failed: each chunk's share is visible.
        counters = Counters(done=n + 1, failed=1)
        summary = ChunkSummary(
            chunk=n, counters=counters, started_at=now, finished_at=now, usage=Usage(fetches=n)
        )
        await store.put_model(keys.chunk_done(n), summary)


async def test_out_of_order_chunks_count_and_held_ones_are_not_listed_again(
    counting: CountingMemory | CountingMinio, tenant: str
) -> None:
    keys = await running_session(counting, tenant, "a" * 32)
    reader = SessionStateReader(counting)
    await finish(counting, keys, 0, 1, 3)

    first = await reader.read(tenant, keys.session_id)
    await finish(counting, keys, 2, 5)
    second = await reader.read(tenant, keys.session_id)
    third = await reader.read(tenant, keys.session_id)
    await finish(counting, keys, 4)
    last = await reader.read(tenant, keys.session_id)

    assert (first.chunks_done, first.counters.done, first.counters.failed) == (3, 1 + 2 + 4, 3)
    # Chunk 2 finished after chunk 3 was held: still listed, as the listing starts after 1.
    assert (second.chunks_done, second.counters.done) == (5, 1 + 2 + 3 + 4 + 6)
    assert third == second
    assert (last.chunks_done, last.counters.done, last.counters.failed) == (6, 21, 6)
    assert (second.usage.fetches, last.usage.fetches) == (0 + 1 + 2 + 3 + 5, 15)
    assert last.counters.total == CHUNKS * 10
    # Listings: all three; after chunk 1 (2, 3, 5); after chunk 3 (5); after chunk 3 (4, 5);
    # a fresh reader lists all six.
    assert counting.listed == [3, 3, 1, 2]
    fresh = await SessionStateReader(counting).read(tenant, keys.session_id)
    assert fresh == last
    assert counting.listed[-1] == CHUNKS
    assert [s.chunk for s in await reader.summaries.of_run(keys)] == list(range(CHUNKS))


async def test_a_deleted_session_is_not_found_and_its_held_counters_are_dropped(
    counting: CountingMemory | CountingMinio, tenant: str
) -> None:
    keys = await running_session(counting, tenant, "b" * 32)
    reader = SessionStateReader(counting)
    await finish(counting, keys, 0, 1, 2)
    assert (await reader.read(tenant, keys.session_id)).chunks_done == 3

    # As the gateway deletes: the manifest first, then the rest.
    await counting.delete(keys.manifest)
    await counting.delete_prefix(keys.prefix)

    with pytest.raises(NotFound):
        await reader.read(tenant, keys.session_id)
    assert await reader.summaries.of_run(keys) == []
    # Written again under the same id, the session counts only what is stored now.
    keys = await running_session(counting, tenant, "b" * 32)
    await finish(counting, keys, 1)
    again = await reader.read(tenant, keys.session_id)
    assert (again.chunks_done, again.counters.done) == (1, 2)


async def test_a_small_cache_that_overflows_still_gives_every_summary(
    counting: CountingMemory | CountingMinio, tenant: str
) -> None:
    keys = await running_session(counting, tenant, "c" * 32)
    reader = SessionStateReader(counting, summary_cache_size=2)
    await finish(counting, keys, 0, 1, 3)
    assert (await reader.read(tenant, keys.session_id)).chunks_done == 3
    await finish(counting, keys, 2, 4, 5)

    states = [await reader.read(tenant, keys.session_id) for _ in range(3)]

    assert {(s.chunks_done, s.counters.done, s.usage.fetches) for s in states} == {(CHUNKS, 21, 15)}


async def test_a_reader_that_starts_from_stored_sums_still_gives_every_summary(
    counting: CountingMemory | CountingMinio, tenant: str
) -> None:
    """The notifier asks for the summaries themselves: stored sums do not hold them."""
    keys = await running_session(counting, tenant, "e" * 32)
    await finish(counting, keys, 0, 1, 2, 4)
    writer = SessionStateReader(counting, sums=SumsWriter(counting, every=1))
    written = await writer.read(tenant, keys.session_id)
    await writer.settle()

    fresh = SessionStateReader(counting)
    counting.listed.clear()
    assert await fresh.read(tenant, keys.session_id) == written
    assert counting.listed == [1]  # chunk 4 only: chunks 0-2 come from the stored sums
    assert [s.chunk for s in await fresh.summaries.of_run(keys)] == [0, 1, 2, 4]
    await finish(counting, keys, 3)
    assert [s.chunk for s in await fresh.summaries.of_run(keys)] == [0, 1, 2, 3, 4]
    # All four, then after chunk 2 (3 and 4): held from chunk 0 on once listed.
    assert counting.listed == [1, 4, 2]
    again = await fresh.read(tenant, keys.session_id)
    assert (again.chunks_done, again.counters.done) == (5, 1 + 2 + 3 + 4 + 5)
