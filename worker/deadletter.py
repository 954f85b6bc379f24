"""Chunks the broker gave up on: their rows become `failed` rows with the reason.

A chunk reaches the dead-letter queue when it was rejected as unprocessable or kept
crashing its workers past the delivery limit. Its rows are stored as failed results with
a summary, like any finished chunk, so the rest of the session still completes.
"""

from __future__ import annotations

from datetime import UTC, datetime

import structlog

from shared.errors import NotFound
from shared.layout import SessionKeys
from shared.messages import ChunkTask
from shared.models import ChunkSummary
from shared.results import read_chunk_results
from shared.retry import chunk_rounds, merge_round, retried_row
from shared.rows import PlannedRow, ResultRow, RowStatus
from shared.rows_format import RowsReader
from shared.storage.protocol import ObjectStore
from shared.usage import Usage
from worker.checkpoint import session_deleted, unenriched_row, write_chunk
from worker.chunk_inputs import ChunkInputs
from worker.deleted import removed_if_deleted
from worker.finalizer import Finalizer
from worker.logcapture import ChunkLog, collecting
from worker.metrics import WorkerMetrics
from worker.progress import ProgressReporter

log = structlog.get_logger()


class DeadChunkHandler:
    def __init__(
        self,
        store: ObjectStore,
        finalizer: Finalizer,
        progress: ProgressReporter,
        metrics: WorkerMetrics,
    ) -> None:
        self._store = store
        self._finalizer = finalizer
        self._progress = progress
        self._metrics = metrics
        self._inputs = ChunkInputs(store)

    async def handle(self, task: ChunkTask, deliveries: int, why: str) -> None:
        keys = SessionKeys(task.tenant, task.session_id, getattr(task, "round", 0))
        if await session_deleted(self._store, keys):
            log.info("chunk.dead_letter_ignored", why="session deleted")
            return
        if await self._store.exists(keys.chunk_done(task.chunk)):
            log.info("chunk.dead_letter_ignored", why="already stored")
            await self._finalizer.maybe_finalize(keys, task.chunk_count)
            return
        reason = f"chunk dead-lettered after {deliveries} deliveries: {why}"
        rows = await self._rows(keys, task)
        chunk_log = ChunkLog()
        with collecting(chunk_log):
            log.error("chunk.dead_lettered", reason=reason, rows=len(rows))
        now = datetime.now(UTC)
        failed = [unenriched_row(row, RowStatus.FAILED, error=reason) for row in rows]
        stored, usage = failed, Usage()
        if keys.round:
            stored, usage = await self._with_kept_rows(keys, task.chunk, failed)
        summary = await write_chunk(
            self._store,
            keys,
            task.chunk,
            stored,
            chunk_log.to_bytes(),
            started_at=now,
            finished_at=now,
            dead_letter_reason=reason,
            usage=usage,
        )
        # Checked again after the writes: a delete that began after the check above may
        # have listed the session's objects before these were written.
        if await removed_if_deleted(self._store, keys, after="dead-lettered chunk"):
            return
        self._metrics.rows_stored(failed)
        self._progress.finished(task, summary.counters, summary.usage)
        # Sent before any finalization, so `completed` follows the chunk's last progress.
        await self._progress.flush(only=task)
        await self._finalizer.maybe_finalize(keys, task.chunk_count)

    async def _with_kept_rows(
        self, keys: SessionKeys, chunk: int, failed: list[ResultRow]
    ) -> tuple[list[ResultRow], Usage]:
        """A retry round's chunk: the rows it kept and its rows as failed new attempts, and
        what the chunk cost before the round (its summary replaces the earlier one)."""
        rounds = await chunk_rounds(self._store, keys, below=keys.round)
        previous = await read_chunk_results(self._store, keys.session, chunk, rounds=rounds)
        before = {row.row: row for row in previous}
        attempts = [retried_row(before[r.row], r) if r.row in before else r for r in failed]
        version = keys.session.in_round(rounds.get(chunk, 0))
        summary = await self._store.get_model(version.chunk_done(chunk), ChunkSummary)
        return merge_round(previous, attempts), summary.usage

    async def _rows(self, keys: SessionKeys, task: ChunkTask) -> list[PlannedRow]:
        """The chunk's planned rows, or, if those are unreadable, its input rows."""
        try:
            return await self._inputs.rows(keys, task.chunk)
        except (NotFound, ValueError) as exc:
            log.warning("chunk.input_unreadable", error=repr(exc))
            if keys.round:
                return []  # a retry round's rows unknown: the chunk keeps every row it had
        rows: list[PlannedRow] = []
        for row in RowsReader().rows((await self._store.get_bytes(keys.rows)).splitlines()):
            if task.row_start <= row.row < task.row_end:
                rows.append(PlannedRow(**row.model_dump(), name_key=""))
        return rows
