"""A retry round's counters: the session's sums before the round, and what the round's
stored chunks changed.

While round k runs, a session's counters are the sums of every chunk's latest version.
The final status of round k-1 holds exactly those sums as they were when round k was asked
for (the finalizer sums every chunk's latest version, worker/finalizer.py), and only the
chunks round k has stored differ since: each adds its round-k summary and takes away the
version it replaces, which no longer changes (earlier rounds are over). So a read costs
the round's own summaries and those they replace, not every chunk of the session.

As for the session's own run (shared/chunk_summaries.py), a reader holds the round's
planned chunks from the first on without a gap, with the sums they give, and lists only
the round's summaries after them; it stores those sums as the round's `running_sums.json`
(shared/running_sums.py), so a process that just started reads that one object and the
summaries after it.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from shared.chunk_summaries import ChunkSummaries
from shared.errors import NotFound
from shared.etag_contents import EtagContents
from shared.layout import SessionKeys, chunk_from_key
from shared.models import ChunkSummary, Counters, FinalStatus
from shared.running_sums import RunningSums, SumsWriter, running_sums_key, sums_now
from shared.storage.protocol import ObjectStore
from shared.usage import Usage

# Rounds whose replaced versions and held sums a process remembers.
_REMEMBERED = 1_000


@dataclass(frozen=True)
class _Held:
    # The round's first `count` planned chunks (in key order) are held.
    count: int
    # The session's sums with those chunks at their round's version.
    counters: Counters
    usage: Usage


@dataclass(frozen=True)
class RoundRun:
    """What a read of round k found: its keys, its plan's chunks (in key order) and the
    plan's ETag, and the folder's listing (which tells whether stored sums exist)."""

    keys: SessionKeys
    chunks: list[int]
    plan_etag: str
    etags: dict[str, str]


class RoundSummaries:
    def __init__(
        self,
        store: ObjectStore,
        contents: EtagContents,
        summaries: ChunkSummaries,
        sums: SumsWriter | None = None,
    ) -> None:
        self._store = store
        self._contents = contents
        # Summaries are read through the session reads' cache (they never change).
        self._summaries = summaries
        self._sums = sums
        # By round summary folder.
        self._held: dict[str, _Held] = {}
        # By round summary folder: chunk -> the earlier round whose version it replaces
        # (absent: round 0); fixed while the round runs.
        self._replaced: dict[str, dict[int, int]] = {}

    async def totals(self, run: RoundRun, final: FinalStatus) -> tuple[int, Counters, Usage]:
        """How many of the round's chunks are stored, and the session's sums of counters
        and usage with each chunk at its latest version; `final`: round k-1's."""
        keys, folder = run.keys, run.keys.chunk_done_prefix
        held = self._held.get(folder)
        if held is None:
            held = await self._start(run, final)
            self._held.setdefault(folder, held)
        start_after = keys.chunk_done(run.chunks[held.count - 1]) if held.count else None
        listed = await self._store.list_objects(folder, start_after=start_after)
        changes = await self._changes(keys, [chunk_from_key(info.key) for info in listed])
        counters, usage = held.counters, held.usage
        for added, removed in changes.values():
            counters = _minus(counters + added.counters, removed.counters)
            usage = _minus_usage(usage + added.usage, removed.usage)
        self._advance(run, held, changes)
        return held.count + len(changes), counters, usage

    def forget(self, keys: SessionKeys) -> None:
        for found in (self._held, self._replaced):
            for folder in [f for f in found if f.startswith(keys.session.prefix)]:
                del found[folder]

    async def _start(self, run: RoundRun, final: FinalStatus) -> _Held:
        """The round's stored sums when they belong to its plan; else the sums before the
        round (nothing of it held)."""
        key = running_sums_key(run.keys)
        if key in run.etags:
            try:
                sums = await self._contents.read(key, run.etags[key], RunningSums)
            except NotFound:
                pass  # removed since the listing
            else:
                if sums.fits(run.keys, run.plan_etag, run.chunks):
                    if self._sums is not None:
                        self._sums.known(run.keys, sums.count)
                    return _Held(sums.count, sums.counters, sums.usage)
        return _Held(0, final.counters, final.usage)

    async def _changes(
        self, keys: SessionKeys, chunks: list[int]
    ) -> dict[int, tuple[ChunkSummary, ChunkSummary]]:
        """Chunk -> (its round summary, the version it replaces)."""
        if not chunks:
            return {}
        replaced = await self._replaced_rounds(keys)
        pairs = await asyncio.gather(
            *(
                asyncio.gather(
                    self._summaries.summary(keys.chunk_done(n)),
                    self._summaries.summary(keys.in_round(replaced.get(n, 0)).chunk_done(n)),
                )
                for n in chunks
            )
        )
        return {n: (added, removed) for n, (added, removed) in zip(chunks, pairs, strict=True)}

    async def _replaced_rounds(self, keys: SessionKeys) -> dict[int, int]:
        """Chunk -> the latest round below this one that stored it: one listing of each
        earlier round's summaries, once per round."""
        folder = keys.chunk_done_prefix
        found = self._replaced.get(folder)
        if found is not None:
            return found
        rounds = await asyncio.gather(
            *(
                self._store.list_objects(keys.in_round(r).chunk_done_prefix)
                for r in range(1, keys.round)
            )
        )
        found = {}
        # In round order: a later round's version wins.
        for round_, listed in zip(range(1, keys.round), rounds, strict=True):
            for info in listed:
                found[chunk_from_key(info.key)] = round_
        if len(self._replaced) >= _REMEMBERED:
            self._replaced.clear()
        self._replaced[folder] = found
        return found

    def _advance(
        self,
        run: RoundRun,
        held: _Held,
        changes: dict[int, tuple[ChunkSummary, ChunkSummary]],
    ) -> None:
        """Hold the planned chunks now stored right after those held, and offer their sums
        for storing."""
        count, counters, usage = held.count, held.counters, held.usage
        while count < len(run.chunks) and run.chunks[count] in changes:
            added, removed = changes[run.chunks[count]]
            counters = _minus(counters + added.counters, removed.counters)
            usage = _minus_usage(usage + added.usage, removed.usage)
            count += 1
        folder = run.keys.chunk_done_prefix
        # Taken again: another read may hold more by now.
        if count <= self._held.get(folder, held).count:
            return
        if len(self._held) >= _REMEMBERED:
            self._held.clear()
        self._held[folder] = _Held(count, counters, usage)
        if self._sums is not None:
            last = run.chunks[count - 1]
            sums = sums_now(run.keys, run.plan_etag, count, counters, usage, last_chunk=last)
            self._sums.offer(run.keys, sums)


def _minus(left: Counters, right: Counters) -> Counters:
    return Counters(
        **{name: getattr(left, name) - getattr(right, name) for name in Counters.model_fields}
    )


def _minus_usage(left: Usage, right: Usage) -> Usage:
    return Usage(
        **{name: getattr(left, name) - getattr(right, name) for name in Usage.model_fields}
    )
