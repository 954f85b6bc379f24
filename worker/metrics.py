"""The worker's Prometheus metrics, served on /metrics by the health server.

The composition root builds them on a registry of their own and hands them to the engine
(runner, dead chunks, consumers) and, as its `PipelineMetrics`, to the pipeline. Every
known label value is created up front, so a rate or an alert on it has a zero to start
from instead of no series at all.
"""

from __future__ import annotations

from collections import Counter as Tally
from collections.abc import Iterable

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    ProcessCollector,
)

from shared.metrics_exposition import render
from shared.rows import ResultRow, RowStatus
from worker.pipeline.stage_names import STAGES

MESSAGE_OUTCOMES = ("acked", "requeued", "dead_lettered")
PROVIDERS = ("search", "llm", "hubspot")
# A chunk of 200 rows takes from seconds (normalize only) to minutes (slow sites).
CHUNK_BUCKETS = (1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1200, 1800)
STAGE_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)
# Most takes find a unit at once; a spent HubSpot window is waited out in up to 10 s.
BUDGET_BUCKETS = (0.005, 0.05, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
BUDGETS = ("hubspot", "host")


class WorkerMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.registry = registry
        ProcessCollector(registry=registry)  # process_*: CPU, memory, open files
        self.rows = Counter(
            "dossier_worker_rows",
            "Rows stored, by row status (dead-lettered chunks' rows count as failed)",
            ["status"],
            registry=registry,
        )
        self.rows_in_flight = Gauge(
            "dossier_worker_rows_in_flight",
            "Rows going through the pipeline in this process right now",
            registry=registry,
        )
        self.row_errors = Counter(
            "dossier_worker_row_errors",
            "Rows that failed in the engine: `timeout` (row timeout) or `exception`",
            ["kind"],
            registry=registry,
        )
        self.chunk_seconds = Histogram(
            "dossier_worker_chunk_duration_seconds",
            "Time from taking a chunk to having its results stored",
            buckets=CHUNK_BUCKETS,
            registry=registry,
        )
        self.stage_seconds = Histogram(
            "dossier_worker_stage_duration_seconds",
            "Time one row spent in a pipeline stage",
            ["stage"],
            buckets=STAGE_BUCKETS,
            registry=registry,
        )
        self.fetches = Counter(
            "dossier_worker_fetches",
            "Page fetches by outcome (ok, redirected, too_large, or why it failed)",
            ["outcome"],
            registry=registry,
        )
        self.provider_calls = Counter(
            "dossier_worker_provider_calls",
            "Calls to search, LLM and HubSpot, after retries, by outcome",
            ["provider", "outcome"],
            registry=registry,
        )
        self.retries = Counter(
            "dossier_worker_retries",
            "Attempts repeated after a transient failure, by outbound client",
            ["client"],
            registry=registry,
        )
        self.budget_waits = Histogram(
            "dossier_worker_budget_wait_seconds",
            "Time a request waited to start: for units of deployment-wide budgets and, for a "
            "website host, a place among the requests in flight",
            ["budget"],
            buckets=BUDGET_BUCKETS,
            registry=registry,
        )
        self.messages = Counter(
            "dossier_worker_messages",
            "Broker messages settled, by queue and outcome",
            ["queue", "outcome"],
            registry=registry,
        )
        for status in RowStatus:
            self.rows.labels(status.value)
        for kind in ("timeout", "exception"):
            self.row_errors.labels(kind)
        for provider in PROVIDERS:
            self.provider_calls.labels(provider, "ok")
            self.retries.labels(provider)
        self.retries.labels("fetch")
        for budget in BUDGETS:
            self.budget_waits.labels(budget)
        self.fetches.labels("ok")
        for stage in STAGES:
            if stage != "normalize":  # runs when planning, not per row
                self.stage_seconds.labels(stage)

    # --- the engine ---------------------------------------------------------------------

    def rows_stored(self, rows: Iterable[ResultRow]) -> None:
        for status, count in Tally(row.row_status.value for row in rows).items():
            self.rows.labels(status).inc(count)

    def chunk_stored(self, seconds: float) -> None:
        self.chunk_seconds.observe(seconds)

    def row_failed(self, kind: str) -> None:
        self.row_errors.labels(kind).inc()

    def consuming(self, queue: str) -> None:
        for outcome in MESSAGE_OUTCOMES:
            self.messages.labels(queue, outcome)

    def message_settled(self, queue: str, outcome: str) -> None:
        self.messages.labels(queue, outcome).inc()

    def render(self) -> bytes:
        return render(self.registry)

    # --- the pipeline (worker/pipeline/metrics.py) --------------------------------------

    def stage_finished(self, stage: str, seconds: float) -> None:
        self.stage_seconds.labels(stage).observe(seconds)

    def page_fetched(self, outcome: str) -> None:
        self.fetches.labels(outcome).inc()

    def provider_called(self, provider: str, outcome: str) -> None:
        self.provider_calls.labels(provider, outcome).inc()

    def retried(self, client: str) -> None:
        self.retries.labels(client).inc()

    def budget_waited(self, budget: str, seconds: float) -> None:
        self.budget_waits.labels(budget).observe(seconds)
