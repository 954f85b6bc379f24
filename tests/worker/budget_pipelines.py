"""Pipelines for the tests of deployment-wide budgets, loaded by worker processes through
DOSSIER_WORKER_PIPELINE.

`build_fetching_pipeline`: every row fetches `<DOSSIER_TEST_SLOW_URL>/<row>` through the
worker's own page fetcher, so through its politeness gate and the budget of that host.
The `*_own_budget` variants hold every budget in the process alone, as each worker did
before budgets were shared: the baseline the tests measure the shared budget against.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import UTC, datetime

from shared.budget.memory import MemoryBudget
from shared.budget.protocol import Budget
from shared.rows import PlannedRow, ResultRow
from worker.pipeline.build import build_pipeline, page_fetcher, web_client
from worker.pipeline.clients.fetch.fetcher import Fetcher
from worker.pipeline.metrics import PipelineMetrics
from worker.pipeline.protocol import ChunkPipeline, Pipeline, SessionContext
from worker.pipeline.settings import PipelineSettings


class _FetchingChunk:
    def __init__(self, fetcher: Fetcher, site: str) -> None:
        self._fetcher = fetcher
        self._site = site

    async def prepare(
        self, rows: Sequence[PlannedRow], answered: Sequence[PlannedRow] = ()
    ) -> None:
        return None

    async def enrich(self, row: PlannedRow) -> ResultRow:
        page = await self._fetcher.fetch(f"{self._site}/{row.row}")
        return ResultRow(
            row=row.row,
            original=row.original,
            company_name=row.name,
            official_website=page.url,
            timestamp=datetime.now(UTC).isoformat(),
        )

    async def finish(self, results: list[ResultRow]) -> list[ResultRow]:
        return results


class _FetchingPipeline:
    def __init__(self, settings: PipelineSettings, metrics: PipelineMetrics, budget: Budget):
        self._web = web_client(settings)
        self._fetcher = page_fetcher(settings, self._web, metrics, budget)
        self._site = os.environ["DOSSIER_TEST_SLOW_URL"]

    def open_chunk(self, session: SessionContext) -> ChunkPipeline:
        return _FetchingChunk(self._fetcher, self._site)

    async def aclose(self) -> None:
        await self._web.aclose()


def build_fetching_pipeline(
    settings: PipelineSettings, metrics: PipelineMetrics, budget: Budget
) -> Pipeline:
    return _FetchingPipeline(settings, metrics, budget)


def build_fetching_pipeline_own_budget(
    settings: PipelineSettings, metrics: PipelineMetrics, budget: Budget
) -> Pipeline:
    return _FetchingPipeline(settings, metrics, MemoryBudget())


def build_pipeline_own_budget(
    settings: PipelineSettings, metrics: PipelineMetrics, budget: Budget
) -> Pipeline:
    return build_pipeline(settings, metrics, MemoryBudget())
