"""Retry rounds' row merging and the usage tally, in one process."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from shared.models import (
    Counters,
    InputSummary,
    QualificationOptions,
    SessionManifest,
    SessionOptions,
)
from shared.retry import (
    DEFAULT_RETRY_STATUSES,
    merge_round,
    retried_row,
    rows_to_retry,
    unknown_statuses,
)
from shared.rows import ResultRow, RowStatus
from shared.usage import estimate_usage, month_bounds_ms
from worker.pipeline.metrics import NoMetrics
from worker.usage import CountingMetrics, counting

pytestmark = pytest.mark.unit


def result(row: int, status: RowStatus, attempts: int = 1) -> ResultRow:
    return ResultRow(row=row, company_name=f"c{row}", row_status=status, attempts=attempts)


def test_a_round_replaces_its_rows_counts_their_attempts_and_keeps_the_rest() -> None:
    before = [
        result(0, RowStatus.OK),
        result(1, RowStatus.FAILED, 2),
        result(2, RowStatus.NOT_FOUND),
    ]
    again = [
        retried_row(before[1], result(1, RowStatus.OK)),
        retried_row(before[2], result(2, RowStatus.CANCELLED)),
    ]
    merged = merge_round(before, again)
    assert merged[0] is before[0]
    assert (merged[1].row_status, merged[1].attempts) == (RowStatus.OK, 3)
    # A row the round did not reach (cancelled) keeps its earlier result.
    assert merged[2] == before[2]


def test_statuses_are_checked_and_counted_from_the_counters() -> None:
    assert "needs_review" in DEFAULT_RETRY_STATUSES
    assert unknown_statuses(["failed", "duplicate", "cancelled", "x"]) == [
        "duplicate",
        "cancelled",
        "x",
    ]
    counters = Counters(total=10, done=10, failed=2, dead_links=1)
    assert rows_to_retry(counters, ["failed", "dead_url"]) == 3
    assert rows_to_retry(counters, ["not_found", "needs_review"]) == 0
    assert rows_to_retry(counters, ["ok"]) is None


def manifest(rows: int, website: str | None, **options: object) -> SessionManifest:
    summary = InputSummary(
        filename="a.csv",
        format="csv",
        size_bytes=10,
        has_header=True,
        columns=["Company", "Website"],
        name_column="Company",
        website_column=website,
        rows=rows,
        duplicate_domains=2,
    )
    return SessionManifest(
        session_id="0" * 32,
        tenant="t",
        created_at=datetime.now(UTC),
        options=SessionOptions(**options),
        input=summary,
        input_key="k",
    )


def test_the_estimate_follows_rows_columns_options_and_configured_providers() -> None:
    plain = estimate_usage(manifest(12, "Website"), search=True, llm=False, hubspot=False)
    assert (plain.companies, plain.fetches, plain.searches, plain.model_calls) == (10, 20, 0, 0)
    names = estimate_usage(manifest(12, None), search=True, llm=True, hubspot=False)
    assert (names.searches, names.model_calls) == (10, 10)
    deep = estimate_usage(
        manifest(12, None, run_llm_deep_search_pipeline=True), search=True, llm=True, hubspot=False
    )
    assert (deep.searches, deep.model_calls) == (40, 40)
    crm = estimate_usage(
        manifest(252, "Website", use_hubspot_integration=True, write_to_hubspot=True),
        search=False,
        llm=False,
        hubspot=True,
    )
    assert crm.hubspot_calls == 9
    qualify = manifest(
        12, "Website", qualification=QualificationOptions(criteria=["c"], products=["A", "B"])
    )
    assert estimate_usage(qualify, search=False, llm=True, hubspot=False).model_calls == 30


def test_month_bounds_cover_the_whole_month_and_december_ends_in_january() -> None:
    start, end = month_bounds_ms("2026-12")
    assert start == int(datetime(2026, 12, 1, tzinfo=UTC).timestamp() * 1000)
    assert end == int(datetime(2027, 1, 1, tzinfo=UTC).timestamp() * 1000)


async def test_calls_are_counted_for_the_chunk_whose_tasks_make_them() -> None:
    metrics = CountingMetrics(NoMetrics())

    async def rows(fetches: int, search_retries: int) -> None:
        for _ in range(fetches):
            metrics.page_fetched("ok")
        metrics.page_fetched("robots")  # refused before any request: not counted
        for _ in range(search_retries):
            metrics.retried("search")
        metrics.provider_called("search", "ok")
        metrics.provider_called("llm", "ok")

    async def chunk(fetches: int, search_retries: int) -> tuple[int, int, int]:
        with counting() as tally:
            await asyncio.gather(
                *(asyncio.create_task(rows(fetches, search_retries)) for _ in range(2))
            )
        return tally.fetches, tally.searches, tally.model_calls

    one, two = await asyncio.gather(chunk(3, 0), chunk(1, 2))
    assert one == (6, 2, 2)
    assert two == (2, 6, 2)
    metrics.provider_called("llm", "ok")  # outside any chunk: nobody's
