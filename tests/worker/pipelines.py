"""Pipelines for the engine's tests, loaded by worker processes via DOSSIER_WORKER_PIPELINE.

`build_test_pipeline`: every row is `ok`; with DOSSIER_TEST_SLOW_URL set, each row first
fetches `<url>/<row>` (a slow local server makes rows take real time); a row named like
DOSSIER_TEST_POISON_NAME raises in its stage.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import UTC, datetime

import httpx

from shared.rows import PlannedRow, ResultRow
from worker.pipeline.protocol import ChunkPipeline, Pipeline, SessionContext
from worker.pipeline.settings import PipelineSettings


class PoisonedRow(RuntimeError):
    pass


class _Chunk:
    def __init__(self, client: httpx.AsyncClient, poison: str, slow_url: str) -> None:
        self._client = client
        self._poison = poison
        self._slow_url = slow_url

    async def prepare(self, rows: Sequence[PlannedRow]) -> None:
        return None

    async def enrich(self, row: PlannedRow) -> ResultRow:
        if self._poison and row.name == self._poison:
            raise PoisonedRow(f"stage refused {row.name}")
        website = row.website or ""
        if self._slow_url:
            response = await self._client.get(f"{self._slow_url}/{row.row}")
            response.raise_for_status()
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
        self._client = httpx.AsyncClient(timeout=60, limits=httpx.Limits(max_connections=200))
        self._poison = os.environ.get("DOSSIER_TEST_POISON_NAME", "")
        self._slow_url = os.environ.get("DOSSIER_TEST_SLOW_URL", "")

    def open_chunk(self, session: SessionContext) -> ChunkPipeline:
        return _Chunk(self._client, self._poison, self._slow_url)

    async def aclose(self) -> None:
        await self._client.aclose()


def build_test_pipeline(settings: PipelineSettings) -> Pipeline:
    return _TestPipeline()
