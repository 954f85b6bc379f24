"""A tenant's usage of outside services, month by month."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Query

from gateway.deps import ServicesDep, TenantDep
from gateway.openapi.faults import (
    INVALID_QUERY,
    STORAGE_UNAVAILABLE,
    UNAUTHORIZED,
    UNKNOWN_PARAMETER,
    errors,
)
from shared.errors import NotFound
from shared.ids import is_session_id
from shared.layout import tenant_sessions_prefix
from shared.usage import (
    MONTH_PATTERN,
    MonthlyUsage,
    Usage,
    created_ms,
    current_month,
    month_bounds_ms,
)

router = APIRouter(prefix="/api", tags=["usage"])
# Sessions read at once while adding a month up.
READ_AHEAD = 16


@router.get(
    "/usage",
    summary="Outside calls of the caller's sessions created in one month",
    responses=errors(UNAUTHORIZED, INVALID_QUERY, UNKNOWN_PARAMETER, STORAGE_UNAVAILABLE),
)
async def usage(
    services: ServicesDep,
    tenant: TenantDep,
    month: Annotated[
        str | None, Query(pattern=MONTH_PATTERN, description="YYYY-MM (UTC); default: this month")
    ] = None,
) -> MonthlyUsage:
    """Web pages fetched, search, model and HubSpot requests made by the rows of every
    session created in `month`, retries of those sessions included."""
    chosen = month or current_month()
    start, end = month_bounds_ms(chosen)
    ids = [
        sid
        for sid in await services.store.list_children(tenant_sessions_prefix(tenant))
        if is_session_id(sid) and start <= created_ms(sid) < end
    ]
    total, sessions = Usage(), 0
    for first in range(0, len(ids), READ_AHEAD):
        window = ids[first : first + READ_AHEAD]
        for found in await asyncio.gather(*(_usage_of(services, tenant, sid) for sid in window)):
            if found is not None:
                total, sessions = total + found, sessions + 1
    return MonthlyUsage(month=chosen, sessions=sessions, usage=total)


async def _usage_of(services: ServicesDep, tenant: str, session_id: str) -> Usage | None:
    try:
        return (await services.states.read(tenant, session_id)).usage
    except NotFound:
        return None  # still being created, or deleted meanwhile
