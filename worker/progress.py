"""Coalesced progress: cumulative counters per chunk and batches of finished rows.

Runners record every finished row here without waiting on the broker; a single loop
publishes at most one `ChunkProgress` per chunk per interval, plus the rows finished since
the last flush as one `RowsFinished` batch. Counters are cumulative per chunk, so a
consumer that sees events late, twice or out of order still sums correctly; so are the
outside calls each report carries (the chunk's calls so far, then on its last report the
calls its stored summary counts).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from shared.broker.protocol import Publisher
from shared.messages import ChunkProgress, ChunkTask, RetryChunkTask, RowsFinished
from shared.models import Counters
from shared.rows import ResultRow
from shared.usage import Usage
from worker.events import publish_safely
from worker.usage import Tally

ROWS_PER_BATCH = 100


@dataclass
class _ChunkProgress:
    task: ChunkTask
    counters: Counters = field(default_factory=Counters)
    rows: list[dict[str, Any]] = field(default_factory=list)
    dirty: bool = True
    finished: bool = False
    usage: Usage | None = None
    # The calls the chunk has made so far, while it runs (its own run only: a retry
    # round's chunk adds its earlier rounds' calls, known when it is stored).
    tally: Tally | None = None


class ProgressReporter:
    def __init__(self, publisher: Publisher, interval_s: float) -> None:
        self._publisher = publisher
        self._interval = interval_s
        self._chunks: dict[tuple[str, int], _ChunkProgress] = {}
        self._lock = asyncio.Lock()

    def started(self, task: ChunkTask, counters: Counters | None = None) -> None:
        """`counters`: rows the chunk holds already (a retry round keeps the rest)."""
        self._chunks[(task.session_id, task.chunk)] = _ChunkProgress(task, counters or Counters())

    def counting(self, task: ChunkTask, tally: Tally) -> None:
        """The chunk's calls so far go with its progress reports until it is stored."""
        state = self._chunks.get((task.session_id, task.chunk))
        if state is not None and _round(task) == 0:
            state.tally = tally

    def row_finished(self, task: ChunkTask, counters: Counters, row: ResultRow) -> None:
        state = self._chunks.get((task.session_id, task.chunk))
        if state is None:
            return
        state.counters = counters
        state.rows.append(row.model_dump(mode="json", by_alias=True))
        state.dirty = True

    def finished(self, task: ChunkTask, counters: Counters, usage: Usage) -> None:
        """The chunk is stored: its last progress event says `finished`, with the calls
        the stored summary counts."""
        state = self._chunks.setdefault((task.session_id, task.chunk), _ChunkProgress(task))
        state.counters = counters
        state.usage = usage
        state.finished = True
        state.dirty = True

    def discard(self, task: ChunkTask) -> None:
        """The chunk was given back to the broker; whoever redoes it reports afresh."""
        self._chunks.pop((task.session_id, task.chunk), None)

    async def run(self) -> None:
        while True:
            await asyncio.sleep(self._interval)
            await self.flush()

    async def flush(self, only: ChunkTask | None = None) -> None:
        """Publish what changed since the last flush (of one chunk, with `only`)."""
        async with self._lock:
            for key, state in list(self._chunks.items()):
                if not state.dirty or (only and key != (only.session_id, only.chunk)):
                    continue
                state.dirty = False
                rows, state.rows = state.rows, []
                if state.finished:
                    del self._chunks[key]
                await self._publish(state, rows)

    async def _publish(self, state: _ChunkProgress, rows: list[dict[str, Any]]) -> None:
        task = state.task
        for start in range(0, len(rows), ROWS_PER_BATCH):
            await publish_safely(
                self._publisher,
                RowsFinished(
                    tenant=task.tenant,
                    session_id=task.session_id,
                    chunk=task.chunk,
                    rows=rows[start : start + ROWS_PER_BATCH],
                    round=_round(task),
                ),
            )
        await publish_safely(
            self._publisher,
            ChunkProgress(
                tenant=task.tenant,
                session_id=task.session_id,
                chunk=task.chunk,
                counters=state.counters,
                finished=state.finished,
                usage=state.usage if state.finished or state.tally is None else state.tally.usage(),
                round=_round(task),
            ),
        )


def _round(task: ChunkTask) -> int:
    """The run a chunk task belongs to: a retry round's, else the session's own (0)."""
    return task.round if isinstance(task, RetryChunkTask) else 0
