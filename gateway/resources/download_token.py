"""The body of `POST /api/sessions/{session_id}/download_token`."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class DownloadToken(BaseModel):
    """Opens this session's downloads, and nothing else, until it expires."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "token": "dGVuYW50OnMtLi4uOjE3OTk5OTk5OTk.ZXhhbXBsZQ",
                    "expires_at": "2026-12-04T10:05:00Z",
                    "expires_in": 300,
                }
            ]
        }
    )

    token: str = Field(description="Pass as the `token` query parameter of a download")
    expires_at: datetime
    expires_in: int = Field(description="Seconds the token stays valid")
