"""Plans a started session: normalized chunk inputs, the plan, and one task per chunk.

Rows are read from `rows.jsonl` as a stream and normalized by one dedupe pass, so
duplicates are found across the whole session, not just within a chunk. Planning is safe
to run twice, even at once: chunk inputs are deterministic, the plan is stored only if
none exists, and only the planner whose plan was stored publishes the chunk tasks. A
redelivered start republishes the tasks of chunks not stored yet, because the planner
before it may have died between its plan and its tasks; a chunk task published twice is
harmless because a chunk whose summary exists is skipped.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import structlog

from shared.broker.protocol import Publisher
from shared.errors import NotFound
from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.messages import ChunkTask, EndSession, SessionStatusChanged, StartSession
from shared.models import Counters, FinalStatus, Plan, SessionManifest
from shared.storage.protocol import ObjectStore
from worker.deleted import removed_if_deleted
from worker.events import publish_safely
from worker.finalizer import Finalizer
from worker.plan_stream import planned_chunks

log = structlog.get_logger()
PARALLEL_WRITES = 8
# Chunks stored to one object (decision 16): a million rows in 200-row chunks are 200
# writes, not 5,000; each chunk reads its own byte range.
CHUNKS_PER_INPUT = 25
# rows.jsonl is read in blocks this large: each is a trip to a storage thread.
READ_BLOCK = 1024 * 1024


class Planner:
    def __init__(
        self,
        store: ObjectStore,
        publisher: Publisher,
        finalizer: Finalizer,
        chunk_size: int,
        chunks_per_input: int = CHUNKS_PER_INPUT,
    ) -> None:
        self._store = store
        self._publisher = publisher
        self._finalizer = finalizer
        self._chunk_size = chunk_size
        self._chunks_per_input = chunks_per_input

    async def plan(self, command: StartSession, redelivered: bool = False) -> None:
        keys = SessionKeys(command.tenant, command.session_id)
        if await self._store.exists(keys.final_status):
            log.info("plan.skipped", why="finalized")
            return
        # A missing or unreadable manifest is permanent: planning gives up at once.
        await self._store.get_model(keys.manifest, SessionManifest)
        existing = await self._optional_plan(keys)
        # Once planned, a cancelled session is finalized from its chunks, finished rows kept.
        if existing is None and await self._store.exists(keys.cancel_marker):
            log.info("plan.skipped", why="cancelled")
            await self._finalizer.finalize(keys, chunk_count=0)
            return
        if existing is not None:
            await self._planned_before(keys, existing, redelivered, "already planned")
            return
        plan = await self._write_chunks(keys)
        # The plan is the claim: of planners racing on one session (a start delivered
        # twice), only the one whose plan is stored publishes the chunk tasks.
        if not await self._store.put_model_if_absent(keys.plan, plan):
            theirs = await self._store.get_model(keys.plan, Plan)
            await self._planned_before(keys, theirs, redelivered, "planned by another worker")
            return
        if await removed_if_deleted(self._store, keys, after="plan"):
            return  # a session cancelled and deleted while it was planned: no chunk runs
        log.info("plan.written", rows=plan.total_rows, chunks=plan.chunk_count)
        await publish_safely(
            self._publisher,
            SessionStatusChanged(
                tenant=keys.tenant,
                session_id=keys.session_id,
                status=SessionStatus.RUNNING,
                total_rows=plan.total_rows,
                chunk_count=plan.chunk_count,
            ),
        )
        await self._publisher.publish_chunk_tasks(self._tasks(keys, plan, range(plan.chunk_count)))
        if plan.chunk_count == 0:
            await self._finalizer.finalize(keys, chunk_count=0)

    async def end_unstarted(self, command: EndSession) -> None:
        """Finalize a session cancelled before it was started (once: a final status or a
        plan means it ended or runs already)."""
        keys = SessionKeys(command.tenant, command.session_id)
        if await self._store.exists(keys.final_status) or await self._optional_plan(keys):
            log.info("session.end_skipped", why="finalized or planned")
            return
        if not await self._store.exists(keys.cancel_marker):
            log.info("session.end_skipped", why="not cancelled")
            return
        await self._finalizer.finalize(keys, chunk_count=0)

    async def fail(self, command: StartSession, reason: str) -> bool:
        """Record that the session cannot be planned; False if there is no session."""
        keys = SessionKeys(command.tenant, command.session_id)
        if await self._store.exists(keys.final_status):
            return True
        try:
            total = (await self._store.get_model(keys.manifest, SessionManifest)).input.rows
        except NotFound:
            return False
        except ValueError:
            total = 0  # the session exists, but its manifest cannot say how many rows
        final = FinalStatus(
            status=SessionStatus.FAILED,
            counters=Counters(total=total),
            finished_at=datetime.now(UTC),
            reason=reason,
        )
        await self._store.put_model(keys.final_status, final)
        log.error("plan.failed", reason=reason)
        await publish_safely(
            self._publisher,
            SessionStatusChanged(
                tenant=keys.tenant,
                session_id=keys.session_id,
                status=SessionStatus.FAILED,
                counters=final.counters,
                reason=reason,
            ),
        )
        return True

    async def _optional_plan(self, keys: SessionKeys) -> Plan | None:
        try:
            return await self._store.get_model(keys.plan, Plan)
        except NotFound:
            return None

    async def _planned_before(
        self, keys: SessionKeys, plan: Plan, redelivered: bool, why: str
    ) -> None:
        if redelivered:
            # The planner that stored the plan may have died before publishing its tasks.
            await self._publish_missing(keys, plan)
        else:
            log.info("plan.skipped", why=why)

    async def _publish_missing(self, keys: SessionKeys, plan: Plan) -> None:
        stored = await self._store.list_objects(keys.chunk_done_prefix)
        done = {int(info.key.rsplit("/", 1)[-1].split(".")[0]) for info in stored}
        missing = [n for n in range(plan.chunk_count) if n not in done]
        log.info("plan.republished", chunks=len(missing))
        await self._publisher.publish_chunk_tasks(self._tasks(keys, plan, missing))
        if not missing:
            await self._finalizer.maybe_finalize(keys, plan.chunk_count)

    def _tasks(self, keys: SessionKeys, plan: Plan, chunks: range | list[int]) -> list[ChunkTask]:
        return [
            ChunkTask(
                tenant=keys.tenant,
                session_id=keys.session_id,
                chunk=n,
                chunk_count=plan.chunk_count,
                row_start=n * plan.chunk_size,
                row_end=min((n + 1) * plan.chunk_size, plan.total_rows),
            )
            for n in chunks
        ]

    async def _write_chunks(self, keys: SessionKeys) -> Plan:
        writes: set[asyncio.Task[None]] = set()
        sizes: list[int] = []
        group: list[bytes] = []
        total = 0
        per_input = self._chunks_per_input
        try:
            stream = self._store.iter_bytes(keys.rows, READ_BLOCK)
            async for data in planned_chunks(stream, self._chunk_size):
                group.append(data)
                sizes.append(len(data))
                total += data.count(b"\n")
                if len(group) == per_input:
                    await self._store_group(writes, keys, len(sizes) // per_input - 1, group)
                    group = []
            if group:
                await self._store_group(writes, keys, (len(sizes) - 1) // per_input, group)
            await asyncio.gather(*writes)
        finally:
            for write in writes:
                write.cancel()
        return Plan(
            session_id=keys.session_id,
            total_rows=total,
            chunk_size=self._chunk_size,
            chunk_count=len(sizes),
            planned_at=datetime.now(UTC),
            chunks_per_input=per_input,
            input_sizes=sizes,
        )

    async def _store_group(
        self, writes: set[asyncio.Task[None]], keys: SessionKeys, group: int, data: list[bytes]
    ) -> None:
        """Started, not awaited: the next chunks are planned while it is stored; at most
        `PARALLEL_WRITES` at once, so memory stays bounded."""
        key = keys.chunk_input_group(group)
        joined = b"".join(data)
        writes.add(asyncio.create_task(self._store.put_bytes(key, joined, "application/jsonl")))
        if len(writes) >= PARALLEL_WRITES:
            finished, pending = await asyncio.wait(writes, return_when="FIRST_COMPLETED")
            writes.clear()
            writes.update(pending)
            for write in finished:
                write.result()
