"""The domain cache on the real object store (SeaweedFS through the S3 adapter): what is
kept, reused, for whom and for how long, by workers writing at once, and which rows cost
a write."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from shared.cache_blocks import decode_index
from shared.layout import SessionKeys, cache_index_prefix, tenant_cache_prefix
from shared.models import QualificationOptions, SessionOptions
from shared.rows import PlannedRow
from shared.storage.s3 import MinioStore
from tests.worker.test_domain_cache_unit import (
    CountingPipeline,
    old_entry,
    planned,
    run,
    session,
    store_entries,
)
from worker.cached_pipeline import CachedPipeline
from worker.pipeline.protocol import SessionContext

pytestmark = pytest.mark.contract


def rows() -> list[PlannedRow]:
    return [
        planned(0, "Acme", "acme.com"),
        planned(1, "Zenith", None, "Germany"),
        planned(2, "Broken", "broken.com"),
    ]


async def _indexes(store: MinioStore, tenant: str) -> list[str]:
    return [info.key for info in await store.list_objects(cache_index_prefix(tenant))]


async def test_found_rows_are_stored_once_per_chunk_and_reused_and_a_hit_is_not_written_again(
    store: MinioStore, tenant: str
) -> None:
    inner = CountingPipeline()
    cached = CachedPipeline(inner, store, days=30)
    first = await run(cached, rows(), session(tenant))
    assert [r.cached_at for r in first] == ["", "", ""]
    (index_key,) = await _indexes(store, tenant)
    # Two found rows, the one found by name under its name and its domain; not the failure.
    assert len(decode_index(await store.get_bytes(index_key)).hashes) == 3
    blocks = await store.list_objects(f"{tenant_cache_prefix(tenant)}blocks/")
    assert [b.key.rsplit("/", 1)[1][:-6] for b in blocks] == [index_key.rsplit("/", 1)[1][:-4]]

    inner.enriched.clear()
    second = await run(cached, rows(), session(tenant))
    assert inner.enriched == ["Broken"]
    acme, zenith, broken = second
    assert acme.cached_at
    assert zenith.cached_at
    assert not broken.cached_at
    assert zenith.official_website == "https://found-by-name.com/"
    # A later worker, its index read from storage, finds the company by the found domain.
    inner.enriched.clear()
    later = CachedPipeline(inner, store, days=30)
    (by_domain,) = await run(later, [planned(7, "Zenith", "found-by-name.com")], session(tenant))
    assert by_domain.cached_at
    assert inner.enriched == []
    # Fresh hits are not written again.
    assert await _indexes(store, tenant) == [index_key]


async def test_another_tenant_or_a_session_without_the_cache_enriches_every_row(
    store: MinioStore, tenant: str
) -> None:
    inner = CountingPipeline()
    cached = CachedPipeline(inner, store, days=30)
    await run(cached, rows(), session(tenant))
    for context in (
        session(f"{tenant}-other"),
        session(tenant, use_cache=False),
        session(tenant, qualification=QualificationOptions(criteria=["cdn"])),
    ):
        inner.enriched.clear()
        results = await run(cached, rows(), context)
        assert inner.enriched == ["Acme", "Zenith", "Broken"], context
        assert all(not r.cached_at for r in results)


async def test_stale_entries_and_another_context_are_enriched_again_and_stored_anew(
    store: MinioStore, tenant: str
) -> None:
    inner = CountingPipeline()
    now = datetime.now(UTC)
    month_ago = now - timedelta(days=31)
    acme = rows()[:1]
    await store_entries(
        store, tenant, [old_entry(acme[0], month_ago, tenant=tenant)], now - timedelta(seconds=1)
    )
    await run(CachedPipeline(inner, store, days=30), acme, session(tenant))
    assert inner.enriched == ["Acme"]
    assert len(await _indexes(store, tenant)) == 2

    inner.enriched.clear()
    other = SessionContext(tenant, "s2", 0, "another question", SessionOptions())
    await run(CachedPipeline(inner, store, days=30), acme, other)
    assert inner.enriched == ["Acme"]
    # Both contexts' findings are kept: the first context is still answered.
    inner.enriched.clear()
    (again,) = await run(CachedPipeline(inner, store, days=30), acme, session(tenant))
    assert inner.enriched == []
    assert again.cached_at[:10] == now.date().isoformat()


async def test_workers_writing_at_once_each_store_their_block_and_every_one_is_reused(
    store: MinioStore, tenant: str
) -> None:
    inner = CountingPipeline()
    workers = [CachedPipeline(inner, store, days=30) for _ in range(3)]
    # Three workers, eight chunks, overlapping companies, no coordination.
    chunks = [
        [planned(n, f"Company {n}", f"company{n % 30}.example") for n in range(c * 10, c * 10 + 20)]
        for c in range(8)
    ]
    await asyncio.gather(
        *(run(workers[c % 3], chunk, session(tenant)) for c, chunk in enumerate(chunks))
    )
    assert len(await _indexes(store, tenant)) >= 2

    inner.enriched.clear()
    everyone = [planned(n, f"Later {n}", f"company{n}.example") for n in range(30)]
    for worker in (*workers, CachedPipeline(inner, store, days=30)):
        results = await run(worker, everyone, session(tenant))
        assert all(r.cached_at for r in results)
    assert inner.enriched == []


async def test_a_deleted_session_leaves_the_tenants_cache_and_an_emptied_cache_is_a_miss(
    store: MinioStore, tenant: str
) -> None:
    inner = CountingPipeline()
    cached = CachedPipeline(inner, store, days=30)
    await run(cached, rows()[:1], session(tenant))
    await store.delete_prefix(SessionKeys(tenant, f"s-{tenant}").prefix)
    inner.enriched.clear()
    (kept,) = await run(CachedPipeline(inner, store, days=30), rows()[:1], session(tenant))
    assert kept.cached_at
    assert inner.enriched == []

    await store.delete_prefix(tenant_cache_prefix(tenant))
    (missed,) = await run(cached, rows()[:1], session(tenant))
    assert inner.enriched == ["Acme"]
    assert not missed.cached_at
    assert missed.row_status.value == "ok"
