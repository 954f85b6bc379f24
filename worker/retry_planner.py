"""Plans a retry round: the rows to run again (shared/retry_selection.py), grouped by
the session chunk they sit in. A row a person accepted a website for runs with that
website given, its domain found as the session's planning finds it.

Like the session's own plan, the round's plan is stored only if none exists, and only the
planner whose plan was stored publishes the round's chunk tasks; a redelivered command
republishes the tasks of the round's chunks not stored yet.
"""

from __future__ import annotations

from datetime import UTC, datetime

import structlog

from shared.broker.protocol import Publisher
from shared.company_keys import clean_text, registered_domain
from shared.errors import NotFound
from shared.layout import SessionKeys, chunk_from_key
from shared.lifecycle import SessionStatus
from shared.messages import RetryChunkTask, RetrySession, SessionStatusChanged
from shared.models import FinalStatus, Plan
from shared.retry import RetryPlan, RetryRequest
from shared.retry_selection import rows_wanted
from shared.reviews import ReviewDecision, read_decisions
from shared.rows import PlannedRow
from shared.storage.protocol import ObjectStore
from worker.chunk_inputs import read_chunk_rows
from worker.events import publish_safely
from worker.finalizer import Finalizer

log = structlog.get_logger()


class RetryPlanner:
    def __init__(self, store: ObjectStore, publisher: Publisher, finalizer: Finalizer) -> None:
        self._store = store
        self._publisher = publisher
        self._finalizer = finalizer

    async def plan(self, command: RetrySession, redelivered: bool = False) -> None:
        keys = SessionKeys(command.tenant, command.session_id)
        round_keys = keys.in_round(command.round)
        if await self._finalized_round(keys) >= command.round:
            log.info("retry.skipped", why="finalized", round=command.round)
            return
        request = await self._store.get_model(keys.retry_request(command.round), RetryRequest)
        session_plan = await self._store.get_model(keys.plan, Plan)
        try:
            existing: RetryPlan | None = await self._store.get_model(round_keys.plan, RetryPlan)
        except NotFound:
            existing = None
        if existing is None:
            plan = await self._write_chunks(keys, round_keys, session_plan, request)
            if await self._store.put_model_if_absent(round_keys.plan, plan):
                log.info("retry.planned", round=plan.round, rows=plan.rows, chunks=len(plan.chunks))
                await self._announce(round_keys, session_plan, plan)
                await self._publish(round_keys, session_plan, plan, plan.chunks)
                return
            existing = await self._store.get_model(round_keys.plan, RetryPlan)
        if not redelivered:
            log.info("retry.skipped", why="already planned", round=command.round)
            return
        stored = await self._store.list_objects(round_keys.chunk_done_prefix)
        done = {int(info.key.rsplit("/", 1)[-1].split(".")[0]) for info in stored}
        await self._publish(
            round_keys, session_plan, existing, [n for n in existing.chunks if n not in done]
        )

    async def give_up(self, command: RetrySession, reason: str) -> bool:
        """A round that cannot be planned ends at once: the session is finalized again with
        the rows it had, so it never stays queued."""
        keys = SessionKeys(command.tenant, command.session_id)
        try:
            session_plan = await self._store.get_model(keys.plan, Plan)
        except (NotFound, ValueError):
            return False
        log.error("retry.failed", round=command.round, reason=reason)
        if await self._finalized_round(keys) < command.round:
            await self._finalizer.finalize(keys, session_plan.chunk_count, command.round)
        return True

    async def _announce(self, round_keys: SessionKeys, session_plan: Plan, plan: RetryPlan) -> None:
        """The round runs: watchers follow it from here (its chunk count is its own)."""
        await publish_safely(
            self._publisher,
            SessionStatusChanged(
                tenant=round_keys.tenant,
                session_id=round_keys.session_id,
                status=SessionStatus.RUNNING,
                total_rows=session_plan.total_rows,
                chunk_count=len(plan.chunks),
                round=plan.round,
            ),
        )

    async def _publish(
        self, round_keys: SessionKeys, session_plan: Plan, plan: RetryPlan, chunks: list[int]
    ) -> None:
        size = session_plan.chunk_size
        tasks = [
            RetryChunkTask(
                tenant=round_keys.tenant,
                session_id=round_keys.session_id,
                chunk=n,
                chunk_count=len(plan.chunks),
                row_start=n * size,
                row_end=min((n + 1) * size, session_plan.total_rows),
                round=plan.round,
            )
            for n in chunks
        ]
        await self._publisher.publish_chunk_tasks(tasks)
        if not plan.chunks:
            await self._finalizer.maybe_finalize(round_keys, 0)

    async def _write_chunks(
        self, keys: SessionKeys, round_keys: SessionKeys, session_plan: Plan, request: RetryRequest
    ) -> RetryPlan:
        chunks: list[int] = []
        total = 0
        selected = rows_wanted(
            self._store,
            keys,
            session_plan.chunk_count,
            request.statuses,
            request.steps,
            below=request.round,
            reviewed=request.reviewed,
        )
        listed = await self._store.list_objects(keys.reviews_prefix)
        decided = {chunk_from_key(info.key) for info in listed}  # keys end in the row
        decisions: dict[int, ReviewDecision] = {}
        async for n, wanted in selected:
            if wanted & decided and not decisions:
                decisions = await read_decisions(self._store, keys)
            chunk_rows = await read_chunk_rows(self._store, keys, n, session_plan)
            planned = [_as_decided(r, decisions.get(r.row)) for r in chunk_rows if r.row in wanted]
            data = b"".join(row.model_dump_json().encode() + b"\n" for row in planned)
            await self._store.put_bytes(round_keys.chunk_input(n), data, "application/jsonl")
            chunks.append(n)
            total += len(planned)
        return RetryPlan(
            round=request.round, chunks=chunks, rows=total, planned_at=datetime.now(UTC)
        )

    async def _finalized_round(self, keys: SessionKeys) -> int:
        try:
            return (await self._store.get_model(keys.final_status, FinalStatus)).retry_round
        except NotFound:
            return -1


def _as_decided(row: PlannedRow, decision: ReviewDecision | None) -> PlannedRow:
    """The row with the website a person accepted for it given, whichever retry runs it:
    a run that searched again could find another site than the one the person chose."""
    website = decision.accepted_website() if decision is not None else None
    if website is None:
        return row
    return row.model_copy(
        update={"website": clean_text(website), "domain": registered_domain(website)}
    )
