"""Qualifying a completed session's companies against criteria, as a new session."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, status

from gateway.criteria.choice import choose_criteria
from gateway.deps import CriteriaLibraryDep, ServicesDep, SessionKeysDep, SessionStateDep
from gateway.errors import SessionConflict
from gateway.ingest.from_results import session_from_results
from gateway.json_body import documented_body, json_body
from gateway.openapi.faults import (
    BODY_TOO_LARGE,
    ON_SESSION,
    QUALIFY_REFUSED,
    SESSION_NOT_COMPLETED,
    errors,
)
from gateway.resources.sessions import QualifyRequest
from gateway.webhooks.config import WebhookSettingsStore
from gateway.webhooks.form import session_webhook
from shared.lifecycle import SessionStatus
from shared.session_view import SessionView, session_view
from shared.status import SessionState

router = APIRouter(prefix="/api/sessions", tags=["sessions"])
# A few dozen names; FastAPI would read a body of any size into memory before any check.
MAX_BODY_BYTES = 64 * 1024
_JSON_BODY = documented_body(QualifyRequest)


QualifyRequestDep = Annotated[QualifyRequest, Depends(json_body(QualifyRequest, MAX_BODY_BYTES))]


@router.post(
    "/{session_id}/qualify",
    status_code=status.HTTP_201_CREATED,
    summary="A new session that qualifies this completed session's companies",
    openapi_extra=_JSON_BODY,
    responses=errors(*ON_SESSION, SESSION_NOT_COMPLETED, BODY_TOO_LARGE, QUALIFY_REFUSED),
)
async def qualify(
    state: SessionStateDep,
    keys: SessionKeysDep,
    body: QualifyRequestDep,
    library: CriteriaLibraryDep,
    services: ServicesDep,
) -> SessionView:
    """The new session is `created`; start it as any other. Its rows are this session's
    results: websites already found are not searched for again."""
    if state.status != SessionStatus.COMPLETED:
        raise SessionConflict(
            "session_not_completed",
            f"the session is {state.status.value}; only a completed session can be qualified",
        )
    chosen = await choose_criteria(
        library,
        body.criteria,
        body.products,
        services.settings.capabilities(),
        qualify_only=True,
    )
    # A session like any other: it calls the tenant's default webhook when it ends.
    webhook = await session_webhook(None, WebhookSettingsStore(services.store, keys.tenant))
    manifest = await session_from_results(services.store, state, keys, chosen, webhook)
    services.metrics.session_created(manifest.input.size_bytes, manifest.input.rows)
    created = SessionState.created(manifest)
    services.settled.created(created)
    return session_view(created)
