"""The tenant's domain cache in front of the pipeline.

A row whose domain (or name and country) was enriched `ok` by a session of the same tenant
and profile within `days` days is answered from the cache: no fetch, search or model
call, and no batch look-up in `prepare`. Every other row goes through the pipeline, and
the chunk's `ok` results are stored for later sessions, all of them at once in the batch
step, as one block and its index (`shared/cache_blocks.py`). A row is looked up in the
worker's in-memory index of the tenant's keys (`worker/cache_index.py`) first: a key with
no entry costs no request. The batch step (`finish`, HubSpot write-backs) sees every row,
cached or not. A cache that cannot be read or written is a miss, never a failed row.
"""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime

import structlog

from shared.cache_blocks import encode_block, encode_index, key_hash, stamp
from shared.domain_cache import (
    CacheEntry,
    entry_keys,
    fresh,
    new_entry,
    profile_of,
    reused_row,
    storable,
    stored_keys,
)
from shared.errors import NotFound
from shared.layout import cache_block_key, cache_index_key
from shared.rows import PlannedRow, ResultRow
from shared.storage.protocol import ObjectStore
from worker.cache_index import CacheIndexes
from worker.cache_slots import MAX_LENGTH, Located
from worker.pipeline.protocol import ChunkPipeline, Pipeline, SessionContext

log = structlog.get_logger()

# A block a chunk needs this many lines of is read whole (one request); fewer, line by line.
WHOLE_BLOCK_LINES = 8


class CachedPipeline:
    def __init__(
        self,
        inner: Pipeline,
        store: ObjectStore,
        days: int,
        indexes: CacheIndexes | None = None,
    ) -> None:
        self._inner = inner
        self._store = store
        self._days = days
        self.indexes = indexes or CacheIndexes(store, days)

    def open_chunk(self, session: SessionContext) -> ChunkPipeline:
        chunk = self._inner.open_chunk(session)
        profile = profile_of(session.options, session.context_text)
        if self._days <= 0 or profile is None:
            return chunk
        return _CachedChunk(chunk, self._store, self.indexes, session, profile, self._days)

    async def aclose(self) -> None:
        await self._inner.aclose()


class _CachedChunk:
    def __init__(
        self,
        inner: ChunkPipeline,
        store: ObjectStore,
        indexes: CacheIndexes,
        session: SessionContext,
        profile: str,
        days: int,
    ) -> None:
        self._inner = inner
        self._store = store
        self._indexes = indexes
        self._session = session
        self._profile = profile
        self._days = days
        self._hits: dict[int, ResultRow] = {}
        self._found: list[CacheEntry] = []

    async def prepare(
        self, rows: Sequence[PlannedRow], answered: Sequence[PlannedRow] = ()
    ) -> None:
        now = datetime.now(UTC)
        index = await self._indexes.fresh(self._session.tenant)
        now_ms = int(now.timestamp() * 1000)
        wanted: dict[int, tuple[str, Located]] = {}
        for row in rows:
            for key in entry_keys(self._session.tenant, row):
                located = index.find(key_hash(self._profile, key), now_ms)
                if located is not None:
                    wanted[row.row] = (key, located)
                    break
        lines = await read_lines(self._store, [located for _key, located in wanted.values()])
        by_row = {row.row: row for row in rows}
        for number, (key, located) in wanted.items():
            hit = self._reuse(by_row[number], key, lines.get(located), now)
            if hit is not None:
                self._hits[number] = hit
        if self._hits:
            log.info("cache.hits", rows=len(self._hits), looked_up=len(wanted))
        # The rows answered here still reach the batch step: the pipeline notes their input.
        missed = [row for row in rows if row.row not in self._hits]
        hits = [row for row in rows if row.row in self._hits]
        await self._inner.prepare(missed, [*answered, *hits])

    async def enrich(self, row: PlannedRow) -> ResultRow:
        hit = self._hits.get(row.row)
        if hit is not None:
            log.info("row.cached", cached_at=hit.cached_at)
            return hit
        result = await self._inner.enrich(row)
        if storable(result):
            keys = stored_keys(self._session.tenant, row, result)
            if keys:
                now = datetime.now(UTC)
                self._found.append(
                    new_entry(result, keys, self._profile, self._session.session_id, now)
                )
        return result

    async def finish(self, results: list[ResultRow]) -> list[ResultRow]:
        if self._found:
            await self._store_found()
        return await self._inner.finish(results)

    def _reuse(
        self, row: PlannedRow, key: str, line: bytes | None, now: datetime
    ) -> ResultRow | None:
        if line is None:
            return None
        try:
            entry = CacheEntry.model_validate_json(line)
        except ValueError as exc:  # an unreadable entry is a miss
            log.warning("cache.unreadable", row=row.row, error=f"{type(exc).__name__}: {exc}")
            return None
        return reused_row(entry, row) if fresh(entry, key, self._profile, self._days, now) else None

    async def _store_found(self) -> None:
        """The chunk's found rows as one block, then its index (so that every index
        listed names a stored block)."""
        tenant = self._session.tenant
        lines = [
            ([key_hash(self._profile, key) for key in entry.keys], entry.model_dump_json().encode())
            for entry in self._found
        ]
        block, index = encode_block([line for line in lines if len(line[1]) <= MAX_LENGTH])
        name = stamp(int(time.time() * 1000))
        try:
            await self._store.put_bytes(
                cache_block_key(tenant, name), block, "application/x-ndjson"
            )
            await self._store.put_bytes(cache_index_key(tenant, name), encode_index(index))
        except Exception as exc:  # the rows are done whether or not they are remembered
            log.warning("cache.not_stored", rows=len(lines), error=f"{type(exc).__name__}: {exc}")
            return
        self._indexes.of(tenant).add(name, index)
        self._found = []


async def read_lines(store: ObjectStore, wanted: list[Located]) -> dict[Located, bytes]:
    """The entry lines the index pointed at, by block: a block with many of them whole, the
    others line by line. A block or line that cannot be read is left out (a miss)."""
    by_block: dict[str, list[Located]] = defaultdict(list)
    for located in dict.fromkeys(wanted):
        by_block[located.block_key].append(located)
    found: dict[Located, bytes] = {}

    async def whole(key: str, places: list[Located]) -> None:
        data = await store.get_bytes(key)
        for place in places:
            found[place] = data[place.offset : place.offset + place.length]

    async def one(place: Located) -> None:
        found[place] = await store.get_range(place.block_key, place.offset, place.length)

    reads = [
        whole(key, places) if len(places) >= WHOLE_BLOCK_LINES else one(place)
        for key, places in by_block.items()
        for place in (places[:1] if len(places) >= WHOLE_BLOCK_LINES else places)
    ]
    for outcome in await asyncio.gather(*reads, return_exceptions=True):
        if isinstance(outcome, BaseException) and not isinstance(outcome, NotFound):
            log.warning("cache.unreadable", error=f"{type(outcome).__name__}: {outcome}")
    return found
