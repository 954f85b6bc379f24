"""The domain cache on the real object store (SeaweedFS through the S3 adapter): what is
kept, reused, for whom and for how long, and which rows cost a write."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from shared.domain_cache import CacheEntry, entry_keys
from shared.models import QualificationOptions, SessionOptions
from shared.rows import PlannedRow
from shared.storage.s3 import MinioStore
from tests.worker.test_domain_cache_unit import CountingPipeline, planned, run, session
from worker.cached_pipeline import CachedPipeline
from worker.pipeline.protocol import SessionContext

pytestmark = pytest.mark.contract


def rows() -> list[PlannedRow]:
    return [
        planned(0, "Acme", "acme.com"),
        planned(1, "Zenith", None, "Germany"),
        planned(2, "Broken", "broken.com"),
    ]


async def test_found_rows_are_stored_and_reused_and_a_hit_is_not_written_again(
    store: MinioStore, tenant: str
) -> None:
    inner = CountingPipeline()
    cached = CachedPipeline(inner, store, days=30)
    first = await run(cached, rows(), session(tenant))
    assert [r.cached_at for r in first] == ["", "", ""]
    acme_key = entry_keys(tenant, rows()[0])[0]
    written = await store.stat(acme_key)
    assert written is not None
    # Failures are never kept; a company found by name is kept under its name and domain.
    assert await store.stat(entry_keys(tenant, rows()[2])[0]) is None
    assert await store.stat(entry_keys(tenant, rows()[1])[0]) is not None
    assert await store.stat(f"tenants/{tenant}/cache/domains/found-by-name.com.json") is not None

    inner.enriched.clear()
    second = await run(cached, rows(), session(tenant))
    assert inner.enriched == ["Broken"]
    acme, zenith, broken = second
    assert acme.cached_at
    assert zenith.cached_at
    assert not broken.cached_at
    assert zenith.official_website == "https://found-by-name.com/"
    # A fresh hit leaves its entry as it was: the same bytes, not a second write.
    again = await store.stat(acme_key)
    assert again is not None
    assert (again.etag, again.last_modified) == (
        written.etag,
        written.last_modified,
    )


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


async def test_stale_entries_and_another_context_are_enriched_again_and_rewritten(
    store: MinioStore, tenant: str
) -> None:
    inner = CountingPipeline()
    acme = rows()[:1]
    await run(CachedPipeline(inner, store, days=30), acme, session(tenant))
    key = entry_keys(tenant, acme[0])[0]
    entry = await store.get_model(key, CacheEntry)
    old = entry.model_copy(update={"cached_at": datetime.now(UTC) - timedelta(days=31)})
    await store.put_model(key, old)

    inner.enriched.clear()
    await run(CachedPipeline(inner, store, days=30), acme, session(tenant))
    assert inner.enriched == ["Acme"]
    renewed = await store.get_model(key, CacheEntry)
    assert renewed.cached_at > old.cached_at

    inner.enriched.clear()
    other = SessionContext(tenant, "s2", 0, "another question", SessionOptions())
    await run(CachedPipeline(inner, store, days=30), acme, other)
    assert inner.enriched == ["Acme"]
    # The other context's findings replaced the entry; the first context misses now.
    inner.enriched.clear()
    await run(CachedPipeline(inner, store, days=30), acme, session(tenant))
    assert inner.enriched == ["Acme"]


async def test_concurrent_writers_of_one_domain_leave_one_whole_reusable_entry(
    store: MinioStore, tenant: str
) -> None:
    inner = CountingPipeline()
    cached = CachedPipeline(inner, store, days=30)
    same = [planned(n, f"Acme {n}", "acme.com") for n in range(8)]
    await asyncio.gather(*(run(cached, [row], session(tenant)) for row in same))
    entry = await store.get_model(entry_keys(tenant, same[0])[0], CacheEntry)
    assert entry.result["Company_Name"] in {row.name for row in same}

    inner.enriched.clear()
    (reused,) = await run(cached, [planned(9, "Acme Later", "acme.com")], session(tenant))
    assert inner.enriched == []
    assert reused.company_name == "Acme Later"
    assert reused.cached_at
