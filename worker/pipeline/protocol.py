"""What the worker engine needs from the enrichment pipeline.

The engine opens one `ChunkPipeline` per chunk, calls `prepare` with the chunk's rows
(batch look-ups such as HubSpot by domain), `enrich` for every non-duplicate row with
bounded concurrency, then `finish` with all results (batch write-backs). The engine
never imports a stage; the pipeline never imports the broker or storage adapters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from shared.models import SessionOptions
from shared.rows import PlannedRow, ResultRow


@dataclass(frozen=True)
class SessionContext:
    tenant: str
    session_id: str
    chunk: int
    context_text: str
    options: SessionOptions


class ChunkPipeline(Protocol):
    async def prepare(self, rows: Sequence[PlannedRow]) -> None: ...

    async def enrich(self, row: PlannedRow) -> ResultRow: ...

    async def finish(self, results: list[ResultRow]) -> list[ResultRow]: ...


class Pipeline(Protocol):
    def open_chunk(self, session: SessionContext) -> ChunkPipeline: ...

    async def aclose(self) -> None: ...
