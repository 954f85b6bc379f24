"""What this deployment can do, so clients offer only options it will honour."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from gateway.deps import ServicesDep
from gateway.openapi import CAPABILITIES_EXAMPLE, json_example

router = APIRouter(prefix="/api", tags=["capabilities"])


@router.get(
    "/capabilities",
    summary="Providers, notifier URL and upload limits",
    responses=json_example(CAPABILITIES_EXAMPLE),
)
async def capabilities(services: ServicesDep) -> dict[str, Any]:
    settings = services.settings
    found = settings.capabilities()
    return {
        "search": found.search,
        "llm": found.llm,
        "hubspot": found.hubspot,
        "deep_search": found.deep_search,
        "notifier_url": settings.notifier_public_url,
        "limits": settings.limits.model_dump(),
    }
