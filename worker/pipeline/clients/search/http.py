"""The HTTP call shared by the search providers: timeouts, retries, clear failures."""

from __future__ import annotations

from typing import Any

import httpx2
import structlog

from worker.pipeline.clients.retry import Transient, retry_after_seconds, retrying
from worker.pipeline.clients.search.provider import SearchUnavailable
from worker.pipeline.metrics import PipelineMetrics


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
