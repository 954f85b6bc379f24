"""Pipelines for the engine's tests, loaded by worker processes via DOSSIER_WORKER_PIPELINE.

`build_test_pipeline`: every row is `ok`; with DOSSIER_TEST_SLOW_URL set, each row first
fetches `<url>/<row>` (a slow local server makes rows take real time); a row named like
DOSSIER_TEST_POISON_NAME raises in its stage; a chunk holding a
row named like DOSSIER_TEST_CRASH_NAME fails as a whole, in its batch step, on every
delivery. The engine's unit tests script rows in process instead (`scripted_pipeline.py`).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Sequence
from datetime import UTC, datetime
from urllib.parse import urlsplit

from shared.budget.protocol import Budget
from shared.rows import PlannedRow, ResultRow
from worker.pipeline.metrics import PipelineMetrics
from worker.pipeline.protocol import ChunkPipeline, Pipeline, SessionContext
from worker.pipeline.settings import PipelineSettings


class PoisonedRow(RuntimeError):
    """A stage refusing one particular row."""


async def fetch(url: str) -> None:
    """A bare GET on a fresh connection: cheap enough for hundreds of rows in flight."""
    parts = urlsplit(url)
    reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
    try:
        request = f"GET {parts.path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        writer.write(request.encode())
        await writer.drain()
        status = await reader.readline()
        if b" 200 " not in status:
            raise RuntimeError(f"slow site answered {status!r}")
        await reader.read()
    finally:
        writer.close()


class _Chunk:
    def __init__(self, poison: str, slow_url: str, crash: str) -> None:
        self._crash = crash
        self._poison = poison
        self._slow_url = slow_url

    async def prepare(
        self, rows: Sequence[PlannedRow], answered: Sequence[PlannedRow] = ()
    ) -> None:
        if self._crash and any(row.name == self._crash for row in rows):
            raise ConnectionError("batch look-up unreachable")

    async def enrich(self, row: PlannedRow) -> ResultRow:
        if self._poison and row.name == self._poison:
            raise PoisonedRow(f"stage refused {row.name}")
        website = row.website or ""
        if self._slow_url:
            await fetch(f"{self._slow_url}/{row.row}")
        return ResultRow(
            row=row.row,
            original=row.original,
            company_name=row.name,
            official_website=row.domain or website,
            description=f"About {row.name}",
            timestamp=datetime.now(UTC).isoformat(),
        )

    async def finish(self, results: list[ResultRow]) -> list[ResultRow]:
        return results


class _TestPipeline:
    def __init__(self) -> None:
        self._poison = os.environ.get("DOSSIER_TEST_POISON_NAME", "")
        self._slow_url = os.environ.get("DOSSIER_TEST_SLOW_URL", "")
        self._crash = os.environ.get("DOSSIER_TEST_CRASH_NAME", "")

    def open_chunk(self, session: SessionContext) -> ChunkPipeline:
        return _Chunk(self._poison, self._slow_url, self._crash)

    async def aclose(self) -> None:
        return None


def build_test_pipeline(
    settings: PipelineSettings, metrics: PipelineMetrics, budget: Budget
) -> Pipeline:
    return _TestPipeline()
