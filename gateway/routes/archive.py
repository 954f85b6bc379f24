"""The session as one zip, streamed member by member straight from object storage."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import orjson
from fastapi import APIRouter
from fastapi.responses import StreamingResponse
from stream_zip import ZIP_64, Method, async_stream_zip

from gateway.deps import DownloadKeysDep, DownloadStateDep, StoreDep
from gateway.downloads import log_file, results_file
from gateway.openapi import KEY_OR_TOKEN
from gateway.openapi.faults import ON_DOWNLOAD, errors
from shared.layout import EXPORT_FORMATS, LOG_TYPES, SessionKeys
from shared.session_view import session_view
from shared.status import SessionState
from shared.storage.protocol import ObjectStore

router = APIRouter(prefix="/api/sessions", tags=["archive"])
Member = tuple[str, datetime, int, Method, AsyncIterator[bytes]]
_FILE_MODE = 0o100644


async def _once(data: bytes) -> AsyncIterator[bytes]:
    yield data


async def _members(
    store: ObjectStore, keys: SessionKeys, state: SessionState
) -> AsyncIterator[Member]:
    now = datetime.now(UTC).replace(tzinfo=None)
    manifest = state.manifest
    yield (
        f"input/{manifest.input.filename}",
        now,
        _FILE_MODE,
        ZIP_64,
        store.iter_bytes(manifest.input_key),
    )
    yield ("context.txt", now, _FILE_MODE, ZIP_64, store.iter_bytes(keys.context))
    for fmt in EXPORT_FORMATS:
        yield (f"results.{fmt}", now, _FILE_MODE, ZIP_64, results_file(store, keys, state, fmt))
    for log_type in LOG_TYPES:
        yield (
            f"logs/{log_type}.log",
            now,
            _FILE_MODE,
            ZIP_64,
            log_file(store, keys, state, log_type),
        )
    view = orjson.dumps(session_view(state).model_dump(mode="json"), option=orjson.OPT_INDENT_2)
    yield ("session.json", now, _FILE_MODE, ZIP_64, _once(view))


@router.get(
    "/{session_id}/download_archive",
    summary="A zip of the input, context, results in every format, logs and session.json",
    response_class=StreamingResponse,
    openapi_extra=KEY_OR_TOKEN,
    responses={
        200: {"content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}}},
        **errors(*ON_DOWNLOAD),
    },
)
async def download_archive(
    state: DownloadStateDep, keys: DownloadKeysDep, store: StoreDep
) -> StreamingResponse:
    return StreamingResponse(
        async_stream_zip(_members(store, keys, state)),
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{keys.session_id}.zip"'},
    )
