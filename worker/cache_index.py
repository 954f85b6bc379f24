"""Which of a tenant's cache keys have an entry, held in the worker's memory.

Each worker keeps, per tenant it serves, the key hashes of the tenant's block indexes
(`shared/cache_blocks.py`) in sorted arrays: 16 bytes a key, so a tenant with a million
entries costs about 16 MB. A chunk refreshes its tenant's index before it looks its rows
up: one listing of the indexes stamped after the newest one seen (less a second, and
every ten seconds less two minutes, so that an index stored late by another worker is
still found), and a read of each one not seen yet. A worker's first refresh of a tenant
starts from the newest summary (`worker/cache_summary.py`), and a worker that added many
blocks writes one. Indexes older than the cache's maximum age are not listed, and their
keys are dropped from memory once they outnumber the live ones. A listing or an index that
cannot be read leaves the index as it was: keys it would have added are misses.
"""

from __future__ import annotations

import asyncio
import heapq
import time
from array import array
from collections import OrderedDict

import structlog

from shared.cache_blocks import BlockIndex, decode_index, stamp_floor, stamp_ms
from shared.layout import (
    cache_block_key,
    cache_index_prefix,
    cache_summary_key,
    cache_summary_prefix,
)
from shared.storage.protocol import ObjectStore
from worker.cache_slots import (
    MAX_BLOCKS,
    MAX_LENGTH,
    MAX_OFFSET,
    PLACE,
    Located,
    Run,
)
from worker.cache_summary import Summary, decode_summary, encode_summary

log = structlog.get_logger()

DAY_MS = 86_400_000
# An index stamped this long before the newest one seen is still listed again: it may have
# been stored after that newer one (a slow write, or another worker's clock).
WINDOW_MS = 120_000
# ... but only by one listing every FULL_LISTING_EVERY_MS; the others start SHORT_WINDOW_MS
# before it. Listing the whole window at every chunk cost SeaweedFS and the worker each
# listed key again and again (about 0.02 and 0.05 ms a key, up to two minutes of indexes).
SHORT_WINDOW_MS = 1_000
FULL_LISTING_EVERY_MS = 10_000
# Tenants' keys held by one worker at most; past it the least recently used tenants go.
MAX_ENTRIES = 2_000_000
# A worker that added this many blocks since the last summary writes one.
SUMMARY_EVERY = 500
_PENDING_MAX = 4096
_READS_IN_FLIGHT = 16


