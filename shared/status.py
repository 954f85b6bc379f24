"""A session's state, derived from its objects in storage (the system of record).

Status comes from which single-writer objects exist: manifest (created), start marker
(queued), plan (running), cancel marker (cancelled), final status (completed, failed or
cancelled); shared/lifecycle.py holds that mapping. One listing of the session's folder
says which exist; the manifest, markers and plan are read once per content (ETag).
Counters are the sum of the stored chunk summaries; summaries never change once written,
so readers may cache them by key. A reader that holds none of a running session's
summaries starts from its stored sums (shared/running_sums.py) when they are there.
"""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field

from shared.errors import NotFound
from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus, stored_status
from shared.models import (
    CancelRequest,
    ChunkSummary,
    Counters,
    FinalStatus,
    Plan,
    SessionManifest,
    StartRequest,
)
from shared.retry import RetryPlan, chunk_rounds, latest_request
from shared.reviews import reviewed_counters
from shared.running_sums import RunningSums, SumsWriter, running_sums_key, sums_now
from shared.storage.protocol import ObjectStore
from shared.usage import Usage

M = TypeVar("M", bound=BaseModel)


class SessionState(BaseModel):
    """What the API and the notifier's snapshots say about one session."""

    model_config = ConfigDict(frozen=True)

    manifest: SessionManifest
    status: SessionStatus
    counters: Counters
    chunk_count: int | None = None
    chunks_done: int = 0
    started_at: datetime | None = None
    running_since: datetime | None = None
    cancel_requested_at: datetime | None = None
    finished_at: datetime | None = None
    reason: str | None = None
    finalized: bool = False
    # The latest retry round asked for; while it runs, status and counters are its own.
    retry_round: int = 0
    # What review decisions changed in `counters` (applied already; shared/reviews.py).
    reviewed: Counters = Field(default_factory=Counters)
    usage: Usage = Field(default_factory=Usage)

    @classmethod
    def created(cls, manifest: SessionManifest) -> SessionState:
        """A session just written: nothing started, every row still to do."""
        return cls(
            manifest=manifest,
            status=SessionStatus.CREATED,
            counters=Counters(total=manifest.input.rows),
        )


@dataclass(frozen=True)
class _Held:
    count: int
    counters: Counters
    usage: Usage
    # False: taken from stored sums, so the summaries themselves are not in the cache.
    backed: bool = True


_NOTHING_HELD = _Held(0, Counters(), Usage())


