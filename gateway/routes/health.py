"""Liveness and readiness probes, and the metrics for Prometheus."""

from __future__ import annotations

from fastapi import APIRouter, Response

from gateway.deps import MetricsDep, ServicesDep
from gateway.openapi.faults import UNKNOWN_PARAMETER, errors
from gateway.resources.service import Health, Readiness, ReadinessChecks
from shared.errors import DossierError
from shared.metrics_exposition import CONTENT_TYPE

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="The process is alive", responses=errors(UNKNOWN_PARAMETER))
async def healthz() -> Health:
    return Health(status="ok")


@router.get(
    "/readyz",
    summary="The broker and the object storage are reachable",
    responses={
        **errors(UNKNOWN_PARAMETER),
        503: {"model": Readiness, "description": "A check failed"},
    },
)
async def readyz(services: ServicesDep, response: Response) -> Readiness:
    storage = True
    try:
        await services.store.ping()
    except DossierError:
        storage = False
    checks = ReadinessChecks(broker=services.broker.ready, storage=storage)
    ready = checks.broker and checks.storage
    response.status_code = 200 if ready else 503
    return Readiness(status="ready" if ready else "not_ready", checks=checks)


@router.get("/metrics", include_in_schema=False)
async def prometheus_metrics(metrics: MetricsDep) -> Response:
    return Response(metrics.render(), media_type=CONTENT_TYPE)
