"""The domain cache in front of a pipeline, on the in-memory store twin: what is kept,
what is reused, for whom and for how long."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest

from shared.cache_blocks import encode_block, encode_index, key_hash, stamp
from shared.domain_cache import (
    CacheEntry,
    country_of,
    entry_keys,
    new_entry,
    profile_of,
    stored_keys,
)
from shared.layout import cache_block_key, cache_index_key
from shared.models import QualificationOptions, SessionOptions
from shared.rows import PlannedRow, ResultRow, RowStatus
from shared.storage.memory import MemoryStore
from shared.storage.protocol import ObjectStore
from worker.cached_pipeline import CachedPipeline
from worker.pipeline.protocol import ChunkPipeline, SessionContext
from worker.settings import WorkerSettings

pytestmark = pytest.mark.unit


class CountingPipeline:
    """Finds every company at https://<domain>/ (or fails rows named `Broken`)."""

    def __init__(self) -> None:
        self.enriched: list[str] = []
        self.prepared: list[str] = []
        self.finished: list[int] = []

    def open_chunk(self, session: SessionContext) -> ChunkPipeline:
        return self

    async def aclose(self) -> None:
        return None

    async def prepare(
        self, rows: Sequence[PlannedRow], answered: Sequence[PlannedRow] = ()
    ) -> None:
        self.prepared.extend(row.name for row in rows)

    async def enrich(self, row: PlannedRow) -> ResultRow:
        self.enriched.append(row.name)
        status = RowStatus.FAILED if row.name == "Broken" else RowStatus.OK
        website = f"https://{row.domain or 'found-by-name.com'}/"
        return ResultRow(
            row=row.row,
            original=row.original,
            company_name=row.name,
            official_website=website if status is RowStatus.OK else "",
            description=f"{row.name} makes things",
            row_status=status,
            hubspot_company_id="42",
        )

    async def finish(self, results: list[ResultRow]) -> list[ResultRow]:
        self.finished.extend(r.row for r in results)
        return results


def planned(n: int, name: str, domain: str | None, country: str = "") -> PlannedRow:
    original = {"Company": name, "Country": country}
    return PlannedRow(row=n, name=name, name_key=name.lower(), domain=domain, original=original)


def session(tenant: str = "acme", **options: object) -> SessionContext:
    return SessionContext(tenant, f"s-{tenant}", 0, "context", SessionOptions(**options))


async def run(
    pipeline: CachedPipeline, rows: list[PlannedRow], context: SessionContext
) -> list[ResultRow]:
    chunk = pipeline.open_chunk(context)
    await chunk.prepare(rows)
    return await chunk.finish([await chunk.enrich(row) for row in rows])


def old_entry(
    row: PlannedRow, cached_at: datetime, context: str = "context", tenant: str = "acme"
) -> CacheEntry:
    result = ResultRow(
        row=row.row,
        company_name=row.name,
        official_website=f"https://{row.domain or 'found-by-name.com'}/",
        row_status=RowStatus.OK,
    )
    keys = stored_keys(tenant, row, result)
    profile = profile_of(SessionOptions(), context)
    assert profile is not None
    return new_entry(result, keys, profile, "s-old", cached_at)


async def store_entries(
    store: ObjectStore, tenant: str, entries: list[CacheEntry], at: datetime
) -> str:
    """A block of these entries and its index, as a worker writing at `at` stores them."""
    lines = [
        ([key_hash(e.profile, key) for key in e.keys], e.model_dump_json().encode())
        for e in entries
    ]
    block, index = encode_block(lines)
    name = stamp(int(at.timestamp() * 1000))
    await store.put_bytes(cache_block_key(tenant, name), block)
    await store.put_bytes(cache_index_key(tenant, name), encode_index(index))
    return name


ROWS = [
    planned(0, "Acme", "acme.com"),
    planned(1, "Zenith", None, "Germany"),
    planned(2, "Broken", "broken.com"),
]


