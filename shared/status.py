"""A session's state, derived from its objects in storage (the system of record).

Status comes from which single-writer objects exist: manifest (created), start marker
(queued), plan (running), cancel marker (cancelled), final status (completed, failed or
cancelled); shared/lifecycle.py holds that mapping. One listing of the session's folder
says which exist; the manifest, markers and plan are read once per content (ETag).
Counters are the sum of the stored chunk summaries (shared/chunk_summaries.py).
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field

from shared.chunk_summaries import ChunkSummaries
from shared.errors import NotFound
from shared.etag_contents import EtagContents
from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus, stored_status
from shared.models import (
    CancelRequest,
    Counters,
    FinalStatus,
    Plan,
    SessionManifest,
    StartRequest,
)
from shared.retry import RetryPlan, RetryRequest, chunk_rounds, latest_request
from shared.reviews import decisions_in_force, rerun_moves, review_delta, reviewed_counters
from shared.round_summaries import RoundRun, RoundSummaries
from shared.running_sums import SumsWriter
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
    # Of `reviewed`, by chunk, the moves of rows the running round runs again (a retry of
    # accepted rows): each ends once the round's run of its chunk counts the rows.
    reviewed_rerun: dict[int, Counters] = Field(default_factory=dict)
    usage: Usage = Field(default_factory=Usage)

    @classmethod
    def created(cls, manifest: SessionManifest) -> SessionState:
        """A session just written: nothing started, every row still to do."""
        return cls(
            manifest=manifest,
            status=SessionStatus.CREATED,
            counters=Counters(total=manifest.input.rows),
        )


class SessionStateReader:
    def __init__(
        self,
        store: ObjectStore,
        summary_cache_size: int = 200_000,
        sums: SumsWriter | None = None,
    ) -> None:
        self._store = store
        # Manifests, markers, plans and stored sums by (key, ETag).
        self._contents = EtagContents(store, summary_cache_size)
        self.summaries = ChunkSummaries(store, self._contents, summary_cache_size, sums)
        self.rounds = RoundSummaries(store, self._contents, self.summaries, sums)

    async def read(self, tenant: str, session_id: str) -> SessionState:
        keys = SessionKeys(tenant, session_id)
        # One listing tells which objects exist (no read of each to learn it is missing)
        # and their ETags, under which their contents are kept once read.
        here, folders = await self._store.list_level(keys.prefix)
        etags = {info.key: info.etag for info in here}
        if keys.manifest not in etags:
            # Deleted (the manifest goes first) or never written: nothing held of it counts.
            self.summaries.forget(keys)
            self.rounds.forget(keys)
            raise NotFound(f"no object {keys.manifest}")
        marked = await self._markers(keys) if "markers" in folders else {}
        manifest, final, start, cancel, plan = await asyncio.gather(
            self._contents.read(keys.manifest, etags[keys.manifest], SessionManifest),
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
            return await self._retrying(keys, manifest, plan, final, retry, start, cancel)
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
            await self.summaries.totals(keys, etags) if plan else (0, Counters(), Usage())
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
        request: RetryRequest,
        start: StartRequest | None,
        cancel: CancelRequest | None,
    ) -> SessionState:
        """A finished session whose retry round `round_` is not finalized yet: queued until
        a worker plans the round, then running; counters are each chunk's latest version.

        A cancel marker makes it cancelled at once, as the cancel's answer said: workers stop
        the round's chunks and the finalizer ends the round cancelled whenever the marker
        exists (worker/cancel.py, worker/finalizer.py)."""
        round_ = request.round
        round_keys = keys.in_round(round_)
        here, _ = await self._store.list_level(round_keys.run_prefix)
        etags = {info.key: info.etag for info in here}
        retry_plan = await self._maybe(round_keys.plan, etags, RetryPlan)
        if retry_plan is None:
            done, stored, usage = 0, final.counters, final.usage  # nothing of it stored yet
        elif final.retry_round == round_ - 1:
            run = RoundRun(round_keys, sorted(retry_plan.chunks), etags[round_keys.plan], etags)
            done, stored, usage = await self.rounds.totals(run, final)
        else:
            done, stored, usage = await self._latest_sums(keys, plan, retry_plan, round_)
        stored = stored.model_copy(update={"total": plan.total_rows})
        # Decisions hold for rows as stored; a retry of accepted rows ends theirs as it
        # stores each chunk (shared/reviews.py).
        decisions = await decisions_in_force(self._store, keys, stored)
        counters = stored + review_delta(decisions.values()) if decisions else stored
        rerun: dict[int, Counters] = {}
        if request.reviewed and decisions:
            # A chunk the round stored already counts its rows as run: none of its
            # decisions in force is one the round still runs.
            latest = await chunk_rounds(self._store, keys)
            moves = rerun_moves(decisions, plan.chunk_size)
            rerun = {n: moved for n, moved in moves.items() if latest.get(n, 0) < round_}
        return SessionState(
            manifest=manifest,
            status=stored_status(
                start_requested=True,
                planned=retry_plan is not None,
                cancel_requested=cancel is not None,
            ),
            counters=counters,
            reviewed=_difference(counters, stored),
            reviewed_rerun=rerun,
            chunk_count=len(retry_plan.chunks) if retry_plan else None,
            chunks_done=done,
            started_at=start.requested_at if start else None,
            running_since=retry_plan.planned_at if retry_plan else None,
            cancel_requested_at=cancel.requested_at if cancel else None,
            retry_round=round_,
            usage=usage,
        )

    async def _latest_sums(
        self, keys: SessionKeys, plan: Plan, retry_plan: RetryPlan, round_: int
    ) -> tuple[int, Counters, Usage]:
        """Every chunk's latest version summed: for a round whose final status is not the
        previous round's, so the sums before the round cannot be taken from it. A retry
        is asked for only of a finished round, so this is a guard, read the long way
        rather than wrong."""
        rounds = await chunk_rounds(self._store, keys)
        summaries = await asyncio.gather(
            *(
                self.summaries.summary(keys.in_round(rounds.get(n, 0)).chunk_done(n))
                for n in range(plan.chunk_count)
            )
        )
        done = sum(1 for n in retry_plan.chunks if rounds.get(n) == round_)
        counters = sum((s.counters for s in summaries), Counters())
        return done, counters, sum((s.usage for s in summaries), Usage())

    async def settle(self) -> None:
        """Wait for the sums being stored in the background (tests, shutdown)."""
        await self.summaries.settle()

    async def _markers(self, keys: SessionKeys) -> dict[str, str]:
        folder = keys.start_marker.rsplit("/", 1)[0] + "/"
        return {info.key: info.etag for info in await self._store.list_objects(folder)}

    async def _maybe(self, key: str, etags: dict[str, str], model_type: type[M]) -> M | None:
        etag = etags.get(key)
        if etag is None:
            return None
        try:
            return await self._contents.read(key, etag, model_type)
        except NotFound:
            return None  # deleted since the listing

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
