"""What the pipeline reports about its work, for whoever keeps the worker's metrics.

The pipeline knows nothing of Prometheus: the worker hands `build_pipeline` a recorder
(worker/metrics.py); a pipeline built without one reports to `NO_METRICS`.

Outcomes, the values of the labels operators see:
- a page fetch: `ok`, `redirected` (ended on another URL), `too_large` (cut at the size
  limit), or a `FetchError` kind: `timeout`, `dns`, `tls`, `http`, `unreachable`,
  `invalid_url`, `redirects`, `blocked` (an address fetches may not reach), `robots`
  (robots.txt disallows the page);
- a provider call (`search`, `llm`, `hubspot`), after its retries: `ok`, `unavailable`
  (timeouts, 429 or 5xx until the attempts ran out), `refused` (any other 4xx),
  `invalid_answer` (an answer that could not be read);
- a retry of any outbound client (`fetch` and the three providers);
- the time a request waited for its units of a deployment-wide budget: `hubspot` (the
  account's requests and searches) or `host` (politeness toward one website host).
"""

from __future__ import annotations

from typing import Protocol


class PipelineMetrics(Protocol):
    def stage_finished(self, stage: str, seconds: float) -> None: ...

    def page_fetched(self, outcome: str) -> None: ...

    def provider_called(self, provider: str, outcome: str) -> None: ...

    def retried(self, client: str) -> None: ...

    def budget_waited(self, budget: str, seconds: float) -> None: ...


class NoMetrics:
    """Records nothing: for a pipeline built without a metrics registry (tests, benches)."""

    def stage_finished(self, stage: str, seconds: float) -> None:
        pass

    def page_fetched(self, outcome: str) -> None:
        pass

    def provider_called(self, provider: str, outcome: str) -> None:
        pass

    def retried(self, client: str) -> None:
        pass

    def budget_waited(self, budget: str, seconds: float) -> None:
        pass


NO_METRICS: PipelineMetrics = NoMetrics()