class TenantIndex:
    def __init__(
        self, store: ObjectStore, tenant: str, days: int, summary_every: int = SUMMARY_EVERY
    ) -> None:
        self._store = store
        self._tenant = tenant
        self._days = days
        self._summary_every = summary_every
        self._since_summary = 0  # blocks added since the last summary read or written
        self._summarising: asyncio.Task[None] | None = None
        self._started = False
        self._prefix = cache_index_prefix(tenant)
        self._blocks: list[tuple[str, int, int]] = []  # stamp, block size, written ms
        self._block_keys = array("I")  # keys indexed per block, to know when to drop
        self._pending: dict[int, int] = {}
        self._runs: list[Run] = []
        self._seen: dict[str, int] = {}  # index keys listed within the window, by ms
        self._newest_ms = -1
        self._lock = asyncio.Lock()
        self._refresh_started = float("-inf")
        self._full_listing_ms = -FULL_LISTING_EVERY_MS  # the last listing of the whole window
        self.entries = 0

    def find(self, value: int, now_ms: int) -> Located | None:
        """The newest line within the maximum age that may answer this key hash."""
        oldest = now_ms - self._days * DAY_MS
        best: tuple[int, int, int] | None = None
        candidates = [self._pending.get(value)]
        for run in self._runs:
            candidates.extend(run.slots_of(value))
        for slot in candidates:
            if slot is None:
                continue
            # Of two blocks stamped in the same millisecond, the one added later.
            rank = (self._blocks[slot >> 40][2], slot >> 40, slot)
            if rank[0] >= oldest and (best is None or rank > best):
                best = rank
        if best is None:
            return None
        slot = best[2]
        stamp, size, written = self._blocks[slot >> 40]
        return Located(
            cache_block_key(self._tenant, stamp),
            size,
            (slot >> 16) & MAX_OFFSET,
            slot & MAX_LENGTH,
            written,
        )

    def add(self, stamp: str, index: BlockIndex) -> None:
        """A block's keys, from an index just read or just written by this worker."""
        self._seen[f"{self._prefix}{stamp}.idx"] = stamp_ms(stamp)
        self._newest_ms = max(self._newest_ms, stamp_ms(stamp))
        if len(self._blocks) >= MAX_BLOCKS:
            return
        number = len(self._blocks)
        self._blocks.append((stamp, index.block_size, stamp_ms(stamp)))
        written = self._blocks[-1][2]
        kept = 0
        for value, offset, length in zip(index.hashes, index.offsets, index.lengths, strict=True):
            if offset > MAX_OFFSET or length > MAX_LENGTH:
                continue
            known = self._pending.get(value)
            if known is None or self._blocks[known >> 40][2] <= written:  # ties: the later
                self._pending[value] = (number << 40) | (offset << 16) | length
            kept += 1
        self._block_keys.append(kept)
        self.entries += kept
        self._since_summary += 1
        if len(self._pending) >= _PENDING_MAX:
            self._settle()

    async def refresh(self, now_ms: int) -> None:
        """Read the indexes stored since the last refresh (one at a time per tenant: a
        chunk that waited for another's refresh uses it)."""
        called = time.monotonic()
        async with self._lock:
            if self._refresh_started >= called:
                return
            self._refresh_started = time.monotonic()
            first = not self._started
            if first:
                self._started = True
                await self._start_from_summary(now_ms)
            after = stamp_floor(now_ms - self._days * DAY_MS)
            if self._newest_ms >= 0:
                window = WINDOW_MS
                if now_ms - self._full_listing_ms < FULL_LISTING_EVERY_MS:
                    window = SHORT_WINDOW_MS
                else:
                    self._full_listing_ms = now_ms
                after = max(after, stamp_floor(self._horizon(now_ms, window)))
            try:
                listed = await self._store.list_objects(self._prefix, f"{self._prefix}{after}")
            except Exception as exc:  # a cache that cannot be read is a miss
                log.warning("cache.index_not_listed", error=f"{type(exc).__name__}: {exc}")
                return
            new = [info.key for info in listed if info.key not in self._seen]
            gate = asyncio.Semaphore(_READS_IN_FLIGHT)
            await asyncio.gather(*(self._read(key, gate) for key in new))
            self._forget_old(now_ms)
            if first:
                log.info(
                    "cache.index_loaded",
                    tenant=self._tenant,
                    blocks=len(self._blocks),
                    keys=self.entries,
                    indexes_read=len(new),
                )
            if self._since_summary >= self._summary_every and self._summarising is None:
                self._summarise(now_ms)

    async def _read(self, key: str, gate: asyncio.Semaphore) -> None:
        async with gate:
            try:
                index = decode_index(await self._store.get_bytes(key))
            except Exception as exc:  # read again at the next refresh while in the window
                log.warning("cache.index_unreadable", key=key, error=f"{type(exc).__name__}: {exc}")
                return
        self.add(key[len(self._prefix) :].removesuffix(".idx"), index)

    async def _start_from_summary(self, now_ms: int) -> None:
        """The newest summary within the maximum age, if any: its keys, without reading
        the indexes it covers (a summary that cannot be read: every index is read)."""
        prefix = cache_summary_prefix(self._tenant)
        floor = stamp_floor(now_ms - self._days * DAY_MS)
        try:
            listed = await self._store.list_objects(prefix, f"{prefix}{floor}")
            if not listed:
                return
            summary = decode_summary(await self._store.get_bytes(listed[-1].key))
        except Exception as exc:
            log.warning("cache.summary_unreadable", error=f"{type(exc).__name__}: {exc}")
            return
        self.load(summary)

    def load(self, summary: Summary) -> None:
        """A summary's blocks and keys, added to what the index holds."""
        base = len(self._blocks)
        for stamp, size, keys in summary.blocks:
            self._blocks.append((stamp, size, stamp_ms(stamp)))
            self._block_keys.append(keys)
            self._seen[f"{self._prefix}{stamp}.idx"] = stamp_ms(stamp)
            self._newest_ms = max(self._newest_ms, stamp_ms(stamp))
        slots = summary.slots
        if base:
            slots = array("Q", (slot + (base << 40) for slot in slots))
        self._runs.append(Run.of(summary.hashes, slots))
        self._settle()
        self.entries += len(summary.hashes)

    def summary(self, now_ms: int) -> Summary | None:
        """What this index holds of the blocks stamped before the listing's window and
        within the maximum age, as a summary."""
        # An index stamped before the window would be read by no worker if it came now.
        oldest, cutoff = now_ms - self._days * DAY_MS, now_ms - WINDOW_MS
        chosen: dict[int, int] = {}  # block number here -> in the summary
        for n, (_s, _z, written) in enumerate(self._blocks):
            if oldest <= written <= cutoff:
                chosen[n] = len(chosen)
        if not chosen:
            return None
        hashes, slots = array("Q"), array("Q")
        pending = iter(sorted(self._pending.items()))
        for value, slot in heapq.merge(pending, *(run.pairs() for run in self._runs)):
            number = chosen.get(slot >> 40)
            if number is not None:
                hashes.append(value)
                slots.append((number << 40) | (slot & PLACE))
        blocks = [(self._blocks[n][0], self._blocks[n][1], self._block_keys[n]) for n in chosen]
        return Summary(blocks, hashes, slots)

    def _summarise(self, now_ms: int) -> None:
        summary = self.summary(now_ms)
        if summary is None:
            return
        # Counted from none: the blocks still within the window are not in this summary,
        # but counting them made a busy tenant (more than `summary_every` blocks in the
        # window) write a summary of every key it holds at each chunk.
        self._since_summary = 0
        key = cache_summary_key(self._tenant, max(stamp for stamp, _z, _k in summary.blocks))

        async def write() -> None:
            try:
                await self._store.put_bytes(key, encode_summary(summary))
            except Exception as exc:  # the next summary covers these blocks too
                log.warning("cache.summary_not_stored", error=f"{type(exc).__name__}: {exc}")
            finally:
                self._summarising = None

        self._summarising = asyncio.create_task(write())

    def _horizon(self, now_ms: int, window: int = WINDOW_MS) -> int:
        # A stamp from a clock ahead of this one moves the listing no further than now.
        return min(self._newest_ms, now_ms) - window

    def _forget_old(self, now_ms: int) -> None:
        horizon = self._horizon(now_ms)
        self._seen = {key: ms for key, ms in self._seen.items() if ms >= horizon}
        oldest = now_ms - self._days * DAY_MS
        expired = {n for n, (_s, _z, written) in enumerate(self._blocks) if written < oldest}
        dropped = sum(self._block_keys[n] for n in expired)
        if dropped > max(self.entries - dropped, _PENDING_MAX):
            self._drop(expired)
            self.entries -= dropped

    def _drop(self, expired: set[int]) -> None:
        """The expired blocks' keys out of memory, and the other blocks renumbered."""
        renumbered: dict[int, int] = {}
        blocks: list[tuple[str, int, int]] = []
        counts = array("I")
        for n, block in enumerate(self._blocks):
            if n not in expired:
                renumbered[n] = len(blocks)
                blocks.append(block)
                counts.append(self._block_keys[n])
        self._settle()
        merged = heapq.merge(*(run.pairs() for run in self._runs))
        self._runs = [
            Run(
                (value, (renumbered[slot >> 40] << 40) | (slot & PLACE))
                for value, slot in merged
                if (slot >> 40) in renumbered
            )
        ]
        self._blocks, self._block_keys = blocks, counts

    def _settle(self) -> None:
        """Pending keys into a sorted run; runs of like size merged."""
        if self._pending:
            self._runs.append(Run(iter(sorted(self._pending.items()))))
            self._pending = {}
        while len(self._runs) > 1 and len(self._runs[-2]) <= 2 * len(self._runs[-1]):
            newer = self._runs.pop()
            older = self._runs.pop()
            self._runs.append(Run(heapq.merge(older.pairs(), newer.pairs())))


class CacheIndexes:
    """The worker's tenant indexes, the least recently used dropped past `max_entries`."""

    def __init__(
        self,
        store: ObjectStore,
        days: int,
        max_entries: int = MAX_ENTRIES,
        summary_every: int = SUMMARY_EVERY,
    ) -> None:
        self._store = store
        self._days = days
        self._max_entries = max_entries
        self._summary_every = summary_every
        self._tenants: OrderedDict[str, TenantIndex] = OrderedDict()

    def of(self, tenant: str) -> TenantIndex:
        index = self._tenants.get(tenant)
        if index is None:
            index = TenantIndex(self._store, tenant, self._days, self._summary_every)
            self._tenants[tenant] = index
        self._tenants.move_to_end(tenant)
        while len(self._tenants) > 1 and self.entries > self._max_entries:
            gone, _ = self._tenants.popitem(last=False)
            log.info("cache.index_dropped", tenant=gone)
        return index

    async def fresh(self, tenant: str) -> TenantIndex:
        index = self.of(tenant)
        await index.refresh(int(time.time() * 1000))
        return index

    @property
    def entries(self) -> int:
        return sum(index.entries for index in self._tenants.values())
