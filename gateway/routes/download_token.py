"""Download tokens: let a plain browser link fetch one session's files."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter

from gateway.deps import ServicesDep, SessionStateDep
from gateway.openapi.faults import ON_SESSION, errors
from gateway.resources.download_token import DownloadToken

router = APIRouter(prefix="/api/sessions", tags=["downloads"])


@router.post(
    "/{session_id}/download_token",
    summary="A short-lived token for downloading this session's files without the API key",
    status_code=201,
    responses=errors(*ON_SESSION),
)
async def download_token(state: SessionStateDep, services: ServicesDep) -> DownloadToken:
    """Append `?token=...` (or `&token=...`) to `/results?format=...`, `/logs/{type}` or
    `/download_archive` of this session; no `Authorization` header is needed then."""
    manifest = state.manifest
    issued = services.download_tokens.issue(manifest.tenant, manifest.session_id)
    return DownloadToken(
        token=issued.token,
        expires_at=datetime.fromtimestamp(issued.expires_at, UTC),
        expires_in=services.settings.download_token_ttl_seconds,
    )