class SessionStateReader:
    def __init__(
        self,
        store: ObjectStore,
        summary_cache_size: int = 200_000,
        sums: SumsWriter | None = None,
    ) -> None:
        self._store = store
        # Stores running sessions' sums for readers that start later (None: never).
        self._sums = sums
        self._summaries: dict[str, ChunkSummary] = {}
        self._cache_size = summary_cache_size
        # Per chunk summary folder: the chunks from chunk 0 on held in `_summaries` without
        # a gap, with their sums; listings of the folder start after them.
        self._held: dict[str, _Held] = {}
        # Manifests, markers and plans by (key, ETag).
        self._contents: dict[tuple[str, str], BaseModel] = {}

    async def read(self, tenant: str, session_id: str) -> SessionState:
        keys = SessionKeys(tenant, session_id)
        # One listing tells which objects exist (no read of each to learn it is missing)
        # and their ETags, under which their contents are kept once read.
        here, folders = await self._store.list_level(keys.prefix)
        etags = {info.key: info.etag for info in here}
        if keys.manifest not in etags:
            # Deleted (the manifest goes first) or never written: nothing held of it counts.
            self._forget(keys)
            raise NotFound(f"no object {keys.manifest}")
        marked = await self._markers(keys) if "markers" in folders else {}
        manifest, final, start, cancel, plan = await asyncio.gather(
            self._by_etag(keys.manifest, etags[keys.manifest], SessionManifest),
            self._optional(keys.final_status, FinalStatus) if "final" in folders else _none(),
            self._maybe(keys.start_marker, marked, StartRequest),
            self._maybe(keys.cancel_marker, marked, CancelRequest),
            self._maybe(keys.plan, etags, Plan),
        )
        total = plan.total_rows if plan else manifest.input.rows
        retry = None
        if final is not None and "retries" in folders:
            retry = await latest_request(self._store, keys)
        if final is not None and plan is not None and retry and retry.round > final.retry_round:
            return await self._retrying(keys, manifest, plan, final, retry.round, start)
        if final is not None:
            counters = await reviewed_counters(self._store, keys, final.counters)
            return SessionState(
                manifest=manifest,
                status=final.status,
                counters=counters,
                reviewed=_difference(counters, final.counters),
                chunk_count=plan.chunk_count if plan else None,
                chunks_done=plan.chunk_count if plan else 0,
                started_at=start.requested_at if start else None,
                running_since=plan.planned_at if plan else None,
                cancel_requested_at=cancel.requested_at if cancel else None,
                finished_at=final.finished_at,
                reason=final.reason,
                finalized=True,
                retry_round=final.retry_round,
                usage=final.usage,
            )
        chunks_done, counters, usage = (
            await self._chunk_totals(keys, etags) if plan else (0, Counters(), Usage())
        )
        counters = counters.model_copy(update={"total": total})
        return SessionState(
            manifest=manifest,
            status=stored_status(
                start_requested=start is not None,
                planned=plan is not None,
                cancel_requested=cancel is not None,
            ),
            counters=counters,
            chunk_count=plan.chunk_count if plan else None,
            chunks_done=chunks_done,
            started_at=start.requested_at if start else None,
            running_since=plan.planned_at if plan else None,
            cancel_requested_at=cancel.requested_at if cancel else None,
            usage=usage,
        )

    async def _retrying(
        self,
        keys: SessionKeys,
        manifest: SessionManifest,
        plan: Plan,
        final: FinalStatus,
        round_: int,
        start: StartRequest | None,
    ) -> SessionState:
        """A finished session whose retry round `round_` is not finalized yet: queued until
        a worker plans the round, then running; counters are each chunk's latest version."""
        round_keys = keys.in_round(round_)
        retry_plan = await self._optional(round_keys.plan, RetryPlan)
        rounds = await chunk_rounds(self._store, keys)
        summaries = await asyncio.gather(
            *(
                self._summary(keys.in_round(rounds.get(n, 0)).chunk_done(n))
                for n in range(plan.chunk_count)
            )
        )
        stored = sum((s.counters for s in summaries), Counters())
        stored = stored.model_copy(update={"total": plan.total_rows})
        # Decided rows are never run again: their decisions hold during the round.
        counters = await reviewed_counters(self._store, keys, stored)
        done = sum(1 for n in retry_plan.chunks if rounds.get(n) == round_) if retry_plan else 0
        return SessionState(
            manifest=manifest,
            status=SessionStatus.RUNNING if retry_plan else SessionStatus.QUEUED,
            counters=counters,
            reviewed=_difference(counters, stored),
            chunk_count=len(retry_plan.chunks) if retry_plan else None,
            chunks_done=done,
            started_at=start.requested_at if start else None,
            running_since=retry_plan.planned_at if retry_plan else None,
            retry_round=round_,
            usage=sum((s.usage for s in summaries), Usage()),
        )

    async def settle(self) -> None:
        """Wait for the sums being stored in the background (tests, shutdown)."""
        if self._sums is not None:
            await self._sums.drain()

    async def latest_summaries(self, keys: SessionKeys) -> list[tuple[int, ChunkSummary]]:
        """Every stored chunk summary at its latest version, with the round that stored it
        (0: the session's own run): the chunks of a session whose retry round runs."""
        rounds = await chunk_rounds(self._store, keys)
        latest = {s.chunk: (0, s) for s in await self.chunk_summaries(keys)}
        retried = await asyncio.gather(
            *(self._summary(keys.in_round(r).chunk_done(n)) for n, r in rounds.items())
        )
        for (chunk, round_), summary in zip(rounds.items(), retried, strict=True):
            latest[chunk] = (round_, summary)
        return list(latest.values())

    async def _summary(self, key: str) -> ChunkSummary:
        cached = self._summaries.get(key)
        if cached is None:
            cached = await self._store.get_model(key, ChunkSummary)
            if len(self._summaries) < self._cache_size:
                self._summaries[key] = cached
        return cached

    async def chunk_summaries(self, keys: SessionKeys) -> list[ChunkSummary]:
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

    async def _chunk_totals(
        self, keys: SessionKeys, etags: dict[str, str]
    ) -> tuple[int, Counters, Usage]:
        """How many chunk summaries are stored, and the sums of their counters and usage."""
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

    async def _stored_sums(self, keys: SessionKeys, etags: dict[str, str]) -> _Held:
        """The session's stored sums when they belong to its current plan (see
        shared/running_sums.py), held from now on; else nothing."""
        key, plan_etag = running_sums_key(keys), etags.get(keys.plan)
        if keys.round != 0 or key not in etags or plan_etag is None:
            return _NOTHING_HELD
        try:
            sums = await self._by_etag(key, etags[key], RunningSums)
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

    def _forget(self, keys: SessionKeys) -> None:
        """Drop what is held of a session that no longer exists."""
        held = self._held.pop(keys.chunk_done_prefix, _NOTHING_HELD)
        if self._sums is not None:
            self._sums.forget(keys)
        for n in range(held.count):
            self._summaries.pop(keys.chunk_done(n), None)

    async def _markers(self, keys: SessionKeys) -> dict[str, str]:
        folder = keys.start_marker.rsplit("/", 1)[0] + "/"
        return {info.key: info.etag for info in await self._store.list_objects(folder)}

    async def _maybe(self, key: str, etags: dict[str, str], model_type: type[M]) -> M | None:
        etag = etags.get(key)
        if etag is None:
            return None
        try:
            return await self._by_etag(key, etag, model_type)
        except NotFound:
            return None  # deleted since the listing

    async def _by_etag(self, key: str, etag: str, model_type: type[M]) -> M:
        """The object's model, read once per content: a content read is kept under its ETag
        only when the ETag is the content's MD5 (a plain upload), so a replaced object
        read between the listing and the read is never kept under the older ETag."""
        cached = self._contents.get((key, etag))
        if isinstance(cached, model_type):
            return cached
        data = await self._store.get_bytes(key)
        model = model_type.model_validate_json(data)
        if hashlib.md5(data).hexdigest() == etag.strip('"'):  # noqa: S324 - S3's ETag, not security
            if len(self._contents) >= self._cache_size:
                self._contents.clear()
            self._contents[(key, etag)] = model
        return model

    async def _optional(self, key: str, model_type: type[M]) -> M | None:
        try:
            return await self._store.get_model(key, model_type)
        except NotFound:
            return None


def _difference(after: Counters, before: Counters) -> Counters:
    return Counters(
        **{name: getattr(after, name) - getattr(before, name) for name in Counters.model_fields}
    )


async def _none() -> None:
    return None
