"""The domain cache's storage requests and the worker's index of a tenant's keys, on the
in-memory store twin: a cold row costs no request, a chunk's found rows one block and one
index, and what workers hold in memory stays bounded."""

from __future__ import annotations

import asyncio
from array import array
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from shared.cache_blocks import decode_index, encode_block, encode_index, key_hash, stamp_ms
from shared.layout import cache_index_prefix, cache_summary_prefix, tenant_cache_prefix
from shared.storage.memory import MemoryStore
from shared.storage.protocol import ObjectInfo
from tests.worker.test_domain_cache_unit import (
    CountingPipeline,
    old_entry,
    planned,
    run,
    session,
    store_entries,
)
from worker.cache_index import (
    DAY_MS,
    FULL_LISTING_EVERY_MS,
    SHORT_WINDOW_MS,
    WINDOW_MS,
    CacheIndexes,
    TenantIndex,
)
from worker.cache_summary import Summary, decode_summary, encode_summary
from worker.cached_pipeline import CachedPipeline

pytestmark = pytest.mark.unit


class CountingStore(MemoryStore):
    """The twin, counting requests by kind."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: Counter[str] = Counter()

    async def put_bytes(
        self, key: str, data: bytes, content_type: str = "application/octet-stream"
    ) -> None:
        self.calls["put"] += 1
        await super().put_bytes(key, data, content_type)

    async def get_bytes(self, key: str) -> bytes:
        self.calls["get"] += 1
        return await super().get_bytes(key)

    async def get_range(self, key: str, start: int, length: int) -> bytes:
        self.calls["get_range"] += 1
        return await super().get_range(key, start, length)

    async def list_objects(self, prefix: str, start_after: str | None = None) -> list[ObjectInfo]:
        self.calls["list"] += 1
        return await super().list_objects(prefix, start_after)


def companies(count: int, first: int = 0) -> list:  # type: ignore[type-arg]
    return [planned(n, f"Company {n}", f"company{n}.example") for n in range(first, first + count)]


async def test_a_cold_chunk_costs_a_listing_and_two_writes_whatever_its_rows() -> None:
    store, inner = CountingStore(), CountingPipeline()
    cached = CachedPipeline(inner, store, days=30)
    # A worker's first chunk of a tenant also looks for a summary (there is none).
    await run(cached, companies(200), session())
    assert store.calls == {"list": 2, "put": 2}
    store.calls.clear()
    await run(cached, companies(200, first=200), session())
    assert store.calls == {"list": 1, "put": 2}
    assert len(inner.enriched) == 400


async def test_a_warm_chunk_reads_its_block_whole_and_a_few_hits_read_their_lines() -> None:
    store, inner = CountingStore(), CountingPipeline()
    cached = CachedPipeline(inner, store, days=30)
    await run(cached, companies(200), session())
    store.calls.clear()
    inner.enriched.clear()
    results = await run(cached, companies(200), session())
    assert inner.enriched == []
    assert all(r.cached_at for r in results)
    assert store.calls == {"list": 1, "get": 1}

    # Two known companies among new ones: a line each, and the new ones stored.
    store.calls.clear()
    mixed = [*companies(2, first=10), *companies(50, first=1000)]
    results = await run(cached, mixed, session())
    assert [r.cached_at != "" for r in results[:3]] == [True, True, False]
    assert store.calls == {"list": 1, "get_range": 2, "put": 2}


async def test_another_workers_block_is_found_after_its_next_refresh() -> None:
    store, inner = MemoryStore(), CountingPipeline()
    first, second = (CachedPipeline(inner, store, days=30) for _ in range(2))
    await run(second, companies(1, first=500), session())  # the second worker's index exists
    await run(first, companies(20), session())
    inner.enriched.clear()
    results = await run(second, companies(20), session())
    assert inner.enriched == []
    assert all(r.cached_at for r in results)


async def test_an_index_stored_late_within_the_window_is_still_found() -> None:
    store, inner = MemoryStore(), CountingPipeline()
    cached = CachedPipeline(inner, store, days=30)
    await run(cached, companies(5), session())  # the newest index seen: now
    now = datetime.now(UTC)
    late = old_entry(planned(7, "Late", "late.example"), now)
    await store_entries(store, "acme", [late], now - timedelta(milliseconds=WINDOW_MS // 2))
    inner.enriched.clear()
    (result,) = await run(cached, [planned(7, "Late", "late.example")], session())
    assert inner.enriched == []
    assert result.cached_at


class ListedKeys(MemoryStore):
    """The twin, counting the keys its listings return."""

    def __init__(self) -> None:
        super().__init__()
        self.listed = 0

    async def list_objects(self, prefix: str, start_after: str | None = None) -> list[ObjectInfo]:
        found = await super().list_objects(prefix, start_after)
        self.listed += len(found)
        return found


async def test_most_refreshes_list_a_few_seconds_and_one_in_ten_seconds_two_minutes() -> None:
    store = ListedKeys()
    index = TenantIndex(store, "acme", days=30)
    now = datetime.now(UTC)
    now_ms = int(now.timestamp() * 1000)
    for n in range(20):  # an index every 3 s over the last minute
        at = now - timedelta(seconds=60 - 3 * n)
        await store_entries(
            store, "acme", [old_entry(planned(n, f"C{n}", f"c{n}.example"), at)], at
        )
    await index.refresh(now_ms)  # a worker new to the tenant: the whole maximum age
    await index.refresh(now_ms + 1)  # the first with a newest stamp lists the whole window
    store.listed = 0
    await index.refresh(now_ms + 2)
    assert store.listed == 1  # stamped a second or less before the newest: that one

    # An index stamped a minute back, stored only now: the next whole-window listing.
    late_at = now - timedelta(seconds=59)
    late = planned(99, "Late", "late.example")
    await store_entries(store, "acme", [old_entry(late, late_at)], late_at)
    await index.refresh(now_ms + 3)
    assert index.entries == 20
    await index.refresh(now_ms + FULL_LISTING_EVERY_MS + 1)
    assert index.entries == 21
    assert SHORT_WINDOW_MS < WINDOW_MS


async def test_an_emptied_cache_or_an_unreadable_index_is_a_miss_not_a_failure() -> None:
    store, inner = MemoryStore(), CountingPipeline()
    cached = CachedPipeline(inner, store, days=30)
    await run(cached, companies(20), session())
    # The index in memory still names the block the operator deleted.
    await store.delete_prefix(tenant_cache_prefix("acme"))
    inner.enriched.clear()
    results = await run(cached, companies(20), session())
    assert len(inner.enriched) == 20
    assert all(r.row_status.value == "ok" and not r.cached_at for r in results)
    # ... and what those rows found is stored again and reused.
    inner.enriched.clear()
    await run(cached, companies(20), session())
    assert inner.enriched == []

    now_ms = int(datetime.now(UTC).timestamp() * 1000)
    await store.put_bytes(f"{cache_index_prefix('acme')}{now_ms:013d}-x.idx", b"not an index")
    inner.enriched.clear()
    fresh_worker = CachedPipeline(inner, store, days=30)
    await run(fresh_worker, companies(3), session())
    assert inner.enriched == []


def test_an_index_round_trips_and_refuses_what_is_not_one() -> None:
    block, index = encode_block([([1, 2], b'{"a":1}'), ([3], b'{"b":22}')])
    assert block == b'{"a":1}\n{"b":22}\n'
    back = decode_index(encode_index(index))
    assert (list(back.hashes), list(back.offsets), list(back.lengths)) == (
        [1, 2, 3],
        [0, 0, 8],
        [7, 7, 8],
    )
    assert back.block_size == len(block)
    with pytest.raises(ValueError, match="not a cache index"):
        decode_index(b"junk")
    with pytest.raises(ValueError, match="cut short"):
        decode_index(encode_index(index)[:-4])
    assert key_hash("p", "k") != key_hash("q", "k")
    assert stamp_ms("tenants/a/cache/index/1700000000123-ab.idx") == 1700000000123


async def test_the_newest_line_of_a_key_wins_and_expired_keys_leave_memory() -> None:
    index = TenantIndex(MemoryStore(), "acme", days=30)
    now = int(datetime.now(UTC).timestamp() * 1000)
    old = now - 40 * DAY_MS
    for n in range(3000):
        _block, lines = encode_block([([n, n + 1_000_000], b"{}")])
        index.add(f"{old + n:013d}-aa", lines)
    _block, lines = encode_block([([5], b"{}"), ([6], b'{"x":1}')])
    index.add(f"{now - 1000:013d}-bb", lines)
    _block, lines = encode_block([([6], b"{}")])
    index.add(f"{now - 2000:013d}-cc", lines)
    assert index.entries == 6003
    found = index.find(6, now)
    assert found is not None
    assert (found.written_ms, found.offset, found.length) == (now - 1000, 3, 7)
    assert index.find(7, now) is None  # only in blocks past the maximum age
    assert index.find(7, old + 10) is not None  # ... which a clock 40 days back still reads
    index._forget_old(now)
    assert index.entries == 3
    assert len(index._blocks) == 2  # the expired blocks' names go too
    found = index.find(6, now)
    assert found is not None
    assert (found.written_ms, found.offset, found.length) == (now - 1000, 3, 7)
    assert found.block_key.endswith(f"{now - 1000:013d}-bb.jsonl")
    assert index.find(5, now) is not None
    assert index.find(1_000_005, old + 10) is None


async def test_a_worker_drops_the_least_recently_used_tenants_past_its_budget() -> None:
    store, inner = MemoryStore(), CountingPipeline()
    indexes = CacheIndexes(store, days=30, max_entries=150)
    cached = CachedPipeline(inner, store, 30, indexes)
    for tenant in ("a", "b", "c"):
        await run(cached, companies(100), session(tenant))
    assert indexes.entries <= 200  # b and c, then c: never more than the budget and one
    inner.enriched.clear()
    await run(cached, companies(100), session("a"))  # read back from storage
    assert inner.enriched == []


async def test_an_index_from_a_clock_ahead_hides_no_later_index() -> None:
    store, inner = MemoryStore(), CountingPipeline()
    cached = CachedPipeline(inner, store, days=30)
    now = datetime.now(UTC)
    ahead = old_entry(planned(1, "Ahead", "ahead.example"), now)
    await store_entries(store, "acme", [ahead], now + timedelta(days=1))
    await run(cached, [planned(1, "Ahead", "ahead.example")], session())
    await store_entries(store, "acme", [old_entry(planned(2, "Now", "now.example"), now)], now)
    inner.enriched.clear()
    results = await run(cached, [planned(2, "Now", "now.example")], session())
    assert inner.enriched == []
    assert results[0].cached_at


async def test_a_worker_new_to_a_tenant_reads_a_summary_instead_of_every_index() -> None:
    store, inner = CountingStore(), CountingPipeline()
    now = datetime.now(UTC)
    rows = companies(30)
    # Ten chunks stored before the listing's window, two within it.
    for n in range(12):
        at = now - timedelta(minutes=30 - n) if n < 10 else now - timedelta(seconds=12 - n)
        entries = [old_entry(row, at) for row in rows[n * 2 : n * 2 + 2]]
        await store_entries(store, "acme", entries, at)
    summarising = CachedPipeline(inner, store, 30, CacheIndexes(store, 30, summary_every=5))
    await run(summarising, companies(1, first=900), session())
    await asyncio.sleep(0.01)  # the summary is written in the background
    (summary,) = await store.list_objects(cache_summary_prefix("acme"))

    store.calls.clear()
    inner.enriched.clear()
    results = await run(CachedPipeline(inner, store, days=30), rows[:24], session())
    assert inner.enriched == []
    assert all(r.cached_at for r in results)
    # The summary, then only the indexes after it (two, and the first worker's own).
    assert store.calls["get"] == 1 + 3
    # It covers the ten chunks before the window: it is named after the newest of them.
    assert stamp_ms(summary.key) == int((now - timedelta(minutes=21)).timestamp() * 1000)


async def test_a_busy_tenant_writes_a_summary_once_per_summary_every_blocks() -> None:
    store, inner = CountingStore(), CountingPipeline()
    now = datetime.now(UTC)
    rows = companies(40)
    # Ten chunks stored before the listing's window, eight within it: more blocks within
    # the window than a summary is written for.
    for n in range(18):
        at = now - timedelta(minutes=30 - n) if n < 10 else now - timedelta(seconds=20 - n)
        entries = [old_entry(row, at) for row in rows[n * 2 : n * 2 + 2]]
        await store_entries(store, "acme", entries, at)
    summarising = CachedPipeline(inner, store, 30, CacheIndexes(store, 30, summary_every=5))
    store.calls.clear()
    for n in range(3):
        await run(summarising, companies(1, first=900 + n), session())
        await asyncio.sleep(0.01)  # the summary is written in the background
    # Each chunk stores its block and its index; one summary, not one per chunk.
    assert store.calls["put"] == 3 * 2 + 1
    assert len(await store.list_objects(cache_summary_prefix("acme"))) == 1


def test_a_summary_round_trips_and_refuses_what_is_not_one() -> None:
    summary = Summary(
        [("1700000000000-" + "a" * 16, 10, 2)], array("Q", [1, 2]), array("Q", [5, 6])
    )
    back = decode_summary(encode_summary(summary))
    assert back.blocks == summary.blocks
    assert (list(back.hashes), list(back.slots)) == ([1, 2], [5, 6])
    with pytest.raises(ValueError, match="not a cache summary"):
        decode_summary(b"junk")
    with pytest.raises(ValueError, match="cut short"):
        decode_summary(encode_summary(summary)[:-1])


def test_a_summary_loaded_beside_blocks_already_held_keeps_both_findable() -> None:
    now = int(datetime.now(UTC).timestamp() * 1000)
    held = TenantIndex(MemoryStore(), "acme", days=30)
    held.add(f"{now - 5000:013d}-{'a' * 16}", encode_block([([1], b"{}")])[1])
    summarised = TenantIndex(MemoryStore(), "acme", days=30)
    summarised.add(
        f"{now - 300_000:013d}-{'b' * 16}", encode_block([([2], b"{}"), ([3], b"{}")])[1]
    )
    summary = summarised.summary(now)
    assert summary is not None
    held.load(decode_summary(encode_summary(summary)))
    assert held.entries == 3
    found = held.find(3, now)
    assert found is not None
    assert (found.offset, found.length) == (3, 2)
    assert found.block_key.endswith(f"{now - 300_000:013d}-{'b' * 16}.jsonl")
    assert held.find(1, now) is not None
