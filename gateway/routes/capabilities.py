"""What this deployment can do, so clients offer only options it will honour."""

from __future__ import annotations

from fastapi import APIRouter

from gateway.deps import ServicesDep
from gateway.openapi.faults import UNKNOWN_PARAMETER, errors
from gateway.resources.service import DeploymentCapabilities

router = APIRouter(prefix="/api", tags=["capabilities"])


@router.get(
    "/capabilities",
    summary="Providers, notifier URL and upload limits",
    responses=errors(UNKNOWN_PARAMETER),
)
async def capabilities(services: ServicesDep) -> DeploymentCapabilities:
    settings = services.settings
    found = settings.capabilities()
    return DeploymentCapabilities(
        search=found.search,
        llm=found.llm,
        hubspot=found.hubspot,
        deep_search=found.deep_search,
        qualification=found.qualification,
        notifier_url=settings.notifier_public_url,
        limits=settings.limits,
    )
