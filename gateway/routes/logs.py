"""Plain-text logs of one session: pipeline, errors, hubspot."""

from __future__ import annotations

from collections.abc import AsyncIterator

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from gateway.deps import SessionKeysDep, SessionStateDep, StoreDep
from shared.errors import InvalidInput
from shared.layout import LOG_TYPES, SessionKeys
from shared.session_logs import is_log_type, session_log
from shared.status import SessionState
from shared.storage import ObjectStore

router = APIRouter(prefix="/api/sessions", tags=["logs"])


async def log_stream(
    store: ObjectStore, keys: SessionKeys, state: SessionState, log_type: str
) -> AsyncIterator[bytes]:
    final_key = keys.final_log(log_type)
    if state.finalized and await store.exists(final_key):
        async for chunk in store.iter_bytes(final_key):
            yield chunk
        return
    async for chunk in session_log(store, keys, log_type):
        yield chunk


@router.get(
    "/{session_id}/logs/{log_type}",
    summary="The session's log of one type, as plain text",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/plain": {}}}},
)
async def logs(
    log_type: str, state: SessionStateDep, keys: SessionKeysDep, store: StoreDep
) -> StreamingResponse:
    if not is_log_type(log_type):
        raise InvalidInput(
            "unknown_log_type",
            f"unknown log type {log_type[:40]!r}; valid types: {', '.join(LOG_TYPES)}",
            404,
        )
    return StreamingResponse(
        log_stream(store, keys, state, log_type), media_type="text/plain; charset=utf-8"
    )
