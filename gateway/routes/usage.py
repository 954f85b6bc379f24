"""A tenant's usage of outside services, month by month."""

from __future__ import annotations

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
    listed = await services.store.list_children(tenant_sessions_prefix(tenant))
    marks = await services.settled.marks(tenant, listed)
    ids = [sid for sid in listed if is_session_id(sid) and start <= created_ms(sid) < end]
    # Settled sessions kept since an earlier list cost nothing; others are read at most
    # `SettledStates`' window at a time.
    found = await services.settled.read(tenant, ids, marks)
    states = [state for state in found if state is not None]
    total = sum((state.usage for state in states), Usage())
    return MonthlyUsage(month=chosen, sessions=len(states), usage=total)
