"""Runs one chunk task: its rows through the pipeline, with bounded concurrency.

Rows of every chunk this worker holds share one pool of `concurrency` slots. A row whose
stage raises becomes a `failed` row with the reason, and the chunk goes on. A cancel of
the session (control message, or the marker seen by polling) stops the rows in flight at
once (the batch look-ups of `prepare` too) and leaves the rest `cancelled`; finished rows
are kept.
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime

import structlog

from shared.errors import NotFound
from shared.layout import SessionKeys
from shared.messages import ChunkTask
from shared.models import ChunkSummary, Counters
from shared.results import fill_duplicates, first_occurrences, read_chunk_results
from shared.retry import chunk_rounds, merge_round, retried_row
from shared.rows import PlannedRow, ResultRow, RowStatus
from shared.storage.protocol import ObjectStore
from shared.usage import Usage
from worker.cancel import CancelRegistry, unless_cancelled
from worker.checkpoint import (
    StoredLedger,
    add_row,
    count_rows,
    session_deleted,
    unenriched_row,
    write_chunk,
)
from worker.chunk_inputs import ChunkInputs
from worker.deleted import removed_if_deleted
from worker.finalizer import Finalizer
from worker.logcapture import ChunkLog, collecting
from worker.metrics import WorkerMetrics
from worker.pipeline.protocol import ChunkPipeline, Pipeline, SessionContext
from worker.progress import ProgressReporter
from worker.row_admission import RowAdmission
from worker.session_facts import SessionFactsCache
from worker.usage import counting

log = structlog.get_logger()


class ChunkRunner:
    def __init__(
        self,
        store: ObjectStore,
        pipeline: Pipeline,
        cancels: CancelRegistry,
        progress: ProgressReporter,
        finalizer: Finalizer,
        metrics: WorkerMetrics,
        *,
        concurrency: int,
        cancel_poll_s: float,
        row_timeout_s: float,
        max_loop_lag_s: float = 0.5,
    ) -> None:
        self._store = store
        self._pipeline = pipeline
        self._cancels = cancels
        self._progress = progress
        self._finalizer = finalizer
        self._metrics = metrics
        self._admission = RowAdmission(concurrency, max_loop_lag_s)
        self._sessions = SessionFactsCache(store)
        self._inputs = ChunkInputs(store)
        self._cancel_poll_s = cancel_poll_s
        self._row_timeout_s = row_timeout_s

    async def run(self, task: ChunkTask) -> None:
        # A retry round's chunk has the round's own objects; it rewrites the whole chunk.
        keys = SessionKeys(task.tenant, task.session_id, getattr(task, "round", 0))
        if await self._store.exists(keys.chunk_done(task.chunk)):
            log.info("chunk.already_stored")
            await self._finalizer.maybe_finalize(keys, task.chunk_count)
            return
        try:
            summary = await self._run_and_store(task, keys)
        except NotFound:
            # The session's objects went away under the chunk: deleted, not a broken chunk.
            if not await session_deleted(self._store, keys):
                raise
            summary = None
        if summary is None:
            log.info("chunk.session_deleted")
            return
        self._progress.finished(task, summary.counters, summary.usage)
        # Sent before any finalization, so `completed` follows the chunk's last progress.
        await self._progress.flush(only=task)
        if await self._finalizer.maybe_finalize(keys, task.chunk_count):
            self._cancels.forget(task.session_id)
            self._sessions.forget(keys)
            self._inputs.forget(keys)

    async def _run_and_store(self, task: ChunkTask, keys: SessionKeys) -> ChunkSummary | None:
        """The chunk's stored summary; None when the session was deleted meanwhile."""
        rows = await self._inputs.rows(keys, task.chunk)
        previous = await self._previous_version(keys, task.chunk)
        started_at = datetime.now(UTC)
        began = time.monotonic()
        chunk_log = ChunkLog()
        retried = {r.row for r in rows}
        self._progress.started(task, _kept_counters(previous, retried))
        try:
            with collecting(chunk_log):
                log.info("chunk.started", rows=len(rows), round=keys.round)
                with counting() as tally:
                    self._progress.counting(task, tally)
                    if await self._cancels.check_marker(keys):
                        results = [unenriched_row(r, RowStatus.CANCELLED) for r in rows]
                    else:
                        results = await self._enrich(task, keys, rows, previous)
                cancelled = any(r.row_status is RowStatus.CANCELLED for r in results)
                log.info("chunk.finished", rows=len(results), cancelled=cancelled)
            stored = merge_round(previous, results) if keys.round else results
            layout = (await self._sessions.get(keys)).layout
            # A session deleted meanwhile is noticed after the writes (removed_if_deleted):
            # checking before them too would cost every chunk a request.
            summary = await write_chunk(
                self._store,
                keys,
                task.chunk,
                stored,
                chunk_log.to_bytes(),
                started_at=started_at,
                finished_at=datetime.now(UTC),
                cancelled=cancelled,
                usage=tally.usage() + await self._earlier_usage(keys, task.chunk),
                layout=layout,
            )
            # Deleted between the check above and the writes: none of them may stay.
            if await removed_if_deleted(self._store, keys, after="chunk"):
                self._progress.discard(task)
                return None
        except BaseException:
            self._progress.discard(task)
            raise
        self._metrics.rows_stored(results)
        self._metrics.chunk_stored(time.monotonic() - began)
        return summary

    async def _previous_version(self, keys: SessionKeys, chunk: int) -> list[ResultRow]:
        """For a retry round: the chunk as it stands before this round; else nothing."""
        if keys.round == 0:
            return []
        rounds = await chunk_rounds(self._store, keys, below=keys.round)
        return await read_chunk_results(self._store, keys.session, chunk, rounds=rounds)

    async def _earlier_usage(self, keys: SessionKeys, chunk: int) -> Usage:
        """A retry round's chunk replaces the chunk's summary: it carries what it cost so far."""
        if keys.round == 0:
            return Usage()
        rounds = await chunk_rounds(self._store, keys, below=keys.round)
        version = keys.session.in_round(rounds.get(chunk, 0))
        return (await self._store.get_model(version.chunk_done(chunk), ChunkSummary)).usage

    async def _enrich(
        self,
        task: ChunkTask,
        keys: SessionKeys,
        rows: list[PlannedRow],
        previous: list[ResultRow],
    ) -> list[ResultRow]:
        facts = await self._sessions.get(keys)
        context = SessionContext(
            tenant=task.tenant,
            session_id=task.session_id,
            chunk=task.chunk,
            context_text=facts.context_text,
            options=facts.options,
            created=StoredLedger(self._store, keys, task.chunk),
            criteria=facts.criteria,
        )
        chunk = _ChunkRun(
            task,
            self._pipeline.open_chunk(context),
            self._progress,
            previous,
            {row.row for row in rows},
        )
        to_enrich = [row for row in rows if row.duplicate_of is None]
        # One watch spans the whole chunk: batch look-ups in `prepare` can take a minute.
        watcher = asyncio.create_task(self._cancels.watch(keys, self._cancel_poll_s))
        prepared = False
        try:
            prepared = await unless_cancelled(chunk.pipeline.prepare(to_enrich), watcher)
            if prepared:
                await self._rows(chunk, to_enrich, watcher)
            else:
                log.info("chunk.cancelled_while_preparing")
        finally:
            watcher.cancel()
        if prepared:
            await chunk.finish()
        duplicates = [
            unenriched_row(r, RowStatus.DUPLICATE) for r in rows if r.duplicate_of is not None
        ]
        firsts = await self._first_occurrences(task, keys, chunk.results, duplicates)
        # A first occurrence in a chunk not stored yet is filled by the finalizer.
        for filled in fill_duplicates(duplicates, firsts):
            chunk.record(filled)
        return [chunk.results.get(r.row) or unenriched_row(r, RowStatus.CANCELLED) for r in rows]

    async def _rows(
        self, chunk: _ChunkRun, to_enrich: list[PlannedRow], watcher: asyncio.Task[None]
    ) -> None:
        """Every row through the pipeline; on a cancel, the rows in flight are stopped."""
        cancel = self._cancels.event(chunk.task.session_id)
        row_tasks = [asyncio.create_task(self._row(chunk, row, cancel)) for row in to_enrich]
        try:
            # Rows cancelled below end this gathering with an exception nobody would read.
            everything: asyncio.Future[list[BaseException | None]] = asyncio.gather(
                *row_tasks, return_exceptions=True
            )
            waiters: set[asyncio.Future[object]] = {everything, watcher}  # type: ignore[arg-type]
            await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
            if not everything.done():
                log.info("chunk.cancelling", in_flight=sum(not t.done() for t in row_tasks))
                for row_task in row_tasks:
                    row_task.cancel()
            await asyncio.gather(*row_tasks, return_exceptions=True)
        finally:
            for row_task in row_tasks:
                row_task.cancel()

    async def _first_occurrences(
        self,
        task: ChunkTask,
        keys: SessionKeys,
        here: dict[int, ResultRow],
        duplicates: list[ResultRow],
    ) -> dict[int, ResultRow]:
        """This chunk's rows, plus first occurrences from earlier chunks already stored."""
        elsewhere = [d for d in duplicates if d.duplicate_of not in here]
        if not elsewhere or task.chunk == 0:
            return here
        chunk_size = task.row_start // task.chunk
        stored = await first_occurrences(self._store, keys, chunk_size, elsewhere)
        return {**stored, **here}

    async def _row(self, chunk: _ChunkRun, row: PlannedRow, cancel: asyncio.Event) -> None:
        async with self._admission.slot():
            if cancel.is_set():
                return
            structlog.contextvars.bind_contextvars(row=row.row)
            log.info("row.started")
            began = time.monotonic()
            try:
                with self._metrics.rows_in_flight.track_inprogress():
                    async with asyncio.timeout(self._row_timeout_s):
                        result = await chunk.pipeline.enrich(row)
            except TimeoutError:
                reason = f"timed out after {self._row_timeout_s:g} s"
                log.warning("row.failed", error=reason)
                self._metrics.row_failed("timeout")
                result = unenriched_row(row, RowStatus.FAILED, error=reason)
            except asyncio.CancelledError:
                log.info("row.cancelled")
                raise
            except Exception as exc:
                reason = f"{type(exc).__name__}: {exc}"
                log.warning("row.failed", error=reason)
                self._metrics.row_failed("exception")
                result = unenriched_row(row, RowStatus.FAILED, error=reason)
            chunk.record(
                result.model_copy(update={"last_attempt_at": _now_text()}),
            )
            log.info(
                "row.finished",
                status=str(result.row_status),
                duration_ms=round((time.monotonic() - began) * 1000),
            )


