"""One company enriched synchronously by the workers, for CRM and spreadsheet add-ons."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request

from gateway.deps import ServicesDep, TenantDep
from gateway.errors import RateLimited, ServiceUnavailable
from gateway.json_body import read_json
from gateway.openapi.faults import (
    BODY_TOO_LARGE,
    BROKER_UNAVAILABLE,
    ENRICH_FAILED,
    ENRICH_REFUSED,
    ENRICH_TIMEOUT,
    RATE_LIMITED,
    UNAUTHORIZED,
    UNKNOWN_PARAMETER,
    errors,
)
from shared.broker.enrich_protocol import EnrichTimeout
from shared.enrich import EnrichInput, EnrichRequest
from shared.errors import InvalidInput
from shared.fields.checks import check_fields
from shared.rows import ResultRow

router = APIRouter(prefix="/api", tags=["enrich"])
_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": EnrichInput.model_json_schema()}},
    }
}


class EnrichFailed(InvalidInput):
    """The worker answered without a row (502): not the caller's mistake, and no 500."""

    def __init__(self, reason: str) -> None:
        message = f"the worker could not enrich the company ({reason})"
        super().__init__("enrich_failed", message, 502)


class EnrichTimedOut(InvalidInput):
    def __init__(self, message: str) -> None:
        super().__init__("enrich_timeout", message, 504)


@router.post(
    "/enrich",
    summary="Enrich one company now: the result columns of a session row",
    openapi_extra=_BODY,
    responses=errors(
        UNAUTHORIZED,
        BODY_TOO_LARGE,
        ENRICH_REFUSED,
        UNKNOWN_PARAMETER,
        RATE_LIMITED,
        ENRICH_FAILED,
        BROKER_UNAVAILABLE,
        ENRICH_TIMEOUT,
    ),
)
async def enrich(request: Request, services: ServicesDep, tenant: TenantDep) -> ResultRow:
    """Answered within `DOSSIER_ENRICH_TIMEOUT_S`; `fields` are custom fields, as at upload."""
    body = await read_json(request, EnrichInput)
    settings = services.settings
    fields = check_fields(body.fields)
    if fields and not settings.capabilities().llm:
        raise InvalidInput(
            "option_unavailable",
            "custom fields need a language model, and this server has none configured "
            "(see GET /api/capabilities)",
        )
    wait = await services.enrich_limits.take(tenant)
    if wait is not None:
        seconds = min(wait, 3600)
        raise RateLimited(f"too many single-company requests; retry in {seconds} s", seconds)
    if services.enricher is None:
        raise ServiceUnavailable("broker_unavailable", "single-company requests are not served")
    ask = EnrichRequest(
        tenant=tenant,
        request_id=uuid.uuid4().hex,
        name=body.name.strip(),
        website=(body.website or "").strip() or None,
        country=(body.country or "").strip() or None,
        context=body.context.strip(),
        fields=fields,
    )
    try:
        reply = await services.enricher.ask(ask, settings.enrich_timeout_s)
    except EnrichTimeout as exc:
        raise EnrichTimedOut(str(exc)) from None
    except ConnectionError as exc:
        raise ServiceUnavailable("broker_unavailable", str(exc)) from exc
    if reply.row is None:
        raise EnrichFailed(reply.error or "no result")
    return ResultRow.model_validate(reply.row)
