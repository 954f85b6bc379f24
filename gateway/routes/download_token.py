"""Download tokens: let a plain browser link fetch one session's files."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter

from gateway.deps import ServicesDep, SessionStateDep

router = APIRouter(prefix="/api/sessions", tags=["downloads"])


@router.post(
    "/{session_id}/download_token",
    summary="A short-lived token for downloading this session's files without the API key",
    status_code=201,
    responses={
        201: {
            "content": {
                "application/json": {
                    "example": {
                        "token": "dGVuYW50OnMtLi4uOjE3OTk5OTk5OTk.ZXhhbXBsZQ",
                        "expires_at": "2026-12-04T10:05:00Z",
                        "expires_in": 300,
                    }
                }
            }
        }
    },
)
async def download_token(state: SessionStateDep, services: ServicesDep) -> dict[str, Any]:
    """Append `?token=...` (or `&token=...`) to `/results?format=...`, `/logs/{type}` or
    `/download_archive` of this session; no `Authorization` header is needed then."""
    manifest = state.manifest
    issued = services.download_tokens.issue(manifest.tenant, manifest.session_id)
    expires = datetime.fromtimestamp(issued.expires_at, UTC)
    return {
        "token": issued.token,
        "expires_at": expires.isoformat().replace("+00:00", "Z"),
        "expires_in": services.settings.download_token_ttl_seconds,
    }
