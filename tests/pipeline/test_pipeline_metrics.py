"""What the pipeline reports to the worker's metrics: stage times, fetches, provider calls."""

from __future__ import annotations

import pytest
from prometheus_client import CollectorRegistry

from shared.rows import InputRow
from tests.metrics import Scrape
from tests.pipeline.conftest import FARM_DNS, MakeSettings, Server, session_context
from tests.pipeline.fakes.search import SearchState
from tests.pipeline.test_pipeline import INPUT
from worker.dedupe import plan_rows
from worker.metrics import WorkerMetrics
from worker.pipeline.build import build_pipeline
from worker.pipeline.protocol import SessionContext
from worker.pipeline.settings import PipelineSettings

pytestmark = pytest.mark.unit


async def run_chunk(
    settings: PipelineSettings, session: SessionContext, given: list[InputRow]
) -> Scrape:
    metrics = WorkerMetrics(CollectorRegistry())
    pipeline = build_pipeline(settings, metrics, resolver=FARM_DNS)
    try:
        chunk = pipeline.open_chunk(session)
        rows = list(plan_rows(given))
        await chunk.prepare(rows)
        results = [await chunk.enrich(row) for row in rows if row.duplicate_of is None]
        await chunk.finish(results)
    finally:
        await pipeline.aclose()
    return Scrape.parse(metrics.render().decode())


async def test_every_row_times_its_stages_and_every_provider_call_is_counted(
    make_settings: MakeSettings,
) -> None:
    settings = make_settings(search="serper", llm=True, hubspot=True)
    session = session_context(
        "Which of these companies run their own game launcher?",
        run_llm_deep_search_pipeline=True,
        use_hubspot_integration=True,
    )
    scraped = await run_chunk(settings, session, INPUT)

    enriched = len(INPUT) - 1  # the last row duplicates the first
    stage = "dossier_worker_stage_duration_seconds_count"
    assert scraped.value(stage, stage="website") == enriched
    stopped = 2  # at the website: one dead, one not found
    assert scraped.value(stage, stage="description") == enriched - stopped
    assert scraped.value(stage, stage="linkedin") >= 1
    assert scraped.value(stage, stage="deep_search") >= 1
    assert scraped.value(stage, stage="hubspot") >= 1
    fetches = "dossier_worker_fetches_total"
    assert scraped.value(fetches, outcome="ok") >= 1
    assert scraped.value(fetches, outcome="redirected") >= 1  # acquired-startup.com moved
    calls = "dossier_worker_provider_calls_total"
    for provider in ("search", "llm", "hubspot"):
        assert scraped.value(calls, provider=provider, outcome="ok") >= 1, provider
        assert scraped.value(calls, provider=provider) == scraped.value(
            calls, provider=provider, outcome="ok"
        ), provider


async def test_switched_off_stages_record_no_time(make_settings: MakeSettings) -> None:
    scraped = await run_chunk(
        make_settings(stages="normalize,website"), session_context(), INPUT[:1]
    )
    stage = "dossier_worker_stage_duration_seconds_count"
    assert scraped.value(stage, stage="website") == 1
    assert scraped.value(stage) == 1
    assert scraped.value("dossier_worker_fetches_total") >= 1


async def test_a_search_outage_counts_its_retries_and_the_unavailable_call(
    make_settings: MakeSettings, search_server: Server[SearchState]
) -> None:
    search_server.state.failing = True
    given = [InputRow(row=0, name="Zenith Analytics")]
    scraped = await run_chunk(make_settings(search="serper"), session_context(), given)

    calls = "dossier_worker_provider_calls_total"
    assert scraped.value(calls, provider="search", outcome="unavailable") == 1
    assert scraped.value(calls, provider="search", outcome="ok") == 0
    # retry_attempts is 2: one more attempt per call
    assert scraped.value("dossier_worker_retries_total", client="search") == 1
