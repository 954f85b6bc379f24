"""Liveness and readiness probes, and the metrics for Prometheus."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response

from gateway.deps import MetricsDep, ServicesDep
from gateway.metrics import CONTENT_TYPE
from shared.errors import DossierError

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="The process is alive")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="The broker and the object storage are reachable")
async def readyz(services: ServicesDep) -> JSONResponse:
    storage = True
    try:
        await services.store.ping()
    except DossierError:
        storage = False
    checks = {"broker": services.broker.ready, "storage": storage}
    ready = all(checks.values())
    return JSONResponse(
        {"status": "ready" if ready else "not_ready", "checks": checks}, 200 if ready else 503
    )


@router.get("/metrics", include_in_schema=False)
async def prometheus_metrics(metrics: MetricsDep) -> Response:
    return Response(metrics.render(), media_type=CONTENT_TYPE)
