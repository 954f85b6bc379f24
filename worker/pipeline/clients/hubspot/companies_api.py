"""HubSpot CRM v3 companies API: search by domain, batch create and update.

Every call takes its units of the account's budgets (`rate_limit.py`), shared by every
worker; 429 pauses this process's callers for the server's Retry-After; 429, 5xx and
timeouts are retried with backoff and jitter.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Literal

import httpx2
import structlog

from shared.budget.protocol import BudgetUnavailable
from worker.pipeline.clients.hubspot.company_records import READ_PROPERTIES, Company, from_json
from worker.pipeline.clients.hubspot.rate_limit import AccountLimits
from worker.pipeline.clients.retry import Transient, retry_after_seconds, retrying
from worker.pipeline.metrics import NO_METRICS, PipelineMetrics

BATCH = 100
_SEARCH_VALUES = 50  # each domain is searched bare and with www., 100 values per filter


class HubSpotError(Exception):
    """A HubSpot call failed for good; the text is user-facing and free of secrets."""


@dataclass(frozen=True)
class BatchError:
    message: str
    ids: tuple[str, ...]


@dataclass(frozen=True)
class BatchOutcome:
    results: list[dict[str, Any]]
    errors: list[BatchError]


def exact_host(domain: str) -> str:
    text = domain.strip().lower().split("://")[-1].split("/")[0]
    return text.removeprefix("www.")


class HubSpotClient:
    def __init__(
        self,
        client: httpx2.AsyncClient,
        limits: AccountLimits,
        attempts: int,
        max_wait: float,
        metrics: PipelineMetrics = NO_METRICS,
    ) -> None:
        self._client = client
        self._metrics = metrics
        self._limits = limits
        self._attempts = attempts
        self._max_wait = max_wait
        self._log = structlog.get_logger("dossier.hubspot").bind(channel="hubspot")

    async def find_by_domains(self, domains: list[str]) -> dict[str, list[Company]]:
        """Companies whose domain is exactly one of `domains` (www. ignored)."""
        wanted = sorted({exact_host(d) for d in domains if d})
        found: dict[str, list[Company]] = {}
        for start in range(0, len(wanted), _SEARCH_VALUES):
            part = wanted[start : start + _SEARCH_VALUES]
            values = part + [f"www.{d}" for d in part]
            after: str | None = None
            while True:
                body: dict[str, Any] = {
                    "filterGroups": [
                        {
                            "filters": [
                                {"propertyName": "domain", "operator": "IN", "values": values}
                            ]
                        }
                    ],
                    "properties": list(READ_PROPERTIES),
                    "limit": BATCH,
                }
                if after:
                    body["after"] = after
                data = await self._call("POST", "/crm/v3/objects/companies/search", body, True)
                for item in data.get("results", []):
                    company = from_json(item)
                    host = exact_host(company.properties.get("domain", ""))
                    if host in part:
                        found.setdefault(host, []).append(company)
                after = ((data.get("paging") or {}).get("next") or {}).get("after")
                if not after:
                    break
        return found

    async def batch(
        self, action: Literal["create", "update"], inputs: list[dict[str, Any]]
    ) -> BatchOutcome:
        results: list[dict[str, Any]] = []
        errors: list[BatchError] = []
        for start in range(0, len(inputs), BATCH):
            part = inputs[start : start + BATCH]
            try:
                data = await self._call(
                    "POST", f"/crm/v3/objects/companies/batch/{action}", {"inputs": part}, False
                )
            except HubSpotError as error:
                ids = tuple(str(i.get("objectWriteTraceId", "")) for i in part)
                errors.append(BatchError(str(error), ids))
                continue
            results += [r for r in data.get("results", []) if isinstance(r, dict)]
            errors += [_batch_error(e) for e in data.get("errors", []) if isinstance(e, dict)]
        return BatchOutcome(results, errors)

    async def portal_id(self) -> str:
        data = await self._call("GET", "/account-info/v3/details", None, False)
        return str(data.get("portalId", ""))

    async def _call(self, method: str, path: str, body: Any, search: bool) -> dict[str, Any]:
        retry = retrying(self._attempts, self._max_wait, lambda: self._metrics.retried("hubspot"))
        try:
            result: dict[str, Any] = await retry(self._once, method, path, body, search)
        except Transient as error:
            self._metrics.provider_called("hubspot", "unavailable")
            raise HubSpotError(f"HubSpot unavailable: {error.reason}") from error
        except BudgetUnavailable as error:
            self._log.error("hubspot.budget_unavailable", reason=str(error), path=path)
            self._metrics.provider_called("hubspot", "unavailable")
            raise HubSpotError(f"HubSpot not called: {error}") from error
        return result

    async def _once(self, method: str, path: str, body: Any, search: bool) -> dict[str, Any]:
        self._metrics.budget_waited("hubspot", await self._limits.acquire(search))
        started = time.monotonic()
        try:
            response = await self._client.request(method, path, json=body)
        except httpx2.TimeoutException as error:
            self._log.warning("hubspot.timeout", method=method, path=path)
            raise Transient("timeout") from error
        except httpx2.TransportError as error:
            self._log.warning("hubspot.unreachable", method=method, path=path)
            raise Transient(f"connection failed ({type(error).__name__})") from error
        status = response.status_code
        self._log.info(
            "hubspot.request",
            method=method,
            path=path,
            status=status,
            ms=round((time.monotonic() - started) * 1000),
        )
        if status == 429:
            wait = retry_after_seconds(response.headers.get("retry-after")) or 1.0
            self._log.warning("hubspot.rate_limited", retry_after=wait, path=path)
            self._limits.pause(wait)
            raise Transient("HTTP 429 (rate limited)", wait)
        if status >= 500:
            raise Transient(f"HTTP {status}")
        if status >= 400:
            self._metrics.provider_called("hubspot", "refused")
            raise HubSpotError(f"HubSpot refused the request (HTTP {status}: {_message(response)})")
        try:
            data = response.json() if response.content else {}
        except ValueError:
            self._metrics.provider_called("hubspot", "invalid_answer")
            raise
        self._metrics.provider_called("hubspot", "ok")
        return data if isinstance(data, dict) else {}


def _message(response: httpx2.Response) -> str:
    try:
        data = response.json()
    except ValueError:
        return response.reason_phrase
    return str(data.get("message", response.reason_phrase)) if isinstance(data, dict) else ""


def _batch_error(error: dict[str, Any]) -> BatchError:
    context = error.get("context") or {}
    ids: list[str] = []
    if isinstance(context, dict):
        for key in ("objectWriteTraceId", "ids", "id"):
            value = context.get(key, [])
            ids += [str(v) for v in (value if isinstance(value, list) else [value])]
    return BatchError(str(error.get("message", "HubSpot rejected the record")), tuple(ids))