class _ChunkRun:
    """Results of one chunk as rows finish, and their cumulative counters."""

    def __init__(
        self,
        task: ChunkTask,
        pipeline: ChunkPipeline,
        progress: ProgressReporter,
        previous: list[ResultRow],
        retried: set[int],
    ):
        self.task = task
        self.pipeline = pipeline
        self.results: dict[int, ResultRow] = {}
        # A retry round: the chunk's rows before it, whose attempts the new results count;
        # the rows it keeps are counted from the start, so progress covers the whole chunk.
        self._previous = {row.row: row for row in previous}
        self.counters = _kept_counters(previous, retried)
        self._progress = progress

    def record(self, result: ResultRow) -> None:
        before = self._previous.get(result.row)
        if before is not None:
            result = retried_row(before, result)
        self.results[result.row] = result
        self.counters = add_row(self.counters, result)
        self._progress.row_finished(self.task, self.counters, result)

    async def finish(self) -> None:
        """The pipeline's batch step (write-backs) over the enriched rows; kept on error."""
        enriched = [r for r in self.results.values() if r.row_status is not RowStatus.DUPLICATE]
        try:
            finished = await self.pipeline.finish(enriched)
        except Exception as exc:
            log.error("chunk.finish_failed", error=f"{type(exc).__name__}: {exc}")
            return
        for result in finished:
            self.results[result.row] = result


def _now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _kept_counters(previous: list[ResultRow], retried: set[int]) -> Counters:
    """Progress counters of the rows a retry round keeps (progress counts no `total`)."""
    kept = count_rows(row for row in previous if row.row not in retried)
    return kept.model_copy(update={"total": 0})
