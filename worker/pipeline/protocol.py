"""What the worker engine needs from the enrichment pipeline.

The engine opens one `ChunkPipeline` per chunk, calls `prepare` with the chunk's rows
(batch look-ups such as HubSpot by domain), `enrich` for every non-duplicate row with
bounded concurrency, then `finish` with all results (batch write-backs). The engine
never imports a stage; the pipeline never imports the broker or storage adapters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from shared.criteria.model import SessionCriteria
from shared.models import SessionOptions
from shared.rows import PlannedRow, ResultRow


class CreatedLedger(Protocol):
    """The companies this chunk created in HubSpot (domain -> id), kept by the engine
    across deliveries of the chunk: a chunk redone after a crash updates them instead of
    creating them again, although HubSpot's search does not find them yet."""

    async def read(self) -> dict[str, str]: ...

    async def record(self, created: dict[str, str]) -> None:
        """Add `created` to the ledger; returns once it is kept."""


class MemoryLedger:
    """A ledger that lives as long as the chunk's pipeline, for pipelines run alone."""

    def __init__(self) -> None:
        self._created: dict[str, str] = {}

    async def read(self) -> dict[str, str]:
        return dict(self._created)

    async def record(self, created: dict[str, str]) -> None:
        self._created |= created


@dataclass(frozen=True)
class SessionContext:
    tenant: str
    session_id: str
    chunk: int
    context_text: str
    options: SessionOptions
    created: CreatedLedger = field(default_factory=MemoryLedger)
    # The session's criteria snapshot when its options ask for qualification; None when
    # they do not, or when the snapshot could not be read.
    criteria: SessionCriteria | None = None

    @property
    def qualify_only(self) -> bool:
        """Rows of a finished session, websites known: only pages and qualification."""
        return self.options.qualification is not None and self.options.qualification.qualify_only


class ChunkPipeline(Protocol):
    async def prepare(
        self, rows: Sequence[PlannedRow], answered: Sequence[PlannedRow] = ()
    ) -> None:
        """Batch work before the rows are enriched. `answered`: the chunk's rows answered
        without the pipeline (from the domain cache), never enriched here, but written
        back with the rest in `finish`, which needs their input (their given domain)."""

    async def enrich(self, row: PlannedRow) -> ResultRow: ...

    async def finish(self, results: list[ResultRow]) -> list[ResultRow]: ...


class Pipeline(Protocol):
    def open_chunk(self, session: SessionContext) -> ChunkPipeline: ...

    async def aclose(self) -> None: ...
