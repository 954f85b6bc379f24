"""An in-process pipeline for the engine's unit tests: rows scripted by name, no network.

A row is `ok` at once unless the `Script` says otherwise:
- a row named in `poison` raises in its stage;
- a chunk holding a name in `unreachable` fails in its batch step (`prepare`) with a
  passing error, a given number of times or (None) on every delivery;
- a chunk holding a name in `refused` fails in its batch step with a `Permanent` error;
- a chunk holding a name in `write_back_fails` fails in its last batch step (`finish`);
- rows chosen by `hold` wait on `gate`, as rows fetching slow sites would;
- the batch step (`prepare`) of a session chosen by `hold_prepare` waits on `gate`, as
  HubSpot look-ups and question generation can take a minute;
- each row reports `fetches_per_row` page fetches, as the page fetcher reports them, so
  they count in its chunk's outside calls.
Every worker gets its own `ScriptedPipeline` on one shared `Script`, which keeps a
`Ledger` per session of what was done, so tests can tell a row enriched twice.
"""

from __future__ import annotations

import asyncio
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from shared.errors import Permanent
from shared.rows import PlannedRow, ResultRow
from worker.pipeline.metrics import NoMetrics
from worker.pipeline.protocol import ChunkPipeline, SessionContext
from worker.usage import CountingMetrics

RowFilter = Callable[[PlannedRow], bool]


class PoisonedRow(RuntimeError):
    """A stage refusing one particular row."""


@dataclass
class Ledger:
    """What the pipeline did for one session."""

    prepared: list[tuple[int, float]] = field(default_factory=list)  # (chunk, loop time)
    started: list[int] = field(default_factory=list)
    waiting: set[int] = field(default_factory=set)
    enriched: Counter[int] = field(default_factory=Counter)
    stopped: set[int] = field(default_factory=set)  # cancelled while in the stage
    preparing: set[int] = field(default_factory=set)  # chunks waiting in `prepare`
    prepare_stopped: set[int] = field(default_factory=set)  # chunks cancelled in `prepare`

    def preparations(self, chunk: int) -> list[float]:
        return [at for n, at in self.prepared if n == chunk]


class Script:
    def __init__(self) -> None:
        self.poison: set[str] = set()
        self.refused: set[str] = set()
        self.unreachable: dict[str, int | None] = {}
        self.write_back_fails: set[str] = set()
        self.fetches_per_row = 0
        self.gate = asyncio.Event()
        self._holds: dict[str, RowFilter] = {}
        self._prepare_holds: set[str] = set()
        self._ledgers: defaultdict[str, Ledger] = defaultdict(Ledger)

    def hold(self, session_id: str, rows: RowFilter) -> None:
        """Rows of the session matching `rows` wait on the gate."""
        self._holds[session_id] = rows

    def hold_prepare(self, session_id: str) -> None:
        """The session's chunks wait on the gate in their batch step."""
        self._prepare_holds.add(session_id)

    def prepare_held(self, session_id: str) -> bool:
        return session_id in self._prepare_holds and not self.gate.is_set()

    def release(self) -> None:
        self.gate.set()

    def held(self, session_id: str, row: PlannedRow) -> bool:
        rows = self._holds.get(session_id)
        return rows is not None and rows(row) and not self.gate.is_set()

    def ledger(self, session_id: str) -> Ledger:
        return self._ledgers[session_id]

    def fail_batch(self, rows: Sequence[PlannedRow]) -> None:
        for row in rows:
            if row.name in self.refused:
                raise Permanent(f"look-up refused {row.name}")
            if row.name not in self.unreachable:
                continue
            left = self.unreachable[row.name]
            if left is None or left > 0:
                if left is not None:
                    self.unreachable[row.name] = left - 1
                raise ConnectionError("batch look-up unreachable")


class _ScriptedChunk:
    def __init__(self, script: Script, session: SessionContext) -> None:
        self._script = script
        self._session = session
        self._ledger = script.ledger(session.session_id)

    async def prepare(
        self, rows: Sequence[PlannedRow], answered: Sequence[PlannedRow] = ()
    ) -> None:
        chunk = self._session.chunk
        self._ledger.prepared.append((chunk, asyncio.get_running_loop().time()))
        if self._script.prepare_held(self._session.session_id):
            self._ledger.preparing.add(chunk)
            try:
                await self._script.gate.wait()
            except asyncio.CancelledError:
                self._ledger.prepare_stopped.add(chunk)
                raise
            finally:
                self._ledger.preparing.discard(chunk)
        self._script.fail_batch(rows)

    async def enrich(self, row: PlannedRow) -> ResultRow:
        self._ledger.started.append(row.row)
        for _ in range(self._script.fetches_per_row):
            CountingMetrics(NoMetrics()).page_fetched("ok")
        try:
            if self._script.held(self._session.session_id, row):
                self._ledger.waiting.add(row.row)
                try:
                    await self._script.gate.wait()
                finally:
                    self._ledger.waiting.discard(row.row)
        except asyncio.CancelledError:
            self._ledger.stopped.add(row.row)
            raise
        if row.name in self._script.poison:
            raise PoisonedRow(f"stage refused {row.name}")
        self._ledger.enriched[row.row] += 1
        return ResultRow(
            row=row.row,
            original=row.original,
            company_name=row.name,
            official_website=f"https://{row.domain}/" if row.domain else "",
            description=f"About {row.name}",
        )

    async def finish(self, results: list[ResultRow]) -> list[ResultRow]:
        if any(r.company_name in self._script.write_back_fails for r in results):
            raise ConnectionError("write-back unreachable")
        return [r.model_copy(update={"notes": "written back"}) for r in results]


class ScriptedPipeline:
    """One worker's pipeline; `chunks` lists the (session, chunk) it opened."""

    def __init__(self, script: Script) -> None:
        self.script = script
        self.chunks: list[tuple[str, int]] = []

    def open_chunk(self, session: SessionContext) -> ChunkPipeline:
        self.chunks.append((session.session_id, session.chunk))
        return _ScriptedChunk(self.script, session)

    async def aclose(self) -> None:
        return None
