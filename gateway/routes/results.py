"""Result rows: JSON pages (partial while running) and file downloads."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from gateway.deps import DownloadKeysDep, DownloadStateDep, StoreDep
from gateway.downloads import results_file
from gateway.openapi import KEY_OR_TOKEN
from gateway.openapi.faults import ON_DOWNLOAD, errors
from gateway.resources.results import ResultRowView, ResultsFile, ResultsPage
from gateway.results_source import page_rows, read_plan
from shared.criteria.snapshot import session_criteria
from shared.exports import CONTENT_TYPES, ExportLayout

router = APIRouter(prefix="/api/sessions", tags=["results"])


_FILE = {"schema": {"type": "string", "format": "binary"}}
_FILES = {"text/csv": _FILE, CONTENT_TYPES["xlsx"]: _FILE}


@router.get(
    "/{session_id}/results",
    summary="Result rows in input order, or a CSV/XLSX/JSON download",
    response_model=ResultsPage | ResultsFile,
    openapi_extra=KEY_OR_TOKEN,
    responses={200: {"content": _FILES}, **errors(*ON_DOWNLOAD)},
)
async def results(
    state: DownloadStateDep,
    keys: DownloadKeysDep,
    store: StoreDep,
    fmt: Annotated[Literal["csv", "xlsx", "json"] | None, Query(alias="format")] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> ResultsPage | StreamingResponse:
    """Without `format`: a page of rows (`ResultsPage`). With `format`: the file, as an
    attachment; `format=json` is an array of rows keyed by column (`ResultsFile`)."""
    if fmt is not None:
        filename = f"{keys.session_id}-results.{fmt}"
        return StreamingResponse(
            results_file(store, keys, state, fmt),
            media_type=CONTENT_TYPES[fmt],
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )
    plan = await read_plan(store, keys)
    total = plan.total_rows if plan else state.manifest.input.rows
    rows = await page_rows(store, keys, plan, offset, limit) if plan else []
    criteria = await session_criteria(store, keys, state.manifest.options)
    return ResultsPage(
        session_id=keys.session_id,
        status=state.status,
        partial=not state.finalized,
        columns=ExportLayout.of(state.manifest, criteria).columns,
        total=total,
        available=state.counters.done,
        offset=offset,
        limit=limit,
        next_offset=offset + limit if offset + limit < total else None,
        rows=[ResultRowView.of(row) for row in rows],
    )
