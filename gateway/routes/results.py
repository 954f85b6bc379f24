"""Result rows: JSON pages (partial while running) and file downloads."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from gateway.deps import DownloadKeysDep, DownloadStateDep, PlansDep, StoreDep
from gateway.downloads import results_file
from gateway.openapi import KEY_OR_TOKEN
from gateway.openapi.faults import ON_DOWNLOAD, RESULTS_QUERY_REFUSED, errors
from gateway.resources.results import ResultRowView, ResultsFile, ResultsPage
from gateway.results_query import QUERY_MAX, SORT_COLUMNS, ConfidenceBand, parse_query
from gateway.results_scan import scan_page
from gateway.results_source import page_rows
from gateway.review.decision import with_decisions
from gateway.review.storage import read_decisions
from shared.criteria.snapshot import session_criteria
from shared.export_layout import ExportLayout
from shared.exports import CONTENT_TYPES
from shared.rows import RowStatus

router = APIRouter(prefix="/api/sessions", tags=["results"])


STATUS_DOC = "Only rows with one of these `Row_Status` values (repeat the parameter): " + (
    ", ".join(f"`{s.value}`" for s in RowStatus)
)
BAND_DOC = (
    "Only rows in one of these confidence bands (repeat the parameter), on `Website_Confidence` "
    "where the session has it, else `Match_Confidence`: "
    + ", ".join(f"`{b.value}`" for b in ConfidenceBand)
    + " (`high` from 0.8, `medium` from 0.6, `low` below, `none` without a confidence)"
)
SEARCH_DOC = "Only rows whose company name or website domain contains this text (any case)"
SORT_DOC = (
    "Order the rows by this column, descending with a leading `-` (empty values last); "
    "default `row` (input order). Sortable: " + ", ".join(f"`{c}`" for c in SORT_COLUMNS)
)

# The values allowed, in the document; they are checked by `parse_query`, so that an unknown
# one is answered with its own code.
_STATUSES: dict[str, Any] = {
    "json_schema_extra": {"items": {"type": "string", "enum": [s.value for s in RowStatus]}}
}
_BANDS: dict[str, Any] = {
    "json_schema_extra": {"items": {"type": "string", "enum": [b.value for b in ConfidenceBand]}}
}
_SORTS: dict[str, Any] = {
    "json_schema_extra": {"enum": [*SORT_COLUMNS, *(f"-{c}" for c in SORT_COLUMNS)]}
}

_FILE = {"schema": {"type": "string", "format": "binary"}}
_FILES = {"text/csv": _FILE, CONTENT_TYPES["xlsx"]: _FILE}


@router.get(
    "/{session_id}/results",
    summary="Result rows in input order, or a CSV/XLSX/JSON download",
    response_model=ResultsPage | ResultsFile,
    openapi_extra=KEY_OR_TOKEN,
    responses={200: {"content": _FILES}, **errors(*ON_DOWNLOAD, RESULTS_QUERY_REFUSED)},
)
async def results(
    state: DownloadStateDep,
    keys: DownloadKeysDep,
    store: StoreDep,
    plans: PlansDep,
    fmt: Annotated[Literal["csv", "xlsx", "json"] | None, Query(alias="format")] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    status: Annotated[list[str], Query(description=STATUS_DOC, max_length=20, **_STATUSES)] = [],  # noqa: B006  # copied per request
    confidence: Annotated[list[str], Query(description=BAND_DOC, max_length=4, **_BANDS)] = [],  # noqa: B006
    q: Annotated[str | None, Query(description=SEARCH_DOC, max_length=QUERY_MAX)] = None,
    sort: Annotated[str | None, Query(description=SORT_DOC, max_length=40, **_SORTS)] = None,
) -> ResultsPage | StreamingResponse:
    """Without `format`: a page of rows (`ResultsPage`). With `format`: the file, as an
    attachment; `format=json` is an array of rows keyed by column (`ResultsFile`).

    With `status`, `confidence`, `q` or `sort`, the page is taken from the rows finished
    so far that match, over the whole session: `offset` counts matching rows and
    `matched` says how many there are. Downloads always hold every row."""
    query = parse_query(status, confidence, q, sort)
    if fmt is not None:
        filename = f"{keys.session_id}-results.{fmt}"
        return StreamingResponse(
            results_file(store, keys, state, fmt),
            media_type=CONTENT_TYPES[fmt],
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )
    plan = await plans.read(store, keys)
    total = plan.total_rows if plan else state.manifest.input.rows
    decisions = await read_decisions(store, keys) if plan else {}
    if query.plain:
        rows = await page_rows(store, keys, plan, offset, limit) if plan else []
        rows = with_decisions(rows, decisions)
        matched, end = state.counters.done, total
    elif plan:
        matched, rows = await scan_page(store, keys, plan, query, offset, limit, decisions)
        end = matched
    else:
        matched, rows, end = 0, [], 0
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
        matched=matched,
        next_offset=offset + limit if offset + limit < end else None,
        rows=[ResultRowView.of(row) for row in rows],
    )
