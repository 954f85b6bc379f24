"""Plain-text logs of one session: pipeline, errors, hubspot."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import StreamingResponse

from gateway.deps import DownloadKeysDep, DownloadStateDep, StoreDep
from gateway.downloads import log_file
from gateway.openapi import KEY_OR_TOKEN
from gateway.openapi.faults import ON_DOWNLOAD, UNKNOWN_LOG_TYPE, errors
from shared.errors import InvalidInput
from shared.layout import LOG_TYPES
from shared.session_logs import is_log_type

router = APIRouter(prefix="/api/sessions", tags=["logs"])
_LOG_TYPES = "One of " + ", ".join(f"`{log_type}`" for log_type in LOG_TYPES)


@router.get(
    "/{session_id}/logs/{log_type}",
    summary="The session's log of one type, as plain text",
    response_class=StreamingResponse,
    openapi_extra=KEY_OR_TOKEN,
    responses={
        200: {"content": {"text/plain": {"schema": {"type": "string"}}}},
        **errors(*ON_DOWNLOAD, UNKNOWN_LOG_TYPE),
    },
)
async def logs(
    # Declared as an enum for clients, checked below: another type is a 404, not a 422.
    log_type: Annotated[
        str, Path(description=_LOG_TYPES, json_schema_extra={"enum": list(LOG_TYPES)})
    ],
    state: DownloadStateDep,
    keys: DownloadKeysDep,
    store: StoreDep,
) -> StreamingResponse:
    if not is_log_type(log_type):
        raise InvalidInput(
            "unknown_log_type",
            f"unknown log type {log_type[:40]!r}; valid types: {', '.join(LOG_TYPES)}",
            404,
        )
    return StreamingResponse(
        log_file(store, keys, state, log_type), media_type="text/plain; charset=utf-8"
    )
