"""The HTTP call shared by the search providers: timeouts, retries, clear failures."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

import httpx2
import structlog

from worker.pipeline.clients.retry import Transient, retry_after_seconds, retrying
from worker.pipeline.clients.search.provider import SearchHit, SearchUnavailable
from worker.pipeline.metrics import NO_METRICS, PipelineMetrics


async def call_json(
    client: httpx2.AsyncClient,
    request: httpx2.Request,
    provider: str,
    attempts: int,
    max_wait: float,
    metrics: PipelineMetrics,
) -> Any:
    log = structlog.get_logger("dossier.pipeline").bind(channel="pipeline", provider=provider)
    try:
        async for attempt in retrying(attempts, max_wait, lambda: metrics.retried("search")):
            with attempt:
                try:
                    response = await client.send(request)
                except httpx2.TimeoutException as error:
                    raise Transient("timeout") from error
                except httpx2.TransportError as error:
                    raise Transient(f"connection failed ({type(error).__name__})") from error
                if response.status_code == 429 or response.status_code >= 500:
                    log.warning("search.retry", status=response.status_code)
                    raise Transient(
                        f"HTTP {response.status_code}",
                        retry_after_seconds(response.headers.get("retry-after")),
                    )
                if response.status_code >= 400:
                    metrics.provider_called("search", "refused")
                    raise SearchUnavailable(
                        f"{provider} search refused the request (HTTP {response.status_code})"
                    )
                data = response.json()
                metrics.provider_called("search", "ok")
                return data
    except Transient as error:
        metrics.provider_called("search", "unavailable")
        raise SearchUnavailable(f"{provider} search unavailable: {error.reason}") from error
    except ValueError as error:
        metrics.provider_called("search", "invalid_answer")
        raise SearchUnavailable(f"{provider} search answered with invalid JSON") from error
    raise AssertionError("unreachable")  # retrying() re-raises the last error


class JsonSearchApi(ABC):
    """A search API answering JSON over HTTP; providers say how to ask and how to read."""

    name = "search"
    # Where the hits are in the answer, and the keys of a hit's URL, title and snippet.
    results_key = "results"
    url_key, title_key, snippet_key = "url", "title", "content"

    def __init__(
        self,
        client: httpx2.AsyncClient,
        url: str,
        api_key: str,
        attempts: int,
        max_wait: float,
        metrics: PipelineMetrics = NO_METRICS,
    ) -> None:
        self._client = client
        self._url = url
        self._api_key = api_key
        self._attempts = attempts
        self._max_wait = max_wait
        self._metrics = metrics

    @abstractmethod
    def request(self, query: str, limit: int) -> httpx2.Request:
        """The provider's HTTP request for `query`, asking for `limit` hits."""

    async def search(self, query: str, limit: int) -> list[SearchHit]:
        data = await call_json(
            self._client,
            self.request(query, limit),
            self.name,
            self._attempts,
            self._max_wait,
            self._metrics,
        )
        items = data.get(self.results_key, []) if isinstance(data, dict) else []
        return [
            SearchHit(
                str(item[self.url_key]),
                str(item.get(self.title_key, "")),
                str(item.get(self.snippet_key, "")),
            )
            for item in items
            if isinstance(item, dict) and item.get(self.url_key)
        ][:limit]
