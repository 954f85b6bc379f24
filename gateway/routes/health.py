"""Liveness and readiness probes."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from gateway.deps import ServicesDep
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