async def test_found_rows_are_reused_by_the_same_tenant_and_failures_are_not() -> None:
    store, inner = MemoryStore(), CountingPipeline()
    cached = CachedPipeline(inner, store, days=30)
    first = await run(cached, ROWS, session())
    assert [r.cached_at for r in first] == ["", "", ""]

    inner.enriched.clear()
    inner.prepared.clear()
    again = [planned(5, "Acme Again", "acme.com"), *ROWS[1:]]
    second = await run(cached, again, session())
    assert inner.enriched == ["Broken"]
    assert inner.prepared == ["Broken"]
    acme, zenith, broken = second
    assert acme.row == 5
    assert acme.company_name == "Acme Again"
    assert acme.notes.startswith("cached from ")
    assert acme.cached_at[:10] == acme.notes[len("cached from ") : len("cached from ") + 10]
    # The HubSpot id belonged to the first session's write-back, not to the company.
    assert acme.hubspot_company_id == ""
    assert zenith.official_website == "https://found-by-name.com/"
    assert broken.cached_at == ""
    # Every row, cached or not, reaches the batch step.
    assert inner.finished[-3:] == [5, 1, 2]


async def test_another_tenant_or_a_session_without_the_cache_enriches_every_row() -> None:
    store, inner = MemoryStore(), CountingPipeline()
    cached = CachedPipeline(inner, store, days=30)
    await run(cached, ROWS, session())
    for context in (
        session("other"),
        session(use_cache=False),
        session(qualification=QualificationOptions(criteria=["cdn"])),
    ):
        inner.enriched.clear()
        results = await run(cached, ROWS, context)
        assert inner.enriched == ["Acme", "Zenith", "Broken"], context
        assert all(not r.cached_at for r in results)


async def test_entries_older_than_the_setting_or_of_another_context_are_not_reused() -> None:
    store, inner = MemoryStore(), CountingPipeline()
    now = datetime.now(UTC)
    month_ago = now - timedelta(days=31)
    # Stored 31 days ago, or stored now with findings that old: neither is reused.
    await store_entries(store, "acme", [old_entry(ROWS[0], month_ago)], month_ago)
    await store_entries(store, "acme", [old_entry(ROWS[1], month_ago)], now - timedelta(seconds=1))
    await run(CachedPipeline(inner, store, days=30), ROWS[:2], session())
    assert inner.enriched == ["Acme", "Zenith"]

    inner.enriched.clear()
    other_context = SessionContext("acme", "s2", 0, "another question", SessionOptions())
    await run(CachedPipeline(inner, store, days=30), ROWS[:1], other_context)
    assert inner.enriched == ["Acme"]
    # Each context keeps its own findings: the first one's are still reused.
    inner.enriched.clear()
    await run(CachedPipeline(inner, store, days=30), ROWS[:2], session())
    assert inner.enriched == []

    await run(CachedPipeline(inner, store, days=0), ROWS[:1], session())
    assert inner.enriched == ["Acme"]


def test_keys_are_per_tenant_and_use_the_domain_else_the_name_and_country() -> None:
    assert entry_keys("a", ROWS[0]) == ["tenants/a/cache/domains/acme.com.json"]
    assert entry_keys("b", ROWS[0]) == ["tenants/b/cache/domains/acme.com.json"]
    (by_name,) = entry_keys("a", ROWS[1])
    assert by_name.startswith("tenants/a/cache/names/germany/")
    assert entry_keys("a", planned(9, "X", "../etc")) == []
    assert country_of({"Company": "X", "country code": " United Kingdom "}) == "united-kingdom"
    assert country_of({"Company": "X"}) == ""
    assert profile_of(SessionOptions(), "a") != profile_of(SessionOptions(), "b")
    deep = SessionOptions(run_llm_deep_search_pipeline=True)
    assert profile_of(deep, "a") != profile_of(SessionOptions(), "a")


def test_a_deployment_keeps_findings_30_days_unless_it_says_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DOSSIER_CACHE_DAYS", raising=False)
    assert WorkerSettings(environment="test").cache_days == 30
    monkeypatch.setenv("DOSSIER_CACHE_DAYS", "0")
    assert WorkerSettings(environment="test").cache_days == 0
