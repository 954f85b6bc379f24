"""Result rows: JSON pages (partial while running) and file downloads."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from gateway.deps import DownloadKeysDep, DownloadStateDep, StoreDep
from gateway.downloads import results_file
from gateway.openapi import RESULTS_EXAMPLE
from gateway.results_source import page_rows, read_plan, row_json
from shared.exports import CONTENT_TYPES, output_columns

router = APIRouter(prefix="/api/sessions", tags=["results"])


@router.get(
    "/{session_id}/results",
    summary="Result rows in input order, or a CSV/XLSX/JSON download",
    response_model=None,
    responses={
        200: {
            "content": {
                "application/json": {"example": RESULTS_EXAMPLE},
                "text/csv": {},
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {},
            }
        }
    },
)
async def results(
    state: DownloadStateDep,
    keys: DownloadKeysDep,
    store: StoreDep,
    fmt: Annotated[Literal["csv", "xlsx", "json"] | None, Query(alias="format")] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any] | StreamingResponse:
    """Without `format`: a page of rows. Rows not finished yet are absent from the page."""
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
    return {
        "session_id": keys.session_id,
        "status": state.status.value,
        "partial": not state.finalized,
        "columns": output_columns(state.manifest.input.columns),
        "total": total,
        "available": state.counters.done,
        "offset": offset,
        "limit": limit,
        "next_offset": offset + limit if offset + limit < total else None,
        "rows": [row_json(row) for row in rows],
    }
