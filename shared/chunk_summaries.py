"""A session's stored chunk summaries and their running sums, as session reads need them.

Summaries never change once written, so they are cached by key. Per session the reader
holds the chunks from chunk 0 on without a gap, with their sums, and lists only the
summaries after them. A reader that holds none of a running session's summaries starts
from its stored sums (shared/running_sums.py) when they are there.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from shared.errors import NotFound
from shared.etag_contents import EtagContents
from shared.layout import SessionKeys
from shared.models import ChunkSummary, Counters
from shared.retry import chunk_rounds
from shared.running_sums import RunningSums, SumsWriter, running_sums_key, sums_now
from shared.storage.protocol import ObjectStore
from shared.usage import Usage


@dataclass(frozen=True)
class _Held:
    count: int
    counters: Counters
    usage: Usage
    # False: taken from stored sums, so the summaries themselves are not in the cache.
    backed: bool = True


_NOTHING_HELD = _Held(0, Counters(), Usage())


class ChunkSummaries:
    def __init__(
        self,
        store: ObjectStore,
        contents: EtagContents,
        cache_size: int,
        sums: SumsWriter | None = None,
    ) -> None:
        self._store = store
        # Stored sums are read through the session read's content cache (by ETag).
        self._contents = contents
        # Stores running sessions' sums for readers that start later (None: never).
        self._sums = sums
        self._summaries: dict[str, ChunkSummary] = {}
        self._cache_size = cache_size
        # Per chunk summary folder: the chunks from chunk 0 on held in `_summaries` without
        # a gap, with their sums; listings of the folder start after them.
        self._held: dict[str, _Held] = {}

    async def settle(self) -> None:
        """Wait for the sums being stored in the background (tests, shutdown)."""
        if self._sums is not None:
            await self._sums.drain()

    async def latest(self, keys: SessionKeys) -> list[tuple[int, ChunkSummary]]:
        """Every stored chunk summary at its latest version, with the round that stored it
        (0: the session's own run): the chunks of a session whose retry round runs."""
        rounds = await chunk_rounds(self._store, keys)
        latest = {s.chunk: (0, s) for s in await self.of_run(keys)}
        retried = await asyncio.gather(
            *(self.summary(keys.in_round(r).chunk_done(n)) for n, r in rounds.items())
        )
        for (chunk, round_), summary in zip(rounds.items(), retried, strict=True):
            latest[chunk] = (round_, summary)
        return list(latest.values())

    async def summary(self, key: str) -> ChunkSummary:
        cached = self._summaries.get(key)
        if cached is None:
            cached = await self._store.get_model(key, ChunkSummary)
            if len(self._summaries) < self._cache_size:
                self._summaries[key] = cached
        return cached

    async def of_run(self, keys: SessionKeys) -> list[ChunkSummary]:
        """The session's stored chunk summaries (of its own run), in chunk order."""
        held = self._held.get(keys.chunk_done_prefix, _NOTHING_HELD)
        if not held.backed:
            # Sums taken from storage come without their summaries: list them all, and
            # hold them from chunk 0 on, so the next call lists only those after.
            if self._held.get(keys.chunk_done_prefix) is held:
                del self._held[keys.chunk_done_prefix]
            held = _NOTHING_HELD
        held, after = await self._after_held(keys, held)
        return [self._summaries[keys.chunk_done(n)] for n in range(held.count)] + after

    async def totals(self, keys: SessionKeys, etags: dict[str, str]) -> tuple[int, Counters, Usage]:
        """How many chunk summaries are stored, and the sums of their counters and usage;
        `etags`: the session folder's listing."""
        held = self._held.get(keys.chunk_done_prefix, _NOTHING_HELD)
        if held.count == 0:
            held = await self._stored_sums(keys, etags)
        held, after = await self._after_held(keys, held)
        counters = sum((s.counters for s in after), held.counters)
        usage = sum((s.usage for s in after), held.usage)
        plan_etag = etags.get(keys.plan)
        now = self._held.get(keys.chunk_done_prefix)
        if self._sums is not None and plan_etag is not None and now is not None:
            self._sums.offer(keys, sums_now(keys, plan_etag, now.count, now.counters, now.usage))
        return held.count + len(after), counters, usage

    def forget(self, keys: SessionKeys) -> None:
        """Drop what is held of a session that no longer exists."""
        held = self._held.pop(keys.chunk_done_prefix, _NOTHING_HELD)
        if self._sums is not None:
            self._sums.forget(keys)
        for n in range(held.count):
            self._summaries.pop(keys.chunk_done(n), None)

    async def _stored_sums(self, keys: SessionKeys, etags: dict[str, str]) -> _Held:
        """The session's stored sums when they belong to its current plan (see
        shared/running_sums.py), held from now on; else nothing."""
        key, plan_etag = running_sums_key(keys), etags.get(keys.plan)
        if keys.round != 0 or key not in etags or plan_etag is None:
            return _NOTHING_HELD
        try:
            sums = await self._contents.read(key, etags[key], RunningSums)
        except NotFound:
            return _NOTHING_HELD  # removed since the listing
        if not sums.fits(keys, plan_etag):
            return _NOTHING_HELD
        if self._sums is not None:
            self._sums.known(keys, sums.count)
        held = _Held(sums.count, sums.counters, sums.usage, backed=False)
        # Taken again after the wait: another read may hold more by now.
        if self._held.get(keys.chunk_done_prefix, _NOTHING_HELD).count < held.count:
            self._held[keys.chunk_done_prefix] = held
        return held

    async def _after_held(self, keys: SessionKeys, held: _Held) -> tuple[_Held, list[ChunkSummary]]:
        """The stored summaries after `held` (what the reader held of chunks 0..n-1,
        taken before any wait).

        Chunks finish out of order, so the listing starts after the last of the chunks
        0..n-1 this reader already holds, not after the highest it holds: a chunk below that
        written later is still listed. Chunk keys sort in chunk order (six digits; a session
        has at most a million rows, so at most a million chunks)."""
        prefix = keys.chunk_done_prefix
        start_after = keys.chunk_done(held.count - 1) if held.count else None
        listed = await self._store.list_objects(prefix, start_after=start_after)
        # Taken before the reads: another call may clear the cache while they wait.
        found = {info.key: self._summaries.get(info.key) for info in listed}
        missing = [key for key, summary in found.items() if summary is None]
        loaded = await asyncio.gather(
            *(self._store.get_model(key, ChunkSummary) for key in missing)
        )
        found.update(zip(missing, loaded, strict=True))
        if len(self._summaries) + len(loaded) > self._cache_size:
            self._summaries.clear()
            self._held.clear()
        self._summaries.update(zip(missing, loaded, strict=True))
        self._advance(keys)
        return held, [summary for summary in found.values() if summary is not None]

    def _advance(self, keys: SessionKeys) -> None:
        """Move the session's mark over every chunk now held right after it. Taken again
        here: while a call waited, another may have cleared the cache or moved the mark
        on; a mark always names chunks that are in `_summaries`."""
        prefix = keys.chunk_done_prefix
        held = self._held.get(prefix, _NOTHING_HELD)
        count, counters, usage = held.count, held.counters, held.usage
        while (summary := self._summaries.get(keys.chunk_done(count))) is not None:
            counters, usage, count = counters + summary.counters, usage + summary.usage, count + 1
        if count > held.count:
            self._held[prefix] = _Held(count, counters, usage, held.backed)
