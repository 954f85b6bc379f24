"""The tenant's domain cache in front of the pipeline.

A row whose domain (or name and country) was enriched `ok` by a session of the same tenant
and profile within `days` days is answered from the cache: no fetch, search or model
call, and no batch look-up in `prepare`. Every other row goes through the pipeline, and an
`ok` result is stored for later sessions. The batch step (`finish`, HubSpot write-backs)
sees every row, cached or not. A cache that cannot be read or written is a miss, never a
failed row.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime

import structlog

from shared.company_keys import registered_domain
from shared.domain_cache import (
    CacheEntry,
    domain_key,
    entry_keys,
    fresh,
    new_entry,
    profile_of,
    reused_row,
    storable,
)
from shared.errors import NotFound
from shared.rows import PlannedRow, ResultRow
from shared.storage.protocol import ObjectStore
from worker.pipeline.protocol import ChunkPipeline, Pipeline, SessionContext

log = structlog.get_logger()


class CachedPipeline:
    def __init__(self, inner: Pipeline, store: ObjectStore, days: int) -> None:
        self._inner = inner
        self._store = store
        self._days = days

    def open_chunk(self, session: SessionContext) -> ChunkPipeline:
        chunk = self._inner.open_chunk(session)
        profile = profile_of(session.options, session.context_text)
        if self._days <= 0 or profile is None:
            return chunk
        return _CachedChunk(chunk, self._store, session, profile, self._days)

    async def aclose(self) -> None:
        await self._inner.aclose()


class _CachedChunk:
    def __init__(
        self,
        inner: ChunkPipeline,
        store: ObjectStore,
        session: SessionContext,
        profile: str,
        days: int,
    ) -> None:
        self._inner = inner
        self._store = store
        self._session = session
        self._profile = profile
        self._days = days
        self._hits: dict[int, ResultRow] = {}

    async def prepare(self, rows: Sequence[PlannedRow]) -> None:
        now = datetime.now(UTC)
        found = await asyncio.gather(*(self._lookup(row, now) for row in rows))
        self._hits = {row.row: hit for row, hit in zip(rows, found, strict=True) if hit}
        if self._hits:
            log.info("cache.hits", rows=len(self._hits))
        await self._inner.prepare([row for row in rows if row.row not in self._hits])

    async def enrich(self, row: PlannedRow) -> ResultRow:
        hit = self._hits.get(row.row)
        if hit is not None:
            log.info("row.cached", cached_at=hit.cached_at)
            return hit
        result = await self._inner.enrich(row)
        if storable(result):
            await self._remember(row, result)
        return result

    async def finish(self, results: list[ResultRow]) -> list[ResultRow]:
        return await self._inner.finish(results)

    async def _lookup(self, row: PlannedRow, now: datetime) -> ResultRow | None:
        for key in entry_keys(self._session.tenant, row):
            try:
                entry = await self._store.get_model(key, CacheEntry)
            except NotFound:
                continue
            except Exception as exc:  # an unreadable entry is a miss
                log.warning("cache.unreadable", row=row.row, error=f"{type(exc).__name__}: {exc}")
                continue
            if fresh(entry, self._profile, self._days, now):
                return reused_row(entry, row)
        return None

    async def _remember(self, row: PlannedRow, result: ResultRow) -> None:
        keys = entry_keys(self._session.tenant, row)
        found = domain_key(self._session.tenant, registered_domain(result.official_website))
        if not row.domain and found:
            # A company found by name is found again by its domain in later sessions.
            keys.append(found)
        entry = new_entry(result, self._profile, self._session.session_id, datetime.now(UTC))
        for key in keys:
            try:
                await self._store.put_model(key, entry)
            except Exception as exc:  # the row is done whether or not it is remembered
                log.warning("cache.not_stored", row=row.row, error=f"{type(exc).__name__}: {exc}")
